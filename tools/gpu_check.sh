#!/usr/bin/env bash
# Device-machine job: build with CUDA, GPU parity tests (+ compute-sanitizer memcheck),
# the GPU benchmark grid and sequence latency, and the PyTorch references. Logs in $OUT.
set -o pipefail
cd "$(dirname "$0")/.."
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
{ cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON \
  && cmake --build build-gpu -j16; } >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "== GPU tests"
build-gpu/tests/evsim_gpu_tests 2>&1 | tee "$OUT/gpu_tests.log" | tail -4
echo "== compute-sanitizer memcheck"
compute-sanitizer --tool memcheck --error-exitcode 9 build-gpu/tests/evsim_gpu_tests \
  --gtest_filter='RandomStacks/CudaParity.EgruStackMatchesCpu/0:RandomStacks/CudaParity.EgruStackMatchesCpu/1:Distile.*' \
  >"$OUT/memcheck.log" 2>&1; echo "memcheck exit $?"; grep -E "ERROR SUMMARY|PASSED|FAILED" "$OUT/memcheck.log" | head -5
[ "${QUICK:-0}" = 1 ] && exit 0  # tests only
echo "== compare"
build-gpu/evsim compare --backend cuda --repeats 10 2>&1 | tail -6
echo "== PyTorch references"
python3 tools/bench_torch_rnn.py 2>&1 | tee "$OUT/torch_ref.json"
echo "== evsim bench --backend cuda"
build-gpu/evsim bench --backend cuda "$@" --csv "$OUT/bench_cuda.csv" >"$OUT/bench_cuda.txt" 2>"$OUT/bench_cuda.err"
echo "bench exit $?"; tail -8 "$OUT/bench_cuda.err"
grep -E "^hidden|^2048 +1 " "$OUT/bench_cuda.txt"; tail -8 "$OUT/bench_cuda.txt"
