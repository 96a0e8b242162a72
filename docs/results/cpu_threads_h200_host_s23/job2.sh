#!/usr/bin/env bash
cd "$(dirname "$0")/.."
L=$(mktemp -d)
trap 'tar czf "$OUT/job2.tgz" -C "$L" .' EXIT
trap 'exit 143' TERM INT
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16; } > "$L/build.log" 2>&1 || { tail -20 "$L/build.log"; exit 1; }
g++ -O3 -march=native -std=c++20 -fopenmp -I. -I/usr/include/eigen3 probe_s23/probe.cpp build-cpu/network/libevsim_network.a build-cpu/core/libevsim_core.a -o /tmp/probe || exit 1
echo "== probe"; /tmp/probe 4096 | tee "$L/probe.txt"
E=build-cpu/evsim
$E calibrate --backend cpu --output "$L/prof.json" > "$L/cal.txt" 2>&1; tail -4 "$L/cal.txt"
python3 -c "import json,sys; p=json.load(open('$L/prof.json')); print({k:v for k,v in p.items() if 'fork' in k or 'thread' in k})"
python3 -c "import json; p=json.load(open('$L/prof.json')); p['min_thread_work']=16384; json.dump(p,open('$L/prof14.json','w'))"
for P in prof prof14; do
  $E bench --backend cpu --hidden 2048,4096 --batch 1 --density 1,0.1 --activity 0.01,0.1,0.2 --thread-counts 1,16 \
    --repeats 10 --no-torch --cpu-profile "$L/$P.json" > "$L/bench_$P.txt" 2>"$L/bench_$P.err"
  echo "== bench $P"; grep -A26 "^threads" "$L/bench_$P.txt" | cut -c1-200
  for b in 1 10; do
    $E compare models/checkpoints/egru_lm_ptb_p90.h5 --steps 64 --batch $b --threads 16 --cpu-profile "$L/$P.json" > "$L/p90_${P}_b$b.txt" 2>&1
    echo "p90 $P b$b: $(grep -E '^total' "$L/p90_${P}_b$b.txt")"
  done
done
