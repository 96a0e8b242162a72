#!/usr/bin/env python3
"""Timing harness: a random recurrent LIF network (N neurons, 80 synapses each, 80 % 0.6 /
20 % -2.5, t_ref 2 ms, constant drive 1.1, dt 1 ms, 1 s) in evsim's event mode on one thread
and in Brian2's C++ standalone target (one thread) on the same connectivity and initial state.
For timing at matched size and activity only: the synaptic input enters evsim's forward-Euler
step (scaled by dt/tau) and Brian2's `on_pre` (v += w dt/tau) at different points of a step,
so spike trains are not identical (both spike counts are printed). evsim: the run's own end-to-end
time and the process wall; Brian2: its run time (results/last_run_info.txt) and process wall.

  python3 tools/bench_brian2_lif.py --neurons 4000,16000,64000 [--evsim build/evsim]   # needs python3-brian
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np
import scipy.sparse as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools.files import run_main  # noqa: E402
from brian2_standalone import evsim_seconds, median as med, standalone, time_standalone  # noqa: E402
from evsim_tools import checkpoint as ck  # noqa: E402


def network(n, seed=0, k=80):
    rng = np.random.default_rng(seed)
    rows, cols = np.repeat(np.arange(n), k), rng.integers(0, n, n * k)
    vals = np.where(rng.random(n * k) < 0.8, 0.6, -2.5).astype(np.float32)
    w = sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
    w.sum_duplicates()
    return w, rng.uniform(0, 1, n).astype(np.float32)


def run_evsim(evsim, n, w, v0, work, repeats):
    f = lambda v: np.full(n, v, dtype=np.float32)
    lif = {"tau": f(0.02), "r": f(1.0), "v_leak": f(0.0), "v_threshold": f(1.0), "v_reset": f(0.0),
           "t_ref": f(2e-3), "v0": v0}
    nodes = [("input", "Input", {"shape": np.array([1], dtype=np.int64)}),
             ("w_in", "Linear", {"weight": sp.csr_matrix(np.ones((n, 1), dtype=np.float32))}),
             ("cell", "LIF", lif), ("w_rec", "Linear", {"weight": w}), ("output", "Output", {})]
    model, inp = os.path.join(work, f"net{n}.h5"), os.path.join(work, f"in{n}.h5")
    ck.write_graph(model, nodes, [("input", "w_in"), ("w_in", "cell"), ("cell", "w_rec"), ("w_rec", "cell"),
                                  ("cell", "output")], {"dt": 1e-3})
    with h5py.File(inp, "w") as fh:
        fh["input"] = np.full((1000, 1, 1), 1.1, dtype=np.float32)
    walls, runs, spikes = [], [], None
    for _ in range(repeats):
        t = time.time()
        r = subprocess.run([evsim, "run", model, "--input", inp, "--threads", "1", "--mode", "event", "--json",
                            os.path.join(work, "r.json")], capture_output=True, text=True, check=True)
        walls.append(time.time() - t)
        runs.append(evsim_seconds(r.stdout))
        spikes = json.load(open(os.path.join(work, "r.json")))["totals"]["events"]
    return runs, walls, spikes


def run_brian2(n, w, v0, work, repeats):
    import brian2 as b2
    d = os.path.join(work, f"brian{n}")
    standalone(b2, d)
    b2.defaultclock.dt = 1 * b2.ms
    g = b2.NeuronGroup(n, "dv/dt = (1.1 - v) / (20*ms) : 1 (unless refractory)", threshold="v > 1", reset="v = 0",
                       refractory=2 * b2.ms, method="euler")
    g.v = v0
    s = b2.Synapses(g, g, "w : 1", on_pre="v_post += w * 0.05")
    coo = w.tocoo()
    s.connect(i=coo.col, j=coo.row)
    s.w = coo.data
    m = b2.SpikeMonitor(g, record=False)
    b2.run(1 * b2.second)
    runs, walls, spikes = time_standalone(b2, d, repeats)
    del m
    return runs, walls, spikes


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--neurons", default="4000,16000,64000")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--evsim", default=os.path.join(os.path.dirname(__file__), "..", "build", "evsim"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        for n in (int(v) for v in a.neurons.split(",")):
            w, v0 = network(n)
            er, ew, es = run_evsim(a.evsim, n, w, v0, work, a.repeats)
            br, bw, bs = run_brian2(n, w, v0, work, a.repeats)
            print(f"N={n} synapses={w.nnz}: evsim run {med(er):.3f} s [{min(er):.3f}-{max(er):.3f}] "
                  f"(process {med(ew):.2f} s, {es} spikes); Brian2 standalone run {med(br):.3f} s "
                  f"[{min(br):.3f}-{max(br):.3f}] (process {med(bw):.2f} s, {bs} spikes); "
                  f"Brian2 / evsim {med(br) / med(er):.2f}x")


if __name__ == "__main__":
    run_main(main)
