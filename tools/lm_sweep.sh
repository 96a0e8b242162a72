#!/usr/bin/env bash
# Device-machine job: short PTB trainings (EPOCHS each, default 3, run side by side) of the shipped
# architecture under several recipes, to pick one that leaves the unigram plateau early
# (the shipped run spent its first 5 of 38 epochs at valid perplexity ~780). Prints valid
# perplexity per epoch per recipe; logs in $OUT/sweep. Needs .data/ptb carried.
set -o pipefail
mkdir -p "$OUT/sweep"
E=${EPOCHS:-3}
base=(--data .data/ptb --emb 512 --hidden 512,512 --dropout 0.35 --levels 0 --epochs "$E" --batch 128
      --valid-steps 400 --eval-batch 10)
declare -A recipes=(
  [shipped]="--threshold 0.0 --act-reg 2.0 --act-target 0.3,0.11 --act-warmup 2 --lr 3e-3"
  [reg_from_start]="--threshold 0.0 --act-reg 2.0 --act-target 0.3,0.11 --lr 3e-3"
  [theta_0.1]="--threshold 0.1 --act-reg 2.0 --act-target 0.3,0.11 --lr 3e-3"
  [gamma_1]="--threshold 0.0 --act-reg 2.0 --act-target 0.3,0.11 --gamma 1.0 --lr 3e-3"
  [lr_1e-3]="--threshold 0.0 --act-reg 2.0 --act-target 0.3,0.11 --lr 1e-3"
  [clip_1]="--threshold 0.0 --act-reg 2.0 --act-target 0.3,0.11 --clip 1.0 --lr 3e-3"
)
names=(shipped reg_from_start theta_0.1 gamma_1 lr_1e-3 clip_1)
# All recipes at once: one small model leaves most of the GPU idle.
for name in "${names[@]}"; do
  # shellcheck disable=SC2086
  PYTHONUNBUFFERED=1 python3 tools/train_egru_lm.py "${base[@]}" ${recipes[$name]} --out "$OUT/sweep/$name" \
    >"$OUT/sweep/$name.log" 2>&1 &
done
wait
for name in "${names[@]}"; do
  echo "$name: $(grep -oE 'valid ppl +[0-9.]+' "$OUT/sweep/$name.log" | awk '{print $3}' | tr '\n' ' ')"
  rm -rf "$OUT/sweep/$name"
done
