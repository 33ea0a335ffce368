#!/usr/bin/env bash
# Monte Carlo throughput (BENCHMARKS.md, "Monte Carlo throughput"): grdp's MonteCarloBenchmarks
# against numpy_montecarlo.py at the same thread count, for each count given (default: 1 2),
# on both models, grdp and NumPy alternating model by model and round by round, after checking
# that NumPy reproduces 2,000 of grdp's kept draws of each model; then the wall
# time and peak memory of the release `grdp run` (default scenario, 2 threads) for 10^5, 10^6
# and 10^7 draws; then the tables. Run from anywhere:
#
#   Benchmarks/montecarlo_compare.sh                        # 1 and 2 threads, one round (~15 minutes)
#   ROUNDS=2 nice -n -20 Benchmarks/montecarlo_compare.sh   # as BENCHMARKS.md was measured (~35 minutes)
#
# Builds: the root package's grdp CLI into ../.build-mcbench, this package into .build-mcbench
# (both covered by .gitignore). Raw results go to .build-mcbench/results/.
set -euo pipefail
cd "$(dirname "$0")"

scratch=.build-mcbench
results="$scratch/results"
data="$scratch/hanoi-data"
rounds="${ROUNDS:-1}"
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 2)
rm -rf "$results"
mkdir -p "$results" "$data"

(cd .. && swift build -c release --product grdp --scratch-path .build-mcbench >/dev/null)
grdp=../.build-mcbench/release/grdp
"$grdp" data export "$data" >/dev/null
# Build the benchmark targets once up front, outside any timing.
swift package --disable-sandbox --scratch-path "$scratch" benchmark list >"$results/build.log" 2>&1
{
    echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
    echo "swift: $(swift --version 2>/dev/null | head -1)"
    echo "python: $(python3 --version 2>&1), numpy $(python3 -c 'import numpy; print(numpy.__version__)'), scipy $(python3 -c 'import scipy; print(scipy.__version__)')"
    echo "grdp commit: $(git -C .. rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C .. diff --quiet HEAD -- Sources 2>/dev/null || echo ' (not a clean git checkout, or uncommitted changes in Sources)')"
} | tee "$results/machine.txt"

# Same model, same draws: NumPy re-evaluates 2,000 of grdp's kept draws of each model.
"$grdp" run --baseline-model momentum --draws 2000 --keep-draws "$results/draws-default.csv" >/dev/null
swift run -c release --scratch-path "$scratch" synthetic-draws "$results/draws-synthetic.csv" 2000 >/dev/null 2>>"$results/build.log"
for model in default synthetic; do
    python3 numpy_montecarlo.py --model "$model" --data "$data" --validate-draws "$results/draws-$model.csv" \
        >"$results/validate-$model.json"
    echo "validation ($model): $(python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(r["draws_compared"], "draws,", r["outputs"], "outputs, largest |difference| / max(|grdp|, 1) =", r["max_relative_difference (|d| / max(|grdp|, 1))"])' "$results/validate-$model.json")" | tee -a "$results/machine.txt"
done

for t in "${threads[@]}"; do
    export OPENBLAS_NUM_THREADS="$t" OMP_NUM_THREADS="$t"
    for round in $(seq 1 "$rounds"); do
        for model in default synthetic; do
            case "$model" in
                default) filter="Default plan .* threads=$t" repeats=5 ;;
                synthetic) filter="Synthetic .* threads=$t" repeats=3 ;;
            esac
            echo "threads $t round $round $model load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/load.txt"
            swift package --disable-sandbox --scratch-path "$scratch" benchmark --target MonteCarloBenchmarks \
                --filter "$filter" --no-progress --format markdown --path stdout \
                >"$results/grdp-$model-$t-$round.md" 2>>"$results/grdp.log"
            python3 numpy_montecarlo.py --model "$model" --threads "$t" --repeats "$repeats" --data "$data" \
                --json "$results/numpy-$model-$t-$round.json" >>"$results/numpy.log"
        done
    done
done

# grdp run as a user runs it: release CLI, default scenario, 2 threads (report on stdout discarded).
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
for run in 1 2 3 4 5; do
    /usr/bin/time -o "$results/cli-100000-$run.txt" -f "%e %M" "$grdp" run --threads 2 >/dev/null
done
for draws in 1000000 10000000; do
    /usr/bin/time -o "$results/cli-$draws-1.txt" -f "%e %M" "$grdp" run --threads 2 --draws "$draws" >/dev/null
done

python3 montecarlo_results.py "$results" "${threads[@]}"
