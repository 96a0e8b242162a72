#!/usr/bin/env bash
# User-caused failures of the evsim CLI: non-zero exit, a one-line "evsim: error:" message
# naming what is wrong, and no output file left behind.
set -u
EVSIM=$1
SHARED=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0

expect_fail() {  # name, needle, command...
  local name=$1 needle=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  local lines; lines=$(wc -l <"$tmp/err")
  if [ $rc -eq 0 ] || [ $rc -ge 128 ] || ! grep -q -- "$needle" "$tmp/err"; then  # >= 128: killed by a signal
    echo "FAIL $name: rc=$rc, stderr: $(cat "$tmp/err")"; fails=$((fails+1)); return
  fi
  if [ "$needle" != "--help" ] && grep -q "evsim: error" "$tmp/err" && [ "$lines" -ne 1 ]; then
    echo "FAIL $name: error is $lines lines"; fails=$((fails+1)); return
  fi
  passes=$((passes+1))
}

"$EVSIM" convert egru-stack "$tmp/m.h5" --inputs 4 --hidden 8 --layers 2 --outputs 3 >/dev/null || { echo "FAIL setup"; exit 1; }
printf '1,0\n0,1\n' >"$tmp/in.csv"
"$EVSIM" convert csv "$tmp/in.csv" "$tmp/in1.h5" --columns 0 >/dev/null || { echo "FAIL setup csv"; exit 1; }
printf 'not hdf5\n' >"$tmp/bad.h5"

