#!/usr/bin/env bash
# Device-machine job: train the shipped PTB family (see README). Checkpoints and the log
# go to $OUT/ckpt; .data/ptb is a copy of ../shared/data/ptb carried with the job.
set -o pipefail
mkdir -p "$OUT/ckpt"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
PYTHONUNBUFFERED=1 python3 tools/train_egru_lm.py --data .data/ptb --out "$OUT/ckpt" --name egru_lm_ptb \
  --half "$@" 2>&1 | tee "$OUT/ckpt/train.log"
rm -f "$OUT/ckpt/"*.state.pt
# Files come back at most 16 MiB each: split larger checkpoints (cat the parts to rejoin).
for f in "$OUT/ckpt/"*.h5; do
  if [ "$(stat -c %s "$f")" -gt 16000000 ]; then split -b 15000000 "$f" "$f.part-" && rm "$f"; fi
done
ls -la "$OUT/ckpt"
