#!/usr/bin/env bash
# tools/cpu_scaling.sh as the README prints it (minus PRUNED), then the work floor 2^14 against
# 2^16 on 16 threads, alternating, with the profile it calibrated.
cd "$(dirname "$0")/.."
export OUT_MAIN=$OUT
THREADS=1,4,8,16 REPEATS=7 timeout 420 bash tools/cpu_scaling.sh
D=$(mktemp -d); tar xzf "$OUT_MAIN/cpu_scaling.tgz" -C "$D"
P=$D/cpu_profile.json
python3 -c "import json; p=json.load(open('$P')); p['min_thread_work']=16384; json.dump(p,open('$D/prof14.json','w'))"
F=$(mktemp -d)
trap 'tar czf "$OUT_MAIN/floor.tgz" -C "$F" .' EXIT
for r in 1 2; do for fl in 16 14; do
  prof=$P; [ $fl = 14 ] && prof=$D/prof14.json
  for b in 1 10; do
    build-cpu/evsim compare --steps 300 --batch $b --threads 16 --repeats 5 --cpu-profile $prof > "$F/default_b${b}_f${fl}_r$r.txt" 2>&1
    build-cpu/evsim compare models/checkpoints/egru_lm_ptb_p90.h5 --steps 64 --batch $b --threads 16 --repeats 5 --cpu-profile $prof > "$F/p90_b${b}_f${fl}_r$r.txt" 2>&1
    echo "floor 2^$fl run $r batch $b: default $(grep -E '^total' $F/default_b${b}_f${fl}_r$r.txt | cut -c60-) | p90 $(grep -E '^total' $F/p90_b${b}_f${fl}_r$r.txt | cut -c60-)"
  done
done; done
