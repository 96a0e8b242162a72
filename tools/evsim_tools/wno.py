"""Wavelet neural operators with evsim's semantics (../shared/DESIGN.md section 7): the
Daubechies filters (built from their definition, as evsim does: no PyWavelets needed on the
GPU machine), the 2-D DWT/IDWT with PyWavelets' 'symmetric' boundary as matrices (so it runs
batched on a GPU and is differentiable), WaveletConv2d, and the WNO / VS-WNO models of the
Darcy benchmark, with their export to an evsim checkpoint."""
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from . import checkpoint as ck
from .files import UserError
from .modules import VSN


def daubechies(n):
    """(dec_lo, dec_hi, rec_lo, rec_hi) of dbN, PyWavelets' conventions."""
    p = [math.comb(n - 1 + k, k) for k in range(n)]
    inside = []
    for y in (np.roots(p[::-1]) if n > 1 else []):
        b = 2 - 4 * y
        disc = np.sqrt(b * b - 4 + 0j)
        z1, z2 = (b + disc) / 2, (b - disc) / 2
        inside.append(z1 if abs(z1) < abs(z2) else z2)
    h = np.array([1.0 + 0j])
    for r in inside:
        h = np.convolve(h, [1.0, -r])
    for _ in range(n):
        h = np.convolve(h, [1.0, 1.0])
    rec_lo = (h / h.sum()).real * math.sqrt(2)
    dec_lo = rec_lo[::-1].copy()
    rec_hi = np.array([v if k % 2 == 0 else -v for k, v in enumerate(dec_lo)])
    return dec_lo, rec_hi[::-1].copy(), rec_lo, rec_hi


def wavelet_filters(name):
    if name == "haar":
        return daubechies(1)
    if name.startswith("db") and name[2:].isdigit() and 1 <= int(name[2:]) <= 20:
        return daubechies(int(name[2:]))
    raise ValueError(f"wavelet '{name}': expected haar or db1-db20")


def coeff_len(n, f):
    return (n + f - 1) // 2


def _mirror(i, n):
    m = i % (2 * n)
    return m if m < n else 2 * n - 1 - m


def analysis_matrix(f, n):
    """m x n: a[i] = sum_j f[j] x[mirror(2i + 1 - j)]."""
    m = coeff_len(n, len(f))
    a = np.zeros((m, n))
    for i in range(m):
        for j, fj in enumerate(f):
            a[i, _mirror(2 * i + 1 - j, n)] += fj
    return a


def synthesis_matrix(f, n):
    """(2n - F + 2) x n: y[t] = sum_k c[k] f[t + F - 2 - 2k]."""
    flen = len(f)
    out = 2 * n - flen + 2
    s = np.zeros((out, n))
    for t in range(out):
        for k in range(n):
            j = t + flen - 2 - 2 * k
            if 0 <= j < flen:
                s[t, k] = f[j]
    return s


