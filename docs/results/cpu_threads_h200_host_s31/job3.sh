#!/usr/bin/env bash
# Thirty-first session, device host, third job: the readout's short columns with their whole
# matrix prefetched before the samples (PF=1: to L1, PF=2: to L2; PF=0: none; throwaway knob,
# jobs_s31/instr_pf.patch, timers as in job 2), default model, batch 10 / 64, one thread, two rounds.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s31job3.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
B="-DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release"
{ cmake -B build-cpu $B && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
for round in 1 2; do
  for b in 10 64; do
    for pf in 0 1 2; do
      f="$OUT/default_pf${pf}_t1_b${b}_r$round.txt"
      PF=$pf build-cpu/evsim compare --steps 200 --batch $b --threads 1 --repeats 5 > "$f" 2>&1
      echo "r$round b$b PF=$pf: $(grep -E '^readout' "$f" | awk '{print $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF}') | $(grep DBG "$f" | grep -E 'fused|dense tally' | tail -2 | tr '\n' ' ')"
    done
  done
done
