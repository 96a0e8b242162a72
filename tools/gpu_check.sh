#!/usr/bin/env bash
# Device-machine job: build with CUDA, GPU parity tests (+ compute-sanitizer memcheck),
# `evsim calibrate`, the acceptance benchmarks (issue 4) with the calibrated profile, the
# PyTorch references, the NIR sample graphs (.data/nir) and `evsim eval --backend cuda` on the
# shipped PTB checkpoint (.data/ptb) when .data was carried. Logs in $OUT. QUICK=1: build and tests only.
set -o pipefail
cd "$(dirname "$0")/.."
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
{ cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON \
  && cmake --build build-gpu -j16; } >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "== GPU tests"
timeout 150 build-gpu/tests/evsim_gpu_tests 2>&1 | tee "$OUT/gpu_tests.log" | grep -E "FAILED|PASSED|Failure|error" | head -20
echo "== compute-sanitizer memcheck"
timeout 150 compute-sanitizer --tool memcheck --error-exitcode 9 build-gpu/tests/evsim_gpu_tests \
  --gtest_filter='RandomStacks/CudaParity.*/0:RandomStacks/CudaParity.*/1:RandomStacks/CudaParity.SnnGraphsMatchCpu/4:Distile.*:CudaEngine.*' \
  >"$OUT/memcheck.log" 2>&1; echo "memcheck exit $?"; grep -E "ERROR SUMMARY|PASSED|FAILED" "$OUT/memcheck.log" | head -5
[ "${QUICK:-0}" = 1 ] && exit 0
echo "== calibrate"
build-gpu/evsim calibrate --output "$OUT/gpu_profile.json" 2>&1 | tail -8
P=(--gpu-profile "$OUT/gpu_profile.json")
[ -s "$OUT/gpu_profile.json" ] || P=()
echo "== compare"
build-gpu/evsim compare --backend cuda --repeats 10 "${P[@]}" 2>&1 | tail -6
if [ -d .data/nir ]; then
  echo "== NIR graphs on the GPU"
  for f in .data/nir/lif_norse.nir .data/nir/braille_noDelay_bias_zero.nir .data/nir/braille_noDelay_noBias_subtract.nir; do
    build-gpu/evsim compare "$f" --backend cuda --steps 200 --batch 4 --repeats 5 2>&1 | tail -5
  done
fi
echo "== PyTorch references"
python3 tools/bench_torch_rnn.py 2>&1 | tee "$OUT/torch_ref.json" | tail -2
echo "== evsim bench --backend cuda (acceptance cases)"
build-gpu/evsim bench --backend cuda "${P[@]}" --hidden 2048 --batch 1 --density 0.1,1 \
  --activity 0.01,0.02,0.05,0.1,0.2,0.5,1 --repeats 30 --csv "$OUT/bench_cuda.csv" >"$OUT/bench_cuda.txt" 2>"$OUT/bench_cuda.err"
echo "bench exit $?"; tail -3 "$OUT/bench_cuda.err"; cat "$OUT/bench_cuda.txt"
echo "== evsim bench --backend cuda (hidden 4096)"
build-gpu/evsim bench --backend cuda "${P[@]}" --hidden 4096 --batch 1 --density 0.1,1 --activity 0.01,0.1,1 \
  --repeats 30 --no-cpu --no-sequence --csv "$OUT/bench_4096.csv" >"$OUT/bench_4096.txt" 2>&1
echo "bench exit $?"; grep -E "^4096" "$OUT/bench_4096.txt"
if [ -d .data/ptb ] && [ "${EVAL:-1}" = 1 ]; then
  echo "== eval --backend cuda"
  for m in dense event; do
    timeout 90 build-gpu/evsim eval models/checkpoints/egru_lm_ptb_p90.h5 --data .data/ptb --split test --backend cuda --mode $m \
      "${P[@]}" 2>&1 | grep -E "perplexity [0-9]|error" | tail -1
  done
fi
if [ "${GRID:-0}" = 1 ]; then
  echo "== full grid"
  build-gpu/evsim bench --backend cuda "${P[@]}" --csv "$OUT/bench_grid.csv" >"$OUT/bench_grid.txt" 2>&1; echo "grid exit $?"
fi
