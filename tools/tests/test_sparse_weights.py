"""Sparse connectivity in checkpoints (DESIGN.md section 3: `weight` as a scipy csr/csc group):
a recurrent LIF network stored sparse (csr and csc) runs like the same network stored dense,
in both modes, with the same counts; `info` reports the non-zeros; malformed groups are one
error line naming the node and dataset."""
import json
import shutil
import subprocess

import h5py
import numpy as np
import pytest
import scipy.sparse as sp

from evsim_tools import checkpoint as ck


def network(rng, n_in, n, density, weight_of):
    f = lambda v: np.full(n, v, dtype=np.float32)
    w_in = (rng.random((n, n_in)) < 0.3) * rng.uniform(0.5, 2.0, (n, n_in))
    w_rec = sp.random(n, n, density=density, random_state=np.random.RandomState(int(rng.integers(1 << 30))),
                      data_rvs=lambda k: rng.uniform(-0.6, 0.8, k), format="csr")
    lif = {"tau": f(0.01), "r": f(1.0), "v_leak": f(0.0), "v_threshold": f(1.0), "v_reset": f(0.0), "t_ref": f(2e-3)}
    nodes = [("input", "Input", {"shape": np.array([n_in], dtype=np.int64)}),
             ("w_in", "Linear", {"weight": weight_of(sp.csr_matrix(w_in.astype(np.float32)))}),
             ("cell", "LIF", lif), ("w_rec", "Linear", {"weight": weight_of(w_rec.astype(np.float32))}),
             ("output", "Output", {})]
    edges = [("input", "w_in"), ("w_in", "cell"), ("cell", "w_rec"), ("w_rec", "cell"), ("cell", "output")]
    return nodes, edges


