#!/usr/bin/env bash
# Device-machine job: the DISTile launch shape (max_splits) x streaming unroll (8/16) at
# hidden 2048, batch 1, dense weights, 10/50/100 % activity, each under the shipped default
# profile otherwise; prints one bench table per variant (all in $OUT/stream_sweep.txt).
set -o pipefail
cd "$(dirname "$0")/.."
{ cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON \
  && cmake --build build-gpu -j16; } >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
for splits in ${SPLITS:-32 64 128}; do
  for unroll in 8 16; do
    prof=$(mktemp --suffix=.json)
    printf '{"max_splits": %s, "stream_unroll": %s}\n' "$splits" "$unroll" >"$prof"
    echo "== max_splits $splits, stream_unroll $unroll"
    build-gpu/evsim bench --backend cuda --gpu-profile "$prof" --hidden 2048 --batch 1 --density 1 \
      --activity 0.1,0.5,1 --repeats 20 --no-sequence 2>/dev/null | grep -E "^2048"
  done
done | tee "$OUT/stream_sweep.txt"
