#!/bin/sh
# The instruction-count version of merge_cost.sh (BENCHMARKS.md, "Split runs and merge"):
# the same commands under `valgrind --tool=callgrind`, whose counts do not move with the
# machine's load. Valgrind runs ~50× slower, so the runs are made at DRAWS (default 65,536 =
# 16 blocks) and SMALL draws (default 8,192) and the ratio is carried to TARGET draws
# (default 10⁶) from
#
#   c  = (I_single(DRAWS) − I_single(SMALL)) / (DRAWS − SMALL)       instructions a draw
#   F  = I_single(DRAWS) − c·DRAWS                                   the single run's fixed part
#   Fs = Σ_k I_shard_k(DRAWS) − c·DRAWS                               the N shards' fixed parts
#   M  = I_merge of the N shard files of a TARGET-draw run (made without valgrind)
#   ratio(TARGET) = (Fs + M + c·TARGET) / (F + c·TARGET)              goal ≤ 1.05
#
# and also prints the ratio measured at DRAWS, (Σ shards + merge) / single, and M / single.
# Every command runs with --threads 1 (one worker; the count does not change the results);
# GRDP_OPTIONS adds run options. It checks, as merge_cost.sh does, that the merged JSON is the
# single run's bytes (at DRAWS under valgrind and at TARGET).
#
# Usage: Benchmarks/merge_instructions.sh [SHARDS] [DRAWS] [SMALL] [TARGET]
# GRDP=path/to/grdp picks the binary (default .build/release/grdp; build it with
# `swift build -c release --product grdp`). KEEP=DIR keeps the callgrind files in DIR
# (for `callgrind_annotate --inclusive=yes FILE`).
set -eu
shards=${1:-4}
draws=${2:-65536}
small=${3:-8192}
target=${4:-1000000}
grdp=${GRDP:-.build/release/grdp}
options="--threads 1 ${GRDP_OPTIONS:-}"
[ -x "$grdp" ] || { echo "merge_instructions.sh: $grdp is missing; run: swift build -c release --product grdp" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "merge_instructions.sh: valgrind is missing (Debian: apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/grdp-merge-instructions.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
keep=${KEEP:-}
[ -z "$keep" ] || mkdir -p "$keep"

# Instructions (callgrind's Ir, all threads) of one command; NAME names its callgrind file.
instructions() {
    name=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$work/$name.callgrind" "$@" >/dev/null 2>"$work/$name.log" \
        || { cat "$work/$name.log" >&2; exit 1; }
    [ -z "$keep" ] || cp "$work/$name.callgrind" "$keep/"
    awk '/^summary:/ { print $2 }' "$work/$name.callgrind"
}

# The N shards of a run of $1 draws and their merge, without valgrind (for the merge at TARGET).
split_natively() {
    k=1
    files=""
    while [ "$k" -le "$shards" ]; do
        # shellcheck disable=SC2086
        "$grdp" run $options --draws "$1" --shard "$k/$shards" --progress none --partial "$work/native-$k.partial"
        files="$files $work/native-$k.partial"
        k=$((k + 1))
    done
    echo "$files"
}

# shellcheck disable=SC2086
single_small=$(instructions single-$small "$grdp" run $options --draws "$small" --format json --progress none -o "$work/single-$small.json")
# shellcheck disable=SC2086
single=$(instructions single-$draws "$grdp" run $options --draws "$draws" --format json --progress none -o "$work/single.json")
split=0
files=""
k=1
while [ "$k" -le "$shards" ]; do
    # shellcheck disable=SC2086
    i=$(instructions shard-$k-of-$shards "$grdp" run $options --draws "$draws" --shard "$k/$shards" --progress none --partial "$work/shard-$k.partial")
    echo "shard $k/$shards at $draws draws: $i instructions"
    split=$((split + i))
    files="$files $work/shard-$k.partial"
    k=$((k + 1))
done
# shellcheck disable=SC2086
merge=$(instructions merge-$draws "$grdp" merge $files --format json -o "$work/merged.json")
cmp -s "$work/single.json" "$work/merged.json" || { echo "the merged JSON differs from the single run's ($draws draws)" >&2; exit 1; }

# shellcheck disable=SC2086
"$grdp" run $options --draws "$target" --format json --progress none -o "$work/single-target.json"
targetfiles=$(split_natively "$target")
# shellcheck disable=SC2086
merge_target=$(instructions merge-$target "$grdp" merge $targetfiles --format json -o "$work/merged-target.json")
cmp -s "$work/single-target.json" "$work/merged-target.json" || { echo "the merged JSON differs from the single run's ($target draws)" >&2; exit 1; }

echo "$single_small $single $split $merge $merge_target" | awk -v s="$small" -v d="$draws" -v t="$target" -v n="$shards" '{
    c = ($2 - $1) / (d - s); f = $2 - c * d; fs = $3 - c * d
    printf "single run: %.0f instructions at %d draws, %.0f at %d draws; per draw c = %.0f, fixed F = %.4g\n", $1, s, $2, d, c, f
    printf "%d shards at %d draws: %.0f instructions, fixed part Fs = %.4g (Fs − F = %.4g); merge %.0f (%d draws), %.0f (%d draws)\n", n, d, $3, fs, fs - f, $4, d, $5, t
    printf "measured at %d draws: (shards + merge) / single %.4f, merge / single %.4f\n", d, ($3 + $4) / $2, $4 / $2
    printf "carried to %d draws: (shards + merge) / single %.4f (goal <= 1.05), merge / single %.5f (goal < 0.01)\n", t, (fs + $5 + c * t) / (f + c * t), $5 / (f + c * t)
}'
