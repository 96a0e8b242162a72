#!/usr/bin/env bash
# Device-machine job for the CPU side (its 16 cores): build without CUDA, calibrate the CPU cost
# model, `evsim bench --backend cpu` at hidden 4096 over 1-16 threads with PyTorch's CPU
# GRUCell beside it (the machine's python3 and torch), and `evsim compare` of the shipped p90
# at batch 1 / 10 / 64 on 1 and 16 threads. Logs in $OUT.
# BOUND=1 repeats the thread axis with OpenMP's threads pinned one per core
# (OMP_PROC_BIND=close OMP_PLACES=cores) in the same job; PRUNED=1 adds the one-thread bench of
# pruned (10 %) weights at hidden 2048 and 4096 (bytes read vs time); COMPARE=0 leaves out the
# `evsim compare` runs (the thread axis and PyTorch alone, in about half the time).
set -o pipefail
cd "$(dirname "$0")/.."
# Logs go to a folder of their own and come back as one archive ($OUT/cpu_scaling.tgz): the
# device tool returns at most 8 files.
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/cpu_scaling.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT # a job cut short by `timeout` still packs what it logged
lscpu >"$OUT/lscpu.txt"
grep -E "Model name|^CPU\(s\)|L3" "$OUT/lscpu.txt"
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON && cmake --build build-cpu -j16; } \
  >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
E=build-cpu/evsim
export EVSIM_PYTHON=$(command -v python3)
# A machine lent fresh is still starting up: wait (up to 3 min) for its load average to fall
# below 1 before calibrating, or the region costs measure the start-up (calibrate notes it).
for _ in $(seq 36); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load average before calibrate: $(cut -d' ' -f1-3 /proc/loadavg)"
"$E" calibrate --backend cpu --output "$OUT/cpu_profile.json" | tee "$OUT/calibrate.txt"
THREADS=${THREADS:-1,2,4,8,16}
"$E" bench --backend cpu --hidden 4096 --batch ${BATCH:-1,16} --density 1,0.1 --activity 0.01,0.1,0.2,1 \
  --thread-counts "$THREADS" --repeats ${REPEATS:-10} --cpu-profile "$OUT/cpu_profile.json" \
  --csv "$OUT/bench_h4096.csv" >"$OUT/bench_h4096.txt" 2>"$OUT/bench_h4096.err"
echo "bench exit $?"; tail -16 "$OUT/bench_h4096.txt"
if [ "${BOUND:-0}" = 1 ]; then
  OMP_PROC_BIND=close OMP_PLACES=cores "$E" bench --backend cpu --hidden 4096 --batch ${BATCH:-1,16} --density 1,0.1 \
    --activity 0.1 --thread-counts "$THREADS" --repeats ${REPEATS:-10} --cpu-profile "$OUT/cpu_profile.json" \
    --csv "$OUT/bench_h4096_bound.csv" >"$OUT/bench_h4096_bound.txt" 2>"$OUT/bench_h4096_bound.err"
  echo "bound bench exit $?"; grep -A12 "^threads" "$OUT/bench_h4096_bound.txt"
fi
if [ "${PRUNED:-0}" = 1 ]; then
  "$E" bench --backend cpu --hidden 2048,4096 --batch 1 --density 0.1 --activity 0.01,0.05,0.1,0.2 --thread-counts 1,16 \
    --repeats ${REPEATS:-10} --cpu-profile "$OUT/cpu_profile.json" --no-torch --csv "$OUT/bench_pruned.csv" \
    >"$OUT/bench_pruned.txt" 2>"$OUT/bench_pruned.err"
  echo "pruned bench exit $?"; grep -A18 "^threads" "$OUT/bench_pruned.txt"
fi
[ "${COMPARE:-1}" = 1 ] || exit 0
# The default model too (its 16-row readout is where a parallel region's cost shows).
for t in 1 16; do
  for b in 1 10 64; do
    "$E" compare --steps 500 --batch $b --threads $t --repeats 7 --cpu-profile "$OUT/cpu_profile.json" \
      >"$OUT/compare_default_t${t}_b$b.txt" 2>&1
    echo "default, threads $t batch $b: $(grep -E '^total' "$OUT/compare_default_t${t}_b$b.txt")"
  done
done
for t in 1 16; do
  for b in 1 10 64; do
    steps=64; [ $b = 64 ] && steps=16
    "$E" compare models/checkpoints/egru_lm_ptb_p90.h5 --steps $steps --batch $b --threads $t \
      --cpu-profile "$OUT/cpu_profile.json" >"$OUT/compare_p90_t${t}_b$b.txt" 2>&1
    echo "threads $t batch $b: $(grep -E '^total' "$OUT/compare_p90_t${t}_b$b.txt")"
  done
done
