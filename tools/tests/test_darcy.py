"""`evsim data darcy` / `evsim data stats`: the solution solves the discrete PDE (checked against
scipy's sparse solver on the same five-point scheme), the coefficient takes the two values,
the same seed gives the same file bytes on any thread count, FNO-style MATLAB v7.3 files read
as evsim's own, and bad options or files fail with one line and leave no file."""
import subprocess

import h5py
import numpy as np
import pytest
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def generate(evsim_bin, path, *extra):
    res = subprocess.run([evsim_bin, "data", "darcy", "--out", str(path), *extra], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return res


def scipy_solution(a):
    """-div(a grad u) = 1, u = 0 on the boundary; face coefficients are the means of the nodes."""
    s = a.shape[0]
    m, inv_h2 = s - 2, (s - 1) ** 2
    idx = lambda i, j: (i - 1) * m + (j - 1)
    rows, cols, vals = [], [], []
    for i in range(1, s - 1):
        for j in range(1, s - 1):
            diag = 0.0
            for ni, nj in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)):
                face = 0.5 * (a[i, j] + a[ni, nj]) * inv_h2
                diag += face
                if 1 <= ni <= m and 1 <= nj <= m:
                    rows.append(idx(i, j)); cols.append(idx(ni, nj)); vals.append(-face)
            rows.append(idx(i, j)); cols.append(idx(i, j)); vals.append(diag)
    A = sp.csr_matrix((vals, (rows, cols)), shape=(m * m, m * m))
    u = np.zeros((s, s))
    u[1:-1, 1:-1] = spla.spsolve(A, np.ones(m * m)).reshape(m, m)
    return u


def test_solution_solves_the_pde_and_coefficients_are_two_valued(evsim_bin, tmp_path):
    out = tmp_path / "d.h5"
    generate(evsim_bin, out, "--n", "3", "--resolution", "29", "--seed", "5")
    with h5py.File(out, "r") as f:
        coeff, sol = f["coeff"][()], f["sol"][()]
        assert coeff.shape == sol.shape == (3, 29, 29) and coeff.dtype == np.float32
        assert f.attrs["seed"] == 5 and f.attrs["resolution"] == 29 and f.attrs["coeff_high"] == 12.0
    assert set(np.unique(coeff)) == {3.0, 12.0}
    for a, u in zip(coeff, sol):
        ref = scipy_solution(a.astype(np.float64))
        assert np.abs(u - ref).max() <= 1e-6 * np.abs(ref).max()


def test_finer_solve_grid_is_subsampled(evsim_bin, tmp_path):
    fine, coarse = tmp_path / "fine.h5", tmp_path / "coarse.h5"
    generate(evsim_bin, fine, "--n", "2", "--resolution", "33", "--seed", "9")
    generate(evsim_bin, coarse, "--n", "2", "--resolution", "9", "--solve-resolution", "33", "--seed", "9")
    with h5py.File(fine, "r") as f, h5py.File(coarse, "r") as c:
        assert np.array_equal(c["coeff"][()], f["coeff"][()][:, ::4, ::4])
        assert np.array_equal(c["sol"][()], f["sol"][()][:, ::4, ::4])
        assert c.attrs["solve_resolution"] == 33


def test_same_seed_same_bytes_on_any_thread_count(evsim_bin, tmp_path):
    a, b, c = tmp_path / "a.h5", tmp_path / "b.h5", tmp_path / "c.h5"
    generate(evsim_bin, a, "--n", "6", "--resolution", "17", "--seed", "3", "--threads", "1")
    generate(evsim_bin, b, "--n", "6", "--resolution", "17", "--seed", "3", "--threads", "2")
    generate(evsim_bin, c, "--n", "6", "--resolution", "17", "--seed", "4", "--threads", "2")
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


def test_matlab_v73_file_reads_like_evsims(evsim_bin, tmp_path):
    ours, mat = tmp_path / "d.h5", tmp_path / "d.mat"
    generate(evsim_bin, ours, "--n", "4", "--resolution", "13", "--seed", "2")
    with h5py.File(ours, "r") as f:
        coeff, sol = f["coeff"][()], f["sol"][()]
    # MATLAB v7.3: HDF5 behind a 512-byte header, arrays column-major (h5py sees them reversed).
    with h5py.File(mat, "w", userblock_size=512) as f:
        f["coeff"] = coeff.astype(np.float64).transpose(2, 1, 0)
        f["sol"] = sol.astype(np.float64).transpose(2, 1, 0)
    with open(mat, "r+b") as f:
        f.write(b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Tue Dec  1 00:00:00 2026 HDF5 schema 1.00 .")
    stats = lambda p: subprocess.run([evsim_bin, "data", "stats", str(p)], capture_output=True, text=True)
    r_ours, r_mat = stats(ours), stats(mat)
    assert r_ours.returncode == 0 and r_mat.returncode == 0, r_mat.stderr
    assert "MATLAB v7.3" in r_mat.stdout
    assert r_ours.stdout.splitlines()[1:] == r_mat.stdout.splitlines()[1:]


@pytest.mark.parametrize("args, message", [
    (["--n", "1", "--resolution", "85", "--solve-resolution", "100"], "multiple of (R - 1)"),
    (["--n", "0", "--resolution", "9"], "--n"),
])
def test_bad_options_one_line_no_file(evsim_bin, tmp_path, args, message):
    out = tmp_path / "x.h5"
    res = subprocess.run([evsim_bin, "data", "darcy", "--out", str(out), *args], capture_output=True, text=True)
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("evsim: error:") and message in lines[0], res.stderr
    assert not out.exists() and not list(tmp_path.iterdir())


def test_stats_names_the_missing_dataset(evsim_bin, tmp_path):
    bad = tmp_path / "bad.h5"
    with h5py.File(bad, "w") as f:
        f["coeff"] = np.ones((2, 5, 5), np.float32)
    res = subprocess.run([evsim_bin, "data", "stats", str(bad)], capture_output=True, text=True)
    assert res.returncode != 0
    assert res.stderr.strip() == f"evsim: error: {bad}: dataset 'sol' missing (expected datasets 'coeff' and 'sol')"


def test_convert_darcy_writes_one_inference_per_sample(evsim_bin, tmp_path):
    data, inp = tmp_path / "d.h5", tmp_path / "in.h5"
    generate(evsim_bin, data, "--n", "5", "--resolution", "9", "--seed", "1")
    res = subprocess.run([evsim_bin, "convert", "darcy", str(data), str(inp), "--samples", "3"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    with h5py.File(data, "r") as f, h5py.File(inp, "r") as g:
        assert g["input"].shape == (1, 3, 81)
        assert np.array_equal(g["input"][0], f["coeff"][:3].reshape(3, 81))
