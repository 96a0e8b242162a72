#!/usr/bin/env bash
# Thirty-fourth session, device: the GPU tests and the tour at this commit (gpu_check.sh), then
# long `run`s in the new chunking (chunks of 64, 128, ... steps, ~2 s each at most) on the GPU
# against the CPU: Brunel (Poisson drive, delays) and an EGRU stack, outputs compared.
cd "$(dirname "$0")/.."
git log --oneline -1
STAGES=tour bash tools/gpu_check.sh 2>&1 | tee "$OUT/gpu_check.txt"
E=build-gpu/evsim
echo "== long runs, GPU against CPU"
$E convert snn-benchmark brunel "$OUT/b.h5" --neurons 2000 >/dev/null
$E convert egru-stack "$OUT/d.h5" >/dev/null
for be in cpu cuda; do
  /usr/bin/time -f "$be brunel process wall %e s, %M KB" $E run "$OUT/b.h5" --steps 30000 --backend $be --output "$OUT/b_$be.h5" 2>&1 | grep -E "wall|error|steps x" | tail -3
  /usr/bin/time -f "$be egru process wall %e s, %M KB" $E run "$OUT/d.h5" --steps 3000 --batch 4 --backend $be --sum-order reference --output "$OUT/d_$be.h5" 2>&1 | grep -E "wall|error|steps x" | tail -3
done
python3 - "$OUT" <<'PY'
import sys, h5py, numpy as np
o = sys.argv[1]
for name in ("b", "d"):
    a = h5py.File(f"{o}/{name}_cpu.h5")["output"][...]; b = h5py.File(f"{o}/{name}_cuda.h5")["output"][...]
    print(name, a.shape, "identical" if np.array_equal(a, b) else f"max |diff| {np.abs(a - b).max()}", "nonzero", int((a != 0).sum()))
PY
rm -f "$OUT"/*.h5