class Dwt2d(nn.Module):
    """J-level 2-D DWT of (..., H, W) and its inverse; coefficient layout as pywt.wavedec2
    (approx; per level (H, V, D), level 1 finest), reconstruction cropped to H x W."""

    def __init__(self, wavelet, levels, rows, cols):
        super().__init__()
        dec_lo, dec_hi, rec_lo, rec_hi = wavelet_filters(wavelet)
        self.levels, self.flen = levels, len(dec_lo)
        self.sizes = [(rows, cols)]
        for _ in range(levels):
            r, c = self.sizes[-1]
            self.sizes.append((coeff_len(r, self.flen), coeff_len(c, self.flen)))
        for lvl in range(levels):
            (r, c), (r2, c2) = self.sizes[lvl], self.sizes[lvl + 1]
            for tag, mat in (("alr", analysis_matrix(dec_lo, r)), ("ahr", analysis_matrix(dec_hi, r)),
                             ("alc", analysis_matrix(dec_lo, c)), ("ahc", analysis_matrix(dec_hi, c)),
                             ("slr", synthesis_matrix(rec_lo, r2)), ("shr", synthesis_matrix(rec_hi, r2)),
                             ("slc", synthesis_matrix(rec_lo, c2)), ("shc", synthesis_matrix(rec_hi, c2))):
                self.register_buffer(f"{tag}{lvl}", torch.tensor(mat, dtype=torch.float32), persistent=False)

    def m(self, tag, lvl):
        return getattr(self, f"{tag}{lvl}")

    def forward(self, x):
        details = []
        for lvl in range(self.levels):
            lo = torch.einsum("mh,...hw->...mw", self.m("alr", lvl), x)
            hi = torch.einsum("mh,...hw->...mw", self.m("ahr", lvl), x)
            aa = torch.einsum("...mw,nw->...mn", lo, self.m("alc", lvl))
            ad = torch.einsum("...mw,nw->...mn", lo, self.m("ahc", lvl))
            da = torch.einsum("...mw,nw->...mn", hi, self.m("alc", lvl))
            dd = torch.einsum("...mw,nw->...mn", hi, self.m("ahc", lvl))
            details.append((da, ad, dd))
            x = aa
        return x, details

    def inverse(self, approx, details):
        a = approx
        for lvl in reversed(range(self.levels)):
            r2, c2 = self.sizes[lvl + 1]
            a = a[..., :r2, :c2]
            dh, dv, dd = details[lvl]
            lo = (torch.einsum("...mn,wn->...mw", a, self.m("slc", lvl)) +
                  torch.einsum("...mn,wn->...mw", dv, self.m("shc", lvl)))
            hi = (torch.einsum("...mn,wn->...mw", dh, self.m("slc", lvl)) +
                  torch.einsum("...mn,wn->...mw", dd, self.m("shc", lvl)))
            a = (torch.einsum("hm,...mw->...hw", self.m("slr", lvl), lo) +
                 torch.einsum("hm,...mw->...hw", self.m("shr", lvl), hi))
        r, c = self.sizes[0]
        return a[..., :r, :c]


def _analysis_1d(x, lo, hi):
    """One level along the last axis (numpy): (..., n) -> (..., m), (..., m)."""
    n = x.shape[-1]
    return x @ analysis_matrix(lo, n).T, x @ analysis_matrix(hi, n).T


def coarsest_maps(wavelet, levels, n):
    """The two linear maps of one axis that a WaveletConv2d needs: D (2m x n), the coarsest
    approximation and detail of a signal (rows 0..m-1: approx, m..2m-1: detail), and R
    (n x 2m), the signal rebuilt from those two bands alone (finer details zero), through
    every level with pywt's trimming and the final crop. Built by pushing unit vectors through
    the filter bank, in double."""
    dec_lo, dec_hi, rec_lo, rec_hi = wavelet_filters(wavelet)
    eye = np.eye(n)
    a, sizes = eye, [n]
    for _ in range(levels):
        a, d = _analysis_1d(a, dec_lo, dec_hi)
        sizes.append(a.shape[-1])
    # a, d: (n, m) responses of the last level; D maps a signal to them.
    D = np.concatenate([a.T, d.T], axis=0)
    m = sizes[-1]
    R = np.zeros((n, 2 * m))
    for col in range(2 * m):
        ca, cd = np.zeros(m), np.zeros(m)
        (ca if col < m else cd)[col % m] = 1.0
        y = synthesis_matrix(rec_lo, m) @ ca + synthesis_matrix(rec_hi, m) @ cd
        for lvl in reversed(range(levels - 1)):
            y = synthesis_matrix(rec_lo, sizes[lvl + 1]) @ y[:sizes[lvl + 1]]
        R[:, col] = y[:n]
    return D, R


