#!/usr/bin/env bash
# Submits a grdp run split into N array tasks, then its merge, to Slurm (docs/scale-out.md):
#
#   scripts/slurm/submit.sh N RESULT_FILE [SCENARIO.toml] [grdp run options…]
#
# e.g. `scripts/slurm/submit.sh 16 result.json plan.toml --draws 100000000`. The merge job
# runs after every task has succeeded (afterok) and writes RESULT_FILE, byte for byte the
# report of `grdp run` in one process with the same options. GRDP and GRDP_OUT as in
# grdp-array.sbatch. With WAIT=1 it waits for the merge and returns its exit code.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 N RESULT_FILE [SCENARIO.toml] [grdp run options…]" >&2; exit 64; }
N=$1; RESULT=$2; shift 2
HERE="$(cd "$(dirname "$0")" && pwd)"
GRDP="${GRDP:-grdp}"
OUT="${GRDP_OUT:-shards}"
export GRDP GRDP_OUT="$OUT"
array=$(sbatch --parsable --array="1-$N" "$HERE/grdp-array.sbatch" "$@")
array=${array%%;*}
wait_flag=()
[ "${WAIT:-0}" = 1 ] && wait_flag=(--wait)
files=()
for k in $(seq 1 "$N"); do files+=("$OUT/shard-$k.partial"); done
merge=$(sbatch --parsable "${wait_flag[@]}" --job-name=grdp-merge --dependency="afterok:$array" --kill-on-invalid-dep=yes --output=grdp-merge-%j.log \
    --wrap "$(printf '%q ' "$GRDP" merge "${files[@]}" -o "$RESULT")")
echo "array job $array (tasks 1-$N), merge job ${merge%%;*} -> $RESULT"
