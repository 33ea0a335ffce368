#!/usr/bin/env bash
# Runs every fuzz target (each folder Fuzz/TARGET with a `modules` file) for FUZZ_SECONDS
# seconds (default 60), one after the other, as CI does:
#   Fuzz/ci.sh            FUZZ_SECONDS=300 Fuzz/ci.sh
# All targets are built first (they share the compiled modules in .build-fuzz/modules), then
# fuzzed. Prints one line per target: its name, the inputs run, the seconds it fuzzed and
# `ok`, or `FAILED` with libFuzzer's status and the input it kept. The log of each run is
# .build-fuzz/TARGET/ci.log; a failure also prints the end of its log (the stack).
# Exit status: 0 when every target ran without a crash, hang or out-of-memory; 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "FUZZ_SECONDS must be a whole number of seconds, not '$seconds'" >&2; exit 64; }

targets=()
for folder in Fuzz/*/; do [ -f "$folder/modules" ] && targets+=("$(basename "$folder")"); done

start=$SECONDS
for target in "${targets[@]}"; do
    echo "== building $target"
    FUZZ_BUILD_ONLY=1 Fuzz/run.sh "$target" "$seconds" 2>&1 | grep -v 'warning: Cannot export local symbol' || exit 1
done
echo "== built in $((SECONDS - start)) s"

failed=0 summary=()
for target in "${targets[@]}"; do
    log=.build-fuzz/$target/ci.log
    echo "== fuzzing $target for $seconds s"
    before=$SECONDS
    status=0
    Fuzz/run.sh "$target" "$seconds" >"$log" 2>&1 || status=$?
    took=$((SECONDS - before))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ "$status" -eq 0 ]; then result=ok; else
        failed=1
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        result="FAILED (status $status${artifact:+, input $artifact})"
        tail -60 "$log"
    fi
    summary+=("$(printf '%-14s %12s runs %5d s  %s' "$target" "${runs:-?}" "$took" "$result")")
done

echo "== fuzzing summary ($((SECONDS - start)) s in all)"
printf '%s\n' "${summary[@]}"
exit "$failed"
