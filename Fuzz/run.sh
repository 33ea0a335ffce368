#!/usr/bin/env bash
# Builds and runs one libFuzzer target:
#   Fuzz/run.sh TARGET SECONDS [libFuzzer options or extra seed folders…]
#
# A target is a folder Fuzz/TARGET holding
#   *.swift   the entry point, LLVMFuzzerTestOneInput (@_cdecl), compiled as a library;
#   modules   the modules it needs, one a line, each after those it imports: `NAME` for
#             Sources/NAME, `NAME PACKAGE` for Sources/NAME of a package dependency (as
#             Package.resolved pins it; `swift package resolve` fetches it), `NAME PACKAGE
#             FOLDER` for a dependency whose sources are in FOLDER (GRDB's are in GRDB/);
#   seeds     its seed corpus, one kind a line:
#             `file GLOB`                each file one seed;
#             `fenced LANGUAGE GLOB`     each ```LANGUAGE block of the Markdown files one seed
#                                        (`fenced - GLOB`: every block without a language);
#             `embedded NAME GLOB`       the raw string `"NAME": #"""…"""#` of Swift files;
#             `commands GLOB`            each `grdp …` command line of the files one seed, its
#                                        arguments one a line.
# Each module is compiled once with swiftc -sanitize=fuzzer,address (coverage and
# AddressSanitizer) into .build-fuzz/modules, shared by the targets, and compiled again only
# when its sources or a module it imports changed; the target is linked into
# .build-fuzz/TARGET/fuzzer, which runs for SECONDS seconds on the seeds plus the inputs it
# found before (.build-fuzz/TARGET/corpus).
#
# Exit status: 0 when no input crashed, hung (10 s per input) or ran out of memory
# (2 GiB); otherwise libFuzzer's non-zero status, with the input saved under
# .build-fuzz/TARGET/artifacts/. 64 for a bad command line. Installs nothing; needs
# swiftc (with its libFuzzer runtime), pkg-config's openblas, zlib, SQLite and OpenSSL's libcrypto, as `make test` does.
# FUZZ_BUILD_ONLY=1 builds the target and makes its seeds without fuzzing.
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
modules=.build-fuzz/modules
mkdir -p "$modules" "$build/seeds" "$build/corpus" "$build/artifacts"

# The modules and where their sources are.
names=() directories=() packages=() extra=()
while read -r name package folder_in_package; do
    names+=("$name")
    if [ -z "$package" ]; then directories+=("Sources/$name") extra+=(""); else
        packages+=("$package") extra+=(-suppress-warnings)
        directories+=(".build-fuzz/package/checkouts/$package/${folder_in_package:-Sources/$name}")
    fi
done < <(grep -v '^\s*\(#\|$\)' "$folder/modules")

