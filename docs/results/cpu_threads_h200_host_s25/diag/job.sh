#!/usr/bin/env bash
# Why the default model's dense mode is slower on 16 threads than on one (device host).
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT; OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/diag.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
lscpu > "$OUT/lscpu.txt"
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
E=build-cpu/evsim
g++ -O2 -fopenmp jobs/regions.cpp -o /tmp/regions
for pol in default active passive; do echo "== regions, wait policy $pol"; if [ $pol = default ]; then /tmp/regions 16; else OMP_WAIT_POLICY=$pol /tmp/regions 16; fi; done 2>&1 | tee "$OUT/regions.txt"
for _ in $(seq 24); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
$E calibrate --backend cpu --output "$OUT/prof.json" > "$OUT/calibrate.txt" 2>&1; grep -E "region|short" "$OUT/calibrate.txt"
P="--cpu-profile $OUT/prof.json"
run() {  # name, env..., -- args
  local name=$1; shift
  env "$@" > "$OUT/$name.txt" 2>&1
  echo "== $name"; grep -E "^(egru|readout|total)" "$OUT/$name.txt" | awk '{print $1, $(NF-3), $(NF-2), $(NF-1), $NF}' | sed 's/^/   /'
}
C="$E compare --steps 300 --batch 10 --repeats 5 $P"
run b10_t1 $C --threads 1
run b10_t16 $C --threads 16
run b10_t4 $C --threads 4
run b10_t16_active OMP_WAIT_POLICY=active $C --threads 16
run b10_t16_passive OMP_WAIT_POLICY=passive $C --threads 16
run b10_t16_bound OMP_PROC_BIND=close OMP_PLACES=cores $C --threads 16
run b10_t1_again $C --threads 1
run b1_t1 $E compare --steps 300 --batch 1 --repeats 7 $P --threads 1
run b64_t1 $E compare --steps 200 --batch 64 --repeats 5 $P --threads 1
$E bench --backend cpu --hidden 512 --batch 10 --density 0.2 --activity 0.2 --thread-counts 1,4,16 --repeats 10 --no-torch $P > "$OUT/bench512.txt" 2>&1
grep -A6 "^threads" "$OUT/bench512.txt" | cut -c1-120
