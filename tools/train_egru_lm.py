#!/usr/bin/env python3
"""Train an EGRU language model on Mikolov-format text with iterative global magnitude
pruning, writing one evsim checkpoint per pruning level.

  train (dense) -> prune to the next level -> fine-tune -> ... ; embeddings (and the tied
  decoder) are never pruned. Progress is printed per epoch; the full training state is
  saved after every epoch, so `--resume` continues where a run stopped (e.g. at
  --time-limit, which ends a run cleanly before a job's wall-clock limit).

Example (the shipped PTB family; see README):
  python3 tools/train_egru_lm.py --data ../shared/data/ptb --out models/checkpoints --name egru_lm_ptb
"""
import argparse
import json
import math
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evsim_tools.lm import Corpus, EgruLM, batchify, detach, evaluate, export_lm, import_lm, round_to_half  # noqa: E402
from evsim_tools.files import UserError, load_training_state, replaced_whole, run_main  # noqa: E402
from evsim_tools.pruning import apply_masks, density, global_magnitude_masks  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="directory with train/valid/test text (Mikolov format)")
    p.add_argument("--out", required=True, help="directory for checkpoints")
    p.add_argument("--name", default="egru_lm", help="checkpoint file prefix")
    p.add_argument("--emb", type=int, default=512)
    p.add_argument("--hidden", default="512,512", help="hidden sizes, comma separated (last = emb: tied)")
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--threshold", type=float, default=0.1, help="initial EGRU thresholds")
    p.add_argument("--epochs", type=int, default=25, help="epochs of dense training")
    p.add_argument("--finetune-epochs", type=int, default=4, help="epochs after each pruning step")
    p.add_argument("--levels", default="0,50,70,80,90", help="pruning levels in percent")
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--finetune-lr", type=float, default=5e-4)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--act-reg", type=float, default=0.0,
                   help="weight of the activity penalty: sum over layers of relu(activity - act-target)")
    p.add_argument("--act-target", default="0", help="activity below which there is no penalty; one value, or one per layer")
    p.add_argument("--act-warmup", type=int, default=0, help="dense epochs without the activity penalty")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--bptt", type=int, default=35)
    p.add_argument("--clip", type=float, default=0.25)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--eval-batch", type=int, default=10, help="streams for valid/test perplexity (= evsim eval --batch)")
    p.add_argument("--gamma", type=float, default=0.3, help="pseudo-derivative height")
    p.add_argument("--valid-steps", type=int, default=0, help="debug: limit per-epoch validation steps")
    p.add_argument("--half", action="store_true", help="store parameters as float16 (model rounded first)")
    p.add_argument("--limit-train-batches", type=int, default=0, help="debug: batches per epoch")
    p.add_argument("--time-limit", type=float, default=0, help="seconds; stop cleanly (resumable) before this")
    p.add_argument("--resume", action="store_true", help="continue from OUT/NAME.state.pt")
    p.add_argument("--init", default="", help="start from the weights of a dense evsim LM checkpoint (a warm "
                   "restart: a new cosine cycle of --epochs from --lr); same vocabulary and sizes")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    return p.parse_args()


def save_atomic(obj, path):
    with replaced_whole(path) as tmp:
        torch.save(obj, tmp)


def train_epoch(model, data, opt, masks, args, lr, act_reg):
    model.train()
    for g in opt.param_groups:
        g["lr"] = lr
    states, total, count, acts = None, 0.0, 0, 0.0
    n_batches = (data.shape[0] - 1) // args.bptt
    if args.limit_train_batches:
        n_batches = min(n_batches, args.limit_train_batches)
    for i in range(n_batches):
        t0 = i * args.bptt
        x, y = data[t0:t0 + args.bptt], data[t0 + 1:t0 + 1 + args.bptt]
        logits, states, gates = model(x, states)
        states = detach(states)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
        layer_act = torch.stack([o.mean() for o in gates])
        activity = layer_act.mean()
        penalty = torch.relu(layer_act - args.act_targets.to(layer_act.device)).sum()
        opt.zero_grad(set_to_none=True)
        (loss + act_reg * penalty).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
        opt.step()
        with torch.no_grad():
            apply_masks(model.egru_weights(), masks)
            for layer in model.layers:
                layer.threshold.clamp_(min=1e-3)  # y != 0 exactly when the unit fires
        total += float(loss.detach()) * x.numel()
        count += x.numel()
        acts += float(activity.detach())
    return math.exp(total / count), acts / max(1, n_batches)


def export_level(model, corpus, args, level, history):
    if args.half:
        round_to_half(model)
    dev = args.device
    val = batchify(corpus.ids["valid"], args.eval_batch).to(dev)
    test = batchify(corpus.ids["test"], args.eval_batch).to(dev)
    vppl, vact, _ = evaluate(model, val)
    tppl, tact, count = evaluate(model, test)
    emb = model.embedding.weight.shape[1]
    vocab = model.embedding.weight.shape[0]
    dense_macs = sum(3 * l.hidden_size * (l.input_size + l.hidden_size) for l in model.layers) + vocab * emb
    metrics = {"valid_perplexity": vppl, "test_perplexity": tppl, "test_tokens": count,
               "egru_weight_density": density(model.egru_weights()), "dense_macs_per_token": dense_macs}
    for k, a in enumerate(tact):
        metrics[f"activity_egru{k + 1}"] = a
    path = os.path.join(args.out, f"{args.name}_p{int(level):02d}.h5")
    export_lm(path, model.cpu(), corpus.vocab, metrics, level / 100.0, half=args.half)
    model.to(dev)
    print(f"== level {level}%: valid ppl {vppl:.2f}, test ppl {tppl:.2f}, activity "
          + ", ".join(f"{a:.3f}" for a in tact) + f" -> {path}", flush=True)
    history.append({"level": level, **metrics, "file": os.path.basename(path)})
    with replaced_whole(os.path.join(args.out, f"{args.name}_history.json")) as tmp, open(tmp, "w") as f:
        json.dump(history, f, indent=1)


