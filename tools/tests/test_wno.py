"""WNO and VS-WNO exported from PyTorch (tools/evsim_tools/wno.py) run in evsim's both modes
with PyTorch's outputs; the WaveletConv2d counts are the hand-computed dense work in both modes;
the VSN layers' events are the PyTorch model's non-zero activations."""
import os

import numpy as np
import pytest
import torch

from evsim_run import rel_err, run
from evsim_tools import wno

ROWS = COLS = 15
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def small_model(seed, spiking):
    torch.manual_seed(seed)
    a = torch.where(torch.rand(40, ROWS, COLS) > 0.5, 12.0, 3.0)
    u = torch.rand(40, ROWS, COLS) * 0.01
    m = wno.WNO2d(wno.GaussianNormalizer(a), wno.GaussianNormalizer(u), ROWS, COLS, width=4, hidden=6,
                  wavelet="db2", levels=2, spiking=spiking, threshold=0.05)
    with torch.no_grad():  # weights large enough that the layers matter
        for k in m.k:
            k.weight_approx.mul_(20.0)
            k.weight_detail.mul_(20.0)
    return m.eval(), a


def dwt_macs(rows, cols, flen, levels):
    """Forward: every level filters the columns (both filters), then the rows of both halves;
    inverse: each output of each 1-D synthesis sums F products."""
    fwd = inv = 0
    for _ in range(levels):
        r2, c2 = wno.coeff_len(rows, flen), wno.coeff_len(cols, flen)
        fwd += 2 * flen * (r2 * cols + 2 * r2 * c2)
        cw, rh = 2 * c2 - flen + 2, 2 * r2 - flen + 2
        inv += flen * (2 * r2 * cw + rh * cw)
        rows, cols = r2, c2
    return fwd, inv


@pytest.mark.parametrize("spiking", [False, True])
def test_evsim_equals_pytorch_in_both_modes(evsim_bin, tmp_path, seed, spiking):
    model, a = small_model(seed, spiking)
    path = str(tmp_path / "wno.h5")
    wno.export_wno(path, model, ROWS, COLS)
    x = a[:3]
    record = []
    with torch.no_grad():
        want = model(x, record).numpy()
    inp = x.reshape(1, 3, ROWS * COLS).numpy()
    counts = {}
    for mode in ("dense", "event"):
        y, layers = run(evsim_bin, path, inp, mode, str(tmp_path))
        got = y.reshape(3, ROWS, COLS)
        assert rel_err(got, want) < 2e-4, (mode, rel_err(got, want))
        counts[mode] = layers
    # WaveletConv2d: the same dense work in both modes, as computed by hand.
    fwd, inv = dwt_macs(ROWS + 1, COLS + 1, 4, 2)
    h, w = model.k[0].weight_approx.shape[-2:]
    per_sample = 4 * fwd + 4 * 4 * 4 * h * w + 4 * inv
    for mode in ("dense", "event"):
        k0 = counts[mode]["k0"]
        assert k0["dense_macs"] == 3 * per_sample and k0["effective_macs"] == 3 * per_sample, (mode, k0)
    if spiking:  # events of each VSN layer = the PyTorch activation's non-zeros
        for name, act in zip(("act0", "act1", "act2", "act_fc"), record):
            assert counts["event"][name]["events"] == int((act != 0).sum()), name
        assert 0 < sum(int((a != 0).sum()) for a in record) < sum(a.numel() for a in record)


