#!/bin/sh
# Regenerates Tests/Expected/default-run from the grdp binary: the default `grdp run` (embedded
# Hanoi 2025 plan, its seed and draws) in every format and the `grdp report` HTML page. Run it only
# when a change of the default report is intended, then review `git diff Tests/Expected` before
# committing. The tool version is replaced by @TOOL_VERSION@ (DefaultReportExpectedTests puts it back).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build --product grdp
grdp="$(swift build --show-bin-path)/grdp"
expected="$root/Tests/Expected/default-run"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
version=$("$grdp" --version)
for file in run.txt run.csv run.json run.md; do
    "$grdp" run --progress none -o "$work/$file"
done
"$grdp" report --progress none -o "$work/report.html"
mkdir -p "$expected"
for file in run.txt run.csv run.json run.md report.html; do
    sed -e "s/\"tool_version\": \"$version\"/\"tool_version\": \"@TOOL_VERSION@\"/g" \
        -e "s/grdp $version/grdp @TOOL_VERSION@/g" "$work/$file" > "$expected/$file"
done
echo "updated $expected (grdp $version); review: git diff -- Tests/Expected"
