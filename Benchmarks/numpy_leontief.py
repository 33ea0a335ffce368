#!/usr/bin/env python3
"""NumPy side of grdp's Leontief benchmarks (see ../BENCHMARKS.md).

Times, for n = 50, 200, 1000, 3000 sectors, on matrices built the way
Benchmarks/LeontiefBenchmarks/RandomProductiveTable.swift builds them (A >= 0, dense,
column sums drawn from [0.2, 0.7]; exact values differ, sizes and structure do not):

  inverse       np.linalg.inv(I - A)             (LAPACK dgesv on an identity right-hand side)
  factor+solve  np.linalg.solve(I - A, F)        (dgesv; F is n x 1000 final demands)

NumPy has no factor-once/solve-many API, so grdp's "Impact solve" (dgetrs alone on a
kept factorisation) has no NumPy counterpart here; "factor+solve" is the comparable pair.

Each case runs a warm-up call, then `repeats` timed calls with time.perf_counter; the
median is reported. Thread count: pass --threads (uses threadpoolctl when installed) and
set OPENBLAS_NUM_THREADS / OMP_NUM_THREADS to the same value in the environment, which
NumPy's bundled OpenBLAS reads at import.
"""
import argparse
import json
import statistics
import sys
import time

import numpy as np

SIZES = [50, 200, 1000, 3000]
DEMAND_SCENARIOS = 1000


def repeats_for(n):
    """Same iteration budget as the Swift side: many small calls, few seconds-long ones."""
    if n < 500:
        return 200
    if n < 2000:
        return 25
    return 7


def leontief_matrix(n, rng):
    """I - A for a random productive A: dense, nonnegative, column sums in [0.2, 0.7]."""
    a = rng.random((n, n))
    a *= rng.uniform(0.2, 0.7, size=n) / a.sum(axis=0)
    # Fortran order, as grdp's column-major Matrix stores it.
    return np.asfortranarray(np.eye(n) - a)


def median_seconds(function, repeats):
    function()  # warm-up: first-touch of pages, thread pool start
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def blas_info():
    try:
        import threadpoolctl
        return [
            {k: v for k, v in pool.items() if k in ("internal_api", "version", "architecture", "num_threads", "threading_layer")}
            for pool in threadpoolctl.threadpool_info()
        ]
    except ImportError:
        return "threadpoolctl not installed"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=SIZES)
    parser.add_argument("--threads", type=int, help="BLAS threads (threadpoolctl); default: leave as the environment sets it")
    parser.add_argument("--repeats", type=int, help="timed calls per case (default: by size)")
    parser.add_argument("--json", help="write results to this file as JSON")
    args = parser.parse_args()

    limiter = None
    if args.threads is not None:
        try:
            import threadpoolctl
            limiter = threadpoolctl.threadpool_limits(limits=args.threads, user_api="blas")
        except ImportError:
            print("threadpoolctl not installed: relying on OPENBLAS_NUM_THREADS", file=sys.stderr)

    info = {"numpy": np.__version__, "python": sys.version.split()[0], "blas": blas_info()}
    print(f"numpy {info['numpy']}, python {info['python']}, blas {json.dumps(info['blas'])}")
    print(f"{'case':<28}{'median':>12}{'min':>12}{'calls':>7}")
    results = []
    for n in args.sizes:
        rng = np.random.default_rng(2024 + n)
        m = leontief_matrix(n, rng)
        f = np.asfortranarray(rng.uniform(10, 1000, size=(n, DEMAND_SCENARIOS)))
        repeats = args.repeats or repeats_for(n)
        for case, function in (
            ("inverse", lambda: np.linalg.inv(m)),
            (f"factor+solve k={DEMAND_SCENARIOS}", lambda: np.linalg.solve(m, f)),
        ):
            median, times = median_seconds(function, repeats)
            results.append({"case": case, "n": n, "median_s": median, "min_s": min(times), "calls": repeats})
            print(f"{case + ' n=' + str(n):<28}{median * 1e3:>10.3f}ms{min(times) * 1e3:>10.3f}ms{repeats:>7}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"info": info, "results": results}, out, indent=1)
    if limiter is not None:
        limiter.restore_original_limits()


if __name__ == "__main__":
    main()
