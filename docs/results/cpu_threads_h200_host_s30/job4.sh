#!/usr/bin/env bash
# Thirtieth session, device host, fourth job: where the readout's batch-10 product loses
# (harness cold_product.cpp: the product timed after dense-like / event-like work between
# calls), and readout_parts.cpp (tally, gathering, short columns, product) on this host.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s30job4.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim_network; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
L=build-cpu
FL="-O3 -march=native -std=c++20 -fopenmp -ffp-contract=off -I. -isystem /usr/include/eigen3"
LIBS="$L/network/libevsim_network.a $L/neurons/libevsim_neurons.a $L/data/libevsim_data.a $L/core/libevsim_core.a -lmvec"
g++ $FL jobs_s30/cold_product.cpp $LIBS -o /tmp/coldp & g++ $FL jobs_s30/readout_parts.cpp $LIBS -o /tmp/rparts; wait
/tmp/coldp 2000 | tee "$OUT/cold_product.txt"
for r in 1 2; do for e in 0 1; do for b in 10 64; do /tmp/rparts 16 512 $b 0.2 $e; done; done; done | tee "$OUT/readout_parts.txt"
echo "all done at $SECONDS s"