def run(evsim, model, mode, tmp, tag):
    out, js = str(tmp / f"{tag}.h5"), str(tmp / f"{tag}.json")
    res = subprocess.run([evsim, "run", model, "--mode", mode, "--steps", "60", "--batch", "2", "--seed", "3",
                          "--output", out, "--json", js, "--dt", "1e-3"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    with h5py.File(out, "r") as f:
        return f["output"][()], json.load(open(js))["totals"]


@pytest.mark.parametrize("fmt", ["csr", "csc"])
def test_sparse_stored_network_runs_like_dense(evsim_bin, tmp_path, seed, fmt):
    rng = np.random.default_rng(seed)
    dense_path, sparse_path = str(tmp_path / "dense.h5"), str(tmp_path / "sparse.h5")
    args = (6, 200, 0.05)
    ck.write_graph(dense_path, *network(np.random.default_rng(seed), *args, lambda m: m.toarray()), {"dt": 1e-3})
    ck.write_graph(sparse_path, *network(np.random.default_rng(seed), *args, lambda m: m.asformat(fmt)),
                   {"dt": 1e-3})
    with h5py.File(sparse_path, "r") as f:
        assert f["node/nodes/w_rec/weight/format"][()].decode() == fmt
    ref, ref_totals = run(evsim_bin, dense_path, "event", tmp_path, "de")
    assert ref_totals["events"] > 0
    for mode in ("event", "dense"):
        y, totals = run(evsim_bin, sparse_path, mode, tmp_path, f"s{mode}")
        # binary spikes through float weights: the event paths add in one order, dense mode too
        # within float rounding; spike counts equal
        np.testing.assert_allclose(y, ref, atol=1e-5)
        for key in ("dense_macs", "effective_acs", "effective_macs", "events"):
            assert totals[key] == ref_totals[key], (mode, key)
    info = subprocess.run([evsim_bin, "info", sparse_path], capture_output=True, text=True)
    assert info.returncode == 0, info.stderr
    nodes, _, _ = ck.read_graph(sparse_path)
    row = next(line.split() for line in info.stdout.splitlines() if line.startswith("w_rec "))
    assert row[-2] == str(nodes["w_rec"][1]["weight"].nnz)  # the non-zero column


def test_malformed_sparse_weight_is_one_error_line(evsim_bin, tmp_path):
    rng = np.random.default_rng(1)
    path = str(tmp_path / "bad.h5")
    ck.write_graph(path, *network(rng, 4, 20, 0.2, lambda m: m.asformat("csr")), {"dt": 1e-3})
    for part, edit, needle in (("indices", lambda a: a + 1000, "indices"), ("indptr", lambda a: a[::-1], "indptr"),
                               ("shape", lambda a: np.array([a[0], 2 ** 32]), "memory budget")):
        bad = str(tmp_path / f"bad_{part}.h5")
        shutil.copy(path, bad)
        with h5py.File(bad, "a") as f:
            g = f["node/nodes/w_rec/weight"]
            arr = g[part][()]
            del g[part]
            g.create_dataset(part, data=edit(arr))
        res = subprocess.run([evsim_bin, "run", bad, "--steps", "2"], capture_output=True, text=True)
        assert res.returncode != 0
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("evsim: error:"), res.stderr
        assert "w_rec" in lines[0] and needle in lines[0], lines[0]


def test_convert_weights_round_trip(evsim_bin, tmp_path, seed):
    """`evsim convert weights`: dense -> csc -> dense gives the same arrays, and the sparse file
    runs with the same outputs and counts."""
    rng = np.random.default_rng(seed)
    dense, sparse, back = (str(tmp_path / n) for n in ("d.h5", "s.h5", "b.h5"))
    ck.write_graph(dense, *network(rng, 5, 120, 0.1, lambda m: m.toarray()), {"dt": 1e-3})
    for cmd in (["convert", "weights", dense, sparse, "--to", "sparse", "--format", "csc"],
                ["convert", "weights", sparse, back, "--to", "dense"]):
        res = subprocess.run([evsim_bin, *cmd], capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
    nd, _, _ = ck.read_graph(dense)
    ns, _, _ = ck.read_graph(sparse)
    nb, _, _ = ck.read_graph(back)
    for name in ("w_in", "w_rec"):
        assert ns[name][1]["weight"].format == "csc"
        np.testing.assert_array_equal(ns[name][1]["weight"].toarray(), nd[name][1]["weight"])
        np.testing.assert_array_equal(nb[name][1]["weight"], nd[name][1]["weight"])
    y0, t0 = run(evsim_bin, dense, "event", tmp_path, "rd")
    y1, t1 = run(evsim_bin, sparse, "event", tmp_path, "rs")
    np.testing.assert_allclose(y1, y0, atol=1e-5)
    assert t1["events"] == t0["events"] and t1["effective_acs"] == t0["effective_acs"]


def test_make_sparse_lif_writes_a_runnable_sparse_net(evsim_bin, tmp_path):
    import os
    import sys
    out = str(tmp_path / "model.h5")
    tool = os.path.join(os.path.dirname(__file__), "..", "make_sparse_lif.py")
    res = subprocess.run([sys.executable, tool, "--neurons", "300", "--synapses", "20", "--out", out],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    with h5py.File(out, "r") as f:
        assert f["node/nodes/w_rec/weight/format"][()].decode() == "csr"
        assert f["node/nodes/w_rec/weight/data"].shape[0] <= 300 * 20
    y, totals = run(evsim_bin, out, "event", tmp_path, "net")
    assert totals["events"] > 0 and y.shape == (60, 2, 300)


def test_per_synapse_delays_round_trip_and_run(evsim_bin, tmp_path, seed):
    """(W, delays) is written as a csr group with `delay`, read back as the same pairs, and a
    feed-forward layer delivers each synapse's input that many steps later (numpy reference)."""
    rng = np.random.default_rng(seed)
    n_in, n_out, steps = 5, 4, 20
    w = sp.random(n_out, n_in, density=0.6, random_state=np.random.RandomState(int(rng.integers(1 << 30))),
                  data_rvs=lambda k: rng.choice([0.5, -1.0, 2.0], k), format="coo").astype(np.float32)
    delay_steps = rng.integers(0, 4, w.nnz)
    path = str(tmp_path / "delayed.h5")
    nodes = [("input", "Input", {"shape": np.array([n_in], dtype=np.int64)}),
             ("w", "Linear", {"weight": (w, delay_steps * 1e-3)}), ("output", "Output", {})]
    ck.write_graph(path, nodes, [("input", "w"), ("w", "output")], {"dt": 1e-3})
    back, _, _ = ck.read_graph(path)
    w_back, d_back = back["w"][1]["weight"]
    np.testing.assert_array_equal(w_back.toarray(), w.toarray())
    want_d = sp.coo_matrix((delay_steps * 1e-3, (w.row, w.col)), shape=w.shape).tocsr()
    c = w_back.tocoo()
    np.testing.assert_allclose(d_back, np.asarray(want_d[c.row, c.col]).reshape(-1), rtol=1e-6)
    x = (rng.random((steps, 1, n_in)) < 0.5).astype(np.float32)
    inp = str(tmp_path / "in.h5")
    with h5py.File(inp, "w") as f:
        f["input"] = x
    ref = np.zeros((steps, 1, n_out), dtype=np.float32)
    for r, cidx, v, d in zip(w.row, w.col, w.data, delay_steps):
        ref[d:, 0, r] += v * x[:steps - d, 0, cidx]
    for mode in ("event", "dense"):
        out = str(tmp_path / f"{mode}.h5")
        res = subprocess.run([evsim_bin, "run", path, "--input", inp, "--mode", mode, "--output", out, "--dt", "1e-3"],
                             capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
        with h5py.File(out, "r") as f:
            np.testing.assert_array_equal(f["output"][()], ref)
