#!/usr/bin/env bash
cd "$(dirname "$0")/.."
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > /tmp/build.log 2>&1 || { tail -20 /tmp/build.log; exit 1; }
for _ in $(seq 12); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in 1 2; do for pf in 0 1 2; do echo "== PF=$pf run $r"; PF=$pf build-cpu/evsim compare --steps 300 --batch 10 --threads 1 --repeats 5 2>&1 | grep -E "EVT|DNS|CHOOSE|^readout" | awk '{$1=$1};1' | cut -c1-160; done; done
