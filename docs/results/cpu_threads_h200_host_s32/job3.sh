#!/usr/bin/env bash
# Thirty-second session, third job: the default model at batch 10 with the built-in constants
# and with this host's profile (calibrated in the job, read as this machine's profile), side
# by side: `evsim compare` alternating the two, three rounds, 1 and 16 threads.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT; OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s32job3.tgz" -C "$OUT" .' EXIT
B="-DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release"
{ cmake -B build-cpu $B && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
for _ in $(seq 24); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load average before calibrate: $(cut -d' ' -f1-3 /proc/loadavg)"
export XDG_CONFIG_HOME=$OUT/config
build-cpu/evsim calibrate --backend cpu > "$OUT/calibrate.txt" 2>&1; tail -3 "$OUT/calibrate.txt"
for round in 1 2 3; do
  for t in 1 16; do
    for p in builtin profile; do
      f="$OUT/default_b10_t${t}_${p}_r$round.txt"
      if [ $p = builtin ]; then ENV=off; else ENV=; fi
      EVSIM_CPU_PROFILE=$ENV build-cpu/evsim compare --steps 500 --batch 10 --threads $t --repeats 7 > "$f" 2>&1
      echo "r$round t$t $p: $(grep -E '^readout' "$f" | awk '{print $(NF-8), $(NF-7), $(NF-6), $(NF-5), $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF}') | total $(grep -E '^total' "$f" | awk '{print $NF}') | $(grep -o 'cost model of: .*' "$f")"
    done
  done
  echo "round $round at $SECONDS s"
done
