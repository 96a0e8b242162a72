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
