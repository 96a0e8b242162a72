#!/usr/bin/env bash
# Twenty-seventh session, Xeon host, one thread: (1) the scatter harness (scalar / eight shuffled /
# mixed / offsets only) at 6,144 and 12,288 rows; (2) `evsim bench`, pruned weights, 1-20 %
# activity, three builds alternating: A = this tree (tanh through expm1, eight-shuffle scatter),
# M = A with the mixed scatter, T = A with the previous tanh. It ran from an untracked jobs_s27/
# holding the files these patches give: mixed/gathered_delivery.cpp (mixed.patch applied),
# old_tanh/{egru_update.hpp,vector_math.hpp,CMakeLists.txt} (tanh.patch reversed, with .new copies).
cd "$(dirname "$0")/.."
set -o pipefail
lscpu > "$OUT/lscpu.txt"
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
cp build-cpu/evsim /tmp/evsim_A
cp network/gathered_delivery.cpp /tmp/gd.cpp && cp jobs_s27/mixed/gathered_delivery.cpp network/ && cmake --build build-cpu -j16 --target evsim >> "$OUT/build.log" 2>&1 && cp build-cpu/evsim /tmp/evsim_M && cp /tmp/gd.cpp network/gathered_delivery.cpp || exit 1
for f in egru_update.hpp vector_math.hpp CMakeLists.txt; do cp jobs_s27/old_tanh/$f neurons/$f; done && cmake -B build-cpu >> "$OUT/build.log" 2>&1 && cmake --build build-cpu -j16 --target evsim >> "$OUT/build.log" 2>&1 && cp build-cpu/evsim /tmp/evsim_T || exit 1
for f in egru_update.hpp vector_math.hpp CMakeLists.txt; do cp jobs_s27/old_tanh/$f.new neurons/$f; done
echo "built at $SECONDS s, load $(cut -d' ' -f1-3 /proc/loadavg)"
# scatter_harness.cpp: ../cpu_threads_h200_host_s26/scatter_harness.cpp with scatter_harness_rows.patch
g++ -O3 -march=native -std=c++20 jobs_s27/scatter_harness.cpp -o /tmp/sh && for r in 6144 12288; do for c in 64 1000 12000; do /tmp/sh $c $r; done; done | tee "$OUT/scatter_harness.txt"
echo "harness done at $SECONDS s"
for r in 1 2; do for v in A M T; do
  [ $SECONDS -gt 520 ] && break 2
  timeout 120 /tmp/evsim_$v bench --backend cpu --thread-counts 1 --hidden 2048,4096 --batch 1 --density 0.1 --activity 0.01,0.05,0.1,0.2 \
    --no-torch --repeats 10 --cpu-profile jobs_s27/xeon_profile.json --csv "$OUT/pruned_${v}_$r.csv" > "$OUT/pruned_${v}_$r.txt" 2>&1
  echo "== $v round $r at $SECONDS s"; grep -E "^1 " "$OUT/pruned_${v}_$r.txt" | cut -c1-75,100-150
done; done
cd "$OUT" && tar czf logs.tgz *.txt *.csv lscpu.txt build.log && rm -f *.csv pruned_*.txt
