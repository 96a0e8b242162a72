#!/usr/bin/env bash
# Readout on the Xeon host: does a sequential pass over the active span (EVSIM_SHORT_TOUCH=1)
# before the short-columns kernel bring its weights in faster than the kernel's own reads?
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT; OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/touch.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
B=build-cpu
g++ -O3 -march=native -std=c++20 -fopenmp -ffp-contract=off -I. -I/usr/include/eigen3 jobs_s26/readout_harness.cpp \
  $B/network/libevsim_network.a $B/core/libevsim_core.a -o /tmp/h && for b in 1 10 64; do for e in 0 6; do /tmp/h $b $e; done; done | tee "$OUT/readout_harness.txt"
echo "built at $SECONDS s; load $(cut -d' ' -f1-3 /proc/loadavg)"
P="--cpu-profile jobs_s26/xeon_profile.json"
run() { local name=$1; shift; env "$@" > "$OUT/$name.txt" 2>&1
  echo "== $name"; grep -E "^(readout|total)" "$OUT/$name.txt" | awk '{print $1, $(NF-3), $(NF-2), $(NF-1), $NF}' | sed 's/^/   /'; }
for r in 1 2 3; do
  run off_b10_r$r $B/evsim compare --steps 300 --batch 10 --repeats 5 $P --threads 1
  run on_b10_r$r EVSIM_SHORT_TOUCH=1 $B/evsim compare --steps 300 --batch 10 --repeats 5 $P --threads 1
done
run off_b64 $B/evsim compare --steps 100 --batch 64 --repeats 5 $P --threads 1
run on_b64 EVSIM_SHORT_TOUCH=1 $B/evsim compare --steps 100 --batch 64 --repeats 5 $P --threads 1
run off_b10_t16 $B/evsim compare --steps 300 --batch 10 --repeats 5 $P --threads 16
run on_b10_t16 EVSIM_SHORT_TOUCH=1 $B/evsim compare --steps 300 --batch 10 --repeats 5 $P --threads 16
echo "done at $SECONDS s"
