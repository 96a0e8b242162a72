#!/usr/bin/env bash
# Thirtieth session, device host, third job: the gathering priced (gather_input_ns). Calibrate,
# then the default model at batch 10 and 64, one thread, `P` (calibrated) against `G0` (the same
# with the gathering unpriced, i.e. the selector of the first job), alternating, three rounds;
# p90 at batch 10 and 1 with `P`.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s30job3.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
E=build-cpu/evsim
M=models/checkpoints/egru_lm_ptb_p90.h5
for _ in $(seq 12); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load before calibrate: $(cut -d' ' -f1-3 /proc/loadavg)"
"$E" calibrate --backend cpu --output "$OUT/P.json" > "$OUT/calibrate.txt"; grep -E "gathering|short columns|row slices ns per slice" "$OUT/calibrate.txt"
python3 -c "
import json
p=json.load(open('$OUT/P.json')); p['gather_input_ns']=0
json.dump(p,open('$OUT/G0.json','w'),indent=2)"
echo "calibrated at $SECONDS s"
for round in 1 2 3; do
  for b in 10 64; do
    for prof in G0 P; do
      f="$OUT/compare_default_${prof}_t1_b${b}_r$round.txt"
      "$E" compare --steps $((b == 10 ? 200 : 64)) --batch $b --threads 1 --repeats 5 --cpu-profile "$OUT/$prof.json" > "$f" 2>&1
      echo "r$round default b$b $prof: $(grep -E '^readout' "$f" | tr -s ' ')"
    done
  done
  [ $round = 1 ] && for b in 1 10; do
    f="$OUT/compare_p90_P_t1_b${b}.txt"
    "$E" compare $M --steps 64 --batch $b --threads 1 --repeats 5 --cpu-profile "$OUT/P.json" > "$f" 2>&1
    echo "p90 b$b P: $(grep -E '^total' "$f" | tr -s ' ')"
  done
  echo "round $round done at $SECONDS s"
done