# Compiler flags: fuzzer coverage and AddressSanitizer everywhere; the C modules
# (module.modulemap) of the package and of its dependencies, with pkg-config's headers.
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -I "$modules" -I Sources/CBLASLapack -I Sources/CZlibStream -I Sources/CCryptoDigest)
for include in $(pkg-config --cflags-only-I openblas); do flags+=(-Xcc "$include"); done
libraries=($(pkg-config --libs openblas) -llapacke -lcrypto)
if [ ${#packages[@]} -gt 0 ]; then
    [ -d .build-fuzz/package/checkouts ] && [ ! Package.resolved -nt .build-fuzz/package/checkouts ] ||
        { swift package --scratch-path .build-fuzz/package resolve >&2 && touch .build-fuzz/package/checkouts; }
    for package in $(printf '%s\n' "${packages[@]}" | sort -u); do
        for map in .build-fuzz/package/checkouts/"$package"/Sources/*/module.modulemap; do
            [ -f "$map" ] && flags+=(-I "$(dirname "$map")")
        done
    done
    # ZIPFoundation's CZlib (its Package.swift defines _GNU_SOURCE and links zlib); GRDB's SQLite.
    flags+=(-Xcc -D_GNU_SOURCE=1)
    libraries+=(-lz -lsqlite3)
fi

# A module is compiled again when one of its sources, or the interface of a module it
# imports, is newer than its object.
objects=()
for i in "${!names[@]}"; do
    name=${names[$i]} directory=${directories[$i]}
    mapfile -t sources < <(find "$directory" -name '*.swift' | sort)
    [ ${#sources[@]} -gt 0 ] || { echo "$folder/modules: no Swift sources in $directory" >&2; exit 64; }
    object=$modules/$name.o
    stale=false
    if [ ! -f "$object" ] || [ ! -f "$modules/$name.swiftmodule" ]; then stale=true; else
        for source in "${sources[@]}"; do [ "$source" -nt "$object" ] && stale=true && break; done
        for imported in $(sed -n 's/^\(@[A-Za-z_]* \)*import \([A-Za-z_]*\).*/\2/p' "${sources[@]}" | sort -u); do
            [ -f "$modules/$imported.swiftmodule" ] && [ "$modules/$imported.swiftmodule" -nt "$object" ] && stale=true
        done
    fi
    if $stale; then
        echo "compiling $name"
        # A package dependency is compiled without coverage or optimisation (the fuzzer
        # explores the project's code; its dependencies only need to link): much faster.
        module_flags=()
        for flag in "${flags[@]}"; do
            if [ -n "${extra[$i]}" ]; then
                case $flag in -sanitize=fuzzer,address | -g) continue ;; -O) flag=-Onone ;; esac
            fi
            module_flags+=("$flag")
        done
        # The project's own modules share one package name, for their `package` declarations.
        [ -n "${extra[$i]}" ] || module_flags+=(-package-name grdp)
        swiftc "${module_flags[@]}" ${extra[$i]} -module-name "$name" -wmo -c "${sources[@]}" \
            -emit-module -emit-module-path "$modules/$name.swiftmodule" -o "$object"
    fi
    objects+=("$object")
done

# The fuzzer is linked again when its sources or one of its objects are newer.
fuzzer=$build/fuzzer
stale=false
if [ ! -x "$fuzzer" ]; then stale=true; else
    for file in "$folder"/*.swift "${objects[@]}"; do [ "$file" -nt "$fuzzer" ] && stale=true && break; done
fi
if $stale; then
    echo "linking $fuzzer"
    swiftc "${flags[@]}" -package-name grdp -module-name "${target//[^A-Za-z0-9_]/_}Fuzz" "$folder"/*.swift "${objects[@]}" \
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
                language == "-" && /^```[[:space:]]*$/ { inside = 1; count++; out = prefix "-" count; next }
                language != "-" && $0 ~ "^```" language "[[:space:]]*$" { inside = 1; count++; out = prefix "-" count }
            ' "$file"
        done ;;
    embedded)
        for file in $second; do
            [ -f "$file" ] || continue
            awk -v name="\"$first\": #\"\"\"" -v out="$build/seeds/${file//\//_}-$first" '
                inside && /^"""#/ { exit }
                inside { print > out; next }
                index($0, name) { inside = 1 }
            ' "$file"
        done ;;
    commands)
        for file in $first; do
            [ -f "$file" ] || continue
            grep -oE '(^|[[:space:]/`$])grdp [a-z][^`|#]*' "$file" | sed 's/^[^g]*grdp //' |
                awk -v prefix="$build/seeds/${file//\//_}" '
                    { count++; out = prefix "-" count; n = split($0, words, " ")
                      for (i = 1; i <= n; i++) printf "%s%s", words[i], (i < n ? "\n" : "") > out
                      close(out) }'
        done ;;
    "" | "#"*) ;;
    *) echo "$folder/seeds: unknown line kind '$kind' (use file, fenced, embedded or commands)" >&2; exit 64 ;;
    esac
done < "$folder/seeds"
echo "$(ls "$build/seeds" | wc -l) seeds, $(ls "$build/corpus" | wc -l) inputs in the corpus; fuzzing $target for $seconds s"
[ -z "${FUZZ_BUILD_ONLY:-}" ] || exit 0

# Swift's runtime keeps caches for the life of the process, which LeakSanitizer would
# report as leaks; memory growth is caught by -rss_limit_mb instead.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# New inputs go to the first folder, the corpus; extra arguments (libFuzzer options or more
# seed folders) come after it.
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/" "$build/corpus" "$build/seeds" "$@"
