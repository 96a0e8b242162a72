#!/usr/bin/env bash
# Device-machine job for the VS-WNO study's GPU rows (tools/vswno_study.py --gpu-results): build
# with CUDA, the GPU tests of the operator graphs (+ compute-sanitizer memcheck), then on the
# H200 in one run: `evsim compare --backend cuda` (cuda-dense vs cuda-distile, and both against
# the CPU) of WNO / VS-WNO seed 1 at each batch, `evsim eval --backend cuda` of every shipped
# checkpoint on the test set, and PyTorch eager / CUDA graph (tools/bench_torch_wno.py) beside
# them. Carry .data/darcy/darcy_test_r85.h5 (`evsim data darcy ... --seed 2`, README); the inputs
# are its first fields (`evsim convert darcy`). Results in $OUT/wno_gpu.tgz.
set -o pipefail
cd "$(dirname "$0")/.."
BATCHES=${BATCHES:-"1 10 100"}
REPEATS=${REPEATS:-30}
R="$OUT/vswno_gpu"
mkdir -p "$R"
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader | tee "$R/gpu.txt"
{ cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON \
  && cmake --build build-gpu -j16; } >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "== GPU tests (operators, runner, lowering)"
timeout 200 build-gpu/tests/evsim_gpu_tests --gtest_filter="${TESTS:-CudaRunner.*}" 2>&1 | tee "$R/gpu_tests.log" |
  grep -E "FAILED|PASSED|Failure|error|seed=|Which is|rel_err" | head -40
timeout 120 compute-sanitizer --tool memcheck --error-exitcode 9 build-gpu/tests/evsim_gpu_tests \
  --gtest_filter='CudaRunner.NeuralOperatorsCountLikeTheCpu' >"$R/memcheck.log" 2>&1
echo "memcheck exit $?"; grep -E "ERROR SUMMARY|PASSED|FAILED" "$R/memcheck.log" | head -3
D=.data/darcy/darcy_test_r85.h5
mkdir -p .data/vswno
for b in $BATCHES; do
  build-gpu/evsim convert darcy $D .data/vswno/input_b$b.h5 --samples "$b" >/dev/null || exit 1
  for m in wno vswno; do
    EVSIM_GPU_VERBOSE=1 build-gpu/evsim compare models/checkpoints/${m}_darcy_s1.h5 --backend cuda \
      --input .data/vswno/input_b$b.h5 --repeats "$REPEATS" --json "$R/compare_cuda_${m}_darcy_s1_b$b.json" \
      >"$R/compare_cuda_${m}_darcy_s1_b$b.txt" 2>"$R/compare_cuda_${m}_darcy_s1_b$b.err"
    echo "compare $m b$b exit $?"; grep -E "realized|GPU graph|AGREE|DIFFER|scatter" \
      "$R/compare_cuda_${m}_darcy_s1_b$b.txt" "$R/compare_cuda_${m}_darcy_s1_b$b.err" | head -8
  done
done
for ck in models/checkpoints/*wno_darcy_s*.h5; do
  n=$(basename "$ck" .h5)
  for mode in dense event; do
    build-gpu/evsim eval "$ck" --data $D --backend cuda --mode $mode --json "$R/eval_cuda_${n}_$mode.json" \
      >"$R/eval_cuda_${n}_$mode.txt" 2>&1 || echo "eval $n $mode failed: $(tail -1 "$R/eval_cuda_${n}_$mode.txt")"
  done
done
grep -h "relative L2" "$R"/eval_cuda_*.txt | head -12
python3 tools/bench_torch_wno.py models/checkpoints/wno_darcy_s1.h5 models/checkpoints/vswno_darcy_s1.h5 \
  --data $D --batch "$(echo $BATCHES | tr ' ' ,)" --repeats 50 --json "$R/torch_gpu_wno.json" 2>&1 | tail -3
(cd "$OUT" && tar czf wno_gpu.tgz vswno_gpu && rm -rf vswno_gpu)
ls -la "$OUT"
