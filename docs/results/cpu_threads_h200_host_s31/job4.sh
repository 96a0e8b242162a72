#!/usr/bin/env bash
# Thirty-first session, device host, fourth job: the readout's pruned short columns (non-zeros
# expanded into their rows by AVX-512 vexpandps, jobs_s31/pruned_short_columns.patch; on this
# repository's Zen 4 VM 3x slower an event) against f8bb0c4's whole columns on the Xeon, where the
# readout's one-line columns come from a far L3: default model, built-in constants, one thread,
# batch 10 / 64, alternating, two rounds.
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT
OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/s31job4.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
B="-DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release"
mkdir -p /tmp/pr && tar cf - --exclude=./build-cpu --exclude=./jobs_s31 --exclude=./.git . | tar xf - -C /tmp/pr
P="$PWD/jobs_s31/pruned_short_columns.patch"; (cd /tmp/pr && { patch -p1 < "$P" || git apply "$P"; }) > "$OUT/patch.log" 2>&1 || { cat "$OUT/patch.log"; exit 1; }
{ cmake -B build-cpu $B && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build_head.log" 2>&1 || { tail -30 "$OUT/build_head.log"; exit 1; }
echo "head built at $SECONDS s"
{ cmake -S /tmp/pr -B /tmp/pr/build $B && cmake --build /tmp/pr/build -j16 --target evsim; } > "$OUT/build_pruned.log" 2>&1 || { tail -30 "$OUT/build_pruned.log"; exit 1; }
echo "pruned built at $SECONDS s"
for round in 1 2; do
  for b in 10 64; do
    for v in head pruned; do
      E=build-cpu/evsim; [ $v = pruned ] && E=/tmp/pr/build/evsim
      f="$OUT/default_${v}_t1_b${b}_r$round.txt"
      "$E" compare --steps 200 --batch $b --threads 1 --repeats 5 > "$f" 2>&1
      echo "r$round b$b $v: $(grep -E '^readout' "$f" | awk '{print $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF}') | $(grep -E 'AGREE|DIFFER' "$f" | awk '{print $NF}')"
    done
  done
done
