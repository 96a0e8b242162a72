#!/usr/bin/env bash
# Twenty-ninth session, device host: the selector with row slices (calibrated) against the same
# profile with them priced out (the old choice), p90 at batch 1 / 10 / 64 and the default model
# on 1 and 16 threads, then `bench` of pruned weights at high activity; alternating, two rounds.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/rows2.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
lscpu > "$OUT/lscpu.txt"
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
E=build-cpu/evsim
M=models/checkpoints/egru_lm_ptb_p90.h5
for _ in $(seq 12); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load before calibrate: $(cut -d' ' -f1-3 /proc/loadavg)"
"$E" calibrate --backend cpu --output "$OUT/P.json" > "$OUT/calibrate.txt"; grep -E "row slices|sparse columns ns/nnz|product ns/weight" "$OUT/calibrate.txt"
python3 -c "
import json
p=json.load(open('$OUT/P.json')); p['rows_entry_cached_ns']=1e9
json.dump(p,open('$OUT/P0.json','w'),indent=2)"
echo "calibrated at $SECONDS s"
for round in 1 2; do
  for t in 1 16; do
    for b in 1 10 64; do
      steps=64; [ $b = 64 ] && steps=24
      for prof in P0 P; do
        f="$OUT/compare_p90_${prof}_t${t}_b${b}_r$round.txt"
        "$E" compare $M --steps $steps --batch $b --threads $t --repeats 5 --cpu-profile "$OUT/$prof.json" > "$f" 2>&1
        echo "r$round t$t b$b $prof: $(grep -E '^egru1' "$f" | head -1) | $(grep -E '^total' "$f")"
      done
    done
  done
  echo "round $round done at $SECONDS s"
done
for prof in P0 P; do
  "$E" compare --batch 10 --threads 1 --repeats 5 --cpu-profile "$OUT/$prof.json" > "$OUT/compare_default_${prof}_t1_b10.txt" 2>&1
  echo "default t1 b10 $prof: $(grep -E '^total' "$OUT/compare_default_${prof}_t1_b10.txt")"
done
echo "compares done at $SECONDS s"
for prof in P0 P; do
  "$E" bench --backend cpu --thread-counts 1 --hidden 2048,4096 --batch 1 --density 0.1 --activity 0.2,0.5,1 --cpu-profile "$OUT/$prof.json" --no-torch > "$OUT/bench_${prof}.txt" 2>&1
  echo "bench $prof at $SECONDS s"; grep -E "^1 " "$OUT/bench_${prof}.txt"
done
