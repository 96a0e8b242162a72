#!/usr/bin/env bash
# Thirty-first session, device host, first job: the default model's layers with readouts tallied
# while delivered (this tree, `new`) against the previous commit b92520f (`old`, built from
# jobs_s31/old), built-in constants, batch 1 / 10 / 64 on 1 and 16 threads, two rounds.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s31job1.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
lscpu > "$OUT/lscpu.txt"
B="-DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release"
{ cmake -B build-cpu $B && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build_new.log" 2>&1 || { tail -30 "$OUT/build_new.log"; exit 1; }
echo "new built at $SECONDS s"
{ cmake -S jobs_s31/old -B build-old $B && cmake --build build-old -j16 --target evsim; } > "$OUT/build_old.log" 2>&1 || { tail -30 "$OUT/build_old.log"; exit 1; }
echo "old built at $SECONDS s"
for round in 1 2; do
  for t in 1 16; do
    for b in 1 10 64; do
      for v in old new; do
        E=build-$v/evsim; [ $v = new ] && E=build-cpu/evsim
        f="$OUT/default_${v}_t${t}_b${b}_r$round.txt"
        "$E" compare --steps 200 --batch $b --threads $t --repeats 5 > "$f" 2>&1
        echo "r$round t$t b$b $v: $(grep -E '^readout' "$f" | awk '{print $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF}') | total $(grep -E '^total' "$f" | awk '{print $NF}')"
      done
    done
  done
  echo "round $round done at $SECONDS s"
done
