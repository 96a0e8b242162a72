#!/usr/bin/env bash
# This VM, both cores, built-in constants: the default model (200 steps) and p90 (64 steps of
# random tokens) at batch 1 / 10 / 64, two rounds; per run the layers' realized ratios.
# E: the evsim binary; OUTDIR: where the outputs go.
for round in 1 2; do
  for m in default p90; do
    for b in 1 10 64; do
      f="$OUTDIR/${m}_b${b}_r$round.txt"
      if [ $m = default ]; then "$E" compare --steps 200 --batch $b --repeats 5 > "$f" 2>&1
      else "$E" compare models/checkpoints/egru_lm_ptb_p90.h5 --steps 64 --batch $b --repeats 5 > "$f" 2>&1; fi
      echo "r$round $m b$b: $(grep -E '^(egru|readout|decoder|total)' "$f" | awk '{printf "%s %s  ", $1, $NF}') $(grep -oE 'AGREE|DIFFER' "$f")"
    done
  done
done
