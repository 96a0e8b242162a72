#!/usr/bin/env bash
# Thirty-second session, device host, first job: issue 16's acceptance set on HEAD in one run
# (tools/cpu_scaling.sh: calibrate, bench at hidden 4096 on 1 and 16 threads with PyTorch beside
# it, the pruned one-thread bench at 2048 / 4096, compare of the default model and p90 at batch
# 1 / 10 / 64 on 1 and 16 threads), plus the one-thread bench of dense weights at hidden 2048.
cd "$(dirname "$0")/.."
START=$SECONDS
THREADS=1,16 REPEATS=7 PRUNED=1 timeout 500 bash tools/cpu_scaling.sh
echo "scaling job done at $((SECONDS - START)) s"
mkdir -p /tmp/x && tar xzf "$OUT/cpu_scaling.tgz" -C /tmp/x
build-cpu/evsim bench --backend cpu --hidden 2048 --batch 1 --density 1,0.1 --activity 0.01,0.05,0.1,0.2,0.5,1 \
  --thread-counts 1 --repeats 15 --cpu-profile /tmp/x/cpu_profile.json --no-torch --csv '' > "$OUT/bench_h2048_t1.txt" 2>&1
grep -A14 "^threads" "$OUT/bench_h2048_t1.txt"
echo "all done at $((SECONDS - START)) s"
