#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and runs each for a
# fixed budget from the committed seeds (tests/fuzz/corpus/). Any crash, sanitizer report, leak,
# timeout or out-of-memory exits non-zero; the input is left in $FUZZ_OUT (default build-fuzz/out)
# and belongs in tests/fuzz/regressions/ once fixed. Budgets in seconds: FUZZ_CHECKPOINT_S
# (default 90), FUZZ_TEXT_S (default 45).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"
ensure_packages clang libclang-rt-14-dev
CC=clang CXX=clang++ build build-fuzz -DEVSIM_FUZZ=ON -DEVSIM_CUDA=OFF -DEVSIM_BUILD_TESTS=OFF -DEVSIM_BUILD_BENCH=OFF \
  -DEVSIM_NATIVE=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo -- evsim_fuzz_checkpoint evsim_fuzz_text
out=${FUZZ_OUT:-$ROOT/build-fuzz/out}
rm -rf "$out" && mkdir -p "$out"
status=0
for target in checkpoint text; do
  budget_var=FUZZ_${target^^}_S
  budget=${!budget_var:-$([ $target = checkpoint ] && echo 90 || echo 45)}
  work="$out/$target"  # libFuzzer adds what it finds to the first corpus directory: a scratch copy
  mkdir -p "$work" && cp "$ROOT/tests/fuzz/corpus/$target/"* "$work/"
  echo "== fuzz $target for ${budget} s"
  if "$ROOT/build-fuzz/tests/fuzz/evsim_fuzz_$target" "$work" -max_total_time="$budget" -timeout=10 \
       -rss_limit_mb=2048 -artifact_prefix="$out/" -print_final_stats=1 >"$out/$target.log" 2>&1; then
    grep -E "DONE|stat::number_of_executed_units" "$out/$target.log" | sed 's/^/   /'
  else
    status=1
    echo "evsim: error: fuzz target $target found an input that fails (log $out/$target.log):"
    grep -E "ERROR|SUMMARY|Test unit written" "$out/$target.log" | head -5
  fi
done
exit $status
