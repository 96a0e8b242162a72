#!/usr/bin/env python3
"""Brunel (2000) model A in evsim and in Brian2 on the same connectivity and initial state
(`evsim convert snn-benchmark brunel`): population rate and ISI CV of each, side by side.
The external Poisson drive is drawn independently in each (evsim: its run seed; Brian2: its
own generator), so only statistics can agree.

  python3 tools/brunel_vs_brian2.py --neurons 2000 --duration 0.5 [--evsim build/evsim]   # needs python3-brian
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools.files import run_main  # noqa: E402
from evsim_tools import checkpoint as ck  # noqa: E402


def stats(steps, units, n, dt, duration, skip):
    keep = steps * dt >= skip
    steps, units = steps[keep], units[keep]
    rate = len(steps) / n / (duration - skip)
    cvs = []
    for u in range(n):
        t = np.sort(steps[units == u]) * dt
        if len(t) > 2:
            isi = np.diff(t)
            cvs.append(isi.std() / isi.mean())
    return rate, float(np.mean(cvs)) if cvs else float("nan")


def rate_error(steps, n, dt, duration, skip, bin_s=0.01):
    """Standard error of the mean population rate: the spread of the rate over bin_s bins
    (longer than the asynchronous state's correlation time, so the bins are about independent)."""
    t = steps * dt
    t = t[t >= skip]
    bins = int(round((duration - skip) / bin_s))
    counts, _ = np.histogram(t, bins=bins, range=(skip, skip + bins * bin_s))
    rates = counts / n / bin_s
    return float(rates.std(ddof=1) / np.sqrt(bins))


def run_evsim(evsim, model, steps, seed, work):
    out = os.path.join(work, "out.h5")
    t = time.time()
    r = subprocess.run([evsim, "run", model, "--steps", str(steps), "--output", out, "--seed", str(seed),
                        "--threads", "1"], capture_output=True, text=True, check=True)
    wall = time.time() - t
    with h5py.File(out, "r") as f:
        y = f["output"][()][:, 0, :]
    s, u = np.nonzero(y)
    return s, u, wall, r.stdout.splitlines()[0]


def run_brian(model, duration, seed):
    import brian2 as b2
    nodes, _, meta = ck.read_graph(model)
    dt = meta["dt"]
    cell = nodes["cell"][1]
    w, delay = nodes["w_rec"][1]["weight"]
    w = w.tocoo()
    tau_s = float(cell["tau"][0])
    x_per_mv = tau_s / dt  # the builder's scale: x = J tau / dt
    n = w.shape[0]
    ext_rate = float(nodes["external"][1]["rate"][0])
    j_ext = float(nodes["w_ext"][1]["weight"].data[0]) / x_per_mv
    b2.prefs.codegen.target = "numpy"
    b2.start_scope()
    b2.seed(seed)
    b2.defaultclock.dt = dt * b2.second
    ns = {"tau": tau_s * b2.second}
    g = b2.NeuronGroup(n, "dv/dt = -v / tau : 1 (unless refractory)", threshold=f"v > {float(cell['v_threshold'][0])}",
                       reset=f"v = {float(cell['v_reset'][0])}",
                       refractory=(float(cell["t_ref"][0]) + dt) * b2.second, method="exact", namespace=ns)
    g.v = cell["v0"]
    s = b2.Synapses(g, g, "w : 1", on_pre="v_post += w * int(not_refractory_post)")
    s.connect(i=w.col, j=w.row)
    s.w = w.data / x_per_mv
    s.delay = np.asarray(delay) * b2.second
    # The external drive as Brian2's Brunel example has it: C_E Poisson inputs per neuron of
    # weight J (binomial counts per step), gated by refractoriness as evsim's held membrane is.
    ce = int((w.data[w.row == 0] > 0).sum())
    ext = b2.PoissonInput(g, "v", N=ce, rate=ext_rate / ce * b2.Hz, weight="j_ext * int(not_refractory)")
    ext.namespace = {"j_ext": j_ext}
    mon = b2.SpikeMonitor(g)
    t = time.time()
    b2.run(duration * b2.second)
    wall = time.time() - t
    st = np.rint(np.asarray(mon.t / b2.second) / dt).astype(np.int64)
    return st, np.asarray(mon.i), wall, n, dt


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--neurons", type=int, default=2000)
    ap.add_argument("--duration", type=float, default=0.5)
    ap.add_argument("--skip", type=float, default=0.1, help="transient left out of the statistics (s)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--evsim", default=os.path.join(os.path.dirname(__file__), "..", "build", "evsim"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        model = os.path.join(work, "brunel.h5")
        subprocess.run([a.evsim, "convert", "snn-benchmark", "brunel", model, "--neurons", str(a.neurons),
                        "--seed", str(a.seed)], check=True, capture_output=True)
        bs, bu, bwall, n, dt = run_brian(model, a.duration, a.seed)
        steps = int(round(a.duration / dt))
        es, eu, ewall, line = run_evsim(a.evsim, model, steps, a.seed, work)
    er, ecv = stats(es, eu, n, dt, a.duration, a.skip)
    br, bcv = stats(bs, bu, n, dt, a.duration, a.skip)
    print(f"Brunel model A, {n} neurons, {a.duration} s at dt {dt} s (statistics after {a.skip} s)")
    print(f"evsim : rate {er:7.2f} Hz  ISI CV {ecv:.3f}  ({len(es)} spikes, run {ewall:.2f} s wall)")
    print(f"Brian2: rate {br:7.2f} Hz  ISI CV {bcv:.3f}  ({len(bs)} spikes, numpy target {bwall:.2f} s)")
    print(f"rate evsim / Brian2 {er / br:.3f}, CV {ecv / bcv:.3f}")


if __name__ == "__main__":
    run_main(main)
