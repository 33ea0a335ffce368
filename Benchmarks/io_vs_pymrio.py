#!/usr/bin/env python3
"""`grdp io --multipliers` against pandas.read_csv + pymrio calc_all on the same file.

Generates a synthetic, exactly balanced input-output table of N sectors (deterministic:
seeded NumPy generator; values in thousandths written with three decimals, so every row and
column balances exactly in the written text), then, in one run and alternately, ROUNDS times:

- grdp:   `grdp io TABLE --multipliers --format csv -o OUT` (release build), timed as a whole
          command under /usr/bin/time -v (wall clock, maximum resident set size);
- python: a fresh interpreter that times `pandas.read_csv(TABLE, index_col=0)` and
          `pymrio.IOSystem(...).calc_all()` separately (time.perf_counter) under /usr/bin/time -v.

Prints one JSON line per measurement and a summary with medians and ratios
(grdp / (read + calc_all)), of wall time and of CPU time (grdp: user + system of the whole
command; Python: time.process_time() around read_csv and calc_all, every thread). Compare only
ratios from one run: the machine is shared; on a loaded machine the CPU ratio is the steadier.

Usage:
  swift build -c release --product grdp
  python3 Benchmarks/io_vs_pymrio.py --sectors 3000 --rounds 3
  python3 Benchmarks/io_vs_pymrio.py --sectors 8 200 1000 3000 --rounds 3 --json Benchmarks/results/io_scaling.json
  python3 Benchmarks/io_vs_pymrio.py --sectors 3000 --rounds 3 --grdp-env OPENBLAS_CORETYPE=SkylakeX
Needs numpy, pandas and pymrio (pip install pymrio).

--grdp-env NAME=VALUE (repeatable) sets a variable for the grdp side only, e.g. the OpenBLAS
kernel a user on a CPU newer than their OpenBLAS can choose; the summary records it.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FINAL_DEMAND = ["households", "government", "gfcf", "exports"]
PRIMARY = ["imported_inputs", "taxes_less_subsidies", "compensation", "operating_surplus"]


def generate(n, path, seed=20261201):
    """A balanced table in integer thousandths: x ~ U[50,000; 100,000], A dense with column
    sums in [0.2, 0.5], Z = round(A·x̂); final demand splits the row residual x − Z·1
    (exports take the rounding rest); primary inputs split the column residual x − 1ᵀZ
    (operating surplus takes the rest); employment = x / U[50, 200] (persons, 1 decimal)."""
    rng = np.random.default_rng(seed + n)
    x = rng.integers(50_000_000, 100_000_000, size=n, dtype=np.int64)        # thousandths
    a = rng.random((n, n))
    a *= rng.uniform(0.2, 0.5, size=n) / a.sum(axis=0)
    z = np.rint(a * x[None, :]).astype(np.int64)
    row_rest = x - z.sum(axis=1)
    col_rest = x - z.sum(axis=0)
    assert (row_rest > 0).all() and (col_rest > 0).all()

    def split(rest, shares):
        parts = [np.floor(rest * s).astype(np.int64) for s in shares]
        parts.append(rest - sum(parts))
        return parts

    fd = split(row_rest, [rng.uniform(0.4, 0.6, n), rng.uniform(0.1, 0.2, n), rng.uniform(0.1, 0.2, n)])
    primary = split(col_rest, [rng.uniform(0.05, 0.2, n), rng.uniform(0.02, 0.08, n), rng.uniform(0.3, 0.5, n)])
    employment = np.rint(x / rng.uniform(50, 200, n) / 100).astype(np.int64)  # tenths of persons

    def milli(v):
        return f"{v // 1000}.{v % 1000:03d}"

    sectors = [f"s{i + 1:04d}" for i in range(n)]
    with open(path, "w") as out:
        out.write(",".join(["sector"] + sectors + FINAL_DEMAND + ["total"]) + "\n")
        for i in range(n):
            cells = [milli(v) for v in z[i]] + [milli(p[i]) for p in fd] + [milli(x[i])]
            out.write(sectors[i] + "," + ",".join(cells) + "\n")
        pad = "," * (len(FINAL_DEMAND) + 1)
        for label, row in zip(PRIMARY, primary):
            out.write(label + "," + ",".join(milli(v) for v in row) + pad + "\n")
        out.write("output," + ",".join(milli(v) for v in x) + pad + "\n")
        out.write("employment," + ",".join(f"{v // 10}.{v % 10}" for v in employment) + pad + "\n")


PYMRIO_SIDE = r"""
import json, sys, time
import pandas as pd, pymrio
path, n = sys.argv[1], int(sys.argv[2])
t0, c0 = time.perf_counter(), time.process_time()
df = pd.read_csv(path, index_col=0)
t1, c1 = time.perf_counter(), time.process_time()
sectors = list(df.index[:n])
idx = pd.MultiIndex.from_product([["reg"], sectors], names=["region", "sector"])
Z = pd.DataFrame(df.iloc[:n, :n].to_numpy(), index=idx, columns=idx)
fd = ["households", "government", "gfcf", "exports"]
Y = pd.DataFrame(df.loc[sectors, fd].to_numpy(), index=idx,
                 columns=pd.MultiIndex.from_product([["reg"], fd], names=["region", "category"]))
