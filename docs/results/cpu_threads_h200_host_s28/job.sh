#!/usr/bin/env bash
# Twenty-eighth session, device host: the selector with the readout's cold start (cold-line
# constants calibrated) against the same profile with them zeroed (the old choice), default
# model, `compare` at batch 10 / 64 / 1 on 1 and 16 threads, alternating, two rounds.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/cold3.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
lscpu > "$OUT/lscpu.txt"
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
E=build-cpu/evsim
for _ in $(seq 12); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load before calibrate: $(cut -d' ' -f1-3 /proc/loadavg)"
for k in 1 2; do "$E" calibrate --backend cpu --output "$OUT/profile_$k.json" > "$OUT/calibrate_$k.txt"; grep -E "L2|back into" "$OUT/calibrate_$k.txt"; done
cp "$OUT/profile_1.json" "$OUT/P.json"
python3 -c "
import json,sys
p=json.load(open('$OUT/P.json')); p['product_cold_line_ns']=0; p['short_cold_line_ns']=0
json.dump(p,open('$OUT/P0.json','w'),indent=2)"
echo "calibrated at $SECONDS s"
for round in 1 2; do
  for t in 1 16; do
    for b in 10 64 1; do
      steps=500; [ $b = 64 ] && steps=200
      for prof in P0 P; do
        f="$OUT/compare_${prof}_t${t}_b${b}_r$round.txt"
        "$E" compare --steps $steps --batch $b --threads $t --repeats 5 --cpu-profile "$OUT/$prof.json" > "$f" 2>&1
        echo "r$round t$t b$b $prof: $(grep -E '^readout' "$f" | head -1) | $(grep -E '^total' "$f")"
      done
    done
  done
  echo "round $round done at $SECONDS s"
done
