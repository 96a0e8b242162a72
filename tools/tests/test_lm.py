"""EGRU language model: export/import round trip, and `evsim eval` perplexity equal to the
PyTorch perplexity of the same checkpoint on the same text."""
import os
import re
import subprocess
import sys

import numpy as np
import pytest
import torch

from evsim_tools.lm import Corpus, EgruLM, batchify, evaluate, export_lm, import_lm, round_to_half
from margins import smallest_margin, well_separated


def write_corpus(root, rng, vocab_size=40):
    words = [f"w{k}" for k in range(vocab_size)]
    for split, lines in (("train", 60), ("valid", 20), ("test", 20)):
        with open(os.path.join(root, f"toy.{split}.txt"), "w") as f:
            for _ in range(lines):
                f.write(" ".join(rng.choice(words, size=int(rng.integers(3, 12)))) + "\n")


def random_lm(corpus, seed):
    torch.manual_seed(seed)
    model = EgruLM(len(corpus.vocab), 16, [12, 16])
    with torch.no_grad():
        for layer in model.layers:
            layer.threshold.uniform_(0.02, 0.2)
            layer.weight_hh.mul_(torch.rand_like(layer.weight_hh) > 0.5)  # pruned: exact zeros
    return model


@pytest.mark.parametrize("half", [False, True])
def test_export_import_round_trip_is_exact(tmp_path, seed, half):
    rng = np.random.default_rng(seed)
    write_corpus(str(tmp_path), rng)
    corpus = Corpus(str(tmp_path))
    model = random_lm(corpus, seed)
    if half:
        round_to_half(model)
    path = str(tmp_path / "lm.h5")
    export_lm(path, model, corpus.vocab, {"test_perplexity": 1.5}, 0.5, half=half)
    back, vocab, meta = import_lm(path)
    assert vocab == corpus.vocab and meta["metrics"]["test_perplexity"] == 1.5 and meta["pruning_level"] == 0.5
    for (k, a), (_, b) in zip(model.state_dict().items(), back.state_dict().items()):
        assert torch.equal(a, b), k


@pytest.mark.parametrize("mode", ["dense", "event"])
def test_evsim_eval_matches_pytorch_perplexity(evsim_bin, tmp_path, seed, mode):
    rng = np.random.default_rng(seed)
    write_corpus(str(tmp_path), rng)
    corpus = Corpus(str(tmp_path))
    data = batchify(corpus.ids["test"], 4)

    def build(s):
        model = random_lm(corpus, s)
        with smallest_margin() as margin:
            result = evaluate(model, data)
        return (model, result), margin[0]

    model, (ppl, _, count) = well_separated(build, seed)
    path = str(tmp_path / "lm.h5")
    export_lm(path, model, corpus.vocab)
    res = subprocess.run([evsim_bin, "eval", path, "--data", str(tmp_path), "--split", "test", "--batch", "4",
                          "--mode", mode], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    got = float(re.search(r"perplexity ([0-9.]+) over (\d+)", res.stdout).group(1))
    n = int(re.search(r"perplexity [0-9.]+ over (\d+)", res.stdout).group(1))
    assert n == count
    assert abs(got - ppl) / ppl < 1e-4, f"evsim {got} vs torch {ppl}"


def test_training_starts_from_init_checkpoint(tmp_path, seed):
    """--init copies a checkpoint's weights (0 epochs: the exported model is that model), and
    refuses one whose sizes differ from --emb/--hidden with a one-line error."""
    rng = np.random.default_rng(seed)
    write_corpus(str(tmp_path), rng)
    corpus = Corpus(str(tmp_path))
    model = random_lm(corpus, seed)
    init = str(tmp_path / "init.h5")
    export_lm(init, model, corpus.vocab)
    script = os.path.join(os.path.dirname(__file__), "..", "train_egru_lm.py")
    base = [sys.executable, script, "--data", str(tmp_path), "--out", str(tmp_path / "out"), "--emb", "16",
            "--levels", "0", "--epochs", "0", "--device", "cpu", "--eval-batch", "4", "--init", init]
    res = subprocess.run(base + ["--hidden", "12,16"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    back, _, _ = import_lm(str(tmp_path / "out" / "egru_lm_p00.h5"))
    for (k, a), (_, b) in zip(model.state_dict().items(), back.state_dict().items()):
        assert torch.equal(a, b), k
    res = subprocess.run(base + ["--hidden", "16,16"], capture_output=True, text=True)
    assert res.returncode != 0 and "do not match" in res.stderr and init in res.stderr
