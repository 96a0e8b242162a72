#!/usr/bin/env bash
# Device-machine job: the README's PTB sweep with --backends cpu,cuda (issue 15) and its report,
# then the README's GPU tour (compare --backend cuda on real text and on the default model).
# Resumable: a sweep directory carried in .state/ptb_gpu continues (copied back under $OUT).
# Carry .data (PTB); logs and results in $OUT.
set -o pipefail
cd "$(dirname "$0")/.."
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
{ cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF \
    -DEVSIM_WERROR=ON && cmake --build build-gpu -j16 --target evsim; } >"$OUT/build.log" 2>&1 \
  || { tail -30 "$OUT/build.log"; exit 1; }
M=models/checkpoints/egru_lm_ptb_p90.h5
S="$OUT/ptb_gpu"
[ -d .state/ptb_gpu ] && cp -r .state/ptb_gpu "$S"
echo "== sweep (cpu, cuda)"
timeout "${SWEEP_LIMIT:-420}" /usr/bin/time -f "sweep wall %e s" build-gpu/evsim sweep models/checkpoints/egru_lm_ptb_p00.h5 \
  --prune 0,0.5,0.8,0.9 --threshold-scale 0.5,1,2 --data .data/ptb --split valid --limit-tokens 20000 \
  --backends cpu,cuda --modes dense,event --batch 10 --break-even 512 --out "$S" --resume 2>&1 | tee "$OUT/sweep.log" \
  | grep -E "ETA|wall|error|merged|points in" | tail -5
if [ "${TOUR:-1}" = 1 ]; then
  echo "== tour: compare on the GPU"
  build-gpu/evsim convert text .data/ptb/ptb.test.txt "$OUT/ptb_test_b10.h5" --vocab $M --batch 10 --steps 64 >/dev/null
  build-gpu/evsim compare $M --backend cuda --input "$OUT/ptb_test_b10.h5" 2>&1 | tee "$OUT/tour_p90.txt"
  rm -f "$OUT/ptb_test_b10.h5"
  build-gpu/evsim compare --backend cuda 2>&1 | tee "$OUT/tour_default.txt"
fi
tar czf "$OUT/ptb_gpu.tgz" -C "$OUT" ptb_gpu && rm -rf "$S"
