#!/usr/bin/env bash
# This VM: the default model, built-in constants, both cores, 200 steps, old (b92520f, gathered
# readout) and new (f8bb0c4, readout tallied while delivered) alternating, three rounds.
# OLD / NEW: the two evsim binaries; OUTDIR: where the outputs go.
for round in 1 2 3; do
  for b in 1 8 10 64; do
    for v in old new; do
      E=$OLD; [ $v = new ] && E=$NEW
      f="$OUTDIR/default_${v}_b${b}_r$round.txt"
      "$E" compare --steps 200 --batch $b --repeats 5 > "$f" 2>&1
      echo "r$round b$b $v: $(grep -E '^readout' "$f" | awk '{print $(NF-4), $(NF-3), $(NF-2), $(NF-1), $NF}') | total $(grep -E '^total' "$f" | awk '{print $NF}')"
    done
  done
done
