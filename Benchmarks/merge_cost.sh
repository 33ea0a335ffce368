#!/bin/sh
# What `grdp merge` and a split run cost against the single run (BENCHMARKS.md, "Split runs
# and merge"). Each round runs, one after another: the single run, shards 1/N … N/N, and the
# merge of their files, checks that the merged JSON is the single run's bytes, and records the
# CPU time (user + system) of each command. It prints each round's ratios and their medians:
#
#   merge / single run               goal < 0.01
#   (N shards + merge) / single run  goal ≤ 1.05
#
# Usage: Benchmarks/merge_cost.sh [ROUNDS] [SHARDS] [DRAWS]   (defaults 3, 4, 1000000)
# GRDP=path/to/grdp picks the binary (default .build/release/grdp; build it with
# `swift build -c release --product grdp`). Extra run options go in GRDP_OPTIONS (e.g.
# GRDP_OPTIONS="--threads 1"). Benchmarks/merge_instructions.sh counts instructions instead.
set -eu
rounds=${1:-3}
shards=${2:-4}
draws=${3:-1000000}
grdp=${GRDP:-.build/release/grdp}
options="--draws $draws ${GRDP_OPTIONS:-}"
[ -x "$grdp" ] || { echo "merge_cost.sh: $grdp is missing; run: swift build -c release --product grdp" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/grdp-merge-cost.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# CPU seconds (user + system) of one command.
cpu() {
    /usr/bin/time -f "%U %S" -o "$work/time" "$@" >/dev/null
    awk '{ printf "%.3f", $1 + $2 }' "$work/time"
}

: >"$work/ratios"
round=1
while [ "$round" -le "$rounds" ]; do
    # shellcheck disable=SC2086
    single=$(cpu "$grdp" run $options --format json --progress none -o "$work/single.json")
    split=0
    files=""
    k=1
    while [ "$k" -le "$shards" ]; do
        # shellcheck disable=SC2086
        t=$(cpu "$grdp" run $options --shard "$k/$shards" --progress none --partial "$work/shard-$k.partial")
        split=$(echo "$split $t" | awk '{ printf "%.3f", $1 + $2 }')
        files="$files $work/shard-$k.partial"
        k=$((k + 1))
    done
    # shellcheck disable=SC2086
    merge=$(cpu "$grdp" merge $files --format json -o "$work/merged.json")
    cmp -s "$work/single.json" "$work/merged.json" || { echo "round $round: the merged JSON differs from the single run's" >&2; exit 1; }
    echo "$single $split $merge" | awk -v r="$round" '{
        printf "round %d: single %.2f s, %s shards %.2f s, merge %.3f s CPU; merge/single %.4f, (shards+merge)/single %.3f, shards/single %.3f\n",
               r, $1, '"$shards"', $2, $3, $3 / $1, ($2 + $3) / $1, $2 / $1 }'
    echo "$single $split $merge" | awk '{ print $3 / $1, ($2 + $3) / $1, $2 / $1 }' >>"$work/ratios"
    round=$((round + 1))
done
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
m=$(cut -d' ' -f1 "$work/ratios" | median)
s=$(cut -d' ' -f2 "$work/ratios" | median)
o=$(cut -d' ' -f3 "$work/ratios" | median)
echo "median of $rounds rounds ($shards shards, $draws draws): merge/single $m (goal < 0.01), (shards+merge)/single $s (goal <= 1.05), shards/single $o"
