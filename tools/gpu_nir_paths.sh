#!/usr/bin/env bash
# Device-machine job: the small-graph paths of the GPU spiking engine side by side. Build with
# CUDA (warnings as errors), the GPU tests and compute-sanitizer memcheck of the generated and
# fused paths, then the NIR samples (`evsim compare FILE --steps 200 --repeats 21`) at batch 4
# and 64: the CPU on 1 and 16 threads, the GPU with the kernel generated for the graph
# (EVSIM_SNN_PATH=generated) and with the fused interpreter (=fused); the process wall time
# shows the generated kernel's NVRTC compile. The NIR samples from .data/nir (carry .data, a copy
# of ../shared/data/nir, to the device machine), else ../shared/data/nir. Logs in $OUT (default:
# a temporary folder).
set -o pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-$(mktemp -d)}
data=.data
[ -d "$data/nir" ] || data=../shared/data
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
lscpu | grep -E "Model name|^CPU\(s\)"
{ cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON \
  && cmake --build build-gpu -j16; } >"$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }
echo "built $(date +%T)"
export EVSIM_SHARED_DATA=$(realpath $data)
timeout 240 build-gpu/tests/evsim_gpu_tests 2>&1 > "$OUT/gpu_tests.log"; echo "gpu tests exit $?"
grep -E "FAILED|PASSED|Failure|error|seed=" "$OUT/gpu_tests.log" | head -40
timeout 150 compute-sanitizer --tool memcheck --error-exitcode 9 build-gpu/tests/evsim_gpu_tests \
  --gtest_filter='CudaEngine.Generated*:RandomStacks/CudaParity.SnnGraphsMatchCpu/*:RandomStacks/CudaParity.*Excit*' \
  >"$OUT/memcheck.log" 2>&1; echo "memcheck exit $?"; grep -E "ERROR SUMMARY|PASSED|FAILED" "$OUT/memcheck.log" | head -5
echo "tests done $(date +%T)"
for f in lif_norse braille_noDelay_bias_zero braille_noDelay_noBias_subtract; do
  for b in 4 64; do
    echo "-- $f batch $b"
    for th in 1 16; do
      printf 'cpu threads %2d: ' $th
      build-gpu/evsim compare $data/nir/$f.nir --steps 200 --batch $b --repeats 21 --threads $th 2>&1 | grep -E "^total"
    done
    for p in generated fused; do
      printf 'cuda %-9s: ' $p
      /usr/bin/time -f "process wall %e s" env EVSIM_SNN_PATH=$p build-gpu/evsim compare $data/nir/$f.nir --backend cuda \
        --steps 200 --batch $b --repeats 21 > "$OUT/${f}_b${b}_$p.txt" 2>&1
      grep -E "^total" "$OUT/${f}_b${b}_$p.txt"; grep -E "GPU graph|AGREE|DIFFER|error|process wall" "$OUT/${f}_b${b}_$p.txt"
    done
  done
done
echo "done $(date +%T)"
