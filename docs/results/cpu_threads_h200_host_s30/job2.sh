#!/usr/bin/env bash
# Thirtieth session, device host, second job: the pruned columns' scatter with AVX-512
# gather/scatter of the outputs and in row blocks of 4096 (harness scatter16.cpp, one thread);
# the default model's readout at batch 10 (three runs) and p90 at batch 10 again, with job1's
# calibrated profile P (P0: row slices priced out).
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s30job2.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
R=docs/results/cpu_threads_h200_host_s30
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
L=build-cpu
g++ -O3 -march=native -std=c++20 -fopenmp -ffp-contract=off -I. -isystem /usr/include/eigen3 jobs_s30/scatter16.cpp \
  $L/network/libevsim_network.a $L/neurons/libevsim_neurons.a $L/data/libevsim_data.a $L/core/libevsim_core.a -lmvec -o /tmp/sc16
for r in 1 2; do for h in 2048 4096; do for a in 0.01 0.05 0.2; do /tmp/sc16 $h $a; done; done; done | tee "$OUT/scatter16.txt"
echo "harness done at $SECONDS s"
E=build-cpu/evsim
M=models/checkpoints/egru_lm_ptb_p90.h5
for round in 1 2 3; do
  f="$OUT/compare_default_P_t1_b10_r$round.txt"
  "$E" compare --steps 200 --batch 10 --threads 1 --repeats 5 --cpu-profile $R/P.json > "$f" 2>&1
  echo "r$round default: $(grep -E '^readout' "$f")"
  for prof in P0 P; do
    f="$OUT/compare_p90_${prof}_t1_b10_r$round.txt"
    "$E" compare $M --steps 64 --batch 10 --threads 1 --repeats 5 --cpu-profile $R/$prof.json > "$f" 2>&1
    echo "r$round p90 b10 $prof: $(grep -E '^total' "$f")"
  done
done
echo "all done at $SECONDS s"
