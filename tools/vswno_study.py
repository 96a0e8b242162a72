#!/usr/bin/env python3
"""The VS-WNO vs WNO study (docs/vswno-study.md), generated from measured runs.

On this machine it measures: `evsim eval` (error, counts, spike rates) of every shipped WNO /
VS-WNO checkpoint in both modes; `evsim compare` of seed 1 of each at batches 1, 4 and 10 (dense
and event time per inference with spread, energy of each mode's work); PyTorch on the same CPU
(tools/bench_torch_wno.py). From the GPU machine it reads what tools/gpu_wno_study.sh measured
there in one job: `evsim compare --backend cuda` (cuda-dense vs cuda-distile, the pointwise
path each spiking layer's tuning chose), `evsim eval --backend cuda`, and PyTorch eager and as
one CUDA graph. It writes the Markdown study, a figure, and every raw result under --results.

  python3 tools/vswno_study.py --data darcy_test_r85.h5 --gpu-results DIR   # DIR: wno_gpu.tgz unpacked
"""
import re
import shutil
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools.files import dataset, open_h5, run_main  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
CKPT = os.path.join(ROOT, "models", "checkpoints")


def run(cmd):
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{res.stderr}")
    return res.stdout


def evsim_evals(evsim, data, results):
    out = {}
    for path in sorted(glob.glob(os.path.join(CKPT, "*wno_darcy_s*.h5"))):
        name = os.path.basename(path)[:-3]
        for mode in ("dense", "event"):
            js = os.path.join(results, f"eval_{name}_{mode}.json")
            run([evsim, "eval", path, "--data", data, "--mode", mode, "--json", js])
            out[(name, mode)] = json.load(open(js))
    return out


def evsim_compares(evsim, data, results, batches, repeats):
    out = {}
    with open_h5(data) as f:
        coeff = dataset(f, "coeff", 3, "a Darcy file from `evsim data darcy`")
    for b in batches:
        inp = os.path.join(results, f"input_b{b}.h5")
        with h5py.File(inp, "w") as f:
            f["input"] = coeff[:b].reshape(1, b, -1).astype(np.float32)
        for name in ("wno_darcy_s1", "vswno_darcy_s1"):
            js = os.path.join(results, f"compare_{name}_b{b}.json")
            text = run([evsim, "compare", os.path.join(CKPT, name + ".h5"), "--input", inp, "--repeats", str(repeats),
                        "--json", js])
            with open(os.path.join(results, f"compare_{name}_b{b}.txt"), "w") as f:
                f.write(text)  # with the time per layer
            out[(name, b)] = json.load(open(js))
        os.remove(inp)
    return out


def ms(s):
    return f"{1e3 * s:.2f}"


def spread_ms(sp, per=1):
    return f"{ms(sp['median'] / per)} [{ms(sp['min'] / per)}-{ms(sp['max'] / per)}]"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--evsim", default=os.path.join(ROOT, "build", "evsim"))
    ap.add_argument("--data", required=True, help="Darcy test file")
    ap.add_argument("--gpu-results", required=True, help="tools/gpu_wno_study.sh's results (wno_gpu.tgz unpacked)")
    ap.add_argument("--batches", default="1,4,10")
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "vswno-study.md"))
    ap.add_argument("--results", default=os.path.join(ROOT, "docs", "results", "vswno_study"))
    args = ap.parse_args()
    os.makedirs(args.results, exist_ok=True)
    batches = [int(b) for b in args.batches.split(",")]
    evals = evsim_evals(args.evsim, args.data, args.results)
    compares = evsim_compares(args.evsim, args.data, args.results, batches, args.repeats)
    cpu_json = os.path.join(args.results, "torch_cpu_wno.json")
    run([sys.executable, os.path.join(ROOT, "tools", "bench_torch_wno.py"), os.path.join(CKPT, "wno_darcy_s1.h5"),
         os.path.join(CKPT, "vswno_darcy_s1.h5"), "--data", args.data, "--batch", args.batches, "--repeats",
         str(args.repeats), "--device", "cpu", "--threads", str(os.cpu_count()), "--json", cpu_json])
    torch_cpu = json.load(open(cpu_json))
    gpu = read_gpu_results(args.gpu_results, os.path.join(args.results, "h200"))
    write_study(args, evals, compares, torch_cpu, gpu, batches)