expect_fail no-subcommand "subcommand" "$EVSIM"
expect_fail missing-model "does not exist" "$EVSIM" run "$tmp/none.h5"
expect_fail not-hdf5 "not an HDF5 file" "$EVSIM" run "$tmp/bad.h5"
expect_fail bad-mode "mode" "$EVSIM" run "$tmp/m.h5" --mode sideways
expect_fail bad-backend "unknown backend 'tpu'" "$EVSIM" run "$tmp/m.h5" --backend tpu
expect_fail unknown-flag "--frobnicate" "$EVSIM" run "$tmp/m.h5" --frobnicate
expect_fail wrong-input-width "expects 4" "$EVSIM" run "$tmp/m.h5" --input "$tmp/in1.h5" --output "$tmp/o1.h5"
[ -e "$tmp/o1.h5" ] && { echo "FAIL partial output left"; fails=$((fails+1)); }
expect_fail input-not-tokens "dataset 'input' missing" "$EVSIM" run "$tmp/m.h5" --input "$tmp/m.h5"
expect_fail missing-out-dir "does not exist" "$EVSIM" run "$tmp/m.h5" --output "$tmp/nodir/o.h5"
expect_fail bad-dt "dt" "$EVSIM" run "$tmp/m.h5" --dt -1
expect_fail bad-csv-column "no column 5" "$EVSIM" convert csv "$tmp/in.csv" "$tmp/x.h5" --columns 5
[ -e "$tmp/x.h5" ] && { echo "FAIL partial csv output left"; fails=$((fails+1)); }
expect_fail compare-missing "does not exist" "$EVSIM" compare "$tmp/none.h5"
expect_fail info-bad "not an HDF5 file" "$EVSIM" info "$tmp/bad.h5"
expect_fail reorder-missing "does not exist" "$EVSIM" reorder "$tmp/none.h5" "$tmp/r.h5"
expect_fail reorder-bad-tile "tile" "$EVSIM" reorder "$tmp/m.h5" "$tmp/r.h5" --tile 0
[ -e "$tmp/r.h5" ] && { echo "FAIL reorder output left"; fails=$((fails+1)); }
printf '{}\n' >"$tmp/profile.json"
expect_fail profile-cpu "applies to --backend cuda only" "$EVSIM" run "$tmp/m.h5" --gpu-profile "$tmp/profile.json"
expect_fail bench-no-cpu "apply to --backend cuda only" "$EVSIM" bench --no-cpu
expect_fail profile-missing "does not exist" "$EVSIM" compare --backend cuda --gpu-profile "$tmp/none.json"
expect_fail missing-positional "evsim: error: model is required" "$EVSIM" run
expect_fail bad-tolerance "--tolerance: expected a number" "$EVSIM" compare "$tmp/m.h5" --tolerance -1 --steps 2
P90="$(dirname "$0")/../models/checkpoints/egru_lm_ptb_p90.h5"
printf 'the <unk> of\nof the\n' >"$tmp/text.txt"
printf 'the zyzzyva\n' >"$tmp/oov.txt"
expect_fail text-unknown-word "oov.txt:1: word 'zyzzyva'" "$EVSIM" convert text "$tmp/oov.txt" "$tmp/t.h5" --vocab "$P90"
expect_fail text-too-few "text.txt: 9 steps asked" "$EVSIM" convert text "$tmp/text.txt" "$tmp/t.h5" --vocab "$P90" --batch 2 --steps 9
printf 'the \033[31mred\n' >"$tmp/esc.txt"  # a terminal escape in a word: shown as bytes (main.cpp), never sent
expect_fail text-control-bytes "word '\\\\x1b.31mred'" "$EVSIM" convert text "$tmp/esc.txt" "$tmp/t.h5" --vocab "$P90"
mkdir "$tmp/lm" && printf 'the of\n' >"$tmp/lm/test.txt"
WNO="$(dirname "$0")/../models/checkpoints/wno_darcy_s1.h5"
"$EVSIM" data darcy --n 2 --resolution 9 --out "$tmp/d9.h5" >/dev/null 2>&1 || { echo "FAIL setup darcy"; fails=$((fails+1)); }
expect_fail eval-field-size "d9.h5: fields of 9 x 9, expected as many values as the model's 7225 inputs" "$EVSIM" eval "$WNO" --data "$tmp/d9.h5"
expect_fail eval-too-short "lm/test.txt: 3 tokens (line ends included), too few for 10 streams" "$EVSIM" eval "$P90" --data "$tmp/lm"
[ -e "$tmp/t.h5" ] && { echo "FAIL text output left"; fails=$((fails+1)); }
# Past the file-size limit (as on a full disk): one error line with the cause, no crash (libhdf5's
# exit handler died on the half-closed file: SIGSEGV after the line), no file, no temporary.
# (The limit holds for files only: stderr goes through a pipe to the file the test reads.)
limited() { local kb=$1; shift; ( ulimit -f "$kb"; exec "$@" 2>&1 >/dev/null ) | cat >&2; return "${PIPESTATUS[0]}"; }
expect_fail fsize-checkpoint "f.h5: writing .* failed (File too large)" limited 100 "$EVSIM" convert egru-stack "$tmp/f.h5" --hidden 256 --layers 2
expect_fail fsize-checkpoint-large "f.h5: writing .* failed (File too large)" limited 200 "$EVSIM" convert egru-stack "$tmp/f.h5" --hidden 512 --layers 2
expect_fail fsize-outputs "f.h5: writing .*failed (File too large)" limited 100 "$EVSIM" run "$tmp/m.h5" --steps 400 --batch 64 --output "$tmp/f.h5"
expect_fail fsize-sweep "sweep.json: cannot write (File too large)" limited 0 "$EVSIM" sweep "$tmp/m.h5" --out "$tmp/fsw" --steps 2 --repeats 1 --batch 1
[ -e "$tmp/f.h5" ] || [ -e "$tmp/fsw" ] && { echo "FAIL output past the file-size limit left"; fails=$((fails+1)); }
limited 0 "$EVSIM" bench --hidden 8 --batch 1 --activity 1 --density 1 --repeats 1 --no-torch --csv "$tmp/f.csv" 2>"$tmp/err"
{ [ $? -ne 0 ] && tail -1 "$tmp/err" | grep -q "f.csv: cannot write (File too large)" && [ ! -e "$tmp/f.csv" ]; } ||
  { echo "FAIL a short text past the file-size limit: $(cat "$tmp/err")"; fails=$((fails+1)); }

# Readers of files of unknown count check what they hold against the budget as it grows.
head -c 3000000 /dev/zero | tr '\0' '1' >"$tmp/line.csv"
expect_fail csv-one-line "line.csv: a CSV file of this size" "$EVSIM" convert csv "$tmp/line.csv" "$tmp/c.h5" --max-memory 2M
yes 1 | head -n 300000 >"$tmp/rows.csv"
expect_fail csv-rows "rows.csv: its selected cells" "$EVSIM" convert csv "$tmp/rows.csv" "$tmp/c.h5" --max-memory 1M
head -c 14000000 /dev/zero | tr '\0' '\n' >"$tmp/lines.txt"
expect_fail text-tokens "lines.txt: its tokens" "$EVSIM" convert text "$tmp/lines.txt" "$tmp/c.h5" --vocab "$P90" --max-memory 100M
rm -f "$tmp/line.csv" "$tmp/rows.csv" "$tmp/lines.txt"

