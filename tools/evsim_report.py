#!/usr/bin/python3
"""`evsim report DIR`: plots and a page from a sweep directory (sweep.json, points.jsonl and,
when present, break_even_<backend>.csv from `evsim sweep --break-even`).

Writes DIR/report/: pareto, speedup, activity, energy and break_even_<backend> as PNG and SVG,
index.html (self-contained: the SVGs inline, the tables, the exact commands) and report.md.
matplotlib (Debian's python3-matplotlib) draws every figure; see docs/design-notes.md.
"""
import argparse
import base64
import csv
import html
import json
import math
import os
import shutil
import sys
import tempfile
from collections import defaultdict

from evsim_tools.files import UserError, run_main, under_umask

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("evsim: error: evsim report needs matplotlib for /usr/bin/python3 (apt-get install python3-matplotlib)",
          file=sys.stderr)
    sys.exit(2)


NUMBER = (int, float)
KINDS = {str: "a string", int: "an integer", dict: "an object", NUMBER: "a number"}


class Nullable:
    """null, or an object whose listed fields, where present, match."""

    def __init__(self, fields):
        self.fields = fields


# The fields this report reads from a point (what `evsim sweep` writes); a hand-edited or foreign
# file is then one error line naming the field, not a traceback from deep inside a plot.
POINT = {"model": str, "prune": (type(None), int, float), "threshold_scale": NUMBER, "backend": str, "mode": str,
         "batch": int, "wall_s": {"median": NUMBER, "min": NUMBER, "max": NUMBER},
         "run": {"steps": int, "batch": int,
                 "totals": {"dense_macs": NUMBER, "effective_macs": NUMBER, "effective_acs": NUMBER},
                 "layers": [{"name": str, "activity": NUMBER, "weight_density": NUMBER, "events_are": str}]},
         "quality": Nullable({"perplexity": NUMBER, "rel_l2": NUMBER, "spike_rates": dict})}


MANIFEST = {"plan": [str], "config": dict}


def schema_error(value, schema, field):
    """Where `value` departs from `schema` (a type or tuple of types; a dict of required fields;
    a one-element list: a list of such items; Nullable), or None."""
    if isinstance(schema, Nullable):
        if value is None:
            return None
        if not isinstance(value, dict):
            return f"field '{field}': expected an object or null"
        return schema_error(value, {k: v for k, v in schema.fields.items() if k in value}, field)
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            return f"field '{field}': expected an object"
        for key, sub in schema.items():
            name = f"{field}.{key}" if field else key
            error = f"field '{name}': missing" if key not in value else schema_error(value[key], sub, name)
            if error:
                return error
        return None
    if isinstance(schema, list):
        if not isinstance(value, list):
            return f"field '{field}': expected a list"
        errors = (schema_error(item, schema[0], f"{field}[{i}]") for i, item in enumerate(value))
        return next((e for e in errors if e), None)
    if isinstance(value, bool) or not isinstance(value, schema):
        return f"field '{field}': expected {KINDS.get(schema, 'null or a number')}"
    return None


def load_sweep(d):
    manifest_path = os.path.join(d, "sweep.json")
    try:
        with open(manifest_path) as f:
            manifest = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        raise UserError(manifest_path, f"expected an evsim sweep manifest ({e.__class__.__name__})")
    if not isinstance(manifest, dict) or manifest.get("format") != "evsim-sweep":
        raise UserError(manifest_path, "not an evsim sweep manifest")
    error = schema_error(manifest, MANIFEST, "") or schema_error(manifest.get("command", []), [str], "command")
    if error:
        raise UserError(manifest_path, f"{error} (a manifest as `evsim sweep` writes it)")
    points = []
    path = os.path.join(d, "points.jsonl")
    try:
        with open(path) as f:
            for n, line in enumerate(f, 1):
                try:
                    point = json.loads(line)
                except json.JSONDecodeError:
                    raise UserError(f"{path} line {n}", "not valid JSON")
                error = schema_error(point, POINT, "")
                if error:
                    raise UserError(f"{path} line {n}", f"{error} (a point as `evsim sweep` writes it)")
                points.append(point)
    except OSError:
        raise UserError(path, "cannot read")
    if not points:
        raise UserError(path, "no measured points yet")
    return manifest, points


