#!/usr/bin/env bash
# Rounds of grdp against the numba peer in CPU time at 1 thread (BENCHMARKS.md, "Against a
# numba peer, 1 thread"): per round, grdp's default plan as the difference of a 300,000- and a
# 100,000-draw run (momentum baseline, so that the peer models the same thing), numba's default
# plan (100,000 draws after a warm-up), grdp's synthetic 200-sector model (one synthetic-run
# process of 100,000 draws) and numba's; prints µs per draw and the ratio numba / grdp (grdp's
# draws per CPU second over numba's) for each round.
#
#   swift build -c release --product grdp
#   (cd Benchmarks && swift build -c release --scratch-path .build-mcbench --product synthetic-run)
#   bash Benchmarks/montecarlo_rounds.sh [ROUNDS, default 5] [OUTDIR, default Benchmarks/.build-mcbench/rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"; out="${2:-Benchmarks/.build-mcbench/rounds}"
grdp=.build/release/grdp; synthetic=Benchmarks/.build-mcbench/release/synthetic-run
mkdir -p "$out"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
[ -d "$out/hanoi-data" ] || "$grdp" data export "$out/hanoi-data" >/dev/null
for r in $(seq 1 "$rounds"); do
    for d in 100000 300000; do
        /usr/bin/time -f "%U %S" -o "$out/time.$r.$d" "$grdp" run --baseline-model momentum --threads 1 --draws "$d" --progress none -o "$out/run-$d.json" >/dev/null
    done
    python3 Benchmarks/numba_montecarlo.py --model default --data "$out/hanoi-data" --threads 1 --repeats 1 --json "$out/numba-default.$r.json" >/dev/null
    /usr/bin/time -f "%U %S" -o "$out/time.$r.synthetic" "$synthetic" 200 100000 1 >/dev/null
    python3 Benchmarks/numba_montecarlo.py --model synthetic --threads 1 --repeats 1 --json "$out/numba-synthetic.$r.json" >/dev/null
    python3 - "$out" "$r" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys
out, r, load = sys.argv[1:4]
def cpu(path):
    user, system = open(path).read().split()[-2:]
    return float(user) + float(system)
def numba(path):
    d = json.load(open(path))
    return d["median_cpu_seconds"] / d["draws"] * 1e6
g = (cpu(f"{out}/time.{r}.300000") - cpu(f"{out}/time.{r}.100000")) / 200000 * 1e6
gs = cpu(f"{out}/time.{r}.synthetic") / 100000 * 1e6
nd, ns = numba(f"{out}/numba-default.{r}.json"), numba(f"{out}/numba-synthetic.{r}.json")
print(f"round {r} load {load}: default grdp {g:.2f} numba {nd:.2f} µs/draw, grdp/numba {nd / g:.2f}x"
      f" | synthetic grdp {gs:.1f} numba {ns:.1f} µs/draw, grdp/numba {ns / gs:.2f}x", flush=True)
PY
done
