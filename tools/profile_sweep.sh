#!/usr/bin/env bash
# Device-machine job: `evsim bench --backend cuda` at hidden 2048, batch 1 under several
# profile variants (launch shape, unrolling, PDL), each otherwise the shipped defaults;
# one table per variant plus its 3-layer sequence, all in $OUT/profile_sweep.txt.
# PROFILES: JSON objects separated by ";" (default: the profile, 8 loads in flight when streaming, no PDL, ranges of 32).
set -o pipefail
cd "$(dirname "$0")/.."
{ cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON \
  && cmake --build build-gpu -j16; } >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
IFS=";" read -r -a variants <<<"${PROFILES:-{\};{\"stream_unroll\": 8\};{\"pdl\": false\};{\"range_cols\": 32\}}"
for v in "${variants[@]}"; do
  prof=$(mktemp --suffix=.json)
  echo "$v" >"$prof"
  echo "== profile $v"
  build-gpu/evsim bench --backend cuda --gpu-profile "$prof" --hidden 2048 --batch 1 --density 0.1,1 \
    --activity 0.01,0.1,0.5,1 --repeats 20 --no-cpu 2>/dev/null | grep -E "^2048|^cuda|^  "
done | tee "$OUT/profile_sweep.txt"