# Generated models that every later load would refuse are refused before they are written.
expect_fail brunel-g-nan "brunel: --g expected" "$EVSIM" convert snn-benchmark brunel "$tmp/b.h5" --neurons 100 --g nan
expect_fail brunel-delay "brunel: --delay expected" "$EVSIM" convert snn-benchmark brunel "$tmp/b.h5" --neurons 100 --delay -1e-3
expect_fail brunel-eta "brunel: --eta expected 0 to 100 at this dt" "$EVSIM" convert snn-benchmark brunel "$tmp/b.h5" --neurons 100 --eta 101
expect_fail egru-threshold "--threshold: expected a number" "$EVSIM" convert egru-stack "$tmp/b.h5" --hidden 8 --threshold nan
expect_fail egru-memory "egru-stack: --hidden 4096 x --layers 2" "$EVSIM" convert egru-stack "$tmp/b.h5" --hidden 4096 --layers 2 --max-memory 100M
[ -e "$tmp/b.h5" ] && { echo "FAIL refused model written"; fails=$((fails+1)); }
expect_fail darcy-solve-memory "a solve on the 4097 x 4097 grid" "$EVSIM" data darcy --n 1 --resolution 4097 --max-memory 1G --out "$tmp/d.h5"
[ -e "$tmp/d.h5" ] && { echo "FAIL darcy output written"; fails=$((fails+1)); }
ls -a "$tmp" | grep -q 'evsim-tmp' && { echo "FAIL temporary files left: $(ls -a "$tmp")"; fails=$((fails+1)); }

# Outputs never replace an input or a non-file, and appear together or not at all.
cp "$tmp/m.h5" "$tmp/keep.h5"
expect_fail output-is-model "is an input of this command" "$EVSIM" run "$tmp/m.h5" --output "$tmp/m.h5"
expect_fail two-outputs-one-file "named for two outputs" "$EVSIM" run "$tmp/m.h5" --steps 2 --output "$tmp/o2.h5" --json "$tmp/./o2.h5"
[ -e "$tmp/o2.h5" ] && { echo "FAIL output of two names left"; fails=$((fails+1)); }
expect_fail bench-csv-is-profile "is an input of this command" "$EVSIM" bench --hidden 8 --batch 1 --activity 1 --density 1 --repeats 1 --no-torch --cpu-profile "$tmp/profile.json" --csv "$tmp/profile.json"
cmp -s "$tmp/m.h5" "$tmp/keep.h5" || { echo "FAIL the model was modified"; fails=$((fails+1)); }
mkfifo "$tmp/fifo"
expect_fail output-fifo "is a FIFO" "$EVSIM" run "$tmp/m.h5" --output "$tmp/fifo"
expect_fail input-fifo "is a FIFO" timeout 10 "$EVSIM" run "$tmp/fifo"
expect_fail empty-output "empty path" "$EVSIM" run "$tmp/m.h5" --output ''
expect_fail one-output-fails "does not exist" "$EVSIM" run "$tmp/m.h5" --steps 2 --output "$tmp/ok.h5" --json "$tmp/no/r.json"
[ -e "$tmp/ok.h5" ] && { echo "FAIL an output appeared although another failed"; fails=$((fails+1)); }
# The killed run must still be running at the signal: a model large enough (~50 us a step) that
# 10^6 steps take far longer than the half second before it, at any machine speed.
"$EVSIM" convert egru-stack "$tmp/big.h5" --inputs 4 --hidden 256 --layers 2 --outputs 3 >/dev/null
"$EVSIM" run "$tmp/big.h5" --steps 1000000 --output "$tmp/killed.h5" --json "$tmp/killed.json" >/dev/null 2>&1 &
pid=$!
sleep 0.5
if ! kill -TERM $pid 2>/dev/null; then
  echo "FAIL SIGTERM: the run ended before the signal"; fails=$((fails+1))
