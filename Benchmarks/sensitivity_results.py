#!/usr/bin/env python3
"""Compares grdp's `sobol` table (JSON) with salib_sensitivity.py's indices: the largest
|S1 difference| and |ST difference|, and how many factors differ by more than the two
intervals' half-widths combined (√(h_grdp² + h_SALib²)).

    python3 Benchmarks/sensitivity_results.py grdp.json salib.json
"""
import json
import sys

grdp = json.load(open(sys.argv[1]))
salib = json.load(open(sys.argv[2]))["factors"]
rows = next(t for t in grdp["tables"] if t["id"] == "sobol")["rows"]
worst1 = worstt = 0.0
outside = []
for row in rows:
    other = salib[row["input"]]
    d1, dt = abs(row["s1"] - other["s1"]), abs(row["st"] - other["st"])
    worst1, worstt = max(worst1, d1), max(worstt, dt)
    h1 = (row["s1_ci_high"] - row["s1_ci_low"]) / 2
    ht = (row["st_ci_high"] - row["st_ci_low"]) / 2
    if d1 > (h1 ** 2 + other["s1_conf"] ** 2) ** 0.5 or dt > (ht ** 2 + other["st_conf"] ** 2) ** 0.5:
        outside.append(row["input"])
print(f"{len(rows)} factors: max |S1 grdp - SALib| {worst1:.4f}, max |ST grdp - SALib| {worstt:.4f}; "
      f"differences beyond the combined intervals: {len(outside)} {outside}")
for row in rows[:5]:
    other = salib[row["input"]]
    print(f"  {row['input']:40s} grdp S1 {row['s1']:.4f} ST {row['st']:.4f} | SALib S1 {other['s1']:.4f} ST {other['st']:.4f}")
print(f"SALib + NumPy total {json.load(open(sys.argv[2]))['timings_s']['total']:.2f} s")