def number_list(option, text, kind):
    try:
        return [kind(v) for v in text.split(",")]
    except ValueError:
        raise UserError(option, f"expected comma-separated {kind.__name__} values, got '{text}'") from None


def init_from(model, path, vocab):
    """Copy a checkpoint's weights into `model`; one-line errors when they do not fit."""
    src, src_vocab, _ = import_lm(path)
    if list(src_vocab) != list(vocab):
        raise UserError(path, f"its vocabulary differs from the corpus's ({len(src_vocab)} vs {len(vocab)} words)")
    want = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    have = {k: tuple(v.shape) for k, v in src.state_dict().items()}
    if want != have:
        raise UserError(path, f"parameter shapes {have} do not match --emb/--hidden {want}")
    model.load_state_dict(src.state_dict())
    print(f"initialized from {path}", flush=True)


def main():
    args = parse_args()
    torch.backends.cuda.matmul.allow_tf32 = False  # float32 arithmetic, as evsim
    torch.backends.cudnn.allow_tf32 = False
    torch.manual_seed(args.seed)
    start = time.time()
    levels = number_list("--levels", args.levels, float)
    hidden = number_list("--hidden", args.hidden, int)
    targets = number_list("--act-target", args.act_target, float)
    corpus = Corpus(args.data)
    args.act_targets = torch.tensor(targets * len(hidden) if len(targets) == 1 else targets)
    try:
        model = EgruLM(len(corpus.vocab), args.emb, hidden, args.dropout, args.threshold).to(args.device)
    except ValueError as e:
        raise UserError("--hidden", str(e)) from None
    for layer in model.layers:
        layer.gamma = args.gamma
    if args.init:
        init_from(model, args.init, corpus.vocab)
    os.makedirs(args.out, exist_ok=True)  # once the inputs are known good: a failed start leaves nothing
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    masks = global_magnitude_masks(model.egru_weights(), 0)
    st = {"level_idx": 0, "epoch": 0, "history": [], "train_seconds": 0.0}
    state_path = os.path.join(args.out, f"{args.name}.state.pt")
    if args.resume and os.path.exists(state_path):
        ck = load_training_state(state_path, map_location=args.device)
        model.load_state_dict(ck["model"])
        if "opt" in ck:
            opt.load_state_dict(ck["opt"])
        else:  # a model-only state (small enough to carry between device jobs)
            print("resumed without optimizer state: fresh AdamW moments", flush=True)
        masks = [m.to(args.device) for m in ck["masks"]]
        st = ck["st"]
        if st["level_idx"] >= len(levels):
            print("resumed: every level is already trained and exported", flush=True)
            return 0
        print(f"resumed at level {levels[st['level_idx']]}%, epoch {st['epoch']}", flush=True)
    train = batchify(corpus.ids["train"], args.batch).to(args.device)
    val = batchify(corpus.ids["valid"], args.eval_batch).to(args.device)
    print(f"vocab {len(corpus.vocab)}, train tokens {corpus.ids['train'].numel()}, model "
          f"{sum(p.numel() for p in model.parameters()) / 1e6:.2f}M parameters on {args.device}", flush=True)
    epoch_s = 0.0
    while st["level_idx"] < len(levels):
        level = levels[st["level_idx"]]
        n_epochs = args.epochs if st["level_idx"] == 0 else args.finetune_epochs
        if st["epoch"] == 0 and level > 0:
            masks = global_magnitude_masks(model.egru_weights(), level / 100.0)
            apply_masks(model.egru_weights(), masks)
            print(f"pruned to {level}%: EGRU weight density {density(model.egru_weights()):.3f}", flush=True)
        while st["epoch"] < n_epochs:
            if args.time_limit and time.time() - start + 1.5 * epoch_s > args.time_limit:
                print(f"time limit: stopping at level {level}%, epoch {st['epoch']} (resume with --resume)", flush=True)
                return 3
            base = args.lr if level == 0 else args.finetune_lr
            lr = base * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * st["epoch"] / n_epochs)))
            t0 = time.time()
            warm = level == 0 and st["epoch"] < args.act_warmup
            tppl, act = train_epoch(model, train, opt, masks, args, lr, 0.0 if warm else args.act_reg)
            vppl, vact, _ = evaluate(model, val, limit_steps=args.valid_steps or None)
            epoch_s = time.time() - t0
            st["train_seconds"] += epoch_s
            st["epoch"] += 1
            print(f"level {level:>4}% epoch {st['epoch']:>2}/{n_epochs} lr {lr:.2e} train ppl {tppl:7.2f} "
                  f"valid ppl {vppl:7.2f} activity {', '.join(f'{a:.3f}' for a in vact)} ({epoch_s:.1f} s)", flush=True)
            save_atomic({"model": model.state_dict(), "opt": opt.state_dict(), "masks": masks, "st": st}, state_path)
        export_level(model, corpus, args, level, st["history"])
        st["level_idx"] += 1
        st["epoch"] = 0
        save_atomic({"model": model.state_dict(), "opt": opt.state_dict(), "masks": masks, "st": st}, state_path)
    print(f"done: {st['train_seconds'] / 60:.1f} min of training", flush=True)
    return 0


if __name__ == "__main__":
    run_main(main)
