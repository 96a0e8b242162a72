#!/bin/bash
# Row slices vs pruned columns' scatter on the device host (one thread).
set -u
cd "$(dirname "$0")/.."
lscpu > $OUT/lscpu.txt
cmake -B build-cpu -DCMAKE_BUILD_TYPE=Release -DEVSIM_CUDA=OFF -DEVSIM_WERROR=ON > $OUT/cmake.txt 2>&1
cmake --build build-cpu -j16 --target evsim_backends evsim_network evsim_neurons evsim_core >> $OUT/cmake.txt 2>&1 || { tail -30 $OUT/cmake.txt; exit 1; }
g++ -O3 -march=native -std=c++20 -fopenmp -ffp-contract=off -I. -isystem /usr/include/eigen3 jobs_s29/rows_harness.cpp build-cpu/backends/libevsim_backends.a build-cpu/network/libevsim_network.a build-cpu/neurons/libevsim_neurons.a build-cpu/core/libevsim_core.a -lmvec -o /tmp/rows_harness || exit 1
uptime > $OUT/rows.txt
for round in 1 2; do
  for e in 0 4 64; do
    for a in 1.0 0.5 0.2; do taskset -c 3 /tmp/rows_harness 1536 512 0.15 $a 1 $e; done
    taskset -c 3 /tmp/rows_harness 1536 512 0.15 1.0 10 $e
    taskset -c 3 /tmp/rows_harness 6144 2048 0.1 1.0 1 $e
  done
done >> $OUT/rows.txt 2>&1
cat $OUT/rows.txt
