"""A network with no external input (its Input feeds no node; recurrence and an initial state
drive it): without --input, evsim runs it on zeros at batch 1 and says so, instead of feeding
it random input at batch 8; refractoriness shows in its spike trains."""
import os
import subprocess

import h5py
import numpy as np

from evsim_tools import checkpoint as ck


def self_driven(path, t_ref):
    n = 3
    f = lambda v: np.full(n, v, dtype=np.float32)
    cell = {"tau": f(0.02), "r": f(1.0), "v_leak": f(0.0), "v_threshold": f(0.5), "v_reset": f(0.0),
            "v0": np.array([2.0, 0.0, 0.0], dtype=np.float32), "t_ref": f(t_ref)}
    ring = np.roll(np.eye(n, dtype=np.float32), 1, axis=0) * 600.0  # unit k drives unit k + 1
    nodes = [("input", "Input", {"shape": np.array([1], dtype=np.int64)}), ("cell", "LIF", cell),
             ("w", "Linear", {"weight": ring}), ("output", "Output", {})]
    ck.write_graph(path, nodes, [("cell", "w"), ("w", "cell"), ("cell", "output")], {"dt": 1e-3})


def run(evsim, model, out, *extra):
    res = subprocess.run([evsim, "run", model, "--steps", "12", "--output", out, *extra], capture_output=True,
                         text=True)
    assert res.returncode == 0, res.stderr
    with h5py.File(out, "r") as f:
        return f["output"][()], res.stderr


def test_zero_input_batch_one_and_refractory_spikes(evsim_bin, tmp_path):
    model = str(tmp_path / "ring.h5")
    self_driven(model, 0.0)
    y, err = run(evsim_bin, model, str(tmp_path / "o.h5"))
    assert "feeds no node" in err and "batch 1" in err
    assert y.shape == (12, 1, 3)
    # unit 0 starts above threshold and the spike travels round the ring, one unit per step
    first = [int(np.argmax(y[:, 0, k] > 0)) for k in range(3)]
    assert first == [0, 1, 2]
    y4, _ = run(evsim_bin, model, str(tmp_path / "o4.h5"), "--batch", "4")
    assert y4.shape == (12, 4, 3) and np.array_equal(y4[:, 0], y[:, 0])
    # with a 5-step refractory period a unit cannot fire again within 5 steps of its spike
    self_driven(model, 5e-3)
    yr, _ = run(evsim_bin, model, str(tmp_path / "or.h5"))
    for k in range(3):
        t = np.flatnonzero(yr[:, 0, k])
        assert len(t) and np.all(np.diff(t) > 5), (k, t)


def test_spikes_only_recording(evsim_bin, tmp_path):
    """--record-state off: the recording keeps every spike (the output's, here) and no state trace."""
    model, rec, full = (str(tmp_path / n) for n in ("ring.h5", "rec.h5", "full.h5"))
    self_driven(model, 2e-3)
    y, _ = run(evsim_bin, model, str(tmp_path / "o.h5"), "--record", rec, "--record-state", "off")
    run(evsim_bin, model, str(tmp_path / "o2.h5"), "--record", full)
    with h5py.File(rec, "r") as f, h5py.File(full, "r") as g:
        obs, obs_full = f["nodes/cell/observables"], g["nodes/cell/observables"]
        assert "v" not in obs and "v" in obs_full
        spikes = obs["spikes"]
        assert set(spikes.keys()) == set(obs_full["spikes"].keys())
        for key in spikes.keys():
            if isinstance(spikes[key], h5py.Dataset):
                np.testing.assert_array_equal(spikes[key][()], obs_full["spikes"][key][()])
        n = max(ds.shape[0] for ds in spikes.values() if isinstance(ds, h5py.Dataset) and ds.ndim == 1)
        assert n == int(np.count_nonzero(y))
