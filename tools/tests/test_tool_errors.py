"""The Python tools follow evsim's rules for files: a failure the user can cause is one line
`evsim: error: <file>: <what>` and a non-zero exit (not a traceback), and a checkpoint or a
training state is written whole or not at all."""
import os
import stat
import subprocess
import sys

import h5py
import numpy as np
import pytest

from evsim_tools import checkpoint
from evsim_tools.files import UserError, replaced_whole, run_main

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHIPPED = os.path.join(TOOLS, "..", "models", "checkpoints")


def graph(rng):
    w = rng.standard_normal((3, 2)).astype(np.float32)
    nodes = [("input", "Input", {"shape": np.array([2])}), ("lin", "Linear", {"weight": w}),
             ("output", "Output", {"shape": np.array([3])})]
    return nodes, [("input", "lin"), ("lin", "output")]


def test_an_interrupted_checkpoint_write_leaves_the_old_file(tmp_path, monkeypatch, seed):
    rng = np.random.default_rng(seed)
    path = str(tmp_path / "model.h5")
    checkpoint.write_graph(path, *graph(rng))
    before = open(path, "rb").read()
    calls = []

    def failing(group, key, value, compress):  # fails on the second parameter, mid-file
        calls.append(key)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(group, key, value, compress)

    real = checkpoint._write_param
    monkeypatch.setattr(checkpoint, "_write_param", failing)
    with pytest.raises(KeyboardInterrupt):
        checkpoint.write_graph(path, *graph(rng))
    assert open(path, "rb").read() == before
    assert os.listdir(tmp_path) == ["model.h5"]  # no temporary left beside it
    nodes, edges, _ = checkpoint.read_graph(path)
    assert edges == [("input", "lin"), ("lin", "output")] and nodes["lin"][0] == "Linear"


def test_a_written_file_has_the_umask_permissions(tmp_path, seed):
    old = os.umask(0o027)
    try:
        path = str(tmp_path / "model.h5")
        checkpoint.write_graph(path, *graph(np.random.default_rng(seed)))
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_replaced_whole_replaces_only_on_success(tmp_path):
    path = str(tmp_path / "state.pt")
    with open(path, "w") as f:
        f.write("epoch 1")
    with pytest.raises(RuntimeError):
        with replaced_whole(path) as tmp, open(tmp, "w") as f:
            f.write("epoch 2, half")
            raise RuntimeError("killed")
    assert open(path).read() == "epoch 1" and os.listdir(tmp_path) == ["state.pt"]
    with replaced_whole(path) as tmp, open(tmp, "w") as f:
        f.write("epoch 2")
    assert open(path).read() == "epoch 2" and os.listdir(tmp_path) == ["state.pt"]
    with pytest.raises(UserError, match="directory .*/none does not exist"):
        with replaced_whole(str(tmp_path / "none" / "state.pt")):
            pass


@pytest.mark.parametrize("error, status, line", [
    (UserError("data.h5", "dataset 'coeff': missing"), 2, "evsim: error: data.h5: dataset 'coeff': missing"),
    (PermissionError(13, "Permission denied", "/out/x.h5"), 2, "evsim: error: /out/x.h5: Permission denied"),
    (KeyboardInterrupt(), 130, "evsim: error: interrupted"),
])
def test_run_main_prints_one_line(error, status, line, capsys):
    def main():
        raise error

    with pytest.raises(SystemExit) as e:
        run_main(main)
    assert e.value.code == status
    assert capsys.readouterr().err == line + "\n"


def test_run_main_keeps_a_traceback_for_a_bug():
    def main():
        raise OSError("no file named: a bug, not the user's")

    with pytest.raises(OSError):
        run_main(main)


def run_tool(script, *args):
    res = subprocess.run([sys.executable, os.path.join(TOOLS, script), *args], capture_output=True, text=True,
                         timeout=300)
    return res.returncode, res.stderr


def one_line(stderr):
    assert stderr.count("\n") == 1 and stderr.startswith("evsim: error: "), stderr
    return stderr


def darcy(path, n, size, seed):
    rng = np.random.default_rng(seed)
    with h5py.File(path, "w") as f:
        f["coeff"] = np.where(rng.standard_normal((n, size, size)) > 0, 12.0, 3.0).astype(np.float32)
        f["sol"] = rng.random((n, size, size)).astype(np.float32)


def test_train_wno_names_the_file_and_dataset(tmp_path, seed):
    wno = os.path.join(SHIPPED, "wno_darcy_s1.h5")  # a checkpoint, not data
    out = str(tmp_path / "out")
    status, err = run_tool("train_wno.py", "--train", wno, "--test", wno, "--out", out, "--name", "m")
    assert status == 2 and f"{wno}: dataset 'coeff': missing" in one_line(err)
    status, err = run_tool("train_wno.py", "--train", str(tmp_path / "none.h5"), "--test", wno, "--out", out,
                           "--name", "m")
    assert status == 2 and "none.h5: no such file" in one_line(err)
    train, test = str(tmp_path / "train.h5"), str(tmp_path / "test.h5")
    darcy(train, 4, 16, seed)
    darcy(test, 2, 24, seed + 1)
    status, err = run_tool("train_wno.py", "--train", train, "--test", test, "--out", out, "--name", "m",
                           "--ntrain", "4", "--ntest", "2")
    assert status == 2 and "test.h5: a (24, 24) grid, expected the training file's (16, 16)" in one_line(err)
    status, err = run_tool("train_wno.py", "--train", train, "--test", train, "--out", out, "--name", "m",
                           "--ntrain", "5")
    assert status == 2 and "train.h5: 4 samples, 5 asked for" in one_line(err)


def test_train_wno_refuses_a_state_it_did_not_write(tmp_path, seed):
    train = str(tmp_path / "train.h5")
    darcy(train, 4, 16, seed)
    out = tmp_path / "out"
    out.mkdir()
    (out / "m.state.pt").write_bytes(b"\x80\x02not a torch file")
    status, err = run_tool("train_wno.py", "--train", train, "--test", train, "--out", str(out), "--name", "m",
                           "--ntrain", "4", "--ntest", "4", "--levels", "1", "--width", "4", "--hidden", "8",
                           "--epochs", "1", "--resume", "--device", "cpu")
    assert status == 2 and "m.state.pt: not a training state this script wrote" in one_line(err)


def test_train_egru_lm_names_what_is_wrong(tmp_path):
    status, err = run_tool("train_egru_lm.py", "--data", str(tmp_path / "none"), "--out", str(tmp_path / "o"))
    assert status == 2 and "none: expected a directory of Mikolov-format text" in one_line(err)
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "train.txt").write_text("a b c\n")
    status, err = run_tool("train_egru_lm.py", "--data", str(tmp_path / "text"), "--out", str(tmp_path / "o"))
    assert status == 2 and "text: no valid.txt or *.valid.txt" in one_line(err)
    status, err = run_tool("train_egru_lm.py", "--data", str(tmp_path / "text"), "--out", str(tmp_path / "o"),
                           "--levels", "0,x")
    assert status == 2 and "--levels: expected comma-separated float values, got '0,x'" in one_line(err)
    assert not (tmp_path / "o").exists()


def test_make_sparse_lif_checks_its_sizes(tmp_path):
    out = tmp_path / "net.h5"
    status, err = run_tool("make_sparse_lif.py", "--neurons", "0", "--out", str(out))
    assert status == 2 and "--neurons: expected a number >= 1, got 0" in one_line(err)
    assert not out.exists()
