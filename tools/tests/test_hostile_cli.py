"""Names from a file are printed on one line: control characters in a node name are escaped in
evsim's error line (a terminal never receives raw newlines or escapes from a checkpoint)."""
import subprocess

import h5py
import numpy as np


def test_control_characters_in_names_are_escaped(evsim_bin, tmp_path):
    path = str(tmp_path / "evil.h5")
    with h5py.File(path, "w") as f:
        g = f.create_group("node")
        g["type"] = "NIRGraph"
        n = g.create_group("nodes")
        n.create_group("input")["type"] = "Input"
        n["input"]["shape"] = np.array([2])
        n.create_group("evil\nname\x1b[31m")["type"] = "Hodgkin"
        g["edges"] = np.array([[b"input", b"evil\nname\x1b[31m"]])
    res = subprocess.run([evsim_bin, "info", path], capture_output=True, text=True)
    assert res.returncode != 0
    assert res.stderr.count("\n") == 1, res.stderr
    assert "evil\\nname\\x1b[31m" in res.stderr and "\x1b" not in res.stderr


def test_strings_written_both_ways_read_exactly(evsim_bin, tmp_path):
    """Fixed-length ASCII (numpy 'S') and variable-length UTF-8 (Python str) string datasets,
    as h5py writes them, give the same graph; a non-ASCII node name survives."""
    for fixed in (True, False):
        path = str(tmp_path / f"strings_{fixed}.h5")
        text = (lambda s: np.bytes_(s.encode())) if fixed else (lambda s: s)
        with h5py.File(path, "w") as f:
            g = f.create_group("node")
            g["type"] = text("NIRGraph")
            n = g.create_group("nodes")
            for name, typ in (("input", "Input"), ("lin_π", "Linear"), ("output", "Output")):
                n.create_group(name)["type"] = text(typ)
            n["input"]["shape"] = np.array([2])
            n["lin_π"]["weight"] = np.ones((3, 2), np.float32)
            edges = [["input", "lin_π"], ["lin_π", "output"]]
            g["edges"] = np.array([[e.encode() for e in row] for row in edges]) if fixed else np.array(
                edges, dtype=h5py.string_dtype())
        res = subprocess.run([evsim_bin, "info", path], capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
        assert "lin_π" in res.stdout and "Linear" in res.stdout