def variant_of(p):
    prune = "stored" if p["prune"] is None else f"{p['prune']:g}"
    return (os.path.basename(p["model"]), prune, p["threshold_scale"])


def variant_label(v):
    model, prune, scale = v
    return f"{model.replace('.h5', '')} p={prune} θx{scale:g}"


def tokens_of(p):
    return p["run"]["steps"] * p["run"]["batch"]


def eff_ops_per_step(p):
    t = p["run"]["totals"]
    return (t["effective_macs"] + t["effective_acs"]) / tokens_of(p)


def save(fig, out, name):
    for ext in ("png", "svg"):
        fig.savefig(os.path.join(out, f"{name}.{ext}"), dpi=130, bbox_inches="tight")
    plt.close(fig)
    return name


def quality_of(q):
    """(axis label, value; lower is better) of a point's quality, or None: a language model's
    perplexity, a neural operator's relative L2 error in %."""
    q = q or {}
    if "perplexity" in q:
        return f"perplexity ({q.get('split', '')})", q["perplexity"]
    if "rel_l2" in q:
        return "relative L2 error (%)", 100.0 * q["rel_l2"]
    return None


def pareto_plot(points, out):
    """Quality vs effective ops per step, one marker per variant; the front joins the variants
    no other beats on both."""
    by_variant, label = {}, ""
    for p in points:
        qv = quality_of(p.get("quality"))
        if qv:
            label = qv[0]
            by_variant[variant_of(p)] = (eff_ops_per_step(p), qv[1], p)
    if not by_variant:
        return None
    fig, ax = plt.subplots(figsize=(7, 4.5))
    scales = sorted({v[2] for v in by_variant})
    markers = dict(zip(scales, "os^Dv<>"))
    prunes = sorted({v[1] for v in by_variant})
    colors = dict(zip(prunes, plt.cm.viridis([i / max(1, len(prunes) - 1) for i in range(len(prunes))])))
    for v, (x, y, _) in by_variant.items():
        ax.scatter(x, y, marker=markers[v[2]], color=colors[v[1]], s=50, zorder=3,
                   label=f"prune {v[1]}, threshold x{v[2]:g}")
    front = sorted(by_variant.values(), key=lambda t: t[0])
    best, line = math.inf, []
    for x, y, _ in front:
        if y < best:
            best = y
            line.append((x, y))
    ax.plot([a for a, _ in line], [b for _, b in line], "k--", lw=1, label="Pareto front", zorder=2)
    base = [t for v, t in by_variant.items() if v[1] in ("0", "stored") and v[2] == 1]
    if base:
        ax.scatter([base[0][0]], [base[0][1]], s=180, facecolors="none", edgecolors="red", lw=1.5,
                   label="baseline (unpruned, threshold x1)", zorder=4)
    ax.set_xscale("log")
    ax.set_xlabel("effective ops per step and sample (MACs + ACs)")
    ax.set_ylabel(label)
    ax.set_title("Quality vs work")
    ax.grid(True, which="both", alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    uniq = dict(zip(labels, handles))
    ax.legend(uniq.values(), uniq.keys(), fontsize=7, loc="best")
    return save(fig, out, "pareto")


def speedup_rows(points):
    """Per (variant, backend, batch): theory (dense MACs / effective ops) and realized
    (dense median / event median, with the range from the extremes)."""
    cells = defaultdict(dict)
    for p in points:
        cells[(variant_of(p), p["backend"], p["batch"])][p["mode"]] = p
    rows = []
    for (v, backend, batch), m in sorted(cells.items(), key=lambda kv: str(kv[0])):
        if "dense" not in m or "event" not in m:
            continue
        d, e = m["dense"], m["event"]
        t = e["run"]["totals"]
        eff = t["effective_macs"] + t["effective_acs"]
        theory = t["dense_macs"] / eff if eff else float("nan")
        wd, we = d["wall_s"], e["wall_s"]
        rows.append(dict(variant=v, backend=backend, batch=batch, theory=theory, realized=wd["median"] / we["median"],
                         lo=wd["min"] / we["max"], hi=wd["max"] / we["min"], dense_s=wd["median"],
                         event_s=we["median"], dense_uj=d["run"]["totals"]["energy_pj"] * 1e-6,
                         event_uj=e["run"]["totals"]["energy_pj"] * 1e-6))
        if "device_s" in d and "device_s" in e:  # the GPU graph alone, beside the end-to-end time
            dd, de = d["device_s"], e["device_s"]
            rows.append(dict(rows[-1], backend=backend + " (GPU graph only)", realized=dd["median"] / de["median"],
                             lo=dd["min"] / de["max"], hi=dd["max"] / de["min"], dense_s=dd["median"],
                             event_s=de["median"]))
    return rows


def speedup_plot(rows, out):
    if not rows:
        return None
    fig, ax = plt.subplots(figsize=(7, 4.5))
    groups = sorted({(r["backend"], r["batch"]) for r in rows})
    for k, (backend, batch) in enumerate(groups):
        rs = [r for r in rows if (r["backend"], r["batch"]) == (backend, batch)]
        x = [r["theory"] for r in rs]
        y = [r["realized"] for r in rs]
        err = [[r["realized"] - r["lo"] for r in rs], [r["hi"] - r["realized"] for r in rs]]
        ax.errorbar(x, y, yerr=err, fmt="os^Dv"[k % 5], capsize=3, label=f"{backend}, batch {batch}")
    lim = [min(min(r["theory"] for r in rows), min(r["lo"] for r in rows)) * 0.7,
           max(max(r["theory"] for r in rows), max(r["hi"] for r in rows)) * 1.4]
    ax.plot(lim, lim, "k:", lw=1, label="ideal (realized = theory)")
    ax.axhline(1.0, color="red", lw=0.8, alpha=0.6, label="break-even (event = dense)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("theoretical reduction (dense MACs / effective ops)")
    ax.set_ylabel("measured speedup of event mode (dense / event time)")
    ax.set_title("How much of the counted saving each backend realizes")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)
    return save(fig, out, "speedup")


def activity_plot(points, out):
    seen, rows = set(), []
    for p in points:
        v = variant_of(p)
        if v in seen or p["mode"] != "event":
            continue
        seen.add(v)
        rows.append((v, [(l["name"], l["activity"]) for l in p["run"]["layers"] if l["events_are"] == "emitted"]))
    if not rows:
        return None
    layers = [n for n, _ in rows[0][1]]
    fig, ax = plt.subplots(figsize=(7, 4))
    width = 0.8 / max(1, len(layers))
    for k, name in enumerate(layers):
        ax.bar([i + k * width for i in range(len(rows))], [dict(r)[name] * 100 for _, r in rows], width,
               label=name)
    ax.set_xticks([i + width * (len(layers) - 1) / 2 for i in range(len(rows))])
    ax.set_xticklabels([variant_label(v) for v, _ in rows], rotation=40, ha="right", fontsize=7)
    ax.set_ylabel("activity (% of unit-steps that fired)")
    ax.set_title("Activity per layer (timing input)")
    ax.legend(fontsize=7)
    ax.grid(True, axis="y", alpha=0.3)
    return save(fig, out, "activity")


def energy_plot(rows, out, table):
    if not rows:
        return None
    rs = [r for r in rows if r["backend"] == rows[0]["backend"] and r["batch"] == rows[0]["batch"]]
    fig, ax = plt.subplots(figsize=(7, 4))
    x = range(len(rs))
    ax.bar([i - 0.2 for i in x], [r["dense_uj"] for r in rs], 0.4, label="dense mode")
    ax.bar([i + 0.2 for i in x], [r["event_uj"] for r in rs], 0.4, label="event mode")
    ax.set_xticks(list(x))
    ax.set_xticklabels([variant_label(r["variant"]) for r in rs], rotation=40, ha="right", fontsize=7)
    ax.set_ylabel("energy of the timed run (µJ)")
    ax.set_title(f"Energy per mode ({rs[0]['backend']}, batch {rs[0]['batch']}); table: {table}", fontsize=9)
    ax.legend(fontsize=7)
    ax.grid(True, axis="y", alpha=0.3)
    return save(fig, out, "energy")


def read_break_even(path):
    """(backend, hidden, batch) -> {(activity, density): speedup} from a bench CSV (CPU: dense
    vs event; cuda: cuBLAS vs DISTile)."""
    grids = defaultdict(dict)
    with open(path) as f:
        for n, r in enumerate(csv.DictReader(f), 2):  # line 1: the header
            try:
                if "speedup" in r:
                    backend, s = r.get("backend", "cpu"), float(r["speedup"])
                else:
                    backend, s = "cuda", float(r["cublas_s"]) / float(r["distile_s"])
                key = (backend, int(r["hidden"]), int(r["batch"]))
                grids[key][(float(r["activity"]), float(r["density"]))] = s
            except (KeyError, TypeError, ValueError, ZeroDivisionError) as e:
                raise UserError(f"{path} line {n}", "expected a bench CSV row (hidden, batch, activity, density and "
                                f"speedup, or cublas_s and distile_s) ({e.__class__.__name__}: {e})") from None
    return grids


def sweep_positions(points, backend):
    """Each variant's mean activity and weight density over its neuron layers' projections."""
    pos = {}
    for p in points:
        if p["backend"] != backend or p["mode"] != "event":
            continue
        acts = [l["activity"] for l in p["run"]["layers"] if l["events_are"] == "emitted"]
        dens = [l["weight_density"] for l in p["run"]["layers"] if l["events_are"] == "emitted"]
        if acts:
            pos[variant_of(p)] = (sum(acts) / len(acts), sum(dens) / len(dens))
    return pos


def break_even_plot(grids, points, out, name):
    if not grids:
        return None
    keys = sorted(grids)
    fig, axes = plt.subplots(1, len(keys), figsize=(5.2 * len(keys), 4.2), squeeze=False)
    for ax, key in zip(axes[0], keys):
        g = grids[key]
        acts = sorted({a for a, _ in g})
        dens = sorted({d for _, d in g})
        z = [[math.log2(g.get((a, d), float("nan"))) for a in acts] for d in dens]
        m = ax.pcolormesh(acts, dens, z, cmap="RdBu", vmin=-4, vmax=4, shading="nearest")
        if len(acts) > 1 and len(dens) > 1:
            cs = ax.contour(acts, dens, z, levels=[0], colors="k", linewidths=1.5)
            ax.clabel(cs, fmt={0: "break-even"}, fontsize=7)
        for k, (v, (a, d)) in enumerate(sorted(sweep_positions(points, key[0]).items(), key=lambda kv: kv[1])):
            ax.scatter([a], [d], color="gold", edgecolors="k", s=45, zorder=3)
            ax.annotate(f"θx{v[2]:g}", (a, d), fontsize=6, xytext=(2, 5 if k % 2 else -9), textcoords="offset points")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("activity (fraction of inputs that fired)")
        ax.set_ylabel("weight density")
        ax.set_title(f"{key[0]} ({'cuBLAS vs DISTile' if key[0] == 'cuda' else 'dense vs event'}): "
                     f"hidden {key[1]}, batch {key[2]}", fontsize=9)
        fig.colorbar(m, ax=ax, label="log2 speedup of event mode")
    fig.suptitle("Where event execution beats dense (blue) — sweep points in gold", fontsize=10)
    return save(fig, out, name)


def table_html(rows):
    head = ("variant", "backend", "batch", "theory", "realized [range]", "dense time", "event time", "dense µJ",
            "event µJ")
    out = ["<table><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for r in rows:
        cells = (variant_label(r["variant"]), r["backend"], r["batch"], f"{r['theory']:.1f}x",
                 f"{r['realized']:.2f}x [{r['lo']:.2f}-{r['hi']:.2f}]", f"{r['dense_s'] * 1e3:.2f} ms",
                 f"{r['event_s'] * 1e3:.2f} ms", f"{r['dense_uj']:.0f}", f"{r['event_uj']:.0f}")
        out.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    return "\n".join(out + ["</table>"])


def table_md(rows):
    lines = ["| variant | backend | batch | theory | realized [range] | dense µJ | event µJ |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {variant_label(r['variant'])} | {r['backend']} | {r['batch']} | {r['theory']:.1f}x | "
                     f"{r['realized']:.2f}x [{r['lo']:.2f}-{r['hi']:.2f}] | {r['dense_uj']:.0f} | {r['event_uj']:.0f} |")
    return "\n".join(lines)


def quality_md(points):
    seen, lines = set(), []
    for p in points:
        v = variant_of(p)
        q = p.get("quality") or {}
        qv = quality_of(q)
        if v in seen or not qv:
            continue
        seen.add(v)
        if not lines:
            lines = [f"| variant | {qv[0]} | effective ops / step | spike rates |", "|---|---|---|---|"]
        rates = " / ".join(f"{100 * r:.1f} %" for r in (q.get("spike_rates") or {}).values())
        lines.append(f"| {variant_label(v)} | {qv[1]:.3f} | {eff_ops_per_step(p):.3g} | {rates or '-'} |")
    return "\n".join(lines) if len(lines) > 2 else ""


CSS = """body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}
th{background:#f0f0f0}pre{background:#f6f6f6;padding:8px;overflow-x:auto}figure{margin:1.5em 0}
figure svg{max-width:100%;height:auto}"""


def write_page(out, figures, manifest, points, rows):
    cmd = " ".join(manifest.get("command", [])) or "(not recorded)"
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>evsim sweep report</title><style>{CSS}</style>"
             "</head><body><h1>evsim sweep report</h1>",
             f"<p>{len(points)} points of a plan of {len(manifest['plan'])}; energy table: "
             f"{html.escape(str(manifest['config'].get('energy_table', '')))}.</p>",
             f"<h2>Commands</h2><pre>{html.escape(cmd)}\nevsim report {html.escape(manifest.get('dir', 'DIR'))}</pre>"]
    for name, caption in figures:
        with open(os.path.join(out, f"{name}.svg")) as f:
            svg = f.read()
        svg = svg[svg.index("<svg"):]
        parts.append(f"<figure>{svg}<figcaption>{html.escape(caption)}</figcaption></figure>")
    parts.append("<h2>Measured speedup, theory and energy per point</h2>" + table_html(rows))
    parts.append("</body></html>")
    with open(os.path.join(out, "index.html"), "w") as f:
        f.write("\n".join(parts))
    md = ["# evsim sweep report", "", f"{len(points)} points. Commands:", "", "```", cmd,
          f"evsim report {manifest.get('dir', 'DIR')}", "```", ""]
    for name, caption in figures:
        md += [f"![{caption}]({name}.png)", "", caption, ""]
    qm = quality_md(points)
    if qm:
        md += ["## Quality", "", qm, ""]
    md += ["## Speedup and energy", "", table_md(rows), ""]
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write("\n".join(md))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dir")
    args = ap.parse_args()
    manifest, points = load_sweep(args.dir)
    manifest["dir"] = args.dir
    out = os.path.join(args.dir, "report")
    if os.path.lexists(out) and not os.path.isdir(out):
        raise UserError(out, "exists and is not a directory (the report is written there)")
    # Drawn into a temporary directory beside it and renamed into place whole: a failure (a
    # full disk, a damaged break-even CSV) leaves the old report or none, never half of one.
    tmp = None
    try:
        tmp = tempfile.mkdtemp(prefix=".report.evsim-tmp.", dir=args.dir)
        os.chmod(tmp, under_umask(0o777))  # mkdtemp's is private; a report is for others to read too
        figures = draw(args.dir, tmp, manifest, points)
        old = None
        if os.path.isdir(out):
            old = tmp + ".old"
            os.rename(out, old)
        os.rename(tmp, out)
        tmp = None
        if old:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as e:
        raise UserError(e.filename or out, f"cannot write the report ({e.strerror})") from None
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {out}/index.html, report.md and {len(figures)} figures (PNG + SVG)")
    return 0


def draw(sweep_dir, out, manifest, points):
    """Every figure and the page into `out`; returns the figures drawn."""
    rows = speedup_rows(points)
    figures = []
    for name, caption in ((pareto_plot(points, out), "Quality vs effective work per variant (Pareto front dashed)"),
                          (speedup_plot(rows, out), "Measured speedup of event mode vs the theoretical reduction"),
                          (activity_plot(points, out), "Activity per layer"),
                          (energy_plot(rows, out, manifest["config"].get("energy_table", "")),
                           "Energy of the work each mode performs")):
        if name:
            figures.append((name, caption))
    for f in sorted(os.listdir(sweep_dir)):
        if f.startswith("break_even_") and f.endswith(".csv"):
            name = break_even_plot(read_break_even(os.path.join(sweep_dir, f)), points, out, f[:-4])
            if name:
                figures.append((name, f"Break-even map from {f}"))
    write_page(out, figures, manifest, points, rows)
    return figures


if __name__ == "__main__":
    run_main(main)
