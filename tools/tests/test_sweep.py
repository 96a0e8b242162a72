"""`evsim sweep`: a sweep killed with SIGKILL mid-point and resumed gives the points of an
uninterrupted run, none missing or doubled, files valid at every moment; --shard + sweep-merge
and `mpirun -np 2` give the same merged points (timings aside); foreign, different or corrupt
sweep directories are errors, never overwritten."""
import csv
import json
import os
import shutil
import signal
import subprocess
import time

import pytest

SWEEP = ["--prune", "0,0.5", "--threshold-scale", "1,2", "--batch", "1,3", "--repeats", "1"]


def make_model(evsim, tmp, seed):
    path = os.path.join(tmp, "m.h5")
    subprocess.run([evsim, "convert", "egru-stack", path, "--inputs", "12", "--hidden", "32", "--layers", "2",
                    "--outputs", "5", "--density", "0.6", "--target-activity", "0.2", "--seed", str(seed)],
                   check=True, capture_output=True)
    return path


def sweep(evsim, model, out, *extra, check=True, steps=24, modes="dense,event"):
    res = subprocess.run([evsim, "sweep", model, "--out", out, *SWEEP, "--steps", str(steps), "--modes", modes, *extra],
                         capture_output=True, text=True)
    if check:
        assert res.returncode == 0, res.stderr
    return res


def points(out, killed=False):
    with open(os.path.join(out, "points.jsonl")) as f:
        lines = [json.loads(l) for l in f]
    with open(os.path.join(out, "points.csv")) as f:
        rows = list(csv.DictReader(f))
    keys = [r["key"] for r in rows]
    if killed:  # a kill between the two renames: the CSV (renamed first) is one point ahead
        assert keys[:len(lines)] == [p["key"] for p in lines] and len(keys) - len(lines) in (0, 1)
    else:
        assert keys == [p["key"] for p in lines]
    return lines


def comparable(p):
    """A point without its timings."""
    q = {k: v for k, v in p.items() if k not in ("wall_s", "device_s")}
    q["run"] = {k: v for k, v in p["run"].items() if k != "totals"}
    q["totals"] = {k: v for k, v in p["run"]["totals"].items() if k not in ("wall_s", "device_s")}
    for layer in q["run"]["layers"]:
        layer.pop("seconds", None)
    return q


def test_killed_sweep_resumes_to_the_same_points(evsim_bin, tmp_path, seed):
    model = make_model(evsim_bin, str(tmp_path), seed)
    whole = str(tmp_path / "whole")
    sweep(evsim_bin, model, whole)
    expected = points(whole)
    assert len(expected) == 16 and len({p["key"] for p in expected}) == 16

    out = str(tmp_path / "killed")
    proc = subprocess.Popen([evsim_bin, "sweep", model, "--out", out, *SWEEP, "--steps", "3000", "--modes", "dense,event"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline:  # kill once a few points are in, most likely mid-point
        path = os.path.join(out, "points.jsonl")
        if os.path.exists(path) and sum(1 for _ in open(path)) >= 3:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    assert proc.returncode == -signal.SIGKILL, err
    partial = points(out, killed=True)  # valid files right after the kill
    assert 3 <= len(partial) < 16
    res = sweep(evsim_bin, model, out, "--resume", steps=3000)
    assert f"{16 - len(partial)} to measure" in res.stderr
    resumed = points(out)
    assert [p["key"] for p in resumed] == [p["key"] for p in expected]
    again = str(tmp_path / "again")
    sweep(evsim_bin, model, again, steps=3000)
    assert [comparable(p) for p in resumed] == [comparable(p) for p in points(again)]
    assert not [n for n in os.listdir(out) if "evsim-tmp" in n]


def test_shards_merge_to_the_single_run(evsim_bin, tmp_path, seed):
    model = make_model(evsim_bin, str(tmp_path), seed)
    single = str(tmp_path / "single")
    sweep(evsim_bin, model, single)
    shards = [str(tmp_path / f"s{i}") for i in range(3)]
    for i, d in enumerate(shards):
        sweep(evsim_bin, model, d, "--shard", f"{i}/3")
    res = subprocess.run([evsim_bin, "sweep-merge", str(tmp_path / "merged"), shards[0], shards[1]],
                         capture_output=True, text=True)
    assert res.returncode != 0 and "in no directory" in res.stderr  # a shard is missing
    assert not os.path.exists(tmp_path / "merged" / "points.jsonl")
    import resource  # past the file-size limit (as on a full disk): no merged directory with half of it
    res = subprocess.run([evsim_bin, "sweep-merge", str(tmp_path / "merged"), *shards], capture_output=True, text=True,
                         preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000)))
    assert res.returncode == 2 and "File too large" in res.stderr, res.stderr
    assert not os.path.exists(tmp_path / "merged")
    subprocess.run([evsim_bin, "sweep-merge", str(tmp_path / "merged"), *shards], check=True, capture_output=True)
    assert [comparable(p) for p in points(str(tmp_path / "merged"))] == [comparable(p) for p in points(single)]
    res = subprocess.run([evsim_bin, "sweep-merge", str(tmp_path / "twice"), *shards, shards[0]],
                         capture_output=True, text=True)
    assert res.returncode != 0 and "also in another directory" in res.stderr


