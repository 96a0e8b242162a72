"""`evsim bench --backend cpu --thread-counts`: every case per thread count, with its byte
floors from a bandwidth measured in the same run; counts and bytes do not depend on threads."""
import csv
import subprocess


def test_thread_axis_and_floors(evsim_bin, tmp_path):
    out = tmp_path / "b.csv"
    res = subprocess.run([evsim_bin, "bench", "--backend", "cpu", "--hidden", "64", "--batch", "1,3",
                          "--density", "0.1,1", "--activity", "0.2,1", "--repeats", "2", "--thread-counts", "1,2",
                          "--csv", str(out)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "GB/s" in res.stdout
    rows = list(csv.DictReader(open(out)))
    assert len(rows) == 2 * 2 * 2 * 2
    by_case = {}
    for r in rows:
        assert float(r["read_bandwidth"]) > 0 and float(r["dense_floor_s"]) > 0
        assert abs(float(r["dense_floor_s"]) * float(r["read_bandwidth"]) - float(r["dense_weight_bytes"])) < 1
        key = (r["batch"], r["density"], r["activity"])
        by_case.setdefault(key, []).append(r)
    for key, rs in by_case.items():
        assert sorted(r["threads"] for r in rs) == ["1", "2"]
        for field in ("effective_ops", "dense_weight_bytes", "event_weight_bytes"):
            assert rs[0][field] == rs[1][field], (key, field)


def test_calibrate_cpu_writes_a_profile_that_bench_reads(evsim_bin, tmp_path):
    prof = tmp_path / "cpu.json"
    res = subprocess.run([evsim_bin, "calibrate", "--backend", "cpu", "--repeats", "3", "--output", str(prof),
                          "--skip-check"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert f"wrote {prof} (use it with --cpu-profile {prof})" in res.stdout
    import json
    p = json.load(open(prof))
    for key in ("product_weight_memory_ns", "dense_row_memory_ns", "sparse_nnz_memory_ns", "cache_bytes"):
        assert p[key] > 0, key
    assert p["pair_ns"] >= 0  # what a 16-row column costs beyond its rows: may round to nothing
    res = subprocess.run([evsim_bin, "bench", "--backend", "cpu", "--hidden", "64", "--batch", "1", "--density", "1",
                          "--activity", "0.1", "--repeats", "2", "--cpu-profile", str(prof), "--csv", ""],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    p["pair_ns"] = -1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(p))
    res = subprocess.run([evsim_bin, "bench", "--backend", "cpu", "--cpu-profile", str(bad)],
                         capture_output=True, text=True)
    assert res.returncode != 0
    assert res.stderr.strip() == f"evsim: error: {bad}: 'pair_ns' must be a finite number >= 0"
    res = subprocess.run([evsim_bin, "calibrate", "--backend", "cpu", "--hidden", "512"], capture_output=True, text=True)
    assert res.returncode != 0 and res.stderr.count("\n") == 1 and "--hidden" in res.stderr


def test_torch_reference_in_the_same_run_or_a_skip_note(evsim_bin):
    args = [evsim_bin, "bench", "--backend", "cpu", "--hidden", "32", "--batch", "1", "--density", "1",
            "--activity", "1", "--repeats", "2", "--csv", ""]
    import os
    res = subprocess.run(args, capture_output=True, text=True, env={**os.environ, "EVSIM_PYTHON": "/nonexistent/python"})
    assert res.returncode == 0, res.stderr
    assert "PyTorch CPU reference: skipped (no torch for /nonexistent/python" in res.stdout
    try:
        import torch  # noqa: F401
    except ImportError:
        return
    res = subprocess.run(args, capture_output=True, text=True, env={**os.environ, "EVSIM_PYTHON": "/usr/bin/python3"})
    assert res.returncode == 0, res.stderr
    table = res.stdout.split("PyTorch GRUCell step")[1].splitlines()
    row = table[2].split()
    assert row[1:3] == ["32", "1"], table  # threads: every core by default
    assert row[-1].endswith("x") and float(row[-1][:-1]) > 0
    res = subprocess.run(args + ["--no-torch"], capture_output=True, text=True)
    assert res.returncode == 0 and "PyTorch" not in res.stdout


def test_torch_reference_is_timed_between_evsims_runs_of_its_size(evsim_bin):
    try:
        import torch  # noqa: F401
    except ImportError:
        return
    import os
    res = subprocess.run([evsim_bin, "bench", "--backend", "cpu", "--hidden", "32,48", "--batch", "1,2", "--density",
                          "1,0.5", "--activity", "1", "--repeats", "2", "--thread-counts", "1,2", "--csv", ""],
                         capture_output=True, text=True, env={**os.environ, "EVSIM_PYTHON": "/usr/bin/python3"})
    assert res.returncode == 0, res.stderr
    progress = [line.strip() for line in res.stderr.splitlines() if "thread(s)" in line]
    expected = []
    for t in (1, 2):
        for h in (32, 48):
            expected += [f"{t} thread(s), hidden {h}, density 100% done",
                         f"{t} thread(s), hidden {h}, PyTorch reference done",
                         f"{t} thread(s), hidden {h}, density 50% done"]
    assert progress == expected, res.stderr
    table = res.stdout.split("PyTorch GRUCell step")[1].splitlines()[2:]
    rows = [line.split()[:3] for line in table if line.strip() and line.split()[0].isdigit()]
    assert rows == [[str(t), str(h), str(b)] for t in (1, 2) for h in (32, 48) for b in (1, 2)], table
