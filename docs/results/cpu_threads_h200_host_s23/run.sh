#!/usr/bin/env bash
cd "$(dirname "$0")/.."
L=$(mktemp -d)
trap 'tar czf "$OUT/probe.tgz" -C "$L" .' EXIT
{ lscpu; nproc; cat /sys/fs/cgroup/cpu.max 2>/dev/null; cat /sys/fs/cgroup/cpuset.cpus.effective 2>/dev/null;
  cat /sys/kernel/mm/transparent_hugepage/enabled; grep -c processor /proc/cpuinfo; } > "$L/sys.txt" 2>&1
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim_network evsim_core; } > "$L/build.log" 2>&1 || { tail -20 "$L/build.log"; exit 1; }
g++ -O3 -march=native -std=c++20 -fopenmp -I. -I/usr/include/eigen3 probe_s23/probe.cpp build-cpu/network/libevsim_network.a build-cpu/core/libevsim_core.a -o /tmp/probe || exit 1
grep -E "^cpu " /proc/stat > "$L/stat0.txt"
echo "== default"; /tmp/probe 4096 | tee "$L/default.txt"
grep -E "^cpu " /proc/stat > "$L/stat1.txt"
echo "== active"; OMP_WAIT_POLICY=active /tmp/probe 4096 | tee "$L/active.txt"
echo "== bound"; OMP_PROC_BIND=close OMP_PLACES=cores /tmp/probe 4096 | tee "$L/bound.txt"
echo "== bound threads"; OMP_PROC_BIND=close OMP_PLACES=threads /tmp/probe 4096 | tee "$L/bound_thr.txt"
grep -E "^cpu " /proc/stat > "$L/stat2.txt"
cat "$L/stat0.txt" "$L/stat1.txt" "$L/stat2.txt"; cat "$L/sys.txt" | grep -E "Model name|^CPU\(s\)|Thread|Core|Socket|NUMA|L3|^[0-9]|max|always"
