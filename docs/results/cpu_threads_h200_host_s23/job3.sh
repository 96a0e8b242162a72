#!/usr/bin/env bash
cd "$(dirname "$0")/.."
L=$(mktemp -d)
trap 'tar czf "$OUT/job3.tgz" -C "$L" .' EXIT
trap 'exit 143' TERM INT
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16; } > "$L/build.log" 2>&1 || { tail -20 "$L/build.log"; exit 1; }
E=build-cpu/evsim
$E calibrate --backend cpu --output "$L/prof.json" > "$L/cal.txt" 2>&1; tail -3 "$L/cal.txt"
uptime
for round in 1 2; do
  for t in 16 15 12 8; do
    $E compare models/checkpoints/egru_lm_ptb_p90.h5 --steps 64 --batch 1 --threads $t --cpu-profile "$L/prof.json" > "$L/p90_t${t}_b1_r$round.txt" 2>&1
    $E compare --steps 200 --batch 10 --repeats 5 --threads $t --cpu-profile "$L/prof.json" > "$L/def_t${t}_b10_r$round.txt" 2>&1
    echo "r$round t$t p90 b1: $(grep -E '^total' "$L/p90_t${t}_b1_r$round.txt" | cut -c80-)"
    echo "r$round t$t def b10: $(grep -E '^total' "$L/def_t${t}_b10_r$round.txt" | cut -c80-)  readout $(grep -E '^readout' "$L/def_t${t}_b10_r$round.txt" | cut -c100-)"
  done
done
uptime
$E bench --backend cpu --hidden 4096 --batch 1 --density 1,0.1 --activity 0.1 --thread-counts 1,8,15,16 \
  --repeats 15 --no-torch --cpu-profile "$L/prof.json" > "$L/bench.txt" 2>"$L/bench.err"
grep -A10 "^threads" "$L/bench.txt" | cut -c1-190
uptime; top -bn1 | head -15
