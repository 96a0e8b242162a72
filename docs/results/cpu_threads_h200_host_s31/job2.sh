#!/usr/bin/env bash
# Thirty-first session, device host, second job: the tree with throwaway timers
# (jobs_s31/instr.patch: the readout layer's propagate / compute / rest, dense mode's tally and
# product, event mode's fused short columns and the output's zeroing), default model, batch 10
# and 64, built-in constants, 1 and 16 threads.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s31job2.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
B="-DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release"
{ cmake -B build-cpu $B && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
for round in 1 2; do
  for t in 1 16; do
    for b in 10 64; do
      f="$OUT/default_t${t}_b${b}_r$round.txt"
      build-cpu/evsim compare --steps 200 --batch $b --threads $t --repeats 5 > "$f" 2>&1
      echo "== r$round t$t b$b: $(grep -E '^readout' "$f" | awk '{print $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF}')"
      grep DBG "$f" | tail -6 | sed 's/N5evsim15Cpu//; s/BackendE//'
    done
  done
done
