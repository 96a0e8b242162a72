#!/usr/bin/env bash
# One thread, pruned weights (10 %), hidden 2048 / 4096: the pruned columns' scatter before
# (gathered_delivery_old.cpp, four memory operations a non-zero) and after (eight non-zeros a
# step from wide loads), alternating in one job.
cd "$(dirname "$0")/.."
cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release > /tmp/cfg.log 2>&1
cmake --build build-cpu -j16 --target evsim > "$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
cp build-cpu/evsim /tmp/evsim_new
cp network/gathered_delivery.cpp /tmp/new.cpp; cp jobs_s26/gathered_delivery_old.cpp network/gathered_delivery.cpp
cmake --build build-cpu -j16 --target evsim >> "$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
cp build-cpu/evsim /tmp/evsim_old; cp /tmp/new.cpp network/gathered_delivery.cpp
echo "built at $SECONDS s, load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in 1 2; do for v in old new; do
  /tmp/evsim_$v bench --backend cpu --thread-counts 1 --hidden 2048,4096 --batch 1 --density 0.1 --activity 0.01,0.05,0.1,0.2 \
    --no-torch --repeats 10 --cpu-profile jobs_s26/xeon_profile.json --csv "$OUT/pruned_${v}_$r.csv" > "$OUT/pruned_${v}_$r.txt" 2>&1
  echo "== $v round $r at $SECONDS s"; grep -E "^1 " "$OUT/pruned_${v}_$r.txt" | cut -c1-120
done; done
