#!/usr/bin/env bash
# Twenty-sixth session: the readout harness (plain vs expanded short columns, in cache and after
# a 6 MB eviction pass) on the Xeon host, then the README's 16-core job (tools/cpu_scaling.sh).
cd "$(dirname "$0")/.."
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16; } > /tmp/pre_build.log 2>&1 || { tail -20 /tmp/pre_build.log; exit 1; }
B=build-cpu
g++ -O3 -march=native -std=c++20 -fopenmp -ffp-contract=off -I. -I/usr/include/eigen3 jobs_s26/readout_harness.cpp \
  $B/network/libevsim_network.a $B/core/libevsim_core.a -o /tmp/h && for b in 1 10 64; do for e in 0 6; do /tmp/h $b $e; done; done | tee "$OUT/readout_harness.txt"
THREADS=1,4,8,16 REPEATS=7 PRUNED=1 timeout 500 bash tools/cpu_scaling.sh
