#!/usr/bin/env python3
"""EMA Workbench's PRIM beside `grdp discover` on the same kept draws (../docs/planner-questions.md).

    pip install ema-workbench pandas
    grdp run --draws 20000 --sampling monte-carlo --keep-draws draws.csv -o run.csv
    grdp discover --from-draws draws.csv --format json -o discover.json
    python3 Benchmarks/prim_compare.py draws.csv discover.json [--threshold 8]

EMA's `prim.Prim` with the original objective (PRIMObjectiveFunctions.ORIGINAL: the peel that
leaves the highest mean), peel_alpha 0.05, mass_min 0.05, peeling only (its `find_box` also pastes;
the trajectory compared here is the peeling one). Prints both trajectories side by side and
the restrictions of grdp's chosen box against EMA's box at the same step.
"""
import argparse
import json
import warnings

import pandas as pd

warnings.filterwarnings("ignore")
from ema_workbench.analysis import prim  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draws")
    parser.add_argument("discover_json")
    parser.add_argument("--threshold", type=float, default=8.0)
    args = parser.parse_args()
    frame = pd.read_csv(args.draws)
    columns = list(frame.columns)
    inputs = columns[1:columns.index("grdp_growth")]
    x = frame[inputs]
    # EMA drops inputs that never vary; grdp keeps them (they are never restricted).
    x = x.loc[:, x.nunique() > 1]
    y = (frame["grdp_growth"] >= args.threshold).to_numpy()
    finder = prim.Prim(x, y, threshold=0.8, obj_function=prim.PRIMObjectiveFunctions.ORIGINAL, peel_alpha=0.05, mass_min=0.05)
    box = finder.find_box()
    ema = box.peeling_trajectory
    with open(args.discover_json) as handle:
        report = json.load(handle)
    tables = {t["id"]: t for t in report["tables"]}
    grdp = tables["prim_trajectory"]["rows"]
    print(f"{len(frame)} draws, {len(inputs)} inputs, event share {y.mean():.4f}")
    print("step  grdp coverage density mass | EMA coverage density mass")
    for step in range(max(len(grdp), len(ema))):
        g = grdp[step] if step < len(grdp) else None
        e = ema.iloc[step] if step < len(ema) else None
        left = f"{g['coverage']:.3f} {g['density']:.3f} {g['mass']:.3f}" if g else " " * 17
        right = f"{e['coverage']:.3f} {e['density']:.3f} {e['mass']:.3f}" if e is not None else ""
        print(f"{step:4d}  {left:>25s} | {right}")
    chosen = int(report["headline"]["Chosen box"].split()[1].rstrip(":"))
    print(f"\ngrdp's chosen box (step {chosen}):")
    for row in tables["prim_box"]["rows"]:
        print(f"  {row['input']:45s} >= {row['lower']}  <= {row['upper']}")
    if chosen < len(box.box_lims):
        limits, initial = box.box_lims[chosen], finder.box_init
        print(f"EMA's box at step {chosen}:")
        for column in x.columns:
            low, high = limits[column].iloc[0], limits[column].iloc[1]
            if low != initial[column].iloc[0] or high != initial[column].iloc[1]:
                lower = low if low != initial[column].iloc[0] else None
                upper = high if high != initial[column].iloc[1] else None
                print(f"  {column:45s} >= {lower}  <= {upper}")

if __name__ == "__main__":
    main()
