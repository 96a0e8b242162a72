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
