#!/usr/bin/env bash
# Thirty-second session, second job: the pruned columns' two scatter kernels (EVSIM_SCATTER=wide:
# offsets and values from wide loads, values shuffled to the low element; narrow: four non-zeros
# an iteration, scalar loads) alternating, one thread, batch 1, 10 % density, three rounds.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT; OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s32job2.tgz" -C "$OUT" .' EXIT
lscpu > "$OUT/lscpu.txt"
B="-DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release"
{ cmake -B build-cpu $B && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
echo "built at $SECONDS s"
for round in 1 2 3; do
  for k in wide narrow; do
    f="$OUT/pruned_${k}_r$round.txt"
    EVSIM_SCATTER=$k build-cpu/evsim bench --backend cpu --thread-counts 1 --hidden 2048,4096 --batch 1 --density 0.1 \
      --activity 0.01,0.05,0.1,0.2 --no-torch --repeats 15 --csv '' > "$f" 2>&1
    echo "r$round $k:"; grep -E "^1 " "$f" | awk '{printf "  %s %s dense %s%s event %s%s speedup %s delivery %s%s bytes %s\n", $2, $5, $6, $7, $11, $12, $16, $20, $21, $23}'
  done
  echo "round $round at $SECONDS s"
done
