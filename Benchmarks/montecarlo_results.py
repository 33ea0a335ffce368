#!/usr/bin/env python3
"""Turns montecarlo_compare.sh's raw results into the tables of BENCHMARKS.md ("Monte Carlo throughput").

Reads RESULTS/grdp-MODEL-T-R.md (the benchmark tool's markdown output),
RESULTS/numpy-MODEL-T-R.json (numpy_montecarlo.py --json) and RESULTS/cli-DRAWS-R.txt
(`/usr/bin/time -f "%e %M"` of `grdp run`), and prints per model and thread count the median
over rounds of each side's median seconds per run, the draws per second, and the throughput
ratio grdp / NumPy (above 1: grdp is faster; the goal is 10).

Usage: montecarlo_results.py RESULTS [THREADS ...]
"""
import json
import re
import statistics
import sys
from pathlib import Path

UNIT_TO_S = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
MODELS = {"default": "Hanoi 2025 plan (default)", "synthetic": "synthetic, 200 sectors, 10 levers"}


def grdp_run(path):
    """(p50 wall-clock seconds per run, draws per run) from the tool's markdown output."""
    name = None
    for line in path.read_text().splitlines():
        if line.startswith("### "):
            name = line[4:].strip()
        elif name and line.startswith("| Time (wall clock)"):
            unit = re.search(r"\((\S+)\)", line).group(1)
            cells = [c.strip() for c in line.strip("|").split("|")]
            draws = int(re.search(r"draws=(\d+)", name).group(1))
            return float(cells[3].replace(",", "")) * UNIT_TO_S[unit], draws
    return None


def median(values):
    return statistics.median(values) if values else None


def main():
    results = Path(sys.argv[1])
    threads = [int(t) for t in sys.argv[2:]] or [1, 2]
    print("| model | threads | grdp s per run | grdp draws/s | NumPy s per run | NumPy draws/s | **grdp / NumPy** | draws/s by round |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    breakdowns = {}
    for model, label in MODELS.items():
        for t in threads:
            grdp = [grdp_run(p) for p in sorted(results.glob(f"grdp-{model}-{t}-*.md"))]
            grdp = [g for g in grdp if g]
            numpy = [json.loads(p.read_text()) for p in sorted(results.glob(f"numpy-{model}-{t}-*.json"))]
            if not grdp or not numpy:
                continue
            g_seconds = median([s for s, _ in grdp])
            g_rate = median([d / s for s, d in grdp])
            n_seconds = median([r["median_seconds"] for r in numpy])
            n_rate = median([r["draws_per_second"] for r in numpy])
            rounds = ("grdp " + " / ".join(f"{d / s:,.0f}" for s, d in grdp)
                      + "; NumPy " + " / ".join(f"{r['draws_per_second']:,.0f}" for r in numpy))
            print(f"| {label} | {t} | {g_seconds:.3f} | {g_rate:,.0f} | {n_seconds:.2f} | {n_rate:,.0f} | **{g_rate / n_rate:.1f}×** | {rounds} |")
            breakdowns[(label, t)] = {k: median([r["breakdown_median_seconds"][k] for r in numpy]) for k in numpy[0]["breakdown_median_seconds"]}
    print()
    print("NumPy time by step (median seconds per run):")
    print()
    steps = next(iter(breakdowns.values())).keys() if breakdowns else []
    print("| model | threads | " + " | ".join(steps) + " |")
    print("|---|---:|" + "---:|" * len(steps))
    for (label, t), b in breakdowns.items():
        print(f"| {label} | {t} | " + " | ".join(f"{b[s]:.2f}" for s in steps) + " |")
    print()
    print("`grdp run` (release CLI, default scenario, 2 threads):")
    print()
    print("| draws | wall time s (median of runs) | peak RSS MB | runs |")
    print("|---:|---:|---:|---:|")
    for draws in (100000, 1000000, 10000000):
        runs = [tuple(map(float, p.read_text().split())) for p in sorted(results.glob(f"cli-{draws}-*.txt"))]
        if runs:
            print(f"| {draws:,} | {median([r[0] for r in runs]):.2f} | {median([r[1] for r in runs]) / 1024:.1f} | {len(runs)} |")


if __name__ == "__main__":
    main()
