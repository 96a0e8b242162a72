#!/usr/bin/env python3
"""What a user would otherwise run to evaluate a language model of the shipped size on the GPU:
perplexity over a whole Mikolov split in `batch` contiguous streams, state carried through.
  - torch-egru: the project's own PyTorch EGRU (tools/evsim_tools) on the checkpoint itself
    (eager, one kernel per op), log-softmax in double as evsim;
  - cudnn-gru: a cuDNN nn.GRU of the same size (embedding, layers x hidden, decoder tied to
    the embedding; random weights: the time does not depend on them), cross-entropy in float32.
PyTorch's defaults for TF32 (printed). Wall time with CUDA synchronisation, after one warm-up
pass over the first chunks; model loading and the corpus are outside the timed region.
Prints one JSON object."""
import argparse
import json
import math
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools.files import run_main  # noqa: E402
from evsim_tools.lm import batchify, evaluate, import_lm, read_words, split_path  # noqa: E402


def timed(fn):
    torch.cuda.synchronize()
    t0 = time.perf_counter()
    out = fn()
    torch.cuda.synchronize()
    return out, time.perf_counter() - t0


@torch.no_grad()
def cudnn_eval(gru, emb, bias, data, bptt):
    nll, count, h = 0.0, 0, None
    steps = data.shape[0] - 1
    for t0 in range(0, steps, bptt):
        t1 = min(t0 + bptt, steps)
        out, h = gru(emb(data[t0:t1]), h)
        logits = out @ emb.weight.t() + bias
        nll += float(torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                                                       data[t0 + 1:t1 + 1].reshape(-1), reduction="sum"))
        count += (t1 - t0) * data.shape[1]
    return math.exp(nll / count)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("checkpoint")
    p.add_argument("--data", required=True)
    p.add_argument("--split", default="test")
    p.add_argument("--batch", type=int, default=10)
    p.add_argument("--bptt", type=int, default=70)
    a = p.parse_args()
    dev = "cuda"
    model, vocab, _ = import_lm(a.checkpoint)
    index = {w: k for k, w in enumerate(vocab)}
    ids = torch.tensor([index[w] for w in read_words(split_path(a.data, a.split))], dtype=torch.int64)
    data = batchify(ids, a.batch).to(dev)
    model = model.to(dev).eval()
    emb_size, hidden = model.embedding.weight.shape[1], [layer.hidden_size for layer in model.layers]
    gru = torch.nn.GRU(emb_size, hidden[0], len(hidden)).to(dev).eval()
    emb = torch.nn.Embedding(len(vocab), emb_size).to(dev)
    bias = torch.zeros(len(vocab), device=dev)
    warm = data[: 3 * a.bptt + 1]
    evaluate(model, warm, bptt=a.bptt)
    cudnn_eval(gru, emb, bias, warm, a.bptt)
    (ppl, _, predicted), t_egru = timed(lambda: evaluate(model, data, bptt=a.bptt))
    ppl_gru, t_gru = timed(lambda: cudnn_eval(gru, emb, bias, data, a.bptt))
    print(json.dumps({"device": torch.cuda.get_device_name(), "torch": torch.__version__,
                      "tf32_matmul": torch.backends.cuda.matmul.allow_tf32, "tf32_cudnn": torch.backends.cudnn.allow_tf32,
                      "split": a.split, "predicted_tokens": predicted, "batch": a.batch, "bptt": a.bptt,
                      "torch_egru_s": t_egru, "torch_egru_perplexity": ppl,
                      "cudnn_gru_s": t_gru, "cudnn_gru_perplexity_random_weights": ppl_gru}))


if __name__ == "__main__":
    run_main(main)
