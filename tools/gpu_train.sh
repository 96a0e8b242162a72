#!/usr/bin/env bash
# Device-machine job: train the shipped PTB family (see README). Checkpoints and the log
# go to $OUT/ckpt; .data/ptb is a copy of ../shared/data/ptb carried with the job.
set -o pipefail
mkdir -p "$OUT/ckpt"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
(cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF >"$OUT/build.log" 2>&1 \
  && cmake --build build-gpu -j8 >>"$OUT/build.log" 2>&1 && echo BUILD-OK >>"$OUT/build.log") &
PYTHONUNBUFFERED=1 python3 tools/train_egru_lm.py --data .data/ptb --out "$OUT/ckpt" --name egru_lm_ptb \
  --half "$@" 2>&1 | tee "$OUT/ckpt/train.log"
wait
rm -f "$OUT/ckpt/"*.state.pt
tail -2 "$OUT/build.log"
