#!/usr/bin/env bash
# Thirty-second session, fourth job: calibrate with the default-model check twice on this host
# (each into a config directory of its own), then, for each profile installed, the default
# model at batch 10 with the built-in constants and with that profile side by side.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT; OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s32job4.tgz" -C "$OUT" .' EXIT
B="-DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release"
{ cmake -B build-cpu $B && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
for _ in $(seq 24); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load average before calibrate: $(cut -d' ' -f1-3 /proc/loadavg)"
for k in 1 2; do
  XDG_CONFIG_HOME=$OUT/config$k build-cpu/evsim calibrate --backend cpu > "$OUT/calibrate$k.txt" 2>&1
  echo "calibration $k at $SECONDS s:"; grep -A9 "^Event mode of the default" "$OUT/calibrate$k.txt"; grep -E "^wrote|^not installed" "$OUT/calibrate$k.txt" | cut -c1-120
done
for k in 1 2; do
  [ -f "$OUT/config$k/evsim/cpu_profile.json" ] || continue
  for t in 16 1; do
    for p in builtin profile; do
      f="$OUT/default_b10_t${t}_${p}_cal$k.txt"
      if [ $p = builtin ]; then ENV=off; else ENV=; fi
      XDG_CONFIG_HOME=$OUT/config$k EVSIM_CPU_PROFILE=$ENV build-cpu/evsim compare --steps 500 --batch 10 --threads $t --repeats 7 > "$f" 2>&1
      echo "cal$k t$t $p: readout $(grep -E '^readout' "$f" | awk '{print $(NF-4), $NF}') | total $(grep -E '^total' "$f" | awk '{print $(NF-8), $(NF-7), $(NF-6), $(NF-5), $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF}')"
    done
  done
  echo "compares of cal$k done at $SECONDS s"
done
