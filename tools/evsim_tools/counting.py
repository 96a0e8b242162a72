"""Effective-op counting in PyTorch, following NeuroBench: for a projection W (out x in)
and its input x, the work of one step is the number of (non-zero weight, non-zero input)
pairs, bias excluded; it counts as ACs when every non-zero input of that step (all samples)
is +-1, else as MACs. An independent cross-check of evsim's counters."""
import torch


def projection_ops(weight, inputs):
    """weight: out x in; inputs: T x B x in. Returns dict(dense_macs, effective_macs,
    effective_acs, events)."""
    col_nnz = (weight != 0).sum(dim=0).to(torch.int64)  # per input unit
    macs = acs = events = 0
    for x in inputs:
        nz = x != 0
        pairs = int((nz.to(torch.int64) * col_nnz).sum())
        events += int(nz.sum())
        if bool(((x[nz] == 1) | (x[nz] == -1)).all()):
            acs += pairs
        else:
            macs += pairs
    t, b = inputs.shape[0], inputs.shape[1]
    return {"dense_macs": weight.numel() * t * b, "effective_macs": macs, "effective_acs": acs, "events": events}


def egru_ops(layer, inputs, outputs):
    """An EGRU layer: W_ih on its inputs (T x B x I), W_hh on its own outputs of the previous
    step (outputs: T x B x H)."""
    prev = torch.cat([torch.zeros_like(outputs[:1]), outputs[:-1]])
    a = projection_ops(layer.weight_ih.detach(), inputs)
    b = projection_ops(layer.weight_hh.detach(), prev)
    out = {k: a[k] + b[k] for k in ("dense_macs", "effective_macs", "effective_acs")}
    out["events"] = int((outputs != 0).sum())
    return out