def test_mpirun_merges_to_the_single_run(evsim_bin, tmp_path, seed):
    mpirun = shutil.which("mpirun")
    if not mpirun:
        pytest.skip("mpirun not installed (openmpi-bin)")
    model = make_model(evsim_bin, str(tmp_path), seed)
    single = str(tmp_path / "single")
    sweep(evsim_bin, model, single)
    out = str(tmp_path / "mpi")
    cmd = [mpirun, "-np", "2", "--oversubscribe"]
    if os.geteuid() == 0:
        cmd.append("--allow-run-as-root")
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")  # Open MPI's own allocations at exit
    res = subprocess.run(cmd + [evsim_bin, "sweep", model, "--out", out, *SWEEP, "--steps", "24", "--modes", "dense,event"],
                         capture_output=True, text=True, env=env)
    if "this build has no MPI" in res.stderr:
        pytest.skip("evsim built without MPI")
    assert res.returncode == 0, res.stderr
    assert "rank 0/2" in res.stderr and "rank 1/2" in res.stderr
    assert [comparable(p) for p in points(out)] == [comparable(p) for p in points(single)]
    assert not os.path.exists(out + ".ranks")


def test_foreign_different_or_corrupt_directories_are_errors(evsim_bin, tmp_path, seed):
    model = make_model(evsim_bin, str(tmp_path), seed)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    res = sweep(evsim_bin, model, str(foreign), check=False)
    assert res.returncode != 0 and res.stderr.startswith("evsim: error:") and "not empty" in res.stderr
    assert (foreign / "notes.txt").read_text() == "mine"
    res = sweep(evsim_bin, model, str(foreign), "--resume", check=False)
    assert res.returncode != 0 and "sweep.json: missing: not an evsim sweep directory" in res.stderr

    out = str(tmp_path / "s")
    sweep(evsim_bin, model, out, modes="event")
    res = sweep(evsim_bin, model, out, "--resume", check=False)  # other modes: another plan
    assert res.returncode != 0 and "different sweep" in res.stderr
    before = open(os.path.join(out, "points.jsonl")).read()
    with open(os.path.join(out, "points.jsonl"), "a") as f:
        f.write('{"key": "trunc')
    res = sweep(evsim_bin, model, out, "--resume", check=False, modes="event")
    assert res.returncode != 0 and "not valid JSON" in res.stderr and len(res.stderr.splitlines()) == 1
    with open(os.path.join(out, "points.jsonl"), "w") as f:
        f.write(before + before.splitlines()[0] + "\n")
    res = sweep(evsim_bin, model, out, "--resume", check=False, modes="event")
    assert res.returncode != 0 and "appears twice" in res.stderr


