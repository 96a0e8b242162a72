#!/usr/bin/env python3
"""Timing harness: the CUBA benchmark (`evsim convert snn-benchmark cuba`, 80 synapses per
neuron, 1 s at dt 0.1 ms) in evsim's event mode on one thread and in Brian2's C++ standalone
target (one thread) on the same connectivity and initial state (the same network as
tools/vogels_abbott_vs_brian2.py). evsim: the run's own end-to-end time (the simulation loop)
and the process wall; Brian2: its run time (results/last_run_info.txt) and the process wall.
Medians of --repeats runs with [min-max].

  python3 tools/bench_brian2_cuba.py --neurons 4000,16000,64000 [--network coba] [--evsim build/evsim]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools.files import run_main  # noqa: E402
from brian2_standalone import evsim_seconds, median as med, standalone, time_standalone  # noqa: E402
from vogels_abbott_vs_brian2 import brian_network  # noqa: E402


def run_evsim(evsim, model, steps, work, repeats):
    runs, walls = [], []
    for _ in range(repeats):
        t = time.time()
        r = subprocess.run([evsim, "run", model, "--steps", str(steps), "--threads", "1", "--mode", "event",
                            "--json", os.path.join(work, "r.json")], capture_output=True, text=True, check=True)
        walls.append(time.time() - t)
        runs.append(evsim_seconds(r.stdout))
    spikes = json.load(open(os.path.join(work, "r.json")))["layers"][0]["events"]
    return runs, walls, spikes


def run_brian2(model, duration, work, repeats):
    import brian2 as b2
    d = os.path.join(work, "brian")
    standalone(b2, d)
    net, mon, _, _ = brian_network(b2, model)
    net.run(duration * b2.second)
    return time_standalone(b2, d, repeats)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--neurons", default="4000,16000,64000")
    ap.add_argument("--network", default="cuba", choices=["cuba", "coba"])
    ap.add_argument("--duration", type=float, default=1.0)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--evsim", default=os.path.join(os.path.dirname(__file__), "..", "build", "evsim"))
    a = ap.parse_args()
    for n in (int(v) for v in a.neurons.split(",")):
        with tempfile.TemporaryDirectory() as work:
            model = os.path.join(work, f"{a.network}.h5")
            subprocess.run([a.evsim, "convert", "snn-benchmark", a.network, model, "--neurons", str(n)], check=True,
                           capture_output=True)
            er, ew, es = run_evsim(a.evsim, model, int(round(a.duration / 1e-4)), work, a.repeats)
            br, bw, bs = run_brian2(model, a.duration, work, a.repeats)
        print(f"{a.network} N={n}: evsim run {med(er):.3f} s [{min(er):.3f}-{max(er):.3f}] (process {med(ew):.2f} s, "
              f"{es} spikes); Brian2 standalone run {med(br):.3f} s [{min(br):.3f}-{max(br):.3f}] (process "
              f"{med(bw):.2f} s, {bs} spikes); Brian2 / evsim {med(br) / med(er):.2f}x", flush=True)


if __name__ == "__main__":
    run_main(main)
