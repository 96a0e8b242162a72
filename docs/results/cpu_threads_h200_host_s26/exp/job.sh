#!/usr/bin/env bash
# Readout at batch 10 on the device host's Xeon: is the short-columns kernel slow in the model
# because its 512-bit FMAs run while the AVX-512 upper half is powered down (event mode's EGRU
# layers run scalar scatters and 256-bit cells)? A: as built; B: the same kernel on 256-bit
# vectors (EVSIM_SHORT256=1); C: the whole build without AVX-512 (-mno-avx512f).
cd "$(dirname "$0")/.."
FINAL_OUT=$OUT; OUT=$(mktemp -d)
trap 'tar czf "$FINAL_OUT/exp.tgz" -C "$OUT" .' EXIT
trap 'exit 143' TERM INT
lscpu > "$OUT/lscpu.txt"; grep -E "Model name|Flags" "$OUT/lscpu.txt" | cut -c1-80
{ cmake -B build-cpu -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=ON -DCMAKE_BUILD_TYPE=Release && cmake --build build-cpu -j16 --target evsim; } > "$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
{ cmake -B build-no512 -DEVSIM_CUDA=OFF -DEVSIM_BUILD_BENCH=OFF -DEVSIM_WERROR=OFF -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-mno-avx512f && cmake --build build-no512 -j16 --target evsim; } > "$OUT/build_no512.log" 2>&1 || { tail -20 "$OUT/build_no512.log"; echo "no512 build failed"; }
echo "built at $SECONDS s"
for _ in $(seq 24); do awk '{exit !($1 < 1)}' /proc/loadavg && break; sleep 5; done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
build-cpu/evsim calibrate --backend cpu --output "$OUT/prof.json" > "$OUT/calibrate.txt" 2>&1
P="--cpu-profile $OUT/prof.json"
run() { local name=$1; shift; env "$@" > "$OUT/$name.txt" 2>&1
  echo "== $name"; grep -E "^(egru|readout|total)" "$OUT/$name.txt" | awk '{print $1, $(NF-3), $(NF-2), $(NF-1), $NF}' | sed 's/^/   /'; }
for r in 1 2 3; do
  for v in A B C; do
    case $v in A) E="build-cpu/evsim"; X="";; B) E="build-cpu/evsim"; X="EVSIM_SHORT256=1";; C) E="build-no512/evsim"; X="";; esac
    [ -x "$E" ] || continue
    run ${v}_b10_t1_r$r $X $E compare --steps 300 --batch 10 --repeats 5 $P --threads 1
  done
done
echo "at $SECONDS s"
for v in A B; do X=""; [ $v = B ] && X="EVSIM_SHORT256=1"
  run ${v}_b1_t1 $X build-cpu/evsim compare --steps 300 --batch 1 --repeats 7 $P --threads 1
  run ${v}_b64_t1 $X build-cpu/evsim compare --steps 100 --batch 64 --repeats 5 $P --threads 1
  run ${v}_b10_t16 $X build-cpu/evsim compare --steps 300 --batch 10 --repeats 5 $P --threads 16
done
echo "done at $SECONDS s"
