#!/usr/bin/env bash
# Short columns on the Xeon host: the kernel alone (harness) and the default model's readout.
cd "$(dirname "$0")/.."
L=$(mktemp -d)
trap 'tar czf "$OUT/short.tgz" -C "$L" .' EXIT
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$L/build.log" 2>&1 || { tail -20 "$L/build.log"; exit 1; }
g++ --version | head -1 > "$L/gcc.txt"
g++ -O3 -march=native -std=c++20 -fopenmp -ffp-contract=off -I. -I/usr/include/eigen3 probe_s24/short.cpp build-cpu/backends/libevsim_backends.a build-cpu/network/libevsim_network.a build-cpu/neurons/libevsim_neurons.a build-cpu/core/libevsim_core.a -o /tmp/short || exit 1
for _ in $(seq 24); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in 16 64 10; do LISTS=1 /tmp/short $r | tee -a "$L/harness.txt"; done
E=build-cpu/evsim
"$E" calibrate --backend cpu --output "$L/prof.json" | tee "$L/cal.txt" | grep -E "short|product ns/MAC"
for t in 1 16; do for b in 1 10 64; do
  steps=500; [ $b = 64 ] && steps=200
  "$E" compare --steps $steps --batch $b --threads $t --repeats 7 --cpu-profile "$L/prof.json" > "$L/default_t${t}_b$b.txt" 2>&1
  echo "t$t b$b: $(grep -E '^readout' "$L/default_t${t}_b$b.txt" | awk '{print $(NF-2), $(NF-1), $NF}') total $(grep -E '^total' "$L/default_t${t}_b$b.txt" | awk '{print $NF}')"
done; done
