#!/usr/bin/env bash
# Builds and runs one libFuzzer target for the IO-table CSV, the accounts CSV or the command
# line, for SECONDS seconds (default 60). Exit 0 when no crash was found.
#
#   Fuzz/run-io.sh io-table-csv 60
#   Fuzz/run-io.sh accounts-csv 60
#   Fuzz/run-io.sh command-line 60
#
# The package's library targets are built once, instrumented (-sanitize=fuzzer,address), into
# .build-fuzz/; the target in Fuzz/Targets/ is linked against their objects. The seed corpus is
# taken from docs/ and data/ (tables, accounts) or written here (command lines); libFuzzer adds
# what it finds to .build-fuzz/corpus/TARGET. A crash leaves its input in
# .build-fuzz/artifacts/TARGET/ and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run-io.sh io-table-csv|accounts-csv|command-line [SECONDS]}
seconds=${2:-60}
scratch=.build-fuzz
# FUZZ_CONFIGURATION=release is much faster for command-line: ArgumentParser checks the whole
# command tree on every parse in debug builds.
configuration=${FUZZ_CONFIGURATION:-debug}

case "$target" in
  io-table-csv) source_file=Fuzz/Targets/IOTableCSV.swift ;;
  accounts-csv) source_file=Fuzz/Targets/AccountsCSV.swift ;;
  command-line) source_file=Fuzz/Targets/CommandLine.swift ;;
  *) echo "unknown target '$target': use io-table-csv, accounts-csv or command-line" >&2; exit 64 ;;
esac

swift build --scratch-path "$scratch" -c "$configuration" --target GRDPCommands \
  -Xswiftc -sanitize=fuzzer,address >&2
build=$(swift build --scratch-path "$scratch" -c "$configuration" --show-bin-path)

# Every library object except the executable's entry point and test support.
mapfile -t objects < <(find "$build" -name '*.o' -path '*.build/*' \
  ! -path '*/grdp.build/*' ! -path '*Tests.build/*' ! -path '*/TestSupport.build/*' \
  ! -path '*-tool.build/*' ! -path '*generate_docc_reference*' ! -path '*GenerateManual*' | sort)
binary="$scratch/fuzz-$target-$configuration"
optimisation=$([ "$configuration" = release ] && echo -O || echo -Onone)
swiftc -sanitize=fuzzer,address -parse-as-library -g "$optimisation" \
  -I "$build/Modules" -I Sources/CBLASLapack \
  $(find "$scratch/checkouts" -name module.modulemap -path '*include*' -printf '-Xcc -fmodule-map-file=%p ' 2>/dev/null) \
  "$source_file" "${objects[@]}" \
  $(pkg-config --libs openblas) -llapacke -lstdc++ -o "$binary"

corpus="$scratch/corpus/$target"
artifacts="$scratch/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
case "$target" in
  io-table-csv)
    cp docs/examples/*.csv data/sources/vn_io2019_6sec_aggregated_mVND.csv "$corpus/"
    awk '/^```/{n++; next} n % 2 == 1' docs/io-table-format.md > "$corpus/io-table-format.csv" ;;
  accounts-csv)
    awk '/^```/{n++; next} n % 2 == 1' docs/accounts-format.md > "$corpus/accounts-format.csv"
    if [ -x .build/debug/grdp ]; then
      .build/debug/grdp data export "$scratch/export" >/dev/null && cp "$scratch"/export/*accounts*.csv "$corpus/"
    fi ;;
  command-line)
    i=0
    while IFS= read -r line; do
      i=$((i + 1))
      printf '%s' "$line" | tr ' ' '\n' > "$corpus/seed-$i"
    done <<'SEEDS'
run --draws 100 --seed 7 --threads 2 --format csv
run scenarios/tourism.toml --sampling latin-hypercube --keep-draws d.csv -o r.txt
validate scenarios/hanoi-2025-plan.toml
contrib --actual --target 8 --demand-growth households=8,exports=7
quarterly --actual Q1=7.41,Q2=8.13 --target 8
io docs/examples/miller_blair_2x2.csv --impact agriculture=100 --price-shock manufacturing=-5
io --regionalize s.csv --lq-method aflq --delta 0.2 --tolerance 1e-4 --accept-imbalance
data export out
rnu --draws -5
info --format json --output /dev/stdout
SEEDS
    ;;
esac

./"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus"
