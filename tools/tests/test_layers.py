"""The folder-include check (tools/check_layers.py): passes on the repository, fails on a
planted cycle."""
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHECK = os.path.join(ROOT, "tools", "check_layers.py")


def run(root):
    return subprocess.run([sys.executable, CHECK, root], capture_output=True, text=True)


def test_repository_has_no_folder_cycle():
    r = run(ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


def test_planted_cycle_fails(tmp_path):
    for folder in ("core", "network"):
        shutil.copytree(os.path.join(ROOT, folder), tmp_path / folder)
    assert run(str(tmp_path)).returncode == 0
    planted = tmp_path / "core" / "planted.hpp"
    planted.write_text('#pragma once\n#include "network/graph.hpp"\n')
    r = run(str(tmp_path))
    assert r.returncode == 1
    assert "core <-> network" in r.stdout
    assert "core/planted.hpp:2" in r.stdout
