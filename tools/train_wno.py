#!/usr/bin/env python3
"""Train a WNO or VS-WNO on Darcy flow (files from `evsim data darcy`: coeff, sol) and export
an evsim checkpoint with its relative L2 errors and per-layer spike rates.

Adam with step decay and the relative L2 loss, as the WNO reference. The full training
state is saved after every epoch, so `--resume` continues where a run stopped (e.g. at
--time-limit, which ends a run cleanly before a job's wall-clock limit, exporting the model
as it is and exiting with 3).

Example (the shipped models; see README):
  python3 tools/train_wno.py --train darcy_train_r85.h5 --test darcy_test_r85.h5 --out models/checkpoints \\
      --name wno_darcy_s1 --seed 1 --epochs 300 --half
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools import wno  # noqa: E402
from evsim_tools.files import UserError, dataset, load_training_state, open_h5, replaced_whole, run_main  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", required=True, help="Darcy file for training (coeff, sol: N x R x R)")
    p.add_argument("--test", required=True, help="Darcy file for the test error")
    p.add_argument("--ntrain", type=int, default=1000)
    p.add_argument("--ntest", type=int, default=100)
    p.add_argument("--out", required=True, help="directory for the checkpoint and state")
    p.add_argument("--name", required=True, help="checkpoint file prefix")
    p.add_argument("--spiking", action="store_true", help="VS-WNO: VSNs in place of the four activations")
    p.add_argument("--width", type=int, default=32)
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--wavelet", default="db4")
    p.add_argument("--levels", type=int, default=4)
    p.add_argument("--threshold", type=float, default=0.1, help="VS-WNO: initial VSN thresholds")
    p.add_argument("--epochs", type=int, default=300)
    p.add_argument("--batch", type=int, default=20)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--step", type=int, default=50, help="epochs per learning-rate decay")
    p.add_argument("--gamma", type=float, default=0.75, help="learning-rate decay factor")
    p.add_argument("--weight-decay", type=float, default=1e-6)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--half", action="store_true", help="store parameters as float16 (model rounded first)")
    p.add_argument("--time-limit", type=float, default=0, help="seconds; stop cleanly (resumable) before this")
    p.add_argument("--resume", action="store_true", help="continue from OUT/NAME.state.pt")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    return p.parse_args()


DARCY = "a Darcy file from `evsim data darcy` holds coeff and sol, N x R x R"


def load(path, n):
    with open_h5(path) as f:
        a, u = dataset(f, "coeff", 3, DARCY), dataset(f, "sol", 3, DARCY)
    if a.shape != u.shape:
        raise UserError(path, f"datasets 'coeff' {a.shape} and 'sol' {u.shape}: expected the same shape")
    if a.shape[0] < n:
        raise UserError(path, f"{a.shape[0]} samples, {n} asked for")
    return torch.tensor(a[:n], dtype=torch.float32), torch.tensor(u[:n], dtype=torch.float32)


def rel_l2(pred, true):
    """Per-sample relative L2 error."""
    return torch.linalg.vector_norm((pred - true).flatten(1), dim=1) / torch.linalg.vector_norm(true.flatten(1), dim=1)


@torch.no_grad()
def evaluate(model, a, u, batch=50):
    model.eval()
    errs, rates = [], None
    for k in range(0, a.shape[0], batch):
        rec = []
        errs.append(rel_l2(model(a[k:k + batch], rec), u[k:k + batch]))
        nz = [float((r != 0).float().mean()) * r.shape[0] for r in rec]
        rates = nz if rates is None else [x + y for x, y in zip(rates, nz)]
    model.train()
    return float(torch.cat(errs).mean()), [r / a.shape[0] for r in rates]


def round_to_half(model):
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())


def main():
    args = parse_args()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    dev = torch.device(args.device)
    a_tr, u_tr = load(args.train, args.ntrain)
    a_te, u_te = load(args.test, args.ntest)
    rows, cols = a_tr.shape[1:]
    if a_te.shape[1:] != a_tr.shape[1:]:
        raise UserError(args.test, f"a {tuple(a_te.shape[1:])} grid, expected the training file's {(rows, cols)}")
    model = wno.WNO2d(wno.GaussianNormalizer(a_tr), wno.GaussianNormalizer(u_tr), rows, cols, args.width, args.hidden,
                      args.wavelet, args.levels, spiking=args.spiking, threshold=args.threshold).to(dev)
    a_tr, u_tr, a_te, u_te = a_tr.to(dev), u_tr.to(dev), a_te.to(dev), u_te.to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=args.step, gamma=args.gamma)
    os.makedirs(args.out, exist_ok=True)
    state_path = os.path.join(args.out, args.name + ".state.pt")
    st = {"epoch": 0, "seconds": 0.0, "history": []}
    if args.resume and os.path.exists(state_path):
        ck = load_training_state(state_path, map_location=dev, weights_only=False)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        sched.load_state_dict(ck["sched"])
        torch.set_rng_state(ck["rng"])
        st = ck["state"]
        print(f"resumed at epoch {st['epoch']}", flush=True)
    start = time.time()
    gen = torch.Generator(device="cpu").manual_seed(args.seed * 1000 + st["epoch"])
    stopped = False
    while st["epoch"] < args.epochs:
        t0 = time.time()
        perm = torch.randperm(a_tr.shape[0], generator=gen).to(dev)
        total = 0.0
        for k in range(0, a_tr.shape[0], args.batch):
            idx = perm[k:k + args.batch]
            loss = rel_l2(model(a_tr[idx]), u_tr[idx]).sum()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            total += float(loss.detach())
        sched.step()
        st["epoch"] += 1
        epoch_s = time.time() - t0
        st["seconds"] += epoch_s
        line = {"epoch": st["epoch"], "train_rel_l2": total / a_tr.shape[0], "seconds": round(epoch_s, 2)}
        if st["epoch"] % 10 == 0 or st["epoch"] == args.epochs:
            line["test_rel_l2"], line["spike_rates"] = evaluate(model, a_te, u_te)
        st["history"].append(line)
        print(json.dumps(line), flush=True)
        with replaced_whole(state_path) as tmp:  # a job killed mid-save keeps the previous epoch's state
            torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                        "rng": torch.get_rng_state(), "state": st}, tmp)
        if args.time_limit and time.time() - start + 1.5 * epoch_s > args.time_limit and st["epoch"] < args.epochs:
            print(f"time limit: stopping at epoch {st['epoch']} (exported as is; --resume continues)", flush=True)
            stopped = True
            break
    model = model.cpu()
    if args.half:
        round_to_half(model)
    test_err, rates = evaluate(model, a_te.cpu(), u_te.cpu())
    train_err, _ = evaluate(model, a_tr.cpu()[:200], u_tr.cpu()[:200])
    metrics = {"test_rel_l2": test_err, "train_rel_l2_first200": train_err, "epochs": st["epoch"],
               "train_seconds": st["seconds"], "seed": args.seed}
    for k, r in enumerate(rates):
        metrics[f"nonzero_rate_layer{k + 1}"] = r
    path = os.path.join(args.out, args.name + ".h5")
    wno.export_wno(path, model, rows, cols, {"metrics": metrics}, half=args.half)
    print(json.dumps({"exported": path, **metrics}), flush=True)
    return 3 if stopped else 0


if __name__ == "__main__":
    run_main(main)
