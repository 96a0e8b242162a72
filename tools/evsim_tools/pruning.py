"""Global magnitude pruning with persistent masks (pruned weights are exact zeros)."""
import torch


@torch.no_grad()
def global_magnitude_masks(params, level):
    """Masks keeping the (1 - level) fraction of largest |w| over all `params` together."""
    if level <= 0:
        return [torch.ones_like(p, dtype=torch.bool) for p in params]
    flat = torch.cat([p.detach().abs().flatten() for p in params])
    k = int(round(level * flat.numel()))
    threshold = torch.kthvalue(flat.float().cpu(), k).values.item() if k > 0 else -1.0
    return [p.detach().abs() > threshold for p in params]


@torch.no_grad()
def apply_masks(params, masks):
    for p, m in zip(params, masks):
        p.mul_(m.to(p.dtype))


def density(params):
    nnz = sum(int((p != 0).sum()) for p in params)
    return nnz / sum(p.numel() for p in params)
