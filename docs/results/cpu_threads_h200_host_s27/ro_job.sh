#!/usr/bin/env bash
# The default model's readout (16 x 512) through the dense and event backends' propagate alone,
# one thread, batch 1 / 10 / 64, with and without an 8 MB eviction pass between steps.
cd "$(dirname "$0")/.."
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim_backends; } > /tmp/b.log 2>&1 || { tail -20 /tmp/b.log; exit 1; }
B=build-cpu
g++ -O3 -march=native -std=c++20 -fopenmp -ffp-contract=off -I. -I/usr/include/eigen3 docs/results/cpu_threads_h200_host_s27/readout_propagate.cpp \
  $B/backends/libevsim_backends.a $B/network/libevsim_network.a $B/neurons/libevsim_neurons.a $B/core/libevsim_core.a -lmvec -o /tmp/ro || exit 1
echo "built at $SECONDS s"
for r in 1 2; do for b in 1 10 64; do for e in 0 8; do /tmp/ro $b $e; done; done; done | tee "$OUT/readout_propagate.txt"
