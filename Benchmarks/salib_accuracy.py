#!/usr/bin/env python3
"""Accuracy SALib reaches on the analytic test functions (Ishigami a=7, b=0.1; Sobol' G with
a = [0, 1, 4.5, 9, 99, 99, 99, 99]) with the Saltelli design on a scrambled Sobol' sequence,
calc_second_order=False: the largest |estimate - analytic| over inputs and seeds, and the mean
bootstrap half-width (S1_conf). The tolerances of Tests/SensitivityTests come from this run.

    pip install SALib
    python3 Benchmarks/salib_accuracy.py [N] [SEEDS]
"""
import sys
import numpy as np
from SALib.sample import sobol as sobol_sample
from SALib.analyze import sobol as sobol_analyze

N = int(sys.argv[1]) if len(sys.argv) > 1 else 4096
SEEDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20

def ishigami(x, a=7.0, b=0.1):
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])

a, b = 7.0, 0.1
V = a**2 / 8 + b * np.pi**4 / 5 + b**2 * np.pi**8 / 18 + 0.5
V1 = 0.5 * (1 + b * np.pi**4 / 5) ** 2
V2 = a**2 / 8
V13 = b**2 * np.pi**8 * (1 / 18 - 1 / 50)
ish_s1 = np.array([V1 / V, V2 / V, 0.0])
ish_st = np.array([(V1 + V13) / V, V2 / V, V13 / V])

g_a = np.array([0, 1, 4.5, 9, 99, 99, 99, 99], dtype=float)
def gfun(x):
    return np.prod((np.abs(4 * x - 2) + g_a) / (1 + g_a), axis=1)
Vi = 1 / (3 * (1 + g_a) ** 2)
Vg = np.prod(1 + Vi) - 1
g_s1 = Vi / Vg
g_st = Vi * np.prod(1 + Vi) / (1 + Vi) / Vg

def run(name, problem, f, s1, st):
    err1, errt, conf1, conft = [], [], [], []
    for seed in range(SEEDS):
        x = sobol_sample.sample(problem, N, calc_second_order=False, scramble=True, seed=seed)
        res = sobol_analyze.analyze(problem, f(x), calc_second_order=False, seed=seed)
        err1.append(np.max(np.abs(res["S1"] - s1)))
        errt.append(np.max(np.abs(res["ST"] - st)))
        conf1.append(np.mean(res["S1_conf"]))
        conft.append(np.mean(res["ST_conf"]))
    print(f"{name} N={N} seeds={SEEDS}: max|S1 err| {max(err1):.4f} (median {np.median(err1):.4f}), "
          f"max|ST err| {max(errt):.4f} (median {np.median(errt):.4f}), "
          f"mean S1_conf {np.mean(conf1):.4f}, mean ST_conf {np.mean(conft):.4f}")
    print("  analytic S1", np.round(s1, 4), "ST", np.round(st, 4))

run("Ishigami", {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}, ishigami, ish_s1, ish_st)
run("G function", {"num_vars": 8, "names": [f"x{i}" for i in range(8)], "bounds": [[0, 1]] * 8}, gfun, g_s1, g_st)
