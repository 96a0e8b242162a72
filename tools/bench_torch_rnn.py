#!/usr/bin/env python3
"""Reference latencies for `evsim bench --backend cuda`: a 3-layer recurrent net, hidden 1024,
256 steps, batch 1, on the same GPU: cuDNN nn.GRU (the best dense recurrent kernel a user
would pick) and the same EGRU written in eager PyTorch (launch-bound). float32, TF32 off;
CUDA events after warm-up, median of repeats. Prints one JSON object."""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools.files import run_main  # noqa: E402
from evsim_tools.modules import EGRU  # noqa: E402


def median_ms(fn, repeats):
    for _ in range(3):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        a.record()
        fn()
        b.record()
        torch.cuda.synchronize()
        times.append(a.elapsed_time(b))
    return sorted(times)[len(times) // 2]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--hidden", type=int, default=1024)
    p.add_argument("--layers", type=int, default=3)
    p.add_argument("--steps", type=int, default=256)
    p.add_argument("--repeats", type=int, default=20)
    a = p.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    dev = "cuda"
    x = torch.randn(a.steps, 1, a.hidden, device=dev)
    gru = torch.nn.GRU(a.hidden, a.hidden, a.layers).to(dev).eval()
    egru = [EGRU(a.hidden, a.hidden, threshold=0.3).to(dev).eval() for _ in range(a.layers)]
    with torch.no_grad():
        t_gru = median_ms(lambda: gru(x), a.repeats)

        def run_egru():
            h = x
            for layer in egru:
                h, _, _ = layer(h)
            return h

        t_egru = median_ms(run_egru, max(3, a.repeats // 4))
    print(json.dumps({"device": torch.cuda.get_device_name(), "torch": torch.__version__, "hidden": a.hidden,
                      "layers": a.layers, "steps": a.steps,
                      "cudnn_gru_us_per_step": 1e3 * t_gru / a.steps,
                      "eager_egru_us_per_step": 1e3 * t_egru / a.steps}))


if __name__ == "__main__":
    run_main(main)
