#!/usr/bin/env bash
# Device-machine job: the issue-4 acceptance cases of `evsim bench --backend cuda` for two
# builds side by side in one run, alternating A B A B: the working tree (build-gpu) and an
# earlier tree carried in .old (e.g. `git archive <commit> | tar -x -C .old`). Same GPU, same
# default profile. Logs in $OUT/ab_*.txt.
set -o pipefail
cd "$(dirname "$0")/.."
[ -d .old ] || { echo "no .old tree carried"; exit 1; }
for t in new old; do
  src=.; dir=build-gpu
  [ $t = old ] && src=.old && dir=build-old
  { cmake -S $src -B $dir -DEVSIM_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON \
      -DEVSIM_BUILD_TESTS=OFF && cmake --build $dir -j16 --target evsim; } >"$OUT/build_$t.log" 2>&1 \
    || { tail -20 "$OUT/build_$t.log"; exit 1; }
done
args=(--backend cuda --hidden 2048 --batch 1 --density 0.1,1 --activity 0.1,1 --repeats 30 --no-cpu --csv '')
for round in 1 2; do
  for t in new old; do
    dir=build-gpu; [ $t = old ] && dir=build-old
    $dir/evsim bench "${args[@]}" >"$OUT/ab_${t}_$round.txt" 2>&1
    echo "== $t round $round (exit $?)"
    grep -E "^ *2048 |^cuda|^  without" "$OUT/ab_${t}_$round.txt"
  done
done
