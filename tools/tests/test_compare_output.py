"""`evsim compare`: each layer's time in both modes as median [min-max] over the repeats, the
layers whose two ranges overlap named below the table, and the same spreads in its JSON."""
import json
import re
import subprocess


import pytest


# One step of a small model: layer times of a few microseconds, whose ranges mostly overlap;
# six steps: fewer overlap.
@pytest.mark.parametrize("steps,repeats", [(1, 9), (6, 4)])
def test_layer_times_carry_their_spread(evsim_bin, tmp_path, seed, steps, repeats):
    model, out = tmp_path / "m.h5", tmp_path / "c.json"
    res = subprocess.run([evsim_bin, "convert", "egru-stack", str(model), "--inputs", "6", "--hidden", "24", "--layers",
                          "2", "--outputs", "5", "--seed", str(seed)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    res = subprocess.run([evsim_bin, "compare", str(model), "--steps", str(steps), "--batch", "3", "--repeats",
                          str(repeats), "--seed", str(seed), "--json", str(out)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    j = json.load(open(out))
    names = [l["name"] for l in j["event"]["layers"]]
    assert [l["name"] for l in j["layer_times"]] == names
    overlapping = []
    for l in j["layer_times"]:
        d, e = l["dense_s"], l["event_s"]
        for s in (d, e):
            assert s["n"] == repeats and s["min"] <= s["median"] <= s["max"], l
        assert abs(l["realized_speedup"] - d["median"] / e["median"]) <= 1e-12 * l["realized_speedup"]
        overlap = d["min"] <= e["max"] and e["min"] <= d["max"]
        assert l["conclusive"] == (not overlap), l
        if overlap:
            overlapping.append(l["name"])
    rows = {line.split()[0]: line for line in res.stdout.splitlines() if line.split() and line.split()[0] in names}
    assert sorted(rows) == sorted(names)
    for name, line in rows.items():  # dense and event time, each "median [min-max]"
        assert len(re.findall(r"\[[^\]]+-[^\]]+\]", line)) == 2, line
    note = [line for line in res.stdout.splitlines() if line.startswith("layers whose two ranges overlap")]
    if overlapping:
        assert note == [f"layers whose two ranges overlap (their ratio inconclusive): {', '.join(overlapping)}"]
    else:
        assert note == []
