"""evsim against Brian2 (python3-brian) on one recurrent LIF network: exact integration,
refractoriness, per-synapse delays, initial state, synapses that jump the membrane
(`on_pre: v_post += w`). Same connectivity and initial state in both; evsim's spike trains
must equal Brian2's step for step over the whole 100 ms.

The mapping (README, "Integration"): an evsim input x is a charge x dt, so Brian2's jump w is
x = w tau / (r dt); a Brian2 delay d is evsim's synaptic delay d on the recurrent edge (the
edge adds the step Brian2 spends between its threshold and the next update); Brian2 counts
the spike's own step in its refractory period, evsim the held steps after it: t_ref = ref - dt.
A fixed network: float32 (evsim) and float64 (Brian2) may part where a membrane lands within
an ulp of threshold, which a fresh random network would hit now and then."""
import subprocess

import h5py
import numpy as np
import pytest
import scipy.sparse as sp

from evsim_tools import checkpoint as ck

b2 = pytest.importorskip("brian2")

N, DT, T, TAU, EL, REF_STEPS = 120, 1e-4, 0.1, 0.02, 1.1, 20


def network():
    rng = np.random.default_rng(7)
    pre, post = np.nonzero(rng.random((N, N)) < 0.1)
    keep = pre != post
    pre, post = pre[keep], post[keep]
    w = np.where(rng.random(pre.size) < 0.8, 0.04, -0.15)
    delay_steps = rng.integers(5, 40, pre.size)
    v0 = rng.uniform(0.0, 1.0, N)
    return pre, post, w, delay_steps, v0


def brian_spikes(pre, post, jumps, delay_steps, v0):
    b2.prefs.codegen.target = "numpy"
    b2.start_scope()
    b2.defaultclock.dt = DT * b2.second
    tau, el = TAU * b2.second, EL  # noqa: F841 (read by the equations)
    g = b2.NeuronGroup(N, "dv/dt = (el - v) / tau : 1 (unless refractory)", threshold="v > 1", reset="v = 0",
                       refractory=REF_STEPS * DT * b2.second, method="exact", namespace={"el": el, "tau": tau})
    g.v = v0
    s = b2.Synapses(g, g, "w : 1", on_pre="v_post += w * int(not_refractory_post)")
    s.connect(i=pre, j=post)
    s.w = jumps
    s.delay = delay_steps * DT * b2.second
    mon = b2.SpikeMonitor(g)
    b2.run(T * b2.second)
    steps = np.rint(np.asarray(mon.t / b2.second) / DT).astype(np.int64)
    return sorted(zip(steps.tolist(), np.asarray(mon.i).tolist()))


def evsim_spikes(evsim, tmp, pre, post, w, delay_steps, v0):
    f = lambda v: np.full(N, v, dtype=np.float32)
    lif = {"tau": f(TAU), "r": f(1.0), "v_leak": f(EL), "v_threshold": f(1.0), "v_reset": f(0.0),
           "t_ref": f((REF_STEPS - 1) * DT), "v0": v0.astype(np.float32), "integrator": "exact"}
    weight = sp.coo_matrix(((w * TAU / DT).astype(np.float32), (post, pre)), shape=(N, N))
    nodes = [("input", "Input", {"shape": np.array([1], dtype=np.int64)}), ("cell", "LIF", lif),
             ("w_rec", "Linear", {"weight": (weight, delay_steps * DT)}), ("output", "Output", {})]
    model, out = str(tmp / "net.h5"), str(tmp / "out.h5")
    ck.write_graph(model, nodes, [("cell", "w_rec"), ("w_rec", "cell"), ("cell", "output")], {"dt": DT})
    res = subprocess.run([evsim, "run", model, "--steps", str(int(round(T / DT))), "--output", out],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    with h5py.File(out, "r") as fh:
        y = fh["output"][()][:, 0, :]
    steps, units = np.nonzero(y)
    return sorted(zip(steps.tolist(), units.tolist()))


def test_spike_trains_equal_brian2(evsim_bin, tmp_path):
    net = network()
    want = brian_spikes(*net)
    got = evsim_spikes(evsim_bin, tmp_path, *net)
    assert len(want) > 150, "the reference network should fire"
    first = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), None)
    assert got == want, (f"{len(got)} vs {len(want)} spikes; first difference at spike {first}: "
                         f"{got[first] if first is not None and first < len(got) else None} vs "
                         f"{want[first] if first is not None and first < len(want) else None}")