def read_gpu_results(src, dst):
    """The GPU job's files, copied under the study's results: compares per (name, batch), evals per
    (name, mode), the tuning lines per (name, batch), PyTorch's JSON and the GPU's name."""
    if os.path.abspath(src) != os.path.abspath(dst):
        shutil.copytree(src, dst, dirs_exist_ok=True)
    g = {"compare": {}, "eval": {}, "tuning": {}}
    for path in glob.glob(os.path.join(dst, "compare_cuda_*_b*.json")):
        m = re.match(r"compare_cuda_(.+)_b(\d+)\.json", os.path.basename(path))
        g["compare"][(m.group(1), int(m.group(2)))] = json.load(open(path))
        err = path[:-5] + ".err"
        lines = open(err).read().splitlines() if os.path.exists(err) else []
        g["tuning"][(m.group(1), int(m.group(2)))] = [
            re.match(r"evsim: cuda-distile: (\w+): scatter ([\d.]+) us, product ([\d.]+) us: (\w+)", l).groups()
            for l in lines if "cuda-distile:" in l]
    for path in glob.glob(os.path.join(dst, "eval_cuda_*_*.json")):
        m = re.match(r"eval_cuda_(.+)_(dense|event)\.json", os.path.basename(path))
        g["eval"][(m.group(1), m.group(2))] = json.load(open(path))
    g["torch"] = json.load(open(os.path.join(dst, "torch_gpu_wno.json")))
    g["device"] = open(os.path.join(dst, "gpu.txt")).read().split(",")[0].strip()
    return g


def errors_table(evals, gpu_evals):
    """The Markdown table and each model kind's mean error (event mode) over its seeds."""
    lines = ["| model | seeds | test rel. L2, evsim cpu dense / event (mean over seeds) | the same on the H200 "
             "(cuda-dense / cuda-distile) | VSN non-zero rate, layers 1-4 (mean) |",
             "|---|---|---|---|---|"]
    mean_err = {}
    for kind in ("wno", "vswno"):
        names = sorted({n for n, _ in evals if n.startswith(kind + "_")})
        dense = statistics.mean(evals[(n, "dense")]["rel_l2"] for n in names)
        mean_err[kind] = statistics.mean(evals[(n, "event")]["rel_l2"] for n in names)
        rates = [[l["activity"] for l in evals[(n, "event")]["layers"] if l["type"] == "VSN"] for n in names]
        mean_rates = " / ".join(f"{100 * statistics.mean(r):.1f} %" for r in zip(*rates)) if rates[0] else "-"
        g = [statistics.mean(gpu_evals[(n, m)]["rel_l2"] for n in names) for m in ("dense", "event")]
        lines.append(f"| {kind.upper().replace('VS', 'VS-')} | {len(names)} | "
                     f"{100 * dense:.3f} % / {100 * mean_err[kind]:.3f} % | {100 * g[0]:.3f} % / {100 * g[1]:.3f} % | "
                     f"{mean_rates} |")
    return "\n".join(lines), mean_err


