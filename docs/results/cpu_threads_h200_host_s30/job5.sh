#!/usr/bin/env bash
# Thirtieth session, device host, fifth job: the final build on 16 threads (row slices' three
# regions priced): calibrate, then p90 at batch 10 / 64 and the default model at batch 10, `P0`
# (row slices priced out) and `P`, two rounds; p90 at batch 1 on one thread.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s30job5.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
E=build-cpu/evsim
M=models/checkpoints/egru_lm_ptb_p90.h5
for _ in $(seq 12); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load before calibrate: $(cut -d' ' -f1-3 /proc/loadavg)"
"$E" calibrate --backend cpu --output "$OUT/P.json" > "$OUT/calibrate.txt"; grep -E "gathering|row slices|parallel region" "$OUT/calibrate.txt"
python3 -c "
import json
p=json.load(open('$OUT/P.json')); p['rows_entry_cached_ns']=1e9; p['rows_group_entry_ns']=1e9
json.dump(p,open('$OUT/P0.json','w'),indent=2)"
echo "calibrated at $SECONDS s"
run() {  # name, model, threads, batch, steps
  for prof in P0 P; do
    f="$OUT/compare_$1_${prof}_t$3_b$4_r$round.txt"
    "$E" compare $2 --steps $5 --batch $4 --threads $3 --repeats 5 --cpu-profile "$OUT/$prof.json" > "$f" 2>&1
    echo "r$round $1 t$3 b$4 $prof: $(grep -E '^total' "$f" | tr -s ' ')"
  done
}
for round in 1 2; do
  run p90 $M 16 10 64; run p90 $M 16 64 24; run default "" 16 10 200
  echo "round $round done at $SECONDS s"
done
f="$OUT/compare_p90_P_t1_b1.txt"
"$E" compare $M --steps 64 --batch 1 --threads 1 --repeats 5 --cpu-profile "$OUT/P.json" > "$f" 2>&1
echo "p90 t1 b1 P: $(grep -E '^total' "$f" | tr -s ' ')"
echo "all done at $SECONDS s"
