"""PyTorch reference models -> evsim checkpoint -> `evsim run` in dense and event mode:
outputs agree (<= 1e-4 relative) and effective op counts equal NeuroBench counts computed
in PyTorch (exactly). Fresh seeds each run; the seed is printed on failure."""
import numpy as np
import pytest
import torch

from evsim_tools import checkpoint, counting
from evsim_tools import modules as M
from evsim_tools.pruning import apply_masks, global_magnitude_masks
from evsim_run import rel_err, run
from margins import smallest_margin, well_separated

REPEATS = range(3)


def check(evsim_bin, tmp_path, mods, x, expected_counts, tol):
    path = str(tmp_path / "model.h5")
    names = checkpoint.export_chain(path, mods, x.shape[-1])
    with torch.no_grad():
        ref, _ = M.run_chain(mods, torch.from_numpy(x))
    for mode in ("dense", "event"):
        y, layers = run(evsim_bin, path, x, mode, str(tmp_path))
        assert rel_err(y, ref.numpy()) <= tol, f"{mode}: outputs differ by {rel_err(y, ref.numpy()):.3g}"
        for name, exp in zip(names, expected_counts):
            if exp is None:
                continue
            got = layers[name]
            for key, value in exp.items():
                assert got[key] == value, f"{mode} {name} {key}: evsim {got[key]} != torch {value}"


def egru_case(seed):
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    n_in, sizes = int(rng.integers(3, 12)), [int(rng.integers(8, 24)) for _ in range(int(rng.integers(1, 4)))]
    layers, width = [], n_in
    for h in sizes:
        layer = M.EGRU(width, h)
        with torch.no_grad():
            layer.threshold.copy_(torch.rand(h, generator=g) * 0.3 + 0.05)
        layers.append(layer)
        width = h
    readout = M.Affine(torch.randn(4, width, generator=g) * 0.5, torch.randn(4, generator=g) * 0.1)
    weights = [p for l in layers for p in (l.weight_ih, l.weight_hh)]
    apply_masks(weights, global_magnitude_masks(weights, float(rng.uniform(0.3, 0.9))))
    mods = layers + [readout]
    x = rng.standard_normal((12, 2, n_in)).astype(np.float32)
    with torch.no_grad(), smallest_margin() as margin:
        _, inputs = M.run_chain(mods, torch.from_numpy(x))
    counts = []
    for k, layer in enumerate(layers):
        c = counting.egru_ops(layer, inputs[k], inputs[k + 1])
        counts.append({key: c[key] for key in ("dense_macs", "effective_macs", "effective_acs", "events")})
    counts.append({k: v for k, v in counting.projection_ops(readout.weight.detach(), inputs[-1]).items()})
    return (mods, x, counts), margin[0]


@pytest.mark.parametrize("rep", REPEATS)
def test_egru_stack_with_pruning(evsim_bin, tmp_path, seed, rep):
    mods, x, counts = well_separated(egru_case, seed)
    check(evsim_bin, tmp_path, mods, x, counts, 1e-4)


def vsn_case(seed):
    g = torch.Generator().manual_seed(seed)
    rng = np.random.default_rng(seed)
    n_in, h = int(rng.integers(3, 10)), int(rng.integers(5, 20))
    act = str(rng.choice(list(M.ACTIVATIONS)))
    fc1 = M.Affine(torch.randn(h, n_in, generator=g) * 0.6, torch.randn(h, generator=g) * 0.1)
    vsn = M.VSN(torch.rand(h, generator=g) * 0.5 + 0.5, torch.rand(h, generator=g) * 0.8 + 0.2, act,
                int(rng.integers(1, 4)))
    fc2 = M.Affine(torch.randn(3, h, generator=g) * 0.6, torch.zeros(3))
    x = rng.standard_normal((10, 3, n_in)).astype(np.float32)
    with torch.no_grad(), smallest_margin() as margin:
        _, inputs = M.run_chain([fc1, vsn, fc2], torch.from_numpy(x))
        counts = [counting.projection_ops(fc1.weight, inputs[0]), None, counting.projection_ops(fc2.weight, inputs[2])]
    return ([fc1, vsn, fc2], x, counts), margin[0]


@pytest.mark.parametrize("rep", REPEATS)
def test_vsn_mlp(evsim_bin, tmp_path, seed, rep):
    mods, x, counts = well_separated(vsn_case, seed)
    check(evsim_bin, tmp_path, mods, x, counts, 1e-4)


@pytest.mark.parametrize("rep", REPEATS)
def test_lif_net_is_exact(evsim_bin, tmp_path, seed, rep):
    """Dyadic weights and binary spikes: every sum is exact, so outputs must match exactly."""
    g = torch.Generator().manual_seed(seed)
    rng = np.random.default_rng(seed)
    n_in, h, n_out = int(rng.integers(3, 10)), int(rng.integers(5, 20)), 3

    def dyadic(rows, cols):
        w = torch.randint(-32, 33, (rows, cols), generator=g).float() / 64
        return w * (torch.rand(rows, cols, generator=g) < 0.6)

    def lif(n):
        return M.LIF(tau=torch.rand(n, generator=g) * 0.018 + 0.002, r=torch.rand(n, generator=g) * 25 + 5,
                     v_leak=torch.zeros(n), v_threshold=torch.rand(n, generator=g) + 0.5, dt=1e-3)

    mods = [M.Affine(dyadic(h, n_in)), lif(h), M.Affine(dyadic(n_out, h)), lif(n_out)]
    x = (rng.random((40, 2, n_in)) < 0.4).astype(np.float32)
    with torch.no_grad():
        _, inputs = M.run_chain(mods, torch.from_numpy(x))
        counts = [counting.projection_ops(mods[0].weight, inputs[0]), None,
                  counting.projection_ops(mods[2].weight, inputs[2]), None]
    path = str(tmp_path / "lif.h5")
    checkpoint.export_chain(path, mods, n_in, meta={"dt": 1e-3})
    with torch.no_grad():
        ref, _ = M.run_chain(mods, torch.from_numpy(x))
    names = [f"n{k}_{type(m).__name__.lower()}" for k, m in enumerate(mods)]
    for mode in ("dense", "event"):
        y, layers = run(evsim_bin, path, x, mode, str(tmp_path))
        np.testing.assert_array_equal(y, ref.numpy())
        for name, exp in zip(names, counts):
            if exp is not None:
                assert exp["effective_macs"] == 0  # binary input: all ACs
                assert layers[name]["effective_acs"] == exp["effective_acs"]
                assert layers[name]["effective_macs"] == 0
