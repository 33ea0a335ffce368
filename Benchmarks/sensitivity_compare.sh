#!/usr/bin/env bash
# Sobol' indices of the default plan, N = 8,192: grdp (release CLI) beside SALib + NumPy
# (salib_sensitivity.py, the same model vectorised), both modes, 2 threads. See BENCHMARKS.md,
# "Sobol' indices". Needs: pip install SALib numpy scipy. ROUNDS=3 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
THREADS=${1:-2}
OUT=Benchmarks/.build-mcbench/sensitivity
mkdir -p "$OUT"
swift build -c release --product grdp >/dev/null
GRDP=.build/release/grdp
[ -d Benchmarks/.build-mcbench/hanoi-data ] || $GRDP data export Benchmarks/.build-mcbench/hanoi-data >/dev/null
export OPENBLAS_NUM_THREADS=$THREADS OMP_NUM_THREADS=$THREADS
for mode in independent grouped; do
  flag=""; [ "$mode" = independent ] && flag="--ignore-correlations"
  echo "== $mode, N = 8192, $THREADS threads"
  for round in $(seq "$ROUNDS"); do
    /usr/bin/time -f "grdp round $round: %e s, %M KB" $GRDP sensitivity --samples 8192 $flag --tornado-draws 0 --threads "$THREADS" \
      --format json -o "$OUT/grdp-$mode.json"
  done
  python3 Benchmarks/salib_sensitivity.py --samples 8192 --mode "$mode" --repeats "$ROUNDS" --json "$OUT/salib-$mode.json" \
    > "$OUT/salib-$mode.txt" 2>/dev/null
  head -2 "$OUT/salib-$mode.txt"
  python3 Benchmarks/sensitivity_results.py "$OUT/grdp-$mode.json" "$OUT/salib-$mode.json"
done
