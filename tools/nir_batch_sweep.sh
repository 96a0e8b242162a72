#!/usr/bin/env bash
# Device-machine job: the NIR sample graphs at growing batch sizes, `evsim compare` on the CPU
# (all cores) and on the GPU (fused kernel where the graph fits one block), the same input:
# where the GPU starts to pay for small spiking graphs. Carry .data/nir. Logs in $OUT.
set -o pipefail
cd "$(dirname "$0")/.."
{ cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF \
  -DEVSIM_WERROR=ON && cmake --build build-gpu --target evsim -j16; } >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
for f in lif_norse braille_noDelay_bias_zero braille_noDelay_noBias_subtract; do
  for b in ${BATCHES:-4 16 64 256}; do
    for be in cpu cuda; do
      printf '%-32s batch %4s %-5s ' "$f" "$b" "$be"
      build-gpu/evsim compare ".data/nir/$f.nir" --backend $be --steps 200 --batch "$b" --repeats 11 2>&1 \
        | tee "$OUT/${f}_b${b}_$be.txt" | grep -E "^total" | awk '{for (i = NF - 10; i <= NF; ++i) printf "%s ", $i; print ""}'
      grep -E "GPU graph|DIFFER|error" "$OUT/${f}_b${b}_$be.txt"
    done
  done
done