@pytest.mark.parametrize("spiking", [False, True])
def test_eval_on_a_darcy_file_equals_pytorch(evsim_bin, tmp_path, seed, spiking):
    import json
    import subprocess
    import h5py
    data = tmp_path / "darcy.h5"
    res = subprocess.run([evsim_bin, "data", "darcy", "--n", "7", "--resolution", str(ROWS), "--seed", str(seed),
                          "--out", str(data)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    with h5py.File(data, "r") as f:
        a, u = torch.tensor(f["coeff"][()]), torch.tensor(f["sol"][()])
    model, _ = small_model(seed, spiking)
    model.y_norm = wno.GaussianNormalizer(u)  # the solution's scale, so the error is meaningful
    path = str(tmp_path / "m.h5")
    wno.export_wno(path, model, ROWS, COLS)
    record = []
    with torch.no_grad():
        pred = model(a, record)
    want = float((torch.linalg.vector_norm((pred - u).flatten(1), dim=1) / torch.linalg.vector_norm(u.flatten(1), dim=1)).mean())
    for mode in ("dense", "event"):
        rep = tmp_path / f"{mode}.json"
        res = subprocess.run([evsim_bin, "eval", path, "--data", str(data), "--mode", mode, "--batch", "3",
                              "--json", str(rep)], capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
        j = json.load(open(rep))
        assert abs(j["rel_l2"] - want) <= 1e-3 * want, (mode, j["rel_l2"], want)
        assert j["samples"] == 7 and len(j["rel_l2_per_sample"]) == 7
        if spiking:
            layers = {l["name"]: l for l in j["layers"]}
            for name, act in zip(("act0", "act1", "act2", "act_fc"), record):
                assert layers[name]["events"] == int((act != 0).sum()), (mode, name)


@pytest.mark.parametrize("finer", ["keep", "zero"])
def test_composite_wavelet_conv_equals_the_level_by_level_transform(seed, finer):
    torch.manual_seed(seed)
    for rows, cols, wavelet, levels in ((16, 16, "db2", 2), (86, 86, "db4", 4), (19, 23, "db3", 3)):
        m = wno.WaveletConv2d(4, 4, rows, cols, wavelet, levels, finer)
        x = torch.randn(3, 4, rows, cols)
        dwt = wno.Dwt2d(wavelet, levels, rows, cols)
        approx, details = dwt(x)
        mix = lambda c, w: torch.einsum("bixy,ioxy->boxy", c, w)
        coarse = tuple(mix(b, m.weight_detail[k]) for k, b in enumerate(details[-1]))
        finer_bands = [d if finer == "keep" else tuple(torch.zeros_like(b) for b in d) for d in details[:-1]]
        want = dwt.inverse(mix(approx, m.weight_approx), finer_bands + [coarse])
        with torch.no_grad():
            assert float((m(x) - want).abs().max() / want.abs().max()) < 2e-6, (rows, cols, wavelet, levels)


def test_eval_on_data_of_another_size_is_one_line(evsim_bin, tmp_path, seed):
    import subprocess
    model, _ = small_model(seed, False)
    path = str(tmp_path / "m.h5")
    wno.export_wno(path, model, ROWS, COLS)
    data = tmp_path / "d.h5"
    assert subprocess.run([evsim_bin, "data", "darcy", "--n", "2", "--resolution", "17", "--out", str(data)],
                          capture_output=True).returncode == 0
    res = subprocess.run([evsim_bin, "eval", path, "--data", str(data)], capture_output=True, text=True)
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"evsim: error: {data}: fields of 17 x 17"), res.stderr


def test_sweep_of_threshold_scales_on_a_darcy_file(evsim_bin, tmp_path, seed):
    import json
    import subprocess
    import sys
    data = tmp_path / "darcy.h5"
    assert subprocess.run([evsim_bin, "data", "darcy", "--n", "4", "--resolution", str(ROWS), "--seed", str(seed),
                           "--out", str(data)], capture_output=True).returncode == 0
    model, _ = small_model(seed, True)
    path = str(tmp_path / "m.h5")
    wno.export_wno(path, model, ROWS, COLS)
    out = tmp_path / "sweep"
    res = subprocess.run([evsim_bin, "sweep", path, "--threshold-scale", "1,3", "--batch", "2", "--data", str(data),
                          "--out", str(out), "--repeats", "1"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    points = [json.loads(line) for line in open(out / "points.jsonl")]
    assert len(points) == 4 and all(p["input"] == "fields" for p in points)
    ev = subprocess.run([evsim_bin, "eval", path, "--data", str(data), "--json", str(tmp_path / "e.json")],
                        capture_output=True, text=True)
    assert ev.returncode == 0, ev.stderr
    want = json.load(open(tmp_path / "e.json"))["rel_l2"]
    by_scale = {p["threshold_scale"]: p["quality"] for p in points}
    assert by_scale[1.0]["rel_l2"] == want
    assert by_scale[3.0]["spike_rates"]["act0"] < by_scale[1.0]["spike_rates"]["act0"]
    rep = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "evsim_report.py"), str(out)],
                         capture_output=True, text=True)
    assert rep.returncode == 0, rep.stderr
    assert (out / "report" / "pareto.png").exists()
    assert "relative L2 error (%)" in (out / "report" / "report.md").read_text()