else
  wait $pid 2>/dev/null
  if ls -a "$tmp" | grep -qE 'killed|evsim-tmp'; then echo "FAIL files after SIGTERM: $(ls -a "$tmp")"; fails=$((fails+1)); else passes=$((passes+1)); fi
fi
rm -f "$tmp/big.h5"
rm -f "$tmp/fifo" "$tmp/keep.h5"

expect_fail record-nothing "would record nothing" "$EVSIM" run "$tmp/m.h5" --record "$tmp/rec0.h5" --record-spikes off --record-state off
expect_fail huge-steps "--steps: expected a number in" "$EVSIM" run "$tmp/m.h5" --steps 4611686018427387904
expect_fail nan-dt "--dt: expected a number in" "$EVSIM" run "$tmp/m.h5" --dt nan
expect_fail nan-tolerance "--tolerance: expected a number in" "$EVSIM" compare "$tmp/m.h5" --tolerance nan
expect_fail bad-sum-order "--sum-order: " "$EVSIM" run "$tmp/m.h5" --sum-order exact
expect_fail eval-no-vocab "no vocabulary" "$EVSIM" eval "$tmp/m.h5" --data "$tmp"
mkdir -p "$tmp/corpus" && mkfifo "$tmp/corpus/test.txt"
expect_fail corpus-fifo "is a FIFO" timeout 10 "$EVSIM" eval "$P90" --data "$tmp/corpus"
rm -rf "$tmp/corpus"
# Values that overflow to Inf (3 x 2e38 in an all-ones Affine): an error naming the node and
# step, no output written.
printf '2e38,2e38,2e38\n' >"$tmp/big.csv"
"$EVSIM" convert csv "$tmp/big.csv" "$tmp/big_in.h5" --columns 0,1,2 >/dev/null
expect_fail nonfinite "node 'fc' produced NaN or Inf at step 0" "$EVSIM" run "$(dirname "$0")/fuzz/corpus/checkpoint/lif_recurrent.h5" \
  --input "$tmp/big_in.h5" --output "$tmp/inf.h5"
[ -e "$tmp/inf.h5" ] && { echo "FAIL non-finite output written"; fails=$((fails+1)); }

# Inputs the fuzzer found (tests/fuzz/regressions): libhdf5 crashes on or loops over them; each
# must end in one error line and a non-zero exit, not a signal or a hang.
for f in "$(dirname "$0")"/fuzz/regressions/*.h5; do
  expect_fail "fuzz-$(basename "$f")" "evsim: error: $f" timeout 60 "$EVSIM" info "$f" --read-timeout 3
  [ "$(tail -c 200 "$tmp/err" | grep -c 'Segmentation\|core dumped')" = 0 ] || { echo "FAIL $f crashed"; fails=$((fails+1)); }
done

# A good run writes every requested file.
"$EVSIM" run "$tmp/m.h5" --steps 5 --batch 2 --output "$tmp/o.h5" --json "$tmp/r.json" --record "$tmp/rec.h5" >/dev/null \
  && [ -s "$tmp/o.h5" ] && [ -s "$tmp/r.json" ] && [ -s "$tmp/rec.h5" ] && passes=$((passes+1)) \
  || { echo "FAIL good run"; fails=$((fails+1)); }
# Real text as a language model's input: 7 words with <eos> in 2 streams of 3 steps.
"$EVSIM" convert text "$tmp/text.txt" "$tmp/t.h5" --vocab "$P90" --batch 2 | grep -q "tokens (3 x 2)" \
  && "$EVSIM" run "$P90" --input "$tmp/t.h5" --json "$tmp/t.json" >/dev/null && grep -q '"steps": 3' "$tmp/t.json" \
  && passes=$((passes+1)) || { echo "FAIL text input run"; fails=$((fails+1)); }
if [ -n "$SHARED" ] && [ -f "$SHARED/nir/lif_norse.nir" ]; then
  "$EVSIM" convert csv "$SHARED/nir/lif_traces/lif_norse.csv" "$tmp/lif.h5" --columns 0 >/dev/null \
    && "$EVSIM" run "$SHARED/nir/lif_norse.nir" --input "$tmp/lif.h5" --output "$tmp/lo.h5" >/dev/null \
    && passes=$((passes+1)) || { echo "FAIL lif_norse run"; fails=$((fails+1)); }
fi
echo "cli_errors: $passes passed, $fails failed"
[ $fails -eq 0 ]
