#!/usr/bin/env bash
# Runs grdp's Leontief benchmarks and numpy_leontief.py at the same OpenBLAS thread
# count, for each count given (default: 1 2), then prints the comparison tables that
# BENCHMARKS.md records. Run from anywhere:
#
#   Benchmarks/compare.sh              # 1 and 2 threads, all sizes, one round (~10 minutes)
#   ROUNDS=3 Benchmarks/compare.sh 1   # one thread, three rounds
#   SIZES="50 200" Benchmarks/compare.sh 1   # some sizes only
#
# grdp and NumPy alternate size by size (and round by round), so that a change in the
# machine's load hits both sides alike; each table cell is the median over rounds of
# the per-round medians. Time on an otherwise idle machine or, as root, under
# `nice -n -20` so that other jobs yield the cores. The load average is recorded with
# each run. Raw results (the benchmark tool's markdown, NumPy's JSON, the BLAS build
# strings) go to Benchmarks/.build-benchmarks/results/.
set -euo pipefail
cd "$(dirname "$0")"

scratch=.build-benchmarks
results="$scratch/results"
rounds="${ROUNDS:-1}"
read -r -a sizes <<<"${SIZES:-50 200 1000 3000}"
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 2)
rm -rf "$results"
mkdir -p "$results"

swift build -c release --scratch-path "$scratch" --product blas-info >/dev/null
# Build the benchmark targets once up front, outside any timing.
swift package --disable-sandbox --scratch-path "$scratch" benchmark list --target LeontiefBenchmarks >"$results/build.log" 2>&1
{
    echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
    echo "swift: $(swift --version 2>/dev/null | head -1)"
    echo "python: $(python3 --version 2>&1), numpy $(python3 -c 'import numpy; print(numpy.__version__)')"
} | tee "$results/machine.txt"

for t in "${threads[@]}"; do
    export OPENBLAS_NUM_THREADS="$t" OMP_NUM_THREADS="$t"
    echo "== OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t"
    "$scratch/release/blas-info" | tee "$results/blas-info-$t.txt"
    for round in $(seq 1 "$rounds"); do
        for n in "${sizes[@]}"; do
            echo "round $round n=$n load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/load-$t.txt"
            swift package --disable-sandbox --scratch-path "$scratch" benchmark \
                --target LeontiefBenchmarks --filter ".* n=$n" --no-progress --format markdown --path stdout \
                >"$results/grdp-$t-$n-$round.md" 2>>"$results/grdp-$t.log"
            python3 numpy_leontief.py --threads "$t" --sizes "$n" \
                --json "$results/numpy-$t-$n-$round.json" >>"$results/numpy-$t.log"
        done
    done
done

python3 compare_results.py "$results" "${threads[@]}"
