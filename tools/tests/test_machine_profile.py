"""This machine's CPU profile: `evsim calibrate --backend cpu` without --output writes it under
$XDG_CONFIG_HOME (or ~/.config, or $EVSIM_CPU_PROFILE), and every later run reads it before its
options (--cpu-profile replaces it); one calibrated on another CPU is set aside with a warning, an
unreadable one is an error naming it; EVSIM_CPU_PROFILE=off skips it. Before it is installed, the
default model runs in event mode with it and with the built-in constants: slower, it is not."""
import json
import os
import subprocess

BUILT_IN = "built-in defaults (development machine)"


def run(evsim_bin, args, env):
    return subprocess.run([evsim_bin] + args, capture_output=True, text=True, env=env)


def compare(evsim_bin, tmp_path, env, extra=()):
    """`evsim compare` of a small model: the cost model it names in its output and JSON."""
    model, out = tmp_path / "m.h5", tmp_path / "c.json"
    if not model.exists():
        res = run(evsim_bin, ["convert", "egru-stack", str(model), "--inputs", "6", "--hidden", "24", "--layers", "2",
                              "--outputs", "5"], env)
        assert res.returncode == 0, res.stderr
    res = run(evsim_bin, ["compare", str(model), "--steps", "3", "--batch", "2", "--repeats", "1", "--json", str(out),
                          *extra], env)
    assert res.returncode == 0, res.stderr
    source = json.load(open(out))["cpu_cost_model"]
    assert f"event mode's paths chosen by the CPU cost model of: {source}" in res.stdout
    return source, res.stderr


def test_calibrate_writes_the_profile_that_later_runs_read(evsim_bin, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "EVSIM_CPU_PROFILE"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "cfg")
    path = tmp_path / "cfg" / "evsim" / "cpu_profile.json"
    assert compare(evsim_bin, tmp_path, env) == (BUILT_IN, "")  # none yet
    res = run(evsim_bin, ["calibrate", "--backend", "cpu", "--repeats", "2", "--skip-check"], env)
    assert res.returncode == 0, res.stderr
    assert f"wrote {path}: this machine's profile" in res.stdout and "Event mode of the default model" not in res.stdout
    profile = json.load(open(path))
    assert profile["cpu"].endswith(" hardware threads") and profile["cpu"] in profile["machine"]
    assert compare(evsim_bin, tmp_path, env) == (str(path), "")

    explicit = tmp_path / "mine.json"
    explicit.write_text(json.dumps(profile))
    assert compare(evsim_bin, tmp_path, env, ["--cpu-profile", str(explicit)]) == (str(explicit), "")
    assert compare(evsim_bin, tmp_path, {**env, "EVSIM_CPU_PROFILE": "off"}) == (BUILT_IN, "")

    # Made on another CPU (a home directory shared by several machines): set aside, with a warning.
    path.write_text(json.dumps({**profile, "cpu": "Another CPU, 3 hardware threads"}))
    source, err = compare(evsim_bin, tmp_path, env)
    assert source == BUILT_IN
    assert err == (f"evsim: warning: {path} was calibrated on Another CPU, 3 hardware threads, this is "
                   f"{profile['cpu']}: built-in constants (`evsim calibrate --backend cpu` measures these)\n")

    path.write_text(json.dumps({**profile, "pair_ns": "fast"}))
    res = run(evsim_bin, ["compare", str(tmp_path / "m.h5"), "--steps", "2"], env)
    assert res.returncode != 0 and res.stdout == ""
    assert res.stderr == (f"evsim: error: {path}: 'pair_ns' must be a number (this machine's CPU profile: "
                          "`evsim calibrate --backend cpu` rewrites it, EVSIM_CPU_PROFILE=off skips it)\n")


def check_rows(stdout):
    """The default-model check's rows: (threads, batch, measured / built-in)."""
    lines = stdout.split("Event mode of the default model with each set of constants")[1].splitlines()[3:]
    rows = []
    for line in lines:
        f = line.split()
        if not f or not f[0].isdigit():
            break
        rows.append((int(f[0]), int(f[1]), float(f[-1].rstrip("x"))))
    return rows


def test_a_profile_is_installed_only_where_it_ran_the_default_model_no_slower(evsim_bin, tmp_path):
    # $EVSIM_CPU_PROFILE names the file, ahead of $XDG_CONFIG_HOME.
    path = tmp_path / "p.json"
    env = {**os.environ, "EVSIM_CPU_PROFILE": str(path), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    res = run(evsim_bin, ["calibrate", "--backend", "cpu", "--repeats", "2"], env)
    assert res.returncode == 0, res.stderr
    assert not (tmp_path / "cfg").exists()
    rows = check_rows(res.stdout)
    threads = sorted({t for t, _, _ in rows})
    assert threads[0] == 1 and len(threads) <= 2 and sorted(b for _, b, _ in rows) == sorted([1, 10, 64] * len(threads))
    installed = f"wrote {path}: this machine's profile" in res.stdout
    assert installed == path.exists()
    assert installed != ("not installed: with the measured constants event mode ran the default model slower"
                         in res.stdout)
    ratios = [r for _, _, r in rows]
    if max(ratios) <= 1.04:  # the tolerance is 1.05 (the printed ratios are rounded)
        assert installed, res.stdout
    if max(ratios) >= 1.06:
        assert not installed, res.stdout
    if installed:
        assert compare(evsim_bin, tmp_path, env) == (str(path), "")
    res = run(evsim_bin, ["calibrate", "--skip-check"], env)  # cuda's calibration has no such check
    assert res.returncode != 0 and res.stderr.count("\n") == 1 and "--skip-check" in res.stderr