class WaveletConv2d(nn.Module):
    """The WNO kernel integral: DWT, per-coefficient channel mixing of the coarsest approx and
    details, finer details kept (or zeroed), inverse DWT.

    Computed without the level-by-level transform: the coarsest bands are C = D_r x D_c^T and
    the finer details are untouched, so by linearity (the transform inverts itself) the output
    is x + R_r (M(C) - C) R_c^T with 'keep', or R_r M(C) R_c^T with 'zero' -- five small
    matrix products instead of dozens of kernels per layer (the same map as evsim's
    level-by-level C++, up to float rounding; tools/tests/test_wno.py)."""

    def __init__(self, channels_in, channels_out, rows, cols, wavelet="db4", levels=4, finer="keep"):
        super().__init__()
        if finer == "keep" and channels_in != channels_out:
            raise ValueError("finer details 'keep' needs as many output as input channels")
        self.wavelet, self.levels, self.finer = wavelet, levels, finer
        dr, rr = coarsest_maps(wavelet, levels, rows)
        dc, rc = coarsest_maps(wavelet, levels, cols)
        for name, mat in (("dr", dr), ("rr", rr), ("dc", dc), ("rc", rc)):
            self.register_buffer(name, torch.tensor(mat, dtype=torch.float32), persistent=False)
        h, w = dr.shape[0] // 2, dc.shape[0] // 2
        scale = 1.0 / (channels_in * channels_out)
        self.weight_approx = nn.Parameter(scale * torch.rand(channels_in, channels_out, h, w))
        self.weight_detail = nn.Parameter(scale * torch.rand(3, channels_in, channels_out, h, w))

    def forward(self, x):
        c = torch.einsum("mh,bihw,nw->bimn", self.dr, x, self.dc)  # (B, Cin, 2h, 2w) band blocks
        h, w = c.shape[-2] // 2, c.shape[-1] // 2
        # Blocks [[aa, ad], [da, dd]]: approx, cV (ad), cH (da), cD (dd); weight_detail is (H, V, D).
        bands = torch.stack([c[..., :h, :w], c[..., h:, :w], c[..., :h, w:], c[..., h:, w:]], dim=1)
        weights = torch.cat([self.weight_approx.unsqueeze(0), self.weight_detail], dim=0)
        mixed = torch.einsum("bkixy,kioxy->bkoxy", bands, weights)
        if self.finer == "keep":
            mixed = mixed - bands
        top = torch.cat([mixed[:, 0], mixed[:, 2]], dim=-1)
        bottom = torch.cat([mixed[:, 1], mixed[:, 3]], dim=-1)
        out = torch.einsum("hm,bomn,wn->bohw", self.rr, torch.cat([top, bottom], dim=-2), self.rc)
        return x + out if self.finer == "keep" else out


def grid_channels(x):
    """Appends the coordinate channels (0..1 down the rows, along the columns) to (B, C, H, W)."""
    b, _, h, w = x.shape
    gx = torch.linspace(0, 1, h, device=x.device).view(1, 1, h, 1).expand(b, 1, h, w)
    gy = torch.linspace(0, 1, w, device=x.device).view(1, 1, 1, w).expand(b, 1, h, w)
    return torch.cat([x, gx, gy], dim=1)


class GaussianNormalizer(nn.Module):
    """Per-pixel (x - mean) / (std + eps) and back (FNO's UnitGaussianNormalizer)."""

    def __init__(self, data=None, eps=1e-5, mean=None, std=None):
        """From training data (per-pixel mean and std over samples), or from stored mean and std."""
        super().__init__()
        self.register_buffer("mean", data.mean(0) if data is not None else torch.as_tensor(mean, dtype=torch.float32))
        self.register_buffer("std", data.std(0) if data is not None else torch.as_tensor(std, dtype=torch.float32))
        self.eps = float(eps)

    def encode(self, x):
        return (x - self.mean) / (self.std + self.eps)

    def decode(self, x):
        return x * (self.std + self.eps) + self.mean


