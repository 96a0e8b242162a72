"""`evsim report DIR`: from a small sweep with a break-even grid, the figures (PNG + SVG), a
self-contained HTML page (SVGs inline, the commands) and Markdown; images are not blank; with
chromium present, a headless screenshot of the page is not blank either. A directory that is
not a sweep is one error line."""
import os
import shutil
import subprocess

import numpy as np
import pytest

from test_sweep import make_model

plt = pytest.importorskip("matplotlib.pyplot")


def not_blank(png):
    img = plt.imread(png)
    assert img.ndim == 3 and img.shape[0] > 100 and img.shape[1] > 100
    assert float(np.std(img[..., :3])) > 0.02, f"{png} looks blank"


def test_report_draws_a_sweep(evsim_bin, tmp_path, seed):
    model = make_model(evsim_bin, str(tmp_path), seed)
    out = str(tmp_path / "sweep")
    subprocess.run([evsim_bin, "sweep", model, "--out", out, "--prune", "0,0.5", "--threshold-scale", "1,2",
                    "--batch", "2", "--steps", "16", "--repeats", "2", "--break-even", "32"],
                   check=True, capture_output=True)
    assert os.path.exists(os.path.join(out, "break_even_cpu.csv"))
    res = subprocess.run([evsim_bin, "report", out], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    rep = os.path.join(out, "report")
    for name in ("speedup", "activity", "energy", "break_even_cpu"):
        for ext in ("png", "svg"):
            assert os.path.getsize(os.path.join(rep, f"{name}.{ext}")) > 1000, name
        not_blank(os.path.join(rep, f"{name}.png"))
    page = open(os.path.join(rep, "index.html")).read()
    assert page.count("<svg") == 4 and "evsim sweep" in page and "--break-even" in page
    assert "<img" not in page  # self-contained
    md = open(os.path.join(rep, "report.md")).read()
    assert "![" in md and "break_even_cpu.png" in md
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        shot = str(tmp_path / "page.png")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                        "--window-size=1200,2400", "file://" + os.path.join(rep, "index.html")],
                       check=True, capture_output=True, timeout=120)
        not_blank(shot)


def test_report_of_a_foreign_directory_is_one_error(evsim_bin, tmp_path):
    res = subprocess.run([evsim_bin, "report", str(tmp_path)], capture_output=True, text=True)
    assert res.returncode != 0
    assert res.stderr.startswith("evsim: error:") and len(res.stderr.splitlines()) == 1


def test_report_is_replaced_whole_or_not_at_all(evsim_bin, tmp_path, seed):
    """A report is drawn beside DIR/report and renamed into place: a rerun leaves nothing of the
    old one, a write that fails (past the file-size limit, as on a full disk) leaves no half of
    one, and a file where the report goes is one error line."""
    import resource
    model = make_model(evsim_bin, str(tmp_path), seed)
    out = str(tmp_path / "sweep")
    subprocess.run([evsim_bin, "sweep", model, "--out", out, "--batch", "1", "--steps", "8", "--repeats", "1"],
                   check=True, capture_output=True)
    rep = os.path.join(out, "report")
    open(rep, "w").close()
    res = subprocess.run([evsim_bin, "report", out], capture_output=True, text=True)
    assert res.returncode == 2 and res.stderr == f"evsim: error: {rep}: exists and is not a directory (the report is written there)\n"
    os.remove(rep)
    limited = subprocess.run([evsim_bin, "report", out], capture_output=True, text=True,
                             preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000)))
    assert limited.returncode == 2 and limited.stderr.startswith("evsim: error:"), limited.stderr
    assert "File too large" in limited.stderr and len(limited.stderr.splitlines()) == 1, limited.stderr
    assert sorted(os.listdir(out)) == ["points.csv", "points.jsonl", "sweep.json"], "a half report or its temporary"
    subprocess.run([evsim_bin, "report", out], check=True, capture_output=True)
    open(os.path.join(rep, "stale.txt"), "w").close()
    subprocess.run([evsim_bin, "report", out], check=True, capture_output=True)
    assert "stale.txt" not in os.listdir(rep) and "index.html" in os.listdir(rep)
    assert sorted(os.listdir(out)) == ["points.csv", "points.jsonl", "report", "sweep.json"]



@pytest.mark.parametrize("edit, field, expected", [
    (lambda p: p.update(wall_s="0.1"), "wall_s", "expected an object"),
    (lambda p: p["run"]["totals"].pop("dense_macs"), "run.totals.dense_macs", "missing"),
    (lambda p: p["run"]["layers"][0].update(activity=None), "run.layers[0].activity", "expected a number"),
    (lambda p: p.update(batch=True), "batch", "expected an integer"),
    (lambda p: p.update(quality=[1]), "quality", "expected an object or null"),
    (lambda p: p.update(quality={"perplexity": "low"}), "quality.perplexity", "expected a number"),
])
def test_a_hand_edited_point_is_one_error_naming_its_field(evsim_bin, tmp_path, seed, edit, field, expected):
    import json
    model = make_model(evsim_bin, str(tmp_path), seed)
    out = str(tmp_path / "sweep")
    subprocess.run([evsim_bin, "sweep", model, "--out", out, "--batch", "1", "--steps", "8", "--repeats", "1"],
                   check=True, capture_output=True)
    path = os.path.join(out, "points.jsonl")
    lines = open(path).read().splitlines()
    point = json.loads(lines[-1])
    edit(point)
    with open(path, "w") as f:
        f.write("\n".join(lines[:-1] + [json.dumps(point)]) + "\n")
    res = subprocess.run([evsim_bin, "report", out], capture_output=True, text=True)
    assert res.returncode == 2, res.stderr
    assert res.stderr == (f"evsim: error: {path} line {len(lines)}: field '{field}': {expected} "
                          "(a point as `evsim sweep` writes it)\n")
    assert "report" not in os.listdir(out)


@pytest.mark.parametrize("damage, expected", [
    (lambda out: open(os.path.join(out, "break_even_cpu.csv"), "w").write(
        "backend,hidden,batch,activity,density,speedup\ncpu,64,1,0.1,x,2\n"),
     "break_even_cpu.csv line 2: expected a bench CSV row"),
    (lambda out: open(os.path.join(out, "break_even_cpu.csv"), "w").write("hidden,batch\n64,1\n"),
     "break_even_cpu.csv line 2: expected a bench CSV row"),
    (lambda out: edit_manifest(out, config=[1]), "sweep.json: field 'config': expected an object"),
    (lambda out: edit_manifest(out, plan="all"), "sweep.json: field 'plan': expected a list"),
    (lambda out: edit_manifest(out, command=[1]), "sweep.json: field 'command[0]': expected a string"),
])
def test_a_damaged_manifest_or_break_even_file_is_one_error(evsim_bin, tmp_path, seed, damage, expected):
    model = make_model(evsim_bin, str(tmp_path), seed)
    out = str(tmp_path / "sweep")
    subprocess.run([evsim_bin, "sweep", model, "--out", out, "--batch", "1", "--steps", "8", "--repeats", "1"],
                   check=True, capture_output=True)
    damage(out)
    res = subprocess.run([evsim_bin, "report", out], capture_output=True, text=True)
    assert res.returncode == 2 and res.stderr.startswith("evsim: error: ") and expected in res.stderr, res.stderr
    assert len(res.stderr.splitlines()) == 1
    assert not [f for f in os.listdir(out) if "report" in f], "a report or its temporary"


def edit_manifest(out, **fields):
    import json
    path = os.path.join(out, "sweep.json")
    manifest = json.load(open(path))
    manifest.update(fields)
    json.dump(manifest, open(path, "w"))
