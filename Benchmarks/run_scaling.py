#!/usr/bin/env python3
"""Scaling of `grdp run` (BENCHMARKS.md, "Scaling of run"): wall time, CPU time and peak
resident memory (/usr/bin/time -v) against the number of draws (the release CLI on the
embedded Hanoi 2025 plan) and against the number of sectors (the synthetic model of
Benchmarks/SyntheticModels at a chosen size, through `synthetic-run`, the same engine), then
the Markdown tables and a log-log chart.

  python3 Benchmarks/run_scaling.py --grdp .build/release/grdp \\
      --synthetic-run Benchmarks/.build-mcbench/release/synthetic-run \\
      --draws 10000 100000 1000000 10000000 --sectors 8 200 1000 3000 --sector-draws 10000 \\
      --json Benchmarks/run-scaling.json --svg Benchmarks/run-scaling.svg

--plot-only JSON redraws the chart and tables from a saved result; --update JSON measures only
the given draws and sectors and merges them into a saved result (a row of the same draws or
sectors is replaced), e.g. to add 10^7 draws:

  python3 Benchmarks/run_scaling.py --draws 10000000 --sectors --update Benchmarks/run-scaling.json \\
      --svg Benchmarks/run-scaling.svg
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile


def timed(command):
    """Runs `command` under /usr/bin/time -v; returns wall s, CPU s (user + system), peak RSS MB."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        completed = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + command,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if completed.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({completed.returncode}): {completed.stderr.strip()}")
        text = report.read()
    def field(name):
        return re.search(rf"{re.escape(name)}: (.+)", text).group(1).strip()
    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
            "stdout": completed.stdout.strip()}


def measure(args):
    environment = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    os.environ.update(environment)
    result = {"draws": [], "sectors": [], "threads": args.threads}
    with tempfile.TemporaryDirectory() as directory:
        output = os.path.join(directory, "run.json")
        for draws in args.draws:
            row = timed([args.grdp, "run", "--threads", str(args.threads), "--draws", str(draws), "--progress", "none",
                         "--format", "json", "-o", output])
            row["draws"] = draws
            result["draws"].append(row)
            print(f"draws {draws}: {row['wall_s']:.2f} s wall, {row['cpu_s']:.2f} s CPU, {row['peak_rss_mb']:.1f} MB", file=sys.stderr)
    for sectors in args.sectors:
        row = timed([args.synthetic_run, str(sectors), str(args.sector_draws), str(args.threads)])
        row["sectors"] = sectors
        row["draws"] = args.sector_draws
        match = re.search(r"parameters (\d+) outputs (\d+) model ([\d.]+) s run ([\d.]+) s", row["stdout"])
        row["parameters"], row["outputs"] = int(match.group(1)), int(match.group(2))
        row["model_s"], row["run_s"] = float(match.group(3)), float(match.group(4))
        result["sectors"].append(row)
        print(f"sectors {sectors}: {row['wall_s']:.2f} s wall, {row['cpu_s']:.2f} s CPU, {row['peak_rss_mb']:.1f} MB", file=sys.stderr)
    return result


def tables(result):
    lines = [f"`grdp run` on the Hanoi 2025 plan, {result['threads']} thread(s):", "",
             "| draws | wall s | CPU s | peak RSS MB |", "|---:|---:|---:|---:|"]
    for row in result["draws"]:
        lines.append(f"| {row['draws']:,} | {row['wall_s']:.2f} | {row['cpu_s']:.2f} | {row['peak_rss_mb']:.1f} |")
    if result["sectors"]:
        lines += ["", f"Synthetic model (`synthetic-run`), {result['sectors'][0]['draws']:,} draws, {result['threads']} thread(s):", "",
                  "| sectors | parameters | outputs | wall s | CPU s | of which model set-up s | engine run s | peak RSS MB |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for row in result["sectors"]:
            lines.append(f"| {row['sectors']:,} | {row['parameters']} | {row['outputs']:,} | {row['wall_s']:.2f} | {row['cpu_s']:.2f} | "
                         f"{row['model_s']:.2f} | {row['run_s']:.2f} | {row['peak_rss_mb']:.1f} |")
    return "\n".join(lines)


def plot(result, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    figure, axes = plt.subplots(1, 2, figsize=(10, 4))
    for axis, key, label in ((axes[0], "draws", "draws (Hanoi 2025 plan)"), (axes[1], "sectors", "sectors (synthetic model)")):
        rows = result[key]
        if not rows:
            continue
        x = [row[key] for row in rows]
        axis.loglog(x, [row["wall_s"] for row in rows], "o-", label="wall time (s)")
        axis.loglog(x, [row["cpu_s"] for row in rows], "s--", label="CPU time (s)")
        axis.loglog(x, [row["peak_rss_mb"] for row in rows], "^-", label="peak RSS (MB)")
        axis.set_xlabel(label)
        axis.grid(True, which="both", linewidth=0.3)
        axis.legend(fontsize=8)
    axes[0].set_title(f"grdp run: time and memory against draws ({result['threads']} thread)", fontsize=9)
    if result["sectors"]:
        axes[1].set_title(f"engine run, {result['sectors'][0]['draws']:,} draws, against sectors", fontsize=9)
    figure.tight_layout()
    figure.savefig(path, metadata={"Date": None})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grdp", default=".build/release/grdp")
    parser.add_argument("--synthetic-run", default="Benchmarks/.build-mcbench/release/synthetic-run")
    parser.add_argument("--draws", type=int, nargs="*", default=[10_000, 100_000, 1_000_000, 10_000_000])
    parser.add_argument("--sectors", type=int, nargs="*", default=[8, 200, 1000, 3000])
    parser.add_argument("--sector-draws", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--json")
    parser.add_argument("--svg")
    parser.add_argument("--plot-only", metavar="JSON")
    parser.add_argument("--update", metavar="JSON")
    args = parser.parse_args()
    if args.plot_only:
        with open(args.plot_only) as handle:
            result = json.load(handle)
    elif args.update:
        with open(args.update) as handle:
            result = json.load(handle)
        if result["threads"] != args.threads:
            raise SystemExit(f"{args.update} was measured with {result['threads']} thread(s), not {args.threads}")
        measured = measure(args)
        for key in ("draws", "sectors"):
            replaced = {row[key] for row in measured[key]}
            result[key] = sorted([row for row in result[key] if row[key] not in replaced] + measured[key], key=lambda row: row[key])
        with open(args.update, "w") as handle:
            json.dump(result, handle, indent=2)
    else:
        result = measure(args)
        if args.json:
            with open(args.json, "w") as handle:
                json.dump(result, handle, indent=2)
    print(tables(result))
    if args.svg:
        plot(result, args.svg)


if __name__ == "__main__":
    main()