class WNO2d(nn.Module):
    """The Darcy WNO: normalise a, grid channels, lift 3 -> width, pad right/bottom by one, four
    WNO layers v = act(K v + W v) (no act after the last), crop, project width -> hidden -> 1,
    decode. spiking=True: VS-WNO (a VSN with GELU in place of each of the four activations)."""

    def __init__(self, x_norm, y_norm, rows, cols, width=64, hidden=192, wavelet="db4", levels=4, pad=1,
                 spiking=False, finer="keep", threshold=0.1):
        super().__init__()
        self.x_norm, self.y_norm, self.pad, self.spiking = x_norm, y_norm, pad, spiking
        self.lift = nn.Conv2d(3, width, 1)
        r, c = rows + pad, cols + pad
        self.k = nn.ModuleList([WaveletConv2d(width, width, r, c, wavelet, levels, finer) for _ in range(4)])
        self.w = nn.ModuleList([nn.Conv2d(width, width, 1) for _ in range(4)])
        self.fc1, self.fc2 = nn.Conv2d(width, hidden, 1), nn.Conv2d(hidden, 1, 1)
        if spiking:
            self.vsn = nn.ModuleList([VSN(torch.ones(n, 1, 1), torch.full((n, 1, 1), threshold), "gelu")
                                      for n in (width, width, width, hidden)])

    def act(self, k, x):
        return self.vsn[k].step(x, None)[0] if self.spiking else F.gelu(x)

    def forward(self, a, record=None):
        """a: (B, H, W) raw coefficients -> (B, H, W) solution. record: list to which each
        activation's output is appended (for spike rates)."""
        x = grid_channels(self.x_norm.encode(a).unsqueeze(1))
        x = F.pad(self.lift(x), [0, self.pad, 0, self.pad])
        for k in range(4):
            x = self.k[k](x) + self.w[k](x)
            if k < 3:
                x = self.act(k, x)
                if record is not None:
                    record.append(x)
        x = x[..., :x.shape[-2] - self.pad, :x.shape[-1] - self.pad]
        x = self.act(3, self.fc1(x))
        if record is not None:
            record.append(x)
        return self.y_norm.decode(self.fc2(x).squeeze(1))


def _np(t):
    return t.detach().cpu().numpy().astype(np.float32)


def _conv_node(name, conv):
    return (name, "Conv2d", {"weight": _np(conv.weight), "bias": _np(conv.bias), "stride": np.int64(1),
                             "padding": np.int64(0)})


