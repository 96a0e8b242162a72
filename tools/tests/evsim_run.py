"""Runs the evsim CLI on a checkpoint and an input array; returns outputs and the report."""
import json
import os
import subprocess

import h5py
import numpy as np


def run(evsim, model, x, mode, tmp, extra=()):
    inp, out, rep = (os.path.join(tmp, n) for n in ("in.h5", "out.h5", f"report_{mode}.json"))
    with h5py.File(inp, "w") as f:
        if x.dtype.kind == "i":
            f.create_dataset("tokens", data=x.astype(np.int64))
        else:
            f.create_dataset("input", data=x.astype(np.float32))
    cmd = [evsim, "run", model, "--input", inp, "--mode", mode, "--backend", "cpu", "--output", out, "--json", rep,
           *extra]
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 0, f"{' '.join(cmd)} failed: {res.stderr}"
    with h5py.File(out, "r") as f:
        y = f["output"][()]
    with open(rep) as f:
        report = json.load(f)
    return y, {l["name"]: l for l in report["layers"]}


def rel_err(a, b):
    return float(np.abs(a - b).max() / max(np.abs(b).max(), 1e-30))
