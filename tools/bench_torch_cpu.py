#!/usr/bin/env python3
"""PyTorch CPU reference for `evsim bench --backend cpu`: one nn.GRUCell step (W_ih x + W_hh h,
3H x H each, and the gates: what a dense EGRU layer step does) per thread count, hidden size and
batch, float32. Prints CSV on stdout: threads,hidden,batch,median_s,min_s,max_s.
Exits 3 when torch is missing (evsim then skips the reference)."""
import argparse
import statistics
import sys
import time


def ints(s):
    return [int(v) for v in s.split(",") if v]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--hidden", type=ints, required=True)
    ap.add_argument("--batch", type=ints, required=True)
    ap.add_argument("--threads", type=ints, required=True)
    ap.add_argument("--repeats", type=int, default=10)
    a = ap.parse_args()
    try:
        import torch
    except ImportError:
        print("bench_torch_cpu.py: torch is not installed for " + sys.executable, file=sys.stderr)
        return 3
    torch.manual_seed(1)
    print("threads,hidden,batch,median_s,min_s,max_s,torch")
    with torch.no_grad():
        for t in a.threads:
            torch.set_num_threads(t)
            for h in a.hidden:
                cell = torch.nn.GRUCell(h, h)
                for b in a.batch:
                    xs = [torch.randn(b, h) for _ in range(4)]
                    hx = torch.randn(b, h)
                    times = []
                    for k in range(-4, a.repeats):
                        t0 = time.perf_counter()
                        hx = cell(xs[k % 4], hx)
                        if k >= 0:
                            times.append(time.perf_counter() - t0)
                    print(f"{t},{h},{b},{statistics.median(times)},{min(times)},{max(times)},{torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
