#!/usr/bin/env python3
"""Turns compare.sh's raw results into the markdown tables of BENCHMARKS.md.

Reads RESULTS/grdp-T-N-R.md (the benchmark tool's markdown output) and
RESULTS/numpy-T-N-R.json (numpy_leontief.py --json) for thread count T, size N and
round R, and prints per T the median over rounds of each benchmark's median, in
milliseconds, with the ratio grdp / NumPy (below 1: grdp is faster).

Usage: compare_results.py RESULTS [THREADS ...]
"""
import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

UNIT_TO_MS = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}


def grdp_medians(path):
    """{benchmark name: p50 wall clock in ms} from the tool's markdown output."""
    medians, name = {}, None
    for line in path.read_text().splitlines():
        if line.startswith("### "):
            name = line[4:].strip()
        elif name and line.startswith("| Time (wall clock)"):
            unit = re.search(r"\((\S+)\)", line).group(1)
            cells = [c.strip() for c in line.strip("|").split("|")]
            # Metric | p0 | p25 | p50 | ...
            medians[name] = float(cells[3].replace(",", "")) * UNIT_TO_MS[unit]
            name = None
    return medians


def numpy_medians(path):
    data = json.loads(path.read_text())
    return {(r["case"], r["n"]): r["median_s"] * 1e3 for r in data["results"]}


def collect(results, threads):
    """Per-round medians, keyed like the table's columns: {(column, n): [ms, ...]}."""
    samples = defaultdict(list)
    for path in sorted(results.glob(f"grdp-{threads}-*-*.md")):
        for name, ms in grdp_medians(path).items():
            label, n = name.rsplit(" n=", 1)
            samples[(label, int(n))].append(ms)
    for path in sorted(results.glob(f"numpy-{threads}-*-*.json")):
        for (case, n), ms in numpy_medians(path).items():
            samples[("numpy " + case, n)].append(ms)
    return samples


def fmt(ms):
    if ms is None:
        return "–"
    return f"{ms:.3f}" if ms < 1 else f"{ms:.2f}" if ms < 100 else f"{ms:.0f}"


def ratio(a, b):
    return f"{a / b:.2f}" if a is not None and b else "–"


def table(results, threads):
    samples = collect(results, threads)
    rounds = max((len(v) for v in samples.values()), default=0)
    median = lambda key: statistics.median(samples[key]) if samples.get(key) else None
    sizes = sorted({n for _, n in samples})
    print(f"\n#### {threads} thread{'s' if threads != 1 else ''}: median ms ({rounds} round{'s' if rounds != 1 else ''})\n")
    print("| n | grdp `LUFactorization.inverse()` (dgetrf + dgetri) | grdp `LeontiefModel` + `leontiefInverse()` "
          "| grdp dgetrf + dgetrs on I | numpy `inv` | **grdp / numpy** "
          "| grdp factor + solve, k = 1000 | numpy `solve`, k = 1000 | **grdp / numpy** "
          "| grdp `totalOutput(for:)`, k = 1000, factored once |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        lu = median(("Inverse LU", n))
        np_inv = median(("numpy inverse", n))
        factor_solve = median(("Factor+solve k=1000", n))
        np_solve = median(("numpy factor+solve k=1000", n))
        print(f"| {n} | {fmt(lu)} | {fmt(median(('Inverse LeontiefModel', n)))} | {fmt(median(('Inverse LU solve(I)', n)))} "
              f"| {fmt(np_inv)} | **{ratio(lu, np_inv)}** | {fmt(factor_solve)} | {fmt(np_solve)} "
              f"| **{ratio(factor_solve, np_solve)}** | {fmt(median(('Impact solve k=1000', n)))} |")


def main():
    results = Path(sys.argv[1])
    for threads in (int(t) for t in sys.argv[2:] or ["1", "2"]):
        table(results, threads)


if __name__ == "__main__":
    main()
