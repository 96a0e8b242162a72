#!/usr/bin/env python3
"""A random recurrent LIF network stored with sparse (csr) weights, for trying evsim at scale:
N neurons, K recurrent synapses each (80 % excitatory 0.6, 20 % inhibitory -2.5), a 2 ms
refractory period, random initial membranes, and a sparse input projection from 100 inputs.

  python3 tools/make_sparse_lif.py --neurons 64000 --synapses 80 --out net64k.h5
  build/evsim run net64k.h5 --steps 1000 --batch 1 --threads 1 --mode event
"""
import argparse
import os
import sys
import time

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools import checkpoint as ck  # noqa: E402
from evsim_tools.files import UserError, run_main  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--neurons", type=int, default=4000)
    ap.add_argument("--synapses", type=int, default=80, help="recurrent synapses per neuron")
    ap.add_argument("--inputs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    for option, value, low in (("--neurons", a.neurons, 1), ("--synapses", a.synapses, 0), ("--inputs", a.inputs, 1)):
        if value < low:
            raise UserError(option, f"expected a number >= {low}, got {value}")
    n, k, rng = a.neurons, a.synapses, np.random.default_rng(a.seed)
    start = time.time()
    rows, cols = np.repeat(np.arange(n), k), rng.integers(0, n, n * k)
    vals = np.where(rng.random(n * k) < 0.8, 0.6, -2.5).astype(np.float32)
    w = sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
    w.sum_duplicates()
    w_in = sp.random(n, a.inputs, density=0.05, format="csr", random_state=a.seed, dtype=np.float32) * 4
    f = lambda v: np.full(n, v, dtype=np.float32)
    lif = {"tau": f(0.02), "r": f(1.0), "v_leak": f(0.0), "v_threshold": f(1.0), "v_reset": f(0.0),
           "t_ref": f(2e-3), "v0": rng.uniform(0, 1, n).astype(np.float32)}
    nodes = [("input", "Input", {"shape": np.array([a.inputs], dtype=np.int64)}),
             ("w_in", "Linear", {"weight": w_in}), ("cell", "LIF", lif), ("w_rec", "Linear", {"weight": w}),
             ("output", "Output", {})]
    edges = [("input", "w_in"), ("w_in", "cell"), ("cell", "w_rec"), ("w_rec", "cell"), ("cell", "output")]
    ck.write_graph(a.out, nodes, edges, {"dt": 1e-3})
    print(f"wrote {a.out}: {n} neurons, {w.nnz} recurrent synapses ({time.time() - start:.1f} s)")


if __name__ == "__main__":
    run_main(main)