def export_wno(path, model, rows, cols, meta=None, half=False):
    """The evsim graph of a WNO2d: Input (1, H, W) of raw coefficients -> ... -> Output.
    half=True stores the float parameters as float16 (evsim computes in float32)."""
    width = model.lift.out_channels
    nodes = [("input", "Input", {"shape": np.array([1, rows, cols], dtype=np.int64)}),
             ("x_norm", "Normalize", {"mean": _np(model.x_norm.mean), "std": _np(model.x_norm.std),
                                      "eps": np.float32(model.x_norm.eps)}),
             ("grid", "GridChannels", {}), _conv_node("lift", model.lift),
             ("pad", "Pad2d", {"padding": np.array([0, model.pad, 0, model.pad], dtype=np.int64)})]
    edges = [("input", "x_norm"), ("x_norm", "grid"), ("grid", "lift"), ("lift", "pad")]
    prev = "pad"

    def act_node(name, k, channels):
        if model.spiking:
            v = model.vsn[k]
            return (name, "VSN", {"beta": _np(v.beta).reshape(channels), "threshold": _np(v.threshold).reshape(channels),
                                  "activation": "gelu", "spike_steps": np.int64(1)})
        return (name, "Activation", {"function": "gelu"})

    for k in range(4):
        kc = model.k[k]
        nodes.append((f"k{k}", "WaveletConv2d", {"weight_approx": _np(kc.weight_approx),
                                                 "weight_detail": _np(kc.weight_detail), "wavelet": kc.wavelet,
                                                 "levels": np.int64(kc.levels), "finer_details": kc.finer}))
        nodes.append(_conv_node(f"w{k}", model.w[k]))
        edges += [(prev, f"k{k}"), (prev, f"w{k}")]
        nxt = f"act{k}" if k < 3 else "crop"
        if k < 3:
            nodes.append(act_node(nxt, k, width))
        else:
            nodes.append(("crop", "Crop2d", {"crop": np.array([0, model.pad, 0, model.pad], dtype=np.int64)}))
        edges += [(f"k{k}", nxt), (f"w{k}", nxt)]
        prev = nxt
    nodes += [_conv_node("fc1", model.fc1), act_node("act_fc", 3, model.fc1.out_channels), _conv_node("fc2", model.fc2),
              ("y_norm", "Normalize", {"mean": _np(model.y_norm.mean).reshape(1, rows, cols),
                                       "std": _np(model.y_norm.std).reshape(1, rows, cols),
                                       "eps": np.float32(model.y_norm.eps), "inverse": np.int64(1)}),
              ("output", "Output", {})]
    edges += [("crop", "fc1"), ("fc1", "act_fc"), ("act_fc", "fc2"), ("fc2", "y_norm"), ("y_norm", "output")]
    meta = dict(meta or {})
    meta.setdefault("model", "vswno" if model.spiking else "wno")
    if half:
        nodes = [(n, t, {k: (v.astype(np.float16) if isinstance(v, np.ndarray) and v.dtype.kind == "f" else v)
                         for k, v in p.items()}) for n, t, p in nodes]
    ck.write_graph(path, nodes, edges, meta)


def import_wno(path):
    """The WNO2d of an evsim checkpoint written by export_wno (weights as stored, float32)."""
    nodes, _, meta = ck.read_graph(path)
    if any(n not in nodes for n in ("input", "x_norm", "y_norm", "act0", "k0", "fc1", "pad")):
        raise UserError(path, "nodes 'input', 'x_norm', 'k0', 'fc1' ...: expected (a WNO or VS-WNO from train_wno.py)")
    f32 = lambda a: torch.as_tensor(np.asarray(a, dtype=np.float32))
    _, rows, cols = (int(v) for v in nodes["input"][1]["shape"])
    xn, yn = nodes["x_norm"][1], nodes["y_norm"][1]
    spiking = nodes["act0"][0] == "VSN"
    k0 = nodes["k0"][1]
    width = k0["weight_approx"].shape[0]
    hidden = nodes["fc1"][1]["weight"].shape[0]
    pad = int(nodes["pad"][1]["padding"][1])
    norm = lambda n: GaussianNormalizer(eps=n["eps"], mean=f32(n["mean"]).reshape(rows, cols),
                                        std=f32(n["std"]).reshape(rows, cols))
    model = WNO2d(norm(xn), norm(yn),
                  rows, cols, width, hidden, str(k0["wavelet"]), int(k0["levels"]), pad, spiking,
                  str(k0.get("finer_details", "keep")))
    with torch.no_grad():
        for name, conv in [("lift", model.lift), ("fc1", model.fc1), ("fc2", model.fc2)] + \
                [(f"w{k}", model.w[k]) for k in range(4)]:
            conv.weight.copy_(f32(nodes[name][1]["weight"]))
            conv.bias.copy_(f32(nodes[name][1]["bias"]))
        for k in range(4):
            model.k[k].weight_approx.copy_(f32(nodes[f"k{k}"][1]["weight_approx"]))
            model.k[k].weight_detail.copy_(f32(nodes[f"k{k}"][1]["weight_detail"]))
        if spiking:
            for k, name in enumerate(("act0", "act1", "act2", "act_fc")):
                v = model.vsn[k]
                v.beta.copy_(f32(nodes[name][1]["beta"]).reshape(v.beta.shape))
                v.threshold.copy_(f32(nodes[name][1]["threshold"]).reshape(v.threshold.shape))
    return model.eval(), meta
