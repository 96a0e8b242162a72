#!/usr/bin/env bash
# Device-machine job: build with CUDA (warnings as errors), the GPU tests (+ compute-sanitizer
# memcheck), then by STAGES (default "eval bench"):
#   eval   `evsim eval --backend cuda` of the shipped p90 on the full PTB test split (both
#          modes, both sum orders) beside the CPU's and the PyTorch references
#          (tools/bench_torch_lm_eval.py), same machine, same run
#   bench  the issue-4 acceptance cases of `evsim bench --backend cuda` and the 3-layer sequence
#          (tools/bench_torch_rnn.py beside it)
#   tour   `evsim compare --backend cuda` of the p90 checkpoint on real text (PTB test, 64
#          steps x 10 streams) and of the default model: the README's tour
#   nir    the NIR sample graphs compared on the GPU
#   snn    the CUBA and COBA benchmarks (4,000 neurons, 1 s) on the GPU and the CPU (one thread):
#          identical spikes, wall times; CUBA at 16,000 and 64,000 neurons (sparse delivery)
#   brunel Brunel (delays, Poisson drive): 5,000 neurons 200 ms spike for spike, as above;
#          10,000 and 20,000 neurons timed
# Carry .data (a copy of ../shared/data/ptb and nir). Logs in $OUT.
set -o pipefail
cd "$(dirname "$0")/.."
STAGES=${STAGES:-eval bench tour nir}
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
{ cmake -B build-gpu -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON \
  && cmake --build build-gpu -j16; } >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
export EVSIM_SHARED_DATA=$PWD/.data
echo "== GPU tests"
timeout 300 build-gpu/tests/evsim_gpu_tests 2>&1 | tee "$OUT/gpu_tests.log" | grep -E "FAILED|PASSED|Failure|error|seed=" | head -30
echo "== compute-sanitizer memcheck"
timeout 200 compute-sanitizer --tool memcheck --error-exitcode 9 build-gpu/tests/evsim_gpu_tests \
  --gtest_filter='RandomStacks/CudaParity.*/0:RandomStacks/CudaParity.*/1:RandomStacks/CudaParity.SnnGraphsMatchCpu/4:Distile.*:CudaEngine.*:CudaRunner.*:-CudaRunner.ShippedCheckpointsRunOnTheGpu' \
  >"$OUT/memcheck.log" 2>&1; echo "memcheck exit $?"; grep -E "ERROR SUMMARY|PASSED|FAILED" "$OUT/memcheck.log" | head -5
P=()
[ -n "${PROFILE:-}" ] && P=(--gpu-profile "$PROFILE")
M=models/checkpoints/egru_lm_ptb_p90.h5
if [[ " $STAGES " == *" eval "* ]] && [ -d .data/ptb ]; then
  echo "== eval --backend cuda, p90, full PTB test split"
  for m in dense event; do
    for order in reference fast; do
      /usr/bin/time -f "process wall %e s" build-gpu/evsim eval $M --data .data/ptb --split test --backend cuda \
        --mode $m --sum-order $order "${P[@]}" --json "$OUT/eval_${m}_$order.json" >"$OUT/eval_${m}_$order.txt" 2>&1
      echo "exit $?"; grep -E "perplexity [0-9]|evaluation|process wall|error" "$OUT/eval_${m}_$order.txt"
    done
  done
  if [ "${CPU_EVAL:-1}" = 1 ]; then
    echo "== the CPU on the same split (event mode, the reference)"
    build-gpu/evsim eval $M --data .data/ptb --split test --json "$OUT/eval_cpu.json" 2>/dev/null | head -2
  fi
  echo "== PyTorch references on the same split"
  python3 tools/bench_torch_lm_eval.py $M --data .data/ptb --split test 2>&1 | tee "$OUT/torch_lm_eval.json" | tail -2
fi
if [[ " $STAGES " == *" bench "* ]]; then
  echo "== evsim bench --backend cuda (acceptance cases)"
  build-gpu/evsim bench --backend cuda "${P[@]}" --hidden 2048 --batch 1 --density 0.1,1 \
    --activity 0.01,0.1,0.5,1 --repeats 30 --csv "$OUT/bench_cuda.csv" >"$OUT/bench_cuda.txt" 2>"$OUT/bench_cuda.err"
  echo "bench exit $?"; tail -3 "$OUT/bench_cuda.err"; cat "$OUT/bench_cuda.txt"
  python3 tools/bench_torch_rnn.py 2>&1 | tee "$OUT/torch_rnn.json" | tail -1