rows = ["imported_inputs", "taxes_less_subsidies", "compensation", "operating_surplus", "employment"]
F = pd.DataFrame(df.loc[rows, sectors].to_numpy(), index=pd.Index(rows, name="stressor"), columns=idx)
io = pymrio.IOSystem(Z=Z, Y=Y)
io.factor_inputs = pymrio.Extension(name="factor_inputs", F=F)
t2, c2 = time.perf_counter(), time.process_time()
io.calc_all()
t3, c3 = time.perf_counter(), time.process_time()
print(json.dumps({"read_s": t1 - t0, "frame_s": t2 - t1, "calc_all_s": t3 - t2,
                  "read_cpu_s": c1 - c0, "calc_all_cpu_s": c3 - c2,
                  "pymrio": pymrio.__version__, "pandas": pd.__version__}))
"""


def timed(command, env=None):
    """Runs command under /usr/bin/time -v: (wall seconds, max RSS MiB, stdout, CPU seconds: user + system)."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(command)}\n{proc.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", proc.stderr).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    cpu = sum(float(re.search(rf"{name} time \(seconds\): (\S+)", proc.stderr).group(1)) for name in ("User", "System"))
    return seconds, rss_kib / 1024, proc.stdout, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sectors", type=int, nargs="+", default=[3000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--grdp", default=os.path.join(ROOT, ".build", "release", "grdp"))
    parser.add_argument("--workdir", default=os.path.join(ROOT, "Benchmarks", ".build-benchmarks", "io"))
    parser.add_argument("--no-python", action="store_true", help="time grdp only")
    parser.add_argument("--json", help="also write the summary to this file")
    parser.add_argument("--grdp-env", action="append", default=[], metavar="NAME=VALUE",
                        help="environment variable for the grdp side only (repeatable)")
    args = parser.parse_args()
    grdp_env = dict(os.environ)
    for setting in args.grdp_env:
        name, _, value = setting.partition("=")
        grdp_env[name] = value
    os.makedirs(args.workdir, exist_ok=True)
    summary = []
    for n in args.sectors:
        table = os.path.join(args.workdir, f"synthetic-{n}.csv")
        if not os.path.exists(table):
            generate(n, table + ".tmp")
            os.replace(table + ".tmp", table)
        size_mb = os.path.getsize(table) / 1e6
        grdp_runs, py_runs = [], []
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "multipliers.csv")
            for r in range(args.rounds):
                wall, rss, _, cpu = timed([args.grdp, "io", table, "--multipliers", "--format", "csv", "-o", out], env=grdp_env)
                grdp_runs.append({"wall_s": wall, "cpu_s": cpu, "rss_mib": rss})
                print(json.dumps({"sectors": n, "round": r, "side": "grdp", **grdp_runs[-1]}), flush=True)
                if args.no_python:
                    continue
                wall, rss, stdout, cpu = timed([sys.executable, "-c", PYMRIO_SIDE, table, str(n)])
                py_runs.append({"wall_s": wall, "cpu_s": cpu, "rss_mib": rss, **json.loads(stdout)})
                print(json.dumps({"sectors": n, "round": r, "side": "pandas+pymrio", **py_runs[-1]}), flush=True)
        med = lambda runs, key: statistics.median(run[key] for run in runs)
        row = {"sectors": n, "file_mb": round(size_mb, 1), "rounds": args.rounds,
               "grdp_s": med(grdp_runs, "wall_s"), "grdp_rss_mib": max(run["rss_mib"] for run in grdp_runs),
               "grdp_by_round_s": [run["wall_s"] for run in grdp_runs], "grdp_cpu_s": med(grdp_runs, "cpu_s"),
               "grdp_env": args.grdp_env}
        if py_runs:
            read, calc = med(py_runs, "read_s"), med(py_runs, "calc_all_s")
            row.update({"pandas_read_s": read, "pymrio_calc_all_s": calc, "python_wall_s": med(py_runs, "wall_s"),
                        "python_rss_mib": max(run["rss_mib"] for run in py_runs),
                        "ratio_grdp_to_read_plus_calc_all": row["grdp_s"] / (read + calc),
                        "ratio_by_round": [g["wall_s"] / (p["read_s"] + p["calc_all_s"]) for g, p in zip(grdp_runs, py_runs)],
                        "pandas_read_cpu_s": med(py_runs, "read_cpu_s"), "pymrio_calc_all_cpu_s": med(py_runs, "calc_all_cpu_s"),
                        "cpu_ratio_by_round": [g["cpu_s"] / (p["read_cpu_s"] + p["calc_all_cpu_s"]) for g, p in zip(grdp_runs, py_runs)],
                        "pymrio": py_runs[0]["pymrio"], "pandas": py_runs[0]["pandas"]})
        summary.append(row)
        print(json.dumps({"summary": row}), flush=True)
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()
