#!/usr/bin/env python3
"""SALib + NumPy side of grdp's Sobol' benchmark (see ../BENCHMARKS.md, "Sobol' indices").

The same analysis as `grdp sensitivity --samples N`: SALib's Saltelli design on a scrambled
Sobol' sequence (`SALib.sample.sobol.sample`, calc_second_order=False), the default plan
evaluated by numpy_montecarlo.py's vectorised model (the same model grdp runs; that script
checks it against grdp's kept draws), then `SALib.analyze.sobol.analyze` (S1 Saltelli 2010,
ST Jansen, 100 bootstrap resamples). Two modes, as grdp's:

  independent  every parameter its own factor, the copula dropped (grdp --ignore-correlations):
               N·(27 + 2) = 237,568 evaluations at N = 8,192
  grouped      each connected set of the copula's correlated parameters one factor (SALib
               `groups`), the copula applied to the design's uniforms (grdp's default)

    pip install SALib numpy scipy
    grdp data export Benchmarks/.build-mcbench/hanoi-data
    OPENBLAS_NUM_THREADS=2 python3 Benchmarks/salib_sensitivity.py --samples 8192 --mode independent --json out.json
"""
import argparse
import json
import os
import sys
import time

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import numpy_montecarlo as nm  # noqa: E402
from SALib.analyze import sobol as sobol_analyze  # noqa: E402
from SALib.sample import sobol as sobol_sample  # noqa: E402


def correlated_sets(model):
    if model.correlation is None:
        return []
    indices, matrix = model.correlation
    matrix = np.asarray(matrix)
    c = len(indices)
    component = [-1] * c
    sets = []
    for start in range(c):
        if component[start] >= 0:
            continue
        stack, members = [start], []
        component[start] = len(sets)
        while stack:
            p = stack.pop()
            members.append(indices[p])
            for q in range(c):
                if component[q] < 0 and matrix[p, q] != 0:
                    component[q] = len(sets)
                    stack.append(q)
        sets.append(sorted(members))
    return [s for s in sets if len(s) > 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=8192)
    parser.add_argument("--mode", choices=["independent", "grouped"], default="independent")
    parser.add_argument("--data", default=os.path.join(HERE, ".build-mcbench", "hanoi-data"))
    parser.add_argument("--scenario", default=os.path.join(nm.REPOSITORY, "scenarios", "hanoi-2025-plan.toml"))
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--chunk", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", help="write S1/ST per factor here")
    args = parser.parse_args()

    model = nm.default_model(args.scenario, args.data)
    ids = [pid for pid, _ in model.parameters]
    k = len(ids)
    problem = {"num_vars": k, "names": ids, "bounds": [[0.0, 1.0]] * k}
    sets = correlated_sets(model) if args.mode == "grouped" else []
    if sets:
        group_of = {}
        for s, members in enumerate(sets):
            for p in members:
                group_of[p] = f"correlated set {s + 1} ({len(members)} inputs)" if len(members) > 3 else " + ".join(ids[m] for m in members)
        problem["groups"] = [group_of.get(j, ids[j]) for j in range(k)]

    timings = []
    for repeat in range(args.repeats + 1):
        t0 = time.perf_counter()
        u = sobol_sample.sample(problem, args.samples, calc_second_order=False, scramble=True, seed=args.seed)
        u = np.clip(u, 1e-12, 1 - 1e-12).T.copy()   # (k, rows)
        t1 = time.perf_counter()
        if args.mode == "grouped" and model.correlation is not None:
            indices, matrix = model.correlation
            cholesky = np.linalg.cholesky(np.asarray(matrix))
            u[indices] = stats.norm.cdf(cholesky @ stats.norm.ppf(u[indices]))
        theta = np.empty_like(u)
        for j, (_, spec) in enumerate(model.parameters):
            theta[j] = nm.inverse_cdf(spec, u[j])
        theta = theta.T
        t2 = time.perf_counter()
        y = np.concatenate([nm.evaluate(model, theta[s:s + args.chunk])[:, 0] for s in range(0, theta.shape[0], args.chunk)])
        t3 = time.perf_counter()
        result = sobol_analyze.analyze(problem, y, calc_second_order=False, seed=args.seed)
        t4 = time.perf_counter()
        if repeat > 0:
            timings.append((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0))
    median = np.median(np.array(timings), axis=0)
    names = list(dict.fromkeys(problem.get("groups", ids)))
    print(f"SALib {args.mode}: N = {args.samples}, {len(names)} factors, {len(y)} evaluations; median of {args.repeats} runs:")
    print(f"  design {median[0]:.3f} s, copula + inverse CDFs {median[1]:.3f} s, model {median[2]:.3f} s, "
          f"analyze {median[3]:.3f} s, total {median[4]:.3f} s")
    rows = sorted(zip(names, result["S1"], result["S1_conf"], result["ST"], result["ST_conf"]), key=lambda r: -r[3])
    for name, s1, c1, st, ct in rows[:8]:
        print(f"  {name:45s} S1 {s1:7.4f} ± {c1:.4f}   ST {st:7.4f} ± {ct:.4f}")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({"timings_s": dict(zip(["design", "transform", "model", "analyze", "total"], map(float, median))),
                       "evaluations": int(len(y)),
                       "factors": {n: {"s1": float(a), "s1_conf": float(b), "st": float(c), "st_conf": float(d)} for n, a, b, c, d in rows}},
                      handle, indent=1)


if __name__ == "__main__":
    main()