fi
if [[ " $STAGES " == *" tour "* ]]; then
  echo "== tour: compare on the GPU"
  if [ -d .data/ptb ]; then
    build-gpu/evsim convert text .data/ptb/ptb.test.txt "$OUT/ptb_test_b10.h5" --vocab $M --batch 10 --steps 64
    build-gpu/evsim compare $M --backend cuda --input "$OUT/ptb_test_b10.h5" "${P[@]}" 2>&1 | tee "$OUT/tour_p90.txt"
    rm -f "$OUT/ptb_test_b10.h5"
  fi
  build-gpu/evsim compare --backend cuda "${P[@]}" 2>&1 | tee "$OUT/tour_default.txt"
fi
if [[ " $STAGES " == *" nir "* ]] && [ -d .data/nir ]; then
  echo "== NIR graphs on the GPU"
  # Per graph: the CPU (both modes), the GPU's fused kernel, the GPU with a kernel per node and
  # step (EVSIM_SNN_PATH=launches): the same input, times end to end per run (200 steps x 4).
  for f in .data/nir/lif_norse.nir .data/nir/braille_noDelay_bias_zero.nir .data/nir/braille_noDelay_noBias_subtract.nir; do
    echo "-- $f"
    build-gpu/evsim compare "$f" --steps 200 --batch 4 --repeats 21 2>&1 | grep -E "^total"
    build-gpu/evsim compare "$f" --backend cuda --steps 200 --batch 4 --repeats 21 2>&1 | grep -E "^total|GPU graph|AGREE|DIFFER"
    EVSIM_SNN_PATH=launches build-gpu/evsim compare "$f" --backend cuda --steps 200 --batch 4 --repeats 21 2>&1 \
      | grep -E "^total|GPU graph"
  done
fi
# The same network on the CPU (event mode, one thread) and both GPU modes, outputs kept:
# spike counts and the first step where the spike trains differ (None: identical).
spike_check() {
  local net=$1 neurons=$2 steps=$3
  build-gpu/evsim convert snn-benchmark $net "$OUT/$net.h5" --neurons $neurons >/dev/null
  for be in "cpu-event --backend cpu --mode event --threads 1" "cuda-dense --backend cuda --mode dense" \
    "cuda-distile --backend cuda --mode event"; do
    set -- $be
    build-gpu/evsim run "$OUT/$net.h5" --steps $steps "${@:2}" --output "$OUT/${net}_$1.h5" 2>&1 \
      | grep -E "end to end|error"
  done
  python3 - "$OUT" $net <<'PY'
import sys, h5py, numpy as np
d, net = sys.argv[1], sys.argv[2]
ref = h5py.File(f"{d}/{net}_cpu-event.h5", "r")["output"][()]
for be in ("cuda-dense", "cuda-distile"):
    y = h5py.File(f"{d}/{net}_{be}.h5", "r")["output"][()]
    diff = np.argwhere((y != 0) != (ref != 0))
    print(f"{net} {be}: {int((y != 0).sum())} spikes vs CPU {int((ref != 0).sum())}, first differing step",
          int(diff[0][0]) if len(diff) else None)
PY
  rm -f "$OUT"/${net}*.h5
}
# 1 s of a benchmark network at each size, no output: cpu-event on one thread vs cuda-distile.
timed_sizes() {
  local net=$1
  shift
  for n in "$@"; do
    build-gpu/evsim convert snn-benchmark $net "$OUT/${net}_$n.h5" --neurons $n >/dev/null
    for be in "--backend cpu --mode event --threads 1" "--backend cuda --mode event"; do
      build-gpu/evsim run "$OUT/${net}_$n.h5" --steps 10000 $be 2>&1 | grep -E "end to end|^cell|^w_|error"
    done
    rm -f "$OUT/${net}_$n.h5"
  done
}
if [[ " $STAGES " == *" snn "* ]]; then
  echo "== CUBA / COBA, 4,000 neurons, 1 s: GPU vs CPU (one thread)"
  spike_check cuba 4000 10000
  spike_check coba 4000 10000
  echo "== CUBA at 16,000 and 64,000 neurons (80 synapses each), 1 s, no output: cpu-event one thread vs cuda-distile"
  timed_sizes cuba 16000 64000
fi
if [[ " $STAGES " == *" brunel "* ]]; then
  echo "== Brunel (Poisson drive, 1.5 ms delays), 5,000 neurons, 200 ms: GPU vs CPU (one thread)"
  spike_check brunel 5000 2000
  echo "== Brunel at 10,000 and 20,000 neurons, 1 s, no output: cpu-event one thread vs cuda-distile"
  timed_sizes brunel 10000 20000
fi
