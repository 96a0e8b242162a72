#!/usr/bin/env bash
# Device-machine job: train the shipped PTB family (see README). Checkpoints and the log
# go to $OUT/$RUN (RUN defaults to ckpt); .data/ptb is a copy of ../shared/data/ptb carried
# with the job. Training longer than one job: run with --time-limit (it stops cleanly,
# exit 3) and KEEP_STATE=1; the model-only state (weights, masks, progress; no optimizer
# moments, which would not fit the carry limit) comes back split as
# egru_lm_ptb.state.pt.part-*. Put the parts in .state/$RUN/ (git-ignored), carry .data
# and .state, and run again with --resume. Several RUNs can share the GPU side by side.
set -o pipefail
RUN=${RUN:-ckpt}
dir="$OUT/$RUN"
mkdir -p "$dir"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
if ls ".state/$RUN/egru_lm_ptb.state.pt.part-"* >/dev/null 2>&1; then
  cat ".state/$RUN/egru_lm_ptb.state.pt.part-"* >"$dir/egru_lm_ptb.state.pt"
fi
PYTHONUNBUFFERED=1 python3 tools/train_egru_lm.py --data .data/ptb --out "$dir" --name egru_lm_ptb \
  --half "$@" 2>&1 | tee -a "$dir/train.log"
echo "train exit ${PIPESTATUS[0]}"
state="$dir/egru_lm_ptb.state.pt"
if [ "${KEEP_STATE:-0}" = 1 ] && [ -f "$state" ]; then
  python3 -c "import torch,sys; ck=torch.load(sys.argv[1], map_location='cpu'); ck.pop('opt', None); torch.save(ck, sys.argv[1])" "$state"
  split -b 15000000 "$state" "$state.part-"
fi
rm -f "$state"
# Files come back at most 16 MiB each: split larger checkpoints (cat the parts to rejoin).
for f in "$dir/"*.h5; do
  [ -f "$f" ] || continue
  if [ "$(stat -c %s "$f")" -gt 16000000 ]; then split -b 15000000 "$f" "$f.part-" && rm "$f"; fi
done
ls -la "$dir"
