#!/usr/bin/env python3
"""The CUBA and COBA networks (Vogels & Abbott 2005; Brette et al. 2007 benchmarks 2 and 1) in
evsim and in Brian2 on the same connectivity and initial state (`evsim convert snn-benchmark
cuba|coba`): the first step where the spike trains part, and the population rate and mean ISI
CV of each, side by side.

Brian2 runs the equations of its own CUBA example (method 'exact') and of Brette's COBA script
(Brian2 picks 'euler'), in float64; evsim in float32. A synaptic jump w (`ge += w`) is evsim's
input x = w tau_syn / dt; Brian2's refractory period counts the spike's step, evsim's t_ref the
held steps after it (t_ref = refractory - dt).

  python3 tools/vogels_abbott_vs_brian2.py cuba --neurons 4000 --duration 1 [--evsim build/evsim]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools.files import run_main  # noqa: E402
from brunel_vs_brian2 import run_evsim, stats  # noqa: E402
from evsim_tools import checkpoint as ck  # noqa: E402

EQUATIONS = {
    "CubaLIF": ("dv/dt = (ge + gi - (v - el)) / taum : 1 (unless refractory)", "exact"),
    "CobaLIF": ("dv/dt = ((el - v) + ge * (ee - v) + gi * (ei - v)) / taum : 1 (unless refractory)", "euler"),
}


def brian_network(b2, model):
    """The checkpoint's network as Brian2 objects: (Network, SpikeMonitor, N, dt)."""
    nodes, _, meta = ck.read_graph(model)
    dt = meta["dt"]
    ctype, cell = nodes["cell"]
    w = nodes["w_rec"][1]["weight"].tocoo()
    n = w.shape[1]
    p = lambda key, default=0.0: float(cell[key][0]) if key in cell else default  # noqa: E731
    tau_e, tau_i = p("tau_syn"), p("tau_syn_inh")
    b2.defaultclock.dt = dt * b2.second
    ns = {"taum": p("tau_mem") * b2.second, "taue": tau_e * b2.second, "taui": tau_i * b2.second,
          "el": p("v_leak"), "ee": p("e_exc"), "ei": p("e_inh")}
    eq, method = EQUATIONS[ctype]
    eqs = eq + "\ndge/dt = -ge / taue : 1\ndgi/dt = -gi / taui : 1"
    g = b2.NeuronGroup(n, eqs, threshold=f"v > {p('v_threshold')}", reset=f"v = {p('v_reset')}",
                       refractory=(p("t_ref") + dt) * b2.second, method=method, namespace=ns)
    g.v = cell["v0"]
    if "i0" in cell:
        g.ge = cell["i0"]
    if "i0_inh" in cell:
        g.gi = cell["i0_inh"]
    w_in = p("w_in", 1.0)
    net = b2.Network(g)  # explicit: Brian2's magic run() would miss objects no name holds
    for inh, (var, tau) in enumerate((("ge", tau_e), ("gi", tau_i))):
        rows = (w.row >= n) if inh else (w.row < n)
        s = b2.Synapses(g, g, "w : 1", on_pre=f"{var}_post += w")
        s.connect(i=w.col[rows], j=w.row[rows] - inh * n)
        s.w = w.data[rows] * w_in * dt / tau  # evsim's charge x dt as a jump of the current
        net.add(s)
    mon = b2.SpikeMonitor(g)
    net.add(mon)
    return net, mon, n, dt


def run_brian(model, duration, target="numpy"):
    """Spike steps and units of Brian2 on the checkpoint's network, its wall time, N and dt."""
    import brian2 as b2
    b2.prefs.codegen.target = target
    b2.start_scope()
    net, mon, n, dt = brian_network(b2, model)
    t = time.time()
    net.run(duration * b2.second)
    wall = time.time() - t
    st = np.rint(np.asarray(mon.t / b2.second) / dt).astype(np.int64)
    return st, np.asarray(mon.i), wall, n, dt


def first_difference(a, b):
    """The first step where the two (steps, units) spike lists differ, or None."""
    sa, sb = sorted(zip(*a)), sorted(zip(*b))
    for k, (x, y) in enumerate(zip(sa, sb)):
        if x != y:
            return min(x[0], y[0])
    if len(sa) != len(sb):
        return (sa if len(sa) > len(sb) else sb)[min(len(sa), len(sb))][0]
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("network", choices=["cuba", "coba"])
    ap.add_argument("--neurons", type=int, default=4000)
    ap.add_argument("--duration", type=float, default=1.0)
    ap.add_argument("--skip", type=float, default=0.1, help="transient left out of the statistics (s)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--brian-target", default="numpy", help="numpy or cython")
    ap.add_argument("--evsim", default=os.path.join(os.path.dirname(__file__), "..", "build", "evsim"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        model = os.path.join(work, f"{a.network}.h5")
        subprocess.run([a.evsim, "convert", "snn-benchmark", a.network, model, "--neurons", str(a.neurons),
                        "--seed", str(a.seed)], check=True, capture_output=True)
        bs, bu, bwall, n, dt = run_brian(model, a.duration, a.brian_target)
        es, eu, ewall, _ = run_evsim(a.evsim, model, int(round(a.duration / dt)), a.seed, work)
    er, ecv = stats(es, eu, n, dt, a.duration, a.skip)
    br, bcv = stats(bs, bu, n, dt, a.duration, a.skip)
    part = first_difference((es, eu), (bs, bu))
    print(f"{a.network.upper()}, {n} neurons, {a.duration} s at dt {dt} s (statistics after {a.skip} s)")
    print(f"evsim : rate {er:7.2f} Hz  ISI CV {ecv:.3f}  ({len(es)} spikes, run {ewall:.2f} s wall, one thread)")
    print(f"Brian2: rate {br:7.2f} Hz  ISI CV {bcv:.3f}  ({len(bs)} spikes, {a.brian_target} target {bwall:.2f} s)")
    print(f"rate evsim / Brian2 {er / br:.3f}, CV {ecv / bcv:.3f}; spike trains identical "
          + (f"until {part * dt * 1e3:.1f} ms" if part is not None else "over the whole run"))


if __name__ == "__main__":
    run_main(main)
