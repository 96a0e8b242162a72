"""EGRU language model (Embedding -> EGRU stack -> decoder tied to the embedding) on
Mikolov-format text, its evaluation, and its export to / import from evsim checkpoints."""
import math
import os

import numpy as np
import torch
from torch import nn

from .checkpoint import read_graph, write_graph
from .files import UserError
from .modules import EGRU


def split_path(data_dir, split):
    """Mikolov layout: DIR/ptb.<split>.txt (PTB) or DIR/<split>.txt (WikiText-2)."""
    if not os.path.isdir(data_dir):
        raise UserError(data_dir, "expected a directory of Mikolov-format text (train, valid and test .txt)")
    for name in (f"{split}.txt",):
        if os.path.exists(os.path.join(data_dir, name)):
            return os.path.join(data_dir, name)
    for name in sorted(os.listdir(data_dir)):
        if name.endswith(f".{split}.txt"):
            return os.path.join(data_dir, name)
    raise UserError(data_dir, f"no {split}.txt or *.{split}.txt")


def read_words(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield from line.split() + ["<eos>"]


class Corpus:
    """Vocabulary in order of first appearance over train, valid, test (PyTorch's
    word_language_model convention); one <eos> appended per line."""

    def __init__(self, data_dir):
        self.vocab, self.index = [], {}
        self.ids = {}
        for split in ("train", "valid", "test"):
            words = list(read_words(split_path(data_dir, split)))
            for w in words:
                if w not in self.index:
                    self.index[w] = len(self.vocab)
                    self.vocab.append(w)
            self.ids[split] = torch.tensor([self.index[w] for w in words], dtype=torch.int64)


def batchify(ids, batch):
    """B contiguous streams: (n x B), column b = ids[b*n : (b+1)*n]."""
    n = ids.numel() // batch
    return ids[: n * batch].view(batch, n).t().contiguous()


class EgruLM(nn.Module):
    def __init__(self, vocab, emb, hidden, dropout=0.0, threshold=0.1):
        super().__init__()
        if hidden[-1] != emb:
            raise ValueError("the decoder is tied to the embedding: last hidden size must equal emb")
        self.embedding = nn.Embedding(vocab, emb)
        nn.init.uniform_(self.embedding.weight, -0.1, 0.1)
        sizes = [emb] + list(hidden)
        self.layers = nn.ModuleList(EGRU(sizes[k], sizes[k + 1], threshold) for k in range(len(hidden)))
        self.decoder_bias = nn.Parameter(torch.zeros(vocab))
        self.drop = nn.Dropout(dropout)

    def forward(self, tokens, states=None):
        """tokens: T x B. Returns logits (T x B x V), new states, gate tensors per layer."""
        states = states or [None] * len(self.layers)
        h = self.drop(self.embedding(tokens))
        new_states, gates = [], []
        for layer, st in zip(self.layers, states):
            h, o, st = layer(h, st)
            new_states.append(st)
            gates.append(o)
            h = self.drop(h)
        logits = h @ self.embedding.weight.t() + self.decoder_bias
        return logits, new_states, gates

    def egru_weights(self):
        return [p for layer in self.layers for p in (layer.weight_ih, layer.weight_hh)]


def detach(states):
    return [tuple(s.detach() for s in st) for st in states]


@torch.no_grad()
def evaluate(model, data, bptt=70, limit_steps=None):
    """Perplexity over streams `data` (n x B): predicts data[t+1] from data[:t+1] with the
    state carried through the whole stream (what `evsim eval` computes step by step).
    Returns (perplexity, per-layer activity, predictions)."""
    model.eval()
    steps = data.shape[0] - 1 if limit_steps is None else min(limit_steps, data.shape[0] - 1)
    nll, count, states = 0.0, 0, None
    fired = [0] * len(model.layers)
    units = [0] * len(model.layers)
    for t0 in range(0, steps, bptt):
        t1 = min(t0 + bptt, steps)
        logits, states, gates = model(data[t0:t1], states)
        logp = torch.log_softmax(logits.double(), dim=-1)
        nll -= float(logp.gather(-1, data[t0 + 1:t1 + 1].unsqueeze(-1)).sum())
        count += (t1 - t0) * data.shape[1]
        for k, o in enumerate(gates):
            fired[k] += int((o != 0).sum())
            units[k] += o.numel()
    return math.exp(nll / count), [f / u for f, u in zip(fired, units)], count


def egru_nodes(model):
    nodes = []
    for k, layer in enumerate(model.layers):
        nodes.append((f"egru{k + 1}", "EGRU", {
            "weight_ih": layer.weight_ih.detach().cpu().numpy(), "weight_hh": layer.weight_hh.detach().cpu().numpy(),
            "bias_ih": layer.bias_ih.detach().cpu().numpy(), "bias_hh": layer.bias_hh.detach().cpu().numpy(),
            "threshold": layer.threshold.detach().cpu().numpy()}))
    return nodes


def export_lm(path, model, vocab, metrics=None, pruning_level=0.0, half=False):
    """Input(token id) -> Embedding -> EGRU... -> Affine decoder (its weight a hard link to
    the embedding: tied, stored once) -> Output. half=True stores float parameters as
    float16 (evsim computes in float32); call round_to_half first so PyTorch's metrics
    describe exactly the stored model."""
    emb = model.embedding.weight.detach().cpu().numpy()
    nodes = [("input", "Input", {"shape": np.array([1], dtype=np.int64)}),
             ("embedding", "Embedding", {"weight": emb})]
    nodes += egru_nodes(model)
    nodes += [("decoder", "Affine", {"weight": emb, "bias": model.decoder_bias.detach().cpu().numpy()}),
              ("output", "Output", {"shape": np.array([len(vocab)], dtype=np.int64)})]
    names = [n[0] for n in nodes]
    edges = list(zip(names[:-1], names[1:]))
    meta = {"model": "egru_lm", "vocab": vocab, "metrics": metrics or {},
            "pruning_method": "global_magnitude" if pruning_level else "none", "pruning_level": pruning_level}
    if half:
        nodes = [(n, t, {k: (v.astype(np.float16) if isinstance(v, np.ndarray) and v.dtype.kind == "f" else v)
                         for k, v in p.items()}) for n, t, p in nodes]
    write_graph(path, nodes, edges, meta, links={("decoder", "weight"): ("embedding", "weight")})


@torch.no_grad()
def round_to_half(model):
    for p in model.parameters():
        p.copy_(p.half().float())


def import_lm(path):
    """Checkpoint -> (EgruLM, vocab, meta). Exact inverse of export_lm."""
    nodes, edges, meta = read_graph(path)
    order = [e[1] for e in edges if e[1] in nodes]
    egrus = [n for n in order if nodes[n][0] == "EGRU"]
    if not egrus or "embedding" not in nodes or "decoder" not in nodes:
        raise UserError(path, "nodes 'embedding', EGRU layers and 'decoder': expected (an EGRU language model)")
    emb = nodes["embedding"][1]["weight"].astype(np.float32)
    hidden = [nodes[n][1]["weight_hh"].shape[1] for n in egrus]
    model = EgruLM(emb.shape[0], emb.shape[1], hidden)
    with torch.no_grad():
        model.embedding.weight.copy_(torch.from_numpy(emb))
        model.decoder_bias.copy_(torch.from_numpy(nodes["decoder"][1]["bias"].astype(np.float32)))
        for layer, name in zip(model.layers, egrus):
            for key in ("weight_ih", "weight_hh", "bias_ih", "bias_hh", "threshold"):
                getattr(layer, key).copy_(torch.from_numpy(nodes[name][1][key].astype(np.float32)))
    return model, meta.get("vocab", []), meta
