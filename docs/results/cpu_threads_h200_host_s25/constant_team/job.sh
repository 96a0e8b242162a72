#!/usr/bin/env bash
# The constant team (on_threads) on the device host: default model and p90 on 1 / 4 / 16 threads.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT; OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/fix.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
E=build-cpu/evsim
for _ in $(seq 24); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
$E calibrate --backend cpu --output "$OUT/prof.json" > "$OUT/calibrate.txt" 2>&1; grep -E "region" "$OUT/calibrate.txt"
python3 -c "import json,sys; p=json.load(open('$OUT/prof.json')); p['min_thread_work']=16384; json.dump(p,open('$OUT/prof_floor14.json','w'))" || echo "no floor variant"
P="--cpu-profile $OUT/prof.json"
run() { local name=$1; shift; env "$@" > "$OUT/$name.txt" 2>&1
  echo "== $name"; grep -E "^(egru|decoder|embed|readout|total)" "$OUT/$name.txt" | awk '{print $1, $(NF-3), $(NF-2), $(NF-1), $NF}' | sed 's/^/   /'; }
C="$E compare --steps 300 --batch 10 --repeats 5"
run b10_t1 $C $P --threads 1
run b10_t16 $C $P --threads 16
run b10_t4 $C $P --threads 4
run b10_t16_floor14 $C --cpu-profile $OUT/prof_floor14.json --threads 16
run b1_t16 $E compare --steps 300 --batch 1 --repeats 7 $P --threads 16
run b64_t16 $E compare --steps 200 --batch 64 --repeats 5 $P --threads 16
M=models/checkpoints/egru_lm_ptb_p90.h5
run p90_b1_t16 $E compare $M --steps 64 --batch 1 --repeats 7 $P --threads 16
run p90_b1_t16_floor14 $E compare $M --steps 64 --batch 1 --repeats 7 --cpu-profile $OUT/prof_floor14.json --threads 16
run p90_b10_t16 $E compare $M --steps 64 --batch 10 --repeats 5 $P --threads 16
run p90_b1_t1 $E compare $M --steps 64 --batch 1 --repeats 7 $P --threads 1
