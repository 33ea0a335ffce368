#!/usr/bin/env bash
# Builds and runs one libFuzzer target:
#   Fuzz/run.sh TARGET SECONDS [libFuzzer options or extra seed folders…]
#
# A target is a folder Fuzz/TARGET holding
#   *.swift   the entry point, LLVMFuzzerTestOneInput (@_cdecl), compiled as a library;
#   modules   the Sources/ modules it needs, one a line, each after those it imports;
#   seeds     its seed corpus: lines `file GLOB` (each file one seed) and
#             `fenced LANGUAGE GLOB` (each ```LANGUAGE block of the Markdown files one seed).
# Each module is compiled with swiftc -sanitize=fuzzer,address (coverage and
# AddressSanitizer) into .build-fuzz/TARGET, and the fuzzer runs for SECONDS seconds
# on the seeds plus the inputs it found before (.build-fuzz/TARGET/corpus).
#
# Exit status: 0 when no input crashed, hung (10 s per input) or ran out of memory
# (2 GiB); otherwise libFuzzer's non-zero status, with the input saved under
# .build-fuzz/TARGET/artifacts/. 64 for a bad command line. Installs nothing; needs
# swiftc (with its libFuzzer runtime) and pkg-config's openblas, as `make test` does.
set -euo pipefail
cd "$(dirname "$0")/.."

targets() { for folder in Fuzz/*/; do [ -f "$folder/modules" ] && basename "$folder"; done | tr '\n' ' '; }
usage() { echo "usage: Fuzz/run.sh TARGET SECONDS [libFuzzer options]; targets: $(targets)" >&2; exit 64; }

[ $# -ge 2 ] || usage
target=$1 seconds=$2
shift 2
folder=Fuzz/$target
[ -n "$target" ] && [ -f "$folder/modules" ] && [ -f "$folder/seeds" ] || usage
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

build=.build-fuzz/$target
mkdir -p "$build/modules" "$build/seeds" "$build/corpus" "$build/artifacts"
mapfile -t modules < <(grep -v '^\s*\(#\|$\)' "$folder/modules")

# Compiler flags: fuzzer coverage and AddressSanitizer everywhere; the C headers of
# CBLASLapack (Sources/CBLASLapack/module.modulemap) from pkg-config.
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -I "$build/modules" -I Sources/CBLASLapack)
for include in $(pkg-config --cflags-only-I openblas); do flags+=(-Xcc "$include"); done
libraries=($(pkg-config --libs openblas) -llapacke)

# Rebuild when any module source or the target's sources are newer than the fuzzer.
fuzzer=$build/fuzzer
sources=("$folder"/*.swift)
for module in "${modules[@]}"; do sources+=(Sources/"$module"/*.swift); done
stale=false
if [ ! -x "$fuzzer" ]; then stale=true; else
    for source in "${sources[@]}"; do [ "$source" -nt "$fuzzer" ] && stale=true && break; done
fi
if $stale; then
    objects=()
    for module in "${modules[@]}"; do
        echo "compiling $module"
        swiftc "${flags[@]}" -module-name "$module" -wmo -c Sources/"$module"/*.swift \
            -emit-module -emit-module-path "$build/modules/$module.swiftmodule" -o "$build/$module.o"
        objects+=("$build/$module.o")
    done
    echo "linking $fuzzer"
    swiftc "${flags[@]}" -module-name "${target//[^A-Za-z0-9_]/_}Fuzz" "$folder"/*.swift "${objects[@]}" \
        "${libraries[@]}" -o "$fuzzer"
fi

# Seed corpus, made afresh from the repository's files.
rm -f "$build/seeds"/*
while read -r kind first second; do
    case $kind in
    file)
        for file in $first; do [ -f "$file" ] && cp "$file" "$build/seeds/${file//\//_}"; done ;;
    fenced)
        for file in $second; do
            [ -f "$file" ] || continue
            awk -v language="$first" -v prefix="$build/seeds/${file//\//_}" '
                inside && /^```[[:space:]]*$/ { inside = 0; close(out); next }
                inside { print > out; next }
                $0 ~ "^```" language "[[:space:]]*$" { inside = 1; count++; out = prefix "-" count }
            ' "$file"
        done ;;
    "" | "#"*) ;;
    *) echo "$folder/seeds: unknown line kind '$kind' (use file or fenced)" >&2; exit 64 ;;
    esac
done < "$folder/seeds"
echo "$(ls "$build/seeds" | wc -l) seeds, $(ls "$build/corpus" | wc -l) inputs in the corpus; fuzzing $target for $seconds s"

# Swift's runtime keeps caches for the life of the process, which LeakSanitizer would
# report as leaks; memory growth is caught by -rss_limit_mb instead.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# New inputs go to the first folder, the corpus; extra arguments (libFuzzer options or more
# seed folders) come after it.
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/" "$build/corpus" "$build/seeds" "$@"
