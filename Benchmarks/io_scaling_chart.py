#!/usr/bin/env python3
"""Log–log chart of `grdp io --multipliers` against sectors: wall time and peak memory,
with pandas.read_csv + pymrio calc_all beside it, from the JSON that io_vs_pymrio.py writes.

  python3 Benchmarks/io_vs_pymrio.py --sectors 8 200 1000 3000 --rounds 3 --json Benchmarks/results/io_scaling.json
  python3 Benchmarks/io_scaling_chart.py Benchmarks/results/io_scaling.json docs/benchmarks/io-scaling.svg
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(source, target):
    rows = json.load(open(source))
    n = [r["sectors"] for r in rows]
    plt.rcParams["svg.hashsalt"] = "grdp"  # stable ids: the same data gives the same file
    fig, (time_ax, memory_ax) = plt.subplots(1, 2, figsize=(9, 3.8))
    time_ax.loglog(n, [r["grdp_s"] for r in rows], "o-", label="grdp io --multipliers (whole command)")
    if "pandas_read_s" in rows[0]:
        time_ax.loglog(n, [r["pandas_read_s"] + r["pymrio_calc_all_s"] for r in rows], "s--",
                       label="pandas.read_csv + pymrio calc_all")
        time_ax.loglog(n, [r["python_wall_s"] for r in rows], "^:", label="python process (incl. imports)")
    time_ax.set_xlabel("sectors")
    time_ax.set_ylabel("wall time (s)")
    time_ax.grid(True, which="both", alpha=0.3)
    time_ax.legend(fontsize=7)
    memory_ax.loglog(n, [r["grdp_rss_mib"] for r in rows], "o-", label="grdp")
    if "python_rss_mib" in rows[0]:
        memory_ax.loglog(n, [r["python_rss_mib"] for r in rows], "s--", label="pandas + pymrio")
    memory_ax.loglog(n, [8 * k * k / 2**20 for k in n], "k:", label="one n×n matrix of doubles")
    memory_ax.set_xlabel("sectors")
    memory_ax.set_ylabel("peak resident memory (MiB)")
    memory_ax.grid(True, which="both", alpha=0.3)
    memory_ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(target, metadata={"Date": None})


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