def test_brunel_statistics_match_brian2(evsim_bin, tmp_path, seed):
    """Brunel (2000) model A from `evsim convert snn-benchmark brunel`, the same connectivity and
    initial state in Brian2 (tools/brunel_vs_brian2.py): the external Poisson drive is drawn
    independently, so the runs are two samples of one network's statistics. The population rates
    must agree within 4 standard errors of their difference (each from the rate's spread over
    10-ms bins: 1.2-1.5 % of the rate; a fresh seed once measured 2.0 % apart, 1.4 of them) and
    within 5 %; the mean ISI CV within 8 % (1,000 neurons, 0.3 s)."""
    import brunel_vs_brian2 as bvb
    model = str(tmp_path / "brunel.h5")
    subprocess.run([evsim_bin, "convert", "snn-benchmark", "brunel", model, "--neurons", "1000", "--seed",
                    str(seed)], check=True, capture_output=True)
    duration, skip = 0.3, 0.1
    bs, bu, _, n, dt = bvb.run_brian(model, duration, seed)
    es, eu, _, _ = bvb.run_evsim(evsim_bin, model, int(round(duration / dt)), seed, str(tmp_path))
    er, ecv = bvb.stats(es, eu, n, dt, duration, skip)
    br, bcv = bvb.stats(bs, bu, n, dt, duration, skip)
    assert br > 5, "the reference network should fire"
    se = np.hypot(bvb.rate_error(es, n, dt, duration, skip), bvb.rate_error(bs, n, dt, duration, skip))
    assert abs(er - br) < 4 * se and abs(er / br - 1) < 0.05, (er, br, se)
    assert abs(ecv / bcv - 1) < 0.08, (ecv, bcv)


def _vogels_abbott(evsim, tmp, network, seed, duration):
    import vogels_abbott_vs_brian2 as vab
    from brunel_vs_brian2 import run_evsim
    model = str(tmp / f"{network}.h5")
    subprocess.run([evsim, "convert", "snn-benchmark", network, model, "--neurons", "4000", "--seed", str(seed)],
                   check=True, capture_output=True)
    bs, bu, _, n, dt = vab.run_brian(model, duration)
    es, eu, _, _ = run_evsim(evsim, model, int(round(duration / dt)), seed, str(tmp))
    return (es, eu), (bs, bu), n, dt, vab


def test_cuba_spike_trains_equal_brian2_for_100ms(evsim_bin, tmp_path):
    """The CUBA benchmark (4,000 neurons, 2 % connectivity, exact integration, refractoriness):
    every spike of the first 100 ms at the same step as Brian2's. A fixed network: float32 and
    float64 part at the first threshold near-tie (seeds 1-6 measured: 209 ms to beyond 250 ms)."""
    e, b, _, dt, vab = _vogels_abbott(evsim_bin, tmp_path, "cuba", 1, 0.1)
    assert len(b[0]) > 500, "the reference network should fire"
    part = vab.first_difference(e, b)
    assert part is None, f"spike trains part at {part * dt * 1e3:.1f} ms"


def _statistics(evsim, tmp, network, seed, duration):
    import brunel_vs_brian2 as bvb
    skip = 0.1
    (es, eu), (bs, bu), n, dt, _ = _vogels_abbott(evsim, tmp, network, seed, duration)
    return bvb.stats(es, eu, n, dt, duration, skip), bvb.stats(bs, bu, n, dt, duration, skip)


def test_cuba_statistics_match_brian2(evsim_bin, tmp_path, seed):
    """CUBA at 4,000 neurons over 1 s: population rate and mean ISI CV against Brian2 on the same
    connectivity and initial state. Once the trains part (chaos), the runs are two samples of one
    ensemble: measured 0.3-2.0 % apart in rate and 0-3.3 % in CV (seeds 1-4)."""
    (er, ecv), (br, bcv) = _statistics(evsim_bin, tmp_path, "cuba", seed, 1.0)
    assert br > 2, "the reference network should fire"
    assert abs(er / br - 1) < 0.04, (er, br)
    assert abs(ecv / bcv - 1) < 0.06, (ecv, bcv)


@pytest.mark.parametrize("net_seed", [1, 2])
def test_coba_statistics_match_brian2(evsim_bin, tmp_path, net_seed):
    """COBA at 4,000 neurons over 1 s, rate and CV against Brian2, on two fixed networks: COBA
    fires in bursts (ISI CV ~1.45), and once the trains part the 1-s rates of two samples of
    its ensemble differ by up to ~5 % (six runs, five seeds over 1 s and one over 2 s:
    0.946-1.014), too wide for a fresh seed to test 2 %. Seeds 1 and 2 measured 1.014 / 1.007 and 1.000 / 1.000."""
    (er, ecv), (br, bcv) = _statistics(evsim_bin, tmp_path, "coba", net_seed, 1.0)
    assert br > 2, "the reference network should fire"
    assert abs(er / br - 1) < 0.03, (er, br)
    assert abs(ecv / bcv - 1) < 0.05, (ecv, bcv)
