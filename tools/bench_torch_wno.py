#!/usr/bin/env python3
"""What a user would otherwise run: the shipped WNO / VS-WNO in PyTorch on the same machine,
eager and (on a GPU) as one captured CUDA graph, for the VS-WNO study (tools/vswno_study.py).

Per checkpoint and batch: the relative L2 error on the Darcy file, the latency per inference
(median [min-max] over --repeats calls after warm-up; on a GPU timed with CUDA events) of the
forward pass on device-resident input and end to end (host input -> host output), the CUDA
kernels one inference launches (torch.profiler), and on a GPU the board power during a timed
loop (NVML through torch.cuda.power_draw, ~0.1 s resolution) times the latency as energy.
Writes JSON."""
import argparse
import json
import os
import statistics
import sys
import threading
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools.files import dataset, open_h5, run_main  # noqa: E402
from evsim_tools import wno  # noqa: E402


def spread(v):
    return {"median": statistics.median(v), "min": min(v), "max": max(v), "n": len(v)}


def timed(fn, repeats, cuda):
    out = []
    for _ in range(repeats):
        if cuda:
            a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            a.record()
            fn()
            b.record()
            b.synchronize()
            out.append(a.elapsed_time(b) / 1e3)
        else:
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    return spread(out)


def kernels_per_call(fn, cuda):
    if not cuda:
        return None
    from torch.profiler import ProfilerActivity, profile
    fn()
    torch.cuda.synchronize()
    with profile(activities=[ProfilerActivity.CUDA]) as prof:
        fn()
        torch.cuda.synchronize()
    return sum(1 for e in prof.events() if e.device_type == torch.autograd.DeviceType.CUDA)


def mean_power_w(fn, seconds, cuda):
    """Average board power (W) while fn runs in a loop for about `seconds`; None without NVML."""
    if not cuda or not hasattr(torch.cuda, "power_draw"):
        return None
    try:
        torch.cuda.power_draw()
    except Exception:  # noqa: BLE001 - NVML missing
        return None
    samples, stop = [], threading.Event()

    def sample():
        while not stop.is_set():
            samples.append(torch.cuda.power_draw() / 1e3)
            time.sleep(0.02)

    th = threading.Thread(target=sample)
    th.start()
    end = time.time() + seconds
    while time.time() < end:
        fn()
        torch.cuda.synchronize()
    stop.set()
    th.join()
    return statistics.mean(samples) if samples else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--data", required=True, help="Darcy file (coeff, sol)")
    ap.add_argument("--batch", default="1,10")
    ap.add_argument("--repeats", type=int, default=50)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--threads", type=int, default=0, help="CPU threads (0: PyTorch's default)")
    ap.add_argument("--json", required=True)
    args = ap.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    dev = torch.device(args.device)
    cuda = dev.type == "cuda"
    with open_h5(args.data) as f:
        darcy = "a Darcy file from `evsim data darcy`"
        a_all, u_all = torch.tensor(dataset(f, "coeff", 3, darcy)), torch.tensor(dataset(f, "sol", 3, darcy))
    results = {"device": torch.cuda.get_device_name(dev) if cuda else "cpu", "torch": torch.__version__,
               "threads": torch.get_num_threads(), "points": []}
    for path in args.checkpoints:
        model, meta = wno.import_wno(path)
        model = model.to(dev)
        with torch.no_grad():
            pred = torch.cat([model(a_all[k:k + 20].to(dev)).cpu() for k in range(0, a_all.shape[0], 20)])
        err = float((torch.linalg.vector_norm((pred - u_all).flatten(1), dim=1) /
                     torch.linalg.vector_norm(u_all.flatten(1), dim=1)).mean())
        for b in (int(x) for x in args.batch.split(",")):
            host = a_all[:b].clone()
            x = host.to(dev)
            variants = {"eager": lambda: model(x)}
            e2e = {"eager": lambda: model(host.to(dev)).cpu()}
            if cuda:
                static_in = x.clone()
                with torch.no_grad():
                    s = torch.cuda.Stream()
                    s.wait_stream(torch.cuda.current_stream())
                    with torch.cuda.stream(s):
                        for _ in range(3):
                            model(static_in)
                    torch.cuda.current_stream().wait_stream(s)
                    graph = torch.cuda.CUDAGraph()
                    with torch.cuda.graph(graph):
                        static_out = model(static_in)
                variants["cuda_graph"] = graph.replay

                def graph_e2e():
                    static_in.copy_(host, non_blocking=False)
                    graph.replay()
                    return static_out.cpu()
                e2e["cuda_graph"] = graph_e2e
            for name, fn in variants.items():
                with torch.no_grad():
                    for _ in range(5):
                        fn()
                    if cuda:
                        torch.cuda.synchronize()
                    point = {"checkpoint": os.path.basename(path), "model": meta.get("model"), "batch": b,
                             "variant": name, "rel_l2": err,
                             "forward_s": timed(fn, args.repeats, cuda),
                             "end_to_end_s": timed(e2e[name], args.repeats, cuda),
                             "kernels": kernels_per_call(variants["eager"], cuda) if name == "eager" else None,
                             "graph_launches": 1 if name == "cuda_graph" else None}
                    watts = mean_power_w(fn, 2.0, cuda)
                    if watts is not None:
                        point["board_power_w"] = watts
                        point["energy_per_inference_j"] = watts * point["forward_s"]["median"] / b
                print(json.dumps(point), flush=True)
                results["points"].append(point)
    with open(args.json, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    run_main(main)
