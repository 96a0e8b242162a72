#!/usr/bin/env bash
# Thirty-third session, device host: issue 16's pruned byte-ratio cases again on HEAD (built-in
# constants), one thread and 16, hidden 2048 / 4096, 10 % density, 1-20 % activity.
cd "$(dirname "$0")/.."
export EVSIM_CPU_PROFILE=off
lscpu | grep -E "Model name|^CPU\(s\)|L3" > "$OUT/lscpu.txt"; cat /proc/loadavg
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON && cmake --build build-cpu -j16; } \
  > "$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
cat /proc/loadavg
for round in 1 2; do
  build-cpu/evsim bench --backend cpu --hidden 2048,4096 --batch 1 --density 0.1 --activity 0.01,0.05,0.1,0.2 \
    --thread-counts 1,16 --repeats 9 --no-torch --csv "$OUT/bench_pruned_r$round.csv" \
    > "$OUT/bench_pruned_r$round.txt" 2>&1
  echo "round $round exit $?"; grep -A18 "^threads" "$OUT/bench_pruned_r$round.txt" | cut -c1-20,100-200
done