def latency_rows(compares, torch_cpu, gpu, batches):
    """(system, model, batch, median s per inference, min, max, energy J per inference or None, note)."""
    rows = []
    torch_gpu = gpu["torch"]
    for (name, b), c in sorted(gpu["compare"].items(), key=lambda kv: (kv[0][1], kv[0][0])):
        model = "VS-WNO" if name.startswith("vswno") else "WNO"
        for mode, label in (("dense", "cuda-dense"), ("event", "cuda-distile")):
            sp, dev = c[f"{mode}_wall_s"], c[f"{mode}_device_s"]
            rows.append((f"evsim H200 {label}", model, b, sp["median"] / b, sp["min"] / b, sp["max"] / b, None,
                         f"one CUDA graph: {ms(dev['median'] / b)} ms on the device"))
    for (name, b), c in sorted(compares.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        model = "VS-WNO" if name.startswith("vswno") else "WNO"
        for mode in ("dense", "event"):
            sp = c[f"{mode}_wall_s"]
            uj = c[mode]["totals"]["energy_pj"] / 1e6 / b
            rows.append((f"evsim cpu-{mode}", model, b, sp["median"] / b, sp["min"] / b, sp["max"] / b,
                         uj * 1e-6, "energy: 45 nm model of the mode's work"))
    for src, label in ((torch_cpu, "PyTorch CPU"), (torch_gpu, "PyTorch H200")):
        for p in src["points"]:
            if p["batch"] not in batches and label == "PyTorch CPU":
                continue
            model = "VS-WNO" if p["model"] == "vswno" else "WNO"
            sp, b = p["end_to_end_s"], p["batch"]
            rows.append((f"{label} {p['variant'].replace('_', ' ')}", model, b, sp["median"] / b, sp["min"] / b,
                         sp["max"] / b, p.get("energy_per_inference_j"),
                         f"{p['kernels']} kernels" if p.get("kernels") else ("1 graph launch" if p.get("graph_launches") else "")))
    return rows


def per_layer_table(compare):
    ev, de = compare["event"], compare["dense"]
    lines = ["| layer | type | input or spike activity | dense MACs | effective ops | can skip silent inputs? |",
             "|---|---|---|---|---|---|"]
    for ld, le in zip(de["layers"], ev["layers"]):
        eff = le["effective_macs"] + le["effective_acs"]
        if le["type"] == "WaveletConv2d":
            skip = "no: the transform of a spike map is dense"
        elif le["type"] == "VSN":
            skip = "(emits the spikes)"
        elif le["dense_macs"] and eff < 0.99 * le["dense_macs"]:
            skip = "yes"
        else:
            skip = "no: its input is dense"
        lines.append(f"| {le['name']} | {le['type']} | {100 * le['activity']:.1f} % | {ld['dense_macs']:.3g} | "
                     f"{eff:.3g} | {skip} |")
    return "\n".join(lines)


def figure(rows, path, batch):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    sel = [r for r in rows if r[2] == batch]
    systems = list(dict.fromkeys(r[0] for r in sel))
    fig, ax = plt.subplots(figsize=(8, 4.2))
    width = 0.38
    for k, model in enumerate(("WNO", "VS-WNO")):
        vals = [next((r for r in sel if r[0] == s and r[1] == model), None) for s in systems]
        xs = [i + (k - 0.5) * width for i in range(len(systems))]
        med = [1e3 * v[3] if v else 0 for v in vals]
        err = [[1e3 * (v[3] - v[4]) if v else 0 for v in vals], [1e3 * (v[5] - v[3]) if v else 0 for v in vals]]
        ax.bar(xs, med, width, yerr=err, capsize=3, label=model)
    ax.set_xticks(range(len(systems)))
    ax.set_xticklabels(systems, rotation=20, ha="right", fontsize=8)
    ax.set_yscale("log")
    ax.set_ylabel("ms per inference (median, [min-max])")
    ax.set_title(f"Darcy 85 x 85, batch {batch}: latency per inference")
    ax.legend()
    ax.grid(True, axis="y", which="both", alpha=0.3)
    fig.savefig(path, dpi=130, bbox_inches="tight")
    plt.close(fig)


def tuning_table(gpu):
    lines = ["| batch | layer | input activity | scatter, us | product, us | chosen |", "|---|---|---|---|---|---|"]
    for (name, b), entries in sorted(gpu["tuning"].items(), key=lambda kv: kv[0][1]):
        if not name.startswith("vswno"):
            continue
        layers = {l["name"]: l for l in gpu["compare"][(name, b)]["event"]["layers"]}
        for layer, sc, pr, choice in entries:
            lines.append(f"| {b} | {layer} | {100 * layers[layer]['activity']:.1f} % | {float(sc):.1f} | "
                         f"{float(pr):.1f} | {choice} |")
    return "\n".join(lines)


def write_study(args, evals, compares, torch_cpu, gpu, batches):
    torch_gpu = gpu["torch"]
    err_md, mean_err = errors_table(evals, gpu["eval"])
    rows = latency_rows(compares, torch_cpu, gpu, batches)
    fig_name = "vswno_latency_b1.png"
    figure(rows, os.path.join(args.results, fig_name), batches[0])
    lat = ["| system | model | batch | ms per inference, median [min-max] | energy per inference | note |",
           "|---|---|---|---|---|---|"]
    for s, m, b, med, lo, hi, e, note in rows:
        energy = "-" if e is None else (f"{1e6 * e:.1f} uJ" if e < 1e-3 else f"{1e3 * e:.2f} mJ")
        lat.append(f"| {s} | {m} | {b} | {ms(med)} [{ms(lo)}-{ms(hi)}] | {energy} | {note} |")
    get = lambda s, m, b: next(r for r in rows if r[0] == s and r[1] == m and r[2] == b)
    overlap = lambda x, y: x[4] <= y[5] and y[4] <= x[5]
    b1 = batches[0]
    gpu_batches = sorted({b for _, b in gpu["compare"]})
    gb = gpu_batches[-1]
    c = compares[("vswno_darcy_s1", b1)]
    dense_macs = c["dense"]["totals"]["dense_macs"] / b1
    eff = (c["event"]["totals"]["effective_macs"] + c["event"]["totals"]["effective_acs"]) / b1
    losses = [f"{sys_} batch {b}" for sys_, d, e, bs in
              (("CPU", "evsim cpu-dense", "evsim cpu-event", batches),
               ("H200", "evsim H200 cuda-dense", "evsim H200 cuda-distile", gpu_batches))
              for b in bs if get(e, "VS-WNO", b)[3] > get(d, "VS-WNO", b)[3]
              and not overlap(get(e, "VS-WNO", b), get(d, "VS-WNO", b))]
    verdict = ("**Event execution never loses to its own dense path** (the selectors fall back)" if not losses else
               f"**Event execution lost to its own dense path** at {', '.join(losses)}")
    cpu_modes = ", ".join(
        f"{get('evsim cpu-dense', 'VS-WNO', b)[3] / get('evsim cpu-event', 'VS-WNO', b)[3]:.2f}x at batch {b}"
        for b in batches)
    gpu_modes = ", ".join(
        f"{get('evsim H200 cuda-dense', 'VS-WNO', b)[3] / get('evsim H200 cuda-distile', 'VS-WNO', b)[3]:.2f}x at "
        f"batch {b}" for b in gpu_batches)
    # VS-WNO (its best mode) against dense WNO, per system and batch: time ratio (< 1: VS-WNO faster).
    pairs = [("evsim CPU", "evsim cpu-event", "evsim cpu-dense", batches),
             ("evsim H200", "evsim H200 cuda-distile", "evsim H200 cuda-dense", gpu_batches),
             ("PyTorch H200 eager", "PyTorch H200 eager", "PyTorch H200 eager", gpu_batches),
             ("PyTorch H200 CUDA graph", "PyTorch H200 cuda graph", "PyTorch H200 cuda graph", gpu_batches)]
    vs_lines = ["| system | " + " | ".join(f"batch {b}" for b in sorted(set(batches) | set(gpu_batches))) + " |",
                "|---" * (1 + len(set(batches) | set(gpu_batches))) + "|"]
    vs_wins = []
    for label, vs_sys, w_sys, bs in pairs:
        cells = []
        for b in sorted(set(batches) | set(gpu_batches)):
            try:
                v, w = get(vs_sys, "VS-WNO", b), get(w_sys, "WNO", b)
            except StopIteration:
                cells.append("-")
                continue
            tag = " (ranges overlap)" if overlap(v, w) else ""
            cells.append(f"{v[3] / w[3]:.2f}x{tag}")
            if v[3] < w[3] and not overlap(v, w):
                vs_wins.append(f"{label} at batch {b}")
        vs_lines.append(f"| {label} | " + " | ".join(cells) + " |")
    g1 = {k: get(k, "VS-WNO", gpu_batches[0]) for k in
          ("evsim H200 cuda-distile", "PyTorch H200 eager", "PyTorch H200 cuda graph")}
    gN = {k: get(k, "VS-WNO", gb) for k in g1}
    cpu_name = torch_cpu.get("device", "cpu")
    text = f"""# VS-WNO vs WNO on Darcy flow: where spiking sparsity pays

Generated by `python3 tools/vswno_study.py --data darcy_test_r85.h5 --gpu-results DIR` from runs
on this repository's 2-core development machine (CPU rows) and, in one job on the device
machine's {gpu['device']} (`bash tools/gpu_wno_study.sh`, DIR = its `wno_gpu.tgz` unpacked), evsim's
CUDA backend beside PyTorch {torch_gpu['torch']} (`tools/bench_torch_wno.py`, eager and one captured
CUDA graph). Raw results: `{os.path.relpath(args.results, ROOT)}/` (H200: `h200/`). Models: the
shipped checkpoints (README), test set: 100 generated samples at 85 x 85.

## Error and spikes

{err_md}

VS-WNO's error is {mean_err['vswno'] / mean_err['wno']:.2f}x WNO's. Its spike rates fall layer by
layer, the profile the Jetson study reported (54.26 % -> 18.15 %). The H200 gives the CPU's error
to float rounding (its wavelet products are cuBLAS's sums; the pointwise convolutions are the
CPU's sums bit for bit).

## Latency and energy per inference

{chr(10).join(lat)}

CPU: `evsim compare` on the first {", ".join(str(b) for b in batches)} test fields, both cores, {args.repeats}
runs; PyTorch {torch_cpu['torch']} on the same CPU with {torch_cpu['threads']} threads (evsim: every core), end to end
(host tensor in, host tensor out); per-layer times: `compare_*.txt`. H200: end to end from a host
tensor to a host tensor after warm-up; evsim's time includes its counting kernels and copies (the
graph alone, CUDA events, in the note); PyTorch's energy = average board power (NVML, idle
included) during a 2-s loop x the forward latency. The CPU energy column is evsim's model of the
work each mode performs (45 nm table), not a measurement.

![latency per inference, batch {b1}]({os.path.relpath(os.path.join(args.results, fig_name), os.path.dirname(args.out))})

## Per layer (VS-WNO seed 1, batch {b1}, evsim cpu-event)

{per_layer_table(c)}

Of {dense_macs / 1e6:.1f}M dense MACs per inference, event execution needs {eff / 1e6:.1f}M
({dense_macs / eff:.2f}x fewer). The four wavelet layers and the first projection, fed by the
un-activated last wavelet layer, are dense whatever the spikes; only the 1 x 1 convolutions after
a VSN can skip silent inputs, and they are a small part of the work.

## The GPU's event path, measured on the run's own spikes

cuda-distile scatters a spiking layer's non-zero values through its 1 x 1 convolution (a warp
ballot per 32 positions: zero inputs cost a load, no multiply) or takes the product kernel that
reads every input; after its first run it times both on the spikes that run produced and keeps the
faster (`EVSIM_GPU_VERBOSE=1` prints the choice). Both add the same sums in the same order, so the
choice never changes an output bit.

{tuning_table(gpu)}

## VS-WNO against dense WNO

VS-WNO's time (event / cuda-distile mode) over dense WNO's, per inference; below 1: VS-WNO faster.

{chr(10).join(vs_lines)}

## What this says

- {verdict}: dense / event time on the CPU is {cpu_modes}; on the H200 {gpu_modes}. The CPU gathers each 1 x 1 convolution's events and takes the dense product where
  its cost model predicts it cheaper; the GPU's tuning found the scatter {min(float(e[1]) / float(e[2]) for v in gpu['tuning'].values() for e in v):.1f}-{max(float(e[1]) / float(e[2]) for v in gpu['tuning'].values() for e in v):.1f}x slower than
  the product at these activities (26-54 %), so every layer runs the product.
- **Sparsity pays little in this model, on any backend**: {dense_macs / eff:.2f}x fewer operations at
  most, and only in the small layers after a VSN; the wavelet transforms and their mixing are
  dense whatever the spikes. VS-WNO beats dense WNO {("in: " + "; ".join(vs_wins)) if vs_wins else "nowhere measured here"} (table above); its neurons cost
  element-wise passes that WNO's GELU also costs, and the dense work is the same.
- **Launch-bound PyTorch, as on the Jetson.** Eager PyTorch takes {ms(g1['PyTorch H200 eager'][3])} ms per
  VS-WNO inference at batch {gpu_batches[0]} on the H200 ({get('PyTorch H200 eager', 'VS-WNO', gpu_batches[0])[7]}); evsim's CUDA
  backend, the whole inference as one CUDA graph, takes {ms(g1['evsim H200 cuda-distile'][3])} ms end to end
  ({g1['PyTorch H200 eager'][3] / g1['evsim H200 cuda-distile'][3]:.1f}x faster); PyTorch captured as one CUDA graph
  {ms(g1['PyTorch H200 cuda graph'][3])} ms. At batch {gb}: evsim {ms(gN['evsim H200 cuda-distile'][3])} ms per inference,
  PyTorch eager {ms(gN['PyTorch H200 eager'][3])} ms, CUDA graph {ms(gN['PyTorch H200 cuda graph'][3])} ms.
- **CPU.** Against PyTorch on the same cores: {ms(get("PyTorch CPU eager", "VS-WNO", b1)[3])} ms (VS-WNO) and
  {ms(get("PyTorch CPU eager", "WNO", b1)[3])} ms (WNO) at batch {b1}, evsim {ms(get('evsim cpu-event', 'VS-WNO', b1)[3])} and
  {ms(get('evsim cpu-dense', 'WNO', b1)[3])} ms. (An earlier 0.68-0.77x of event against dense mode at batches
  4-8 was glibc returning the large activation buffers to the system after every run, so each
  run refaulted fresh pages; evsim now keeps freed memory: core/allocator.hpp.)
"""
    with open(args.out, "w") as f:
        f.write(text)
    print(f"wrote {args.out} and {args.results}/")


if __name__ == "__main__":
    run_main(main)
