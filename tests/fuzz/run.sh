#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and runs each for a
# fixed budget from the committed seeds (tests/fuzz/corpus/). Any crash, sanitizer report, leak,
# timeout or out-of-memory exits non-zero; the input is left in $FUZZ_OUT (default build-fuzz/out)
# and belongs in tests/fuzz/regressions/ once fixed. The targets run side by side. Budgets in seconds: FUZZ_CHECKPOINT_S
# (default 90), FUZZ_TEXT_S (default 45).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"
ensure_packages clang libclang-rt-14-dev
CC=clang CXX=clang++ build build-fuzz -DEVSIM_FUZZ=ON -DEVSIM_CUDA=OFF -DEVSIM_BUILD_TESTS=OFF -DEVSIM_BUILD_BENCH=OFF \
  -DEVSIM_NATIVE=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
  -- evsim_fuzz_checkpoint evsim_fuzz_text
out=${FUZZ_OUT:-$ROOT/build-fuzz/out}
rm -rf "$out" && mkdir -p "$out"
# The targets run side by side (one core each); a failing one leaves its log and input in $out.
fuzz() {  # target budget
  local target=$1 budget=$2 work="$out/$1"  # libFuzzer adds what it finds to the first corpus: a copy
  mkdir -p "$work" && cp "$ROOT/tests/fuzz/corpus/$target/"* "$work/"
  "$ROOT/build-fuzz/tests/fuzz/evsim_fuzz_$target" "$work" -max_total_time="$budget" -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$out/$target-" -print_final_stats=1 >"$out/$target.log" 2>&1
}
echo "== fuzz checkpoint for ${FUZZ_CHECKPOINT_S:-90} s and text for ${FUZZ_TEXT_S:-45} s, side by side [$(date +%T)]"
fuzz checkpoint "${FUZZ_CHECKPOINT_S:-90}" &
checkpoint_pid=$!
fuzz text "${FUZZ_TEXT_S:-45}" &
text_pid=$!
status=0
for target in checkpoint text; do
  pid_var=${target}_pid
  if wait "${!pid_var}"; then
    echo "   $target: $(grep -E "^#[0-9]+.*DONE" "$out/$target.log" | tail -1)"
  else
    status=1
    echo "evsim: error: fuzz target $target found an input that fails (log $out/$target.log):"
    grep -E "ERROR|SUMMARY|Test unit written" "$out/$target.log" | head -5
  fi
done
exit $status
