#!/usr/bin/env bash
# Device-machine job: train the shipped WNO and VS-WNO Darcy checkpoints (tools/train_wno.py),
# every seed and model side by side on the one GPU. Data: .data/darcy/darcy_{train,test}_r85.h5
# (made by `evsim data darcy`, see README), carried with the job. Checkpoints, one log each and
# a summary come back in $OUT. EPOCHS, SEEDS, LIMIT (seconds per run) and EXTRA (more
# train_wno.py flags) override the defaults.
set -o pipefail
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
python3 -c "import torch; print('torch', torch.__version__)"
EPOCHS=${EPOCHS:-300}
SEEDS=${SEEDS:-"1 2 3"}
LIMIT=${LIMIT:-540}
MODELS=${MODELS:-"wno vswno"}
for s in $SEEDS; do
  for kind in $MODELS; do
    flag=""
    [ "$kind" = vswno ] && flag=--spiking
    PYTHONUNBUFFERED=1 python3 tools/train_wno.py --train .data/darcy/darcy_train_r85.h5 \
      --test .data/darcy/darcy_test_r85.h5 --out "$OUT" --name "${kind}_darcy_s$s" --seed "$s" \
      --epochs "$EPOCHS" $flag --half --time-limit "$LIMIT" $EXTRA >"$OUT/${kind}_s$s.log" 2>&1 &
  done
done
wait
for f in "$OUT"/*.log; do echo "== $f"; tail -n 2 "$f"; done
rm -f "$OUT"/*.state.pt
(cd "$OUT" && tar czf logs.tgz ./*.log && rm ./*.log)
ls -la "$OUT"