def test_a_repeated_value_is_an_error(evsim_bin, tmp_path, seed):
    model = make_model(evsim_bin, str(tmp_path), seed)
    res = sweep(evsim_bin, model, str(tmp_path / "r"), check=False, modes="event,event")
    assert res.returncode != 0 and "twice" in res.stderr
    assert not os.path.exists(tmp_path / "r")


def test_a_sweep_failing_before_its_first_point_leaves_nothing(evsim_bin, tmp_path, seed):
    """Else the rerun, once the cause is mended, meets a non-empty directory."""
    model = make_model(evsim_bin, str(tmp_path), seed)
    res = sweep(evsim_bin, model, str(tmp_path / "b"), "--backends", "tpu", check=False)
    assert res.returncode != 0 and "unknown backend 'tpu'" in res.stderr and len(res.stderr.splitlines()) == 1
    assert not os.path.exists(tmp_path / "b")
    bad = tmp_path / "bad.h5"
    bad.write_bytes(b"not a checkpoint")  # found only when the first point loads it
    for out, existed in ((tmp_path / "new", False), (tmp_path / "empty", True)):
        if existed:
            out.mkdir()
        res = sweep(evsim_bin, str(bad), str(out), check=False)
        assert res.returncode != 0 and res.stderr.splitlines()[-1].startswith("evsim: error:"), res.stderr
        assert out.exists() == existed and (not existed or not any(out.iterdir())), sorted(os.listdir(out))
    sweep(evsim_bin, model, str(tmp_path / "empty"))  # the mended rerun runs
    assert len(points(str(tmp_path / "empty"))) == 16



@pytest.mark.parametrize("edit, message", [
    (lambda p, m: p.update(key=5), "field 'key': expected a string"),
    (lambda p, m: p.update(wall_s="0.1"), "field 'wall_s': expected an object"),
    (lambda p, m: p["run"]["totals"].pop("energy_pj"), "field 'run.totals.energy_pj': missing"),
    (lambda p, m: p.update(prune="none"), "field 'prune': expected a number or null"),
    (lambda p, m: p.update(device_s={"median": "fast"}), "field 'device_s.median': expected a number"),
    (lambda p, m: m.update(format=1), "not an evsim sweep manifest"),
    (lambda p, m: m.update(version="1"), "expected an integer \"version\""),
    (lambda p, m: m.update(plan=[1]), "expected the \"plan\" to be an array of point keys (strings)"),
    (lambda p, m: m.update(shard=1), "holds a different sweep"),
])
def test_hand_edited_sweep_files_are_one_error_naming_the_field(evsim_bin, tmp_path, seed, edit, message):
    """--resume and sweep-merge read the points and the manifest back: a field of the wrong type
    is one error line naming it (these were JSON library exceptions, "internal error")."""
    model = make_model(evsim_bin, str(tmp_path), seed)
    out = str(tmp_path / "s")
    sweep(evsim_bin, model, out, modes="event")
    with open(os.path.join(out, "points.jsonl")) as f:
        lines = [json.loads(l) for l in f]
    with open(os.path.join(out, "sweep.json")) as f:
        manifest = json.load(f)
    edit(lines[-1], manifest)
    with open(os.path.join(out, "points.jsonl"), "w") as f:
        f.write("".join(json.dumps(p) + "\n" for p in lines))
    with open(os.path.join(out, "sweep.json"), "w") as f:
        json.dump(manifest, f)
    runs = [sweep(evsim_bin, model, out, "--resume", check=False, modes="event")]
    if "different sweep" not in message:  # a merge of one directory has nothing to differ from
        runs.append(subprocess.run([evsim_bin, "sweep-merge", str(tmp_path / "merged"), out], capture_output=True,
                                   text=True))
    for res in runs:
        assert res.returncode != 0 and res.stderr.startswith("evsim: error:"), res.stderr
        assert message in res.stderr and len(res.stderr.splitlines()) == 1, res.stderr
    assert not (tmp_path / "merged").exists()
