#!/usr/bin/env bash
# Thirtieth session, device host: row slices' outputs through 16 x 16 in-register transposes.
# Harness: the grouped kernel before (HEAD's row_slices.cpp, linked ahead of the library) and
# after; then `P` (calibrated) against `P0` (row slices priced out), alternating; the default
# model's readout at batch 10; the pruned byte ratio, one thread.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s30job1.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
lscpu > "$OUT/lscpu.txt"
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
L=build-cpu
FL="-O3 -march=native -std=c++20 -fopenmp -ffp-contract=off -I. -isystem /usr/include/eigen3"
LIBS="$L/network/libevsim_network.a $L/neurons/libevsim_neurons.a $L/data/libevsim_data.a $L/core/libevsim_core.a -lmvec"
g++ $FL -c jobs_s30/old_row_slices.cpp -o /tmp/old_rs.o && g++ $FL jobs_s30/rs_group.cpp /tmp/old_rs.o $LIBS -o /tmp/rs_old &
g++ $FL jobs_s30/rs_group.cpp $LIBS -o /tmp/rs_new; wait
for r in 1 2; do for a in "1536 512 0.15 10" "1536 512 0.15 64" "4096 1024 0.1 16" "192 64 0.3 16" "1000 300 0.2 37"; do
  echo "old: $(/tmp/rs_old $a)"; echo "new: $(/tmp/rs_new $a)"; done; done | tee "$OUT/rs_group.txt"
echo "harness done at $SECONDS s"
E=build-cpu/evsim
M=models/checkpoints/egru_lm_ptb_p90.h5
for _ in $(seq 12); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load before calibrate: $(cut -d' ' -f1-3 /proc/loadavg)"
"$E" calibrate --backend cpu --output "$OUT/P.json" > "$OUT/calibrate.txt"; grep -E "row slices|sparse columns ns/nnz|product ns/MAC" "$OUT/calibrate.txt"
python3 -c "
import json
p=json.load(open('$OUT/P.json')); p['rows_entry_cached_ns']=1e9; p['rows_group_entry_ns']=1e9
json.dump(p,open('$OUT/P0.json','w'),indent=2)"
echo "calibrated at $SECONDS s"
run() {  # name, model, threads, batch, steps, profiles
  for prof in $6; do
    f="$OUT/compare_$1_${prof}_t$3_b$4_r$round.txt"
    "$E" compare $2 --steps $5 --batch $4 --threads $3 --repeats 5 --cpu-profile "$OUT/$prof.json" > "$f" 2>&1
    echo "r$round $1 t$3 b$4 $prof: $(grep -E '^total' "$f")"
  done
}
for round in 1 2; do
  run p90 $M 1 10 64 "P0 P"; run p90 $M 1 64 24 "P0 P"
  [ $round = 1 ] && { run p90 $M 1 1 64 "P"; run p90 $M 16 10 64 "P0 P"; run default "" 1 10 200 "P"; }
  echo "round $round done at $SECONDS s"
done
"$E" bench --backend cpu --thread-counts 1 --hidden 2048,4096 --batch 1 --density 0.1 --activity 0.01,0.05,0.1,0.2 --no-torch --repeats 10 --cpu-profile "$OUT/P.json" > "$OUT/bench_pruned.txt" 2>&1
grep -E "^1 " "$OUT/bench_pruned.txt"
echo "all done at $SECONDS s"
