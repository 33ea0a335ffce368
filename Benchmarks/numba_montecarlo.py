#!/usr/bin/env python3
"""numba side of grdp's Monte Carlo throughput benchmark (see ../BENCHMARKS.md, "Monte Carlo throughput").

The same two models, outputs and summaries as numpy_montecarlo.py (whose model compilation it
reuses: the scenario, the embedded dataset, the synthetic generator), but written the way grdp
computes them: compiled loops over blocks of 4,096 draws, one draw at a time for the default
model, with grdp's own algorithms.

  sampling    Latin hypercube with grdp's keyed permutation (4-round unbalanced Feistel network
              with SplitMix64 rounds and cycle walking, `KeyedPermutation.swift`), a SplitMix64
              jitter inside each stratum (grdp uses Philox4x32-10: a cheaper generator here);
              Gaussian copula u -> z = Phi^-1(u) (AS241) -> L.z -> Phi (erfc), the score L.z itself
              for normal, lognormal and tabulated parameters (grdp's takesNormalScore); inverse CDFs in
              closed form (normal, lognormal, uniform, triangular) or, for PERT and beta, grdp's
              tabulated quantile (x(y) = F^-1(Phi(y)) at 4,097 points of y in [-5, 5], interpolated;
              linear here, monotone cubic in grdp); the netting groups' member amounts rescaled to
              their total (LeverNetting) right after the inverse CDFs.
  default     every draw re-derives the 7-sector Hanoi table (HanoiEconomyKernel.fill as scalar
              code, with construction's and tourism's own technology), cuts each demand lever's
              spending to its local final demand (FinalDemandLeakage: final-use taxes and the
              leaking share removed, the lever's own tax content on the tax lines), applies the local-sourcing lever (7 x 7 LU with partial pivoting, one solve
              per lever), solves the demand levers' columns together, the price model's transposed
              solve, then the accounts (DrawEvaluator.evaluate).
  synthetic   the economy is fixed and every output affine in the parameters, so, as grdp does,
              the map Y = c + M.theta is formed once and each block is one dgemm (np.dot on the
              block, through NumPy's OpenBLAS).
  summaries   per block and output: mean and M2 (merged across blocks, Chan et al.), a DDSketch
              with grdp's relative accuracy 5e-4 and its log-indexed buckets (i = ceil(ln|x|/ln gamma)),
              exceedance counts of the targets; quantiles P5..P95 from the sketch at the end.
              Memory is flat in the number of draws, as grdp's.

Same model, same draws: --validate-draws FILE evaluates the parameter values of grdp's kept
draws (`grdp run --keep-draws FILE`, `synthetic-draws FILE`) with this file's per-draw
evaluator and reports the largest differences, as numpy_montecarlo.py does.

Threads: one (numba without `parallel`); --threads T limits NumPy's BLAS (threadpoolctl) for the
synthetic model's dgemm, and OPENBLAS_NUM_THREADS / OMP_NUM_THREADS should be set to T.
The first call compiles the loops (a few seconds); the warm-up run absorbs it.
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

import numpy as np
from numba import njit
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy_montecarlo as base  # noqa: E402

BLOCK = 4096
RELATIVE_ACCURACY = 5e-4
QUANTILES = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95]
FAMILY = {"normal": 0, "lognormal": 1, "uniform": 2, "triangular": 3, "table": 4, "constant": 5}
KIND = {"demand": 0, "growth": 1, "local_sourcing": 2, "cost_shock": 3}
MASK64 = (1 << 64) - 1


# --------------------------------------------------------------------------------------------
# Sampling kernels
# --------------------------------------------------------------------------------------------

@njit(inline="always")
def mix64(z):
    """SplitMix64's finalizer (Stafford Mix13), on uint64."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


@njit(inline="always")
def feistel_image(index, count, low_bits, low_mask, high_mask, k0, k1, k2, k3):
    """grdp's KeyedPermutation.image: 4 Feistel rounds on [0, 2^b), cycle walking into [0, count)."""
    value = np.uint64(index)
    limit = np.uint64(count)
    while True:
        left = (value >> low_bits) & high_mask
        right = value & low_mask
        left ^= mix64(right + k0) & high_mask
        right ^= mix64(left + k1) & low_mask
        left ^= mix64(right + k2) & high_mask
        right ^= mix64(left + k3) & low_mask
        value = (left << low_bits) | right
        if value < limit:
            return value


def permutation_keys(count, seed, dimensions):
    """Per dimension: the Feistel split and four round keys (from SplitMix64 of (seed, dimension))."""
    bits = max(2, (count - 1).bit_length())
    low, high = (bits + 1) // 2, bits - (bits + 1) // 2
    keys = np.zeros((dimensions, 4), dtype=np.uint64)
    for d in range(dimensions):
        state = (seed * 0x9E3779B97F4A7C15 + d + 1) & MASK64
        for r in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK64
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
            keys[d, r] = z ^ (z >> 31)
    return np.uint64(low), np.uint64((1 << low) - 1), np.uint64((1 << high) - 1), keys


@njit(cache=False)
def latin_hypercube(u, first, count, total, low_bits, low_mask, high_mask, keys, jitter_key):
    """u[j, t] for draws first..first+count: (pi_j(i) + jitter) / N."""
    k = u.shape[0]
    scale = 1.0 / total
    for j in range(k):
        k0, k1, k2, k3 = keys[j, 0], keys[j, 1], keys[j, 2], keys[j, 3]
        dimension_key = mix64(jitter_key ^ np.uint64(j) * np.uint64(0xD1B54A32D192ED03))
        for t in range(count):
            i = first + t
            stratum = feistel_image(i, total, low_bits, low_mask, high_mask, k0, k1, k2, k3)
            bits = mix64(dimension_key + np.uint64(i) * np.uint64(0x9E3779B97F4A7C15))
            jitter = (np.float64(bits >> np.uint64(11)) + 0.5) * (1.0 / 9007199254740992.0)
            value = (np.float64(stratum) + jitter) * scale
            u[j, t] = value if value < 1.0 else 0.9999999999999999


@njit(inline="always")
def normal_quantile(p):
    """Phi^-1(p), Wichura's AS241 (grdp's StandardNormal.quantile)."""
    q = p - 0.5
    if abs(q) <= 0.425:
        r = 0.180625 - q * q
        num = (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r
                    + 6.7265770927008700853e4) * r + 4.5921953931549871457e4) * r
                  + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r
                + 1.3314166789178437745e2) * r + 3.3871328727963666080)
        den = (((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r
                    + 3.9307895800092710610e4) * r + 2.1213794301586595867e4) * r
                  + 5.3941960214247511077e3) * r + 6.8718700749205790830e2) * r
                + 4.2313330701600911252e1) * r + 1.0)
        return q * num / den
    r = math.sqrt(-math.log(p if q < 0 else 1.0 - p))
    if r <= 5.0:
        r -= 1.6
        num = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                    + 2.41780725177450611770e-1) * r + 1.27045825245236838258) * r
                  + 3.64784832476320460504) * r + 5.76949722146069140550) * r
                + 4.63033784615654529590) * r + 1.42343711074968357734)
        den = (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                    + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                  + 6.89767334985100004550e-1) * r + 1.67638483018380384940) * r
                + 2.05319162663775882187) * r + 1.0)
    else:
        r -= 5.0
        num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                    + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                  + 2.96560571828504891230e-1) * r + 1.78482653991729133580) * r
                + 5.46378491116411436990) * r + 6.65790464350110377720)
        den = (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                    + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                  + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                + 5.99832206555887937690e-1) * r + 1.0)
    value = num / den
    return -value if q < 0 else value


@njit(cache=False)
def correlate(u, count, indices, cholesky, z, score, takes_score):
    """The Gaussian copula on rows `indices` of u: z = Phi^-1(u), z <- L.z, then u = Phi(z), or,
    for a parameter whose inverse CDF is a function of the normal score (normal, lognormal,
    tabulated: grdp's `takesNormalScore`), the score z itself in `score` (no Phi o Phi^-1)."""
    c = indices.shape[0]
    for t in range(count):
        for a in range(c):
            z[a] = normal_quantile(u[indices[a], t])
        for a in range(c - 1, -1, -1):  # lower triangular, in place from the last row
            s = 0.0
            for b in range(a + 1):
                s += cholesky[a, b] * z[b]
            z[a] = s
        for a in range(c):
            if takes_score[a]:
                score[indices[a], t] = z[a]
            else:
                u[indices[a], t] = 0.5 * math.erfc(-z[a] * 0.70710678118654752440)


@njit(cache=False)
def inverse_cdfs(u, count, family, p1, p2, p3, p4, tables, table_of, theta, score, scored):
    """theta[t, j] = F_j^-1(u[j, t]) (draw-major, as the evaluator reads it); a `scored`
    parameter's normal score is score[j, t] (the copula's), else Phi^-1(u[j, t])."""
    k = u.shape[0]
    step = 10.0 / (tables.shape[1] - 1)
    for j in range(k):
        f = family[j]
        for t in range(count):
            x = u[j, t]
            if f == 0:
                value = p1[j] + p2[j] * (score[j, t] if scored[j] else normal_quantile(x))
            elif f == 1:
                value = math.exp(p1[j] + p2[j] * (score[j, t] if scored[j] else normal_quantile(x)))
            elif f == 2:
                value = p1[j] + (p2[j] - p1[j]) * x
            elif f == 3:  # triangular: min p1, mode p2, max p3, mode fraction p4
                if x < p4[j]:
                    value = p1[j] + math.sqrt(x * (p3[j] - p1[j]) * (p2[j] - p1[j]))
                else:
                    value = p3[j] - math.sqrt((1.0 - x) * (p3[j] - p1[j]) * (p3[j] - p2[j]))
            elif f == 4:  # tabulated F^-1(Phi(y)), y = Phi^-1(u) in [-5, 5]
                y = score[j, t] if scored[j] else normal_quantile(x)
                position = (min(max(y, -5.0), 5.0) + 5.0) / step
                i = min(int(position), tables.shape[1] - 2)
                w = position - i
                row = table_of[j]
                value = tables[row, i] + w * (tables[row, i + 1] - tables[row, i])
            else:
                value = p1[j]
            theta[t, j] = value


@njit(cache=False)
def apply_netting(theta, count, members, member_start, total_param, total_const):
    """LeverNetting.apply: each group's member amounts a′ᵢ = aᵢ + (T − Σa)·(|aᵢ|/Σ|a|) (T/m each
    when every amount is 0), in every draw's row of theta, right after the inverse CDFs."""
    for t in range(count):
        row = theta[t]
        for g in range(total_param.shape[0]):
            total = row[total_param[g]] if total_param[g] >= 0 else total_const[g]
            first, last = member_start[g], member_start[g + 1]
            s = 0.0
            absolute = 0.0
            for m in range(first, last):
                a = row[members[m]]
                s += a
                absolute += abs(a)
            if absolute > 0:
                gap = total - s
                for m in range(first, last):
                    row[members[m]] += gap * (abs(row[members[m]]) / absolute)
            else:
                for m in range(first, last):
                    row[members[m]] = total / (last - first)


# --------------------------------------------------------------------------------------------
# The per-draw model (DrawEvaluator.evaluate)
# --------------------------------------------------------------------------------------------

@njit(inline="always")
def value_of(theta_row, index, constant):
    return theta_row[index] if index >= 0 else constant


@njit(cache=False)
def lu_factor(a, n, pivots):
    """In place LU with partial pivoting of the n x n matrix a (row-major); False if singular."""
    for c in range(n):
        p = c
        best = abs(a[c, c])
        for r in range(c + 1, n):
            if abs(a[r, c]) > best:
                best = abs(a[r, c])
                p = r
        pivots[c] = p
        if best == 0.0:
            return False
        if p != c:
            for j in range(n):
                a[c, j], a[p, j] = a[p, j], a[c, j]
        inverse = 1.0 / a[c, c]
        for r in range(c + 1, n):
            a[r, c] *= inverse
            factor = a[r, c]
            for j in range(c + 1, n):
                a[r, j] -= factor * a[c, j]
    return True


@njit(cache=False)
def lu_solve(a, n, pivots, b, columns):
    """Solves (LU) X = P.B in place for the first `columns` columns of b (n x columns)."""
    for c in range(columns):
        for i in range(n):
            p = pivots[i]
            if p != i:
                b[i, c], b[p, c] = b[p, c], b[i, c]
        for i in range(n):
            s = b[i, c]
            for j in range(i):
                s -= a[i, j] * b[j, c]
            b[i, c] = s
        for i in range(n - 1, -1, -1):
            s = b[i, c]
            for j in range(i + 1, n):
                s -= a[i, j] * b[j, c]
            b[i, c] = s / a[i, i]


@njit(cache=False)
def lu_solve_transposed(a, n, pivots, b):
    """Solves (P^T L U)^T y = b, i.e. (I - A)^T y = b, in place (one column)."""
    for i in range(n):  # U^T w = b
        s = b[i]
        for j in range(i):
            s -= a[j, i] * b[j]
        b[i] = s / a[i, i]
    for i in range(n - 1, -1, -1):  # L^T v = w
        s = b[i]
        for j in range(i + 1, n):
            s -= a[j, i] * b[j]
        b[i] = s
    for i in range(n - 1, -1, -1):  # y = P^T v
        p = pivots[i]
        if p != i:
            b[i], b[p] = b[p], b[i]


@njit(cache=False)
def hanoi_fill(kc, national, p, A, v, imported, consumer, level, output, shares, ws):
    """HanoiEconomyKernel.fill for one draw's derivation parameters p (10 values, HanoiKernel.keys); ws: 136 doubles of scratch."""
    alpha, water_ratio, tourism_share, delta, gfcf = p[0], p[1], p[2], p[3], p[4]
    services, industry_construction, theta_ind = kc[0], kc[1], kc[2]
    g_ind, g_man, g_ele, g_wat, trade_share, grdp = kc[3], kc[4], kc[5], kc[6], kc[7], kc[8]
    spending, va_ratio, vietnam_va, national_total = kc[9], kc[10], kc[11], kc[12]
    nt = national[0:16].reshape(4, 4)
    nva_level, nva, nimp, nhh = national[16:20], national[20:24], national[24:28], national[28:32]
    remainder = 100.0 - services - industry_construction
    agriculture = remainder * alpha
    taxes = remainder - agriculture
    industry_with_electricity = industry_construction * theta_ind
    construction = industry_construction - industry_with_electricity
    phi = (g_ind - g_man) / ((g_ele - g_man) + water_ratio * (g_wat - g_man))
    electricity = industry_with_electricity * phi
    water = electricity * water_ratio
    industry = industry_with_electricity - electricity
    trade = services * trade_share
    tourism_ratio = p[7] if p[7] > 0 else va_ratio  # tourism's own value-added ratio, else services'
    tourism = spending * tourism_share * tourism_ratio / grdp * 100.0
    other = services - trade - tourism
    s7 = (agriculture, industry, electricity, construction, trade, tourism, other, taxes)
    for i in range(8):
        shares[i] = s7[i] / 100.0
    part_shares, group, slq, within, part_output = ws[0:8], ws[8:12], ws[12:16], ws[16:24], ws[24:32]
    regional, part, sector_output = ws[32:48].reshape(4, 4), ws[48:112].reshape(8, 8), ws[112:119]
    part_shares[0], part_shares[1], part_shares[2], part_shares[3] = agriculture, industry - water, construction, electricity
    part_shares[4], part_shares[5], part_shares[6], part_shares[7] = water, trade, tourism, other
    parent = (0, 1, 1, 2, 2, 3, 3, 3)
    sector_of = (0, 1, 3, 2, 1, 4, 5, 6)
    group[:] = 0.0
    for q in range(8):
        group[parent[q]] += part_shares[q]
    ratio = grdp * (1.0 - taxes / 100.0) / vietnam_va
    share_total = group[0] + group[1] + group[2] + group[3]
    for g in range(4):
        slq[g] = (group[g] / share_total) / (nva_level[g] / national_total)
    lam = math.log2(1.0 + ratio) ** delta
    for g in range(4):
        for h in range(4):
            flq = (slq[g] if g == h else slq[g] / slq[h]) * lam
            regional[g, h] = nt[g, h] * min(1.0, flq)
    for q in range(8):
        g = parent[q]
        within[q] = part_shares[q] / group[g]
        part_output[q] = group[g] / share_total * national_total * ratio / nva[g] * within[q]
    for q in range(8):
        for l in range(8):
            part[q, l] = within[q] * regional[parent[q], parent[l]]
    # partTechnology: each part's per-unit value added and imported inputs (national plus what
    # FLQ removed), then construction's (2) and tourism's (6) own technology (SectorTechnology).
    part_va, part_imp = ws[120:128], ws[128:136]
    for l in range(8):
        h = parent[l]
        removed = 0.0
        for g in range(4):
            removed += nt[g, h] - regional[g, h]
        part_va[l] = nva[h]
        part_imp[l] = nimp[h] + removed
    for l in (2, 6):
        ratio = p[5] if l == 2 else p[7]
        if ratio > 0:
            v0 = part_va[l]
            sigma = (1.0 - ratio) / (1.0 - v0)
            for q in range(8):
                part[q, l] *= sigma
            total = 0.0
            for q in range(8):
                total += part[q, l]
            if l == 2:
                farm = p[6] * total
                part[1, l] += part[0, l] - farm
                part[0, l] = farm
            else:
                goods = part[0, l] + part[1, l]
                services_in = part[5, l] + part[6, l] + part[7, l]
                new_goods = p[8] * total
                new_services = services_in - (new_goods - goods)
                part[0, l] = new_goods * p[9]
                part[1, l] = new_goods * (1.0 - p[9])
                for q in (5, 6, 7):
                    part[q, l] *= new_services / services_in
            part_imp[l] *= sigma
            part_va[l] = ratio
            part_output[l] *= v0 / ratio
    sales = 0.0
    for l in range(8):
        sales += part[2, l] * part_output[l]
    scale = (1.0 - gfcf) * part_output[2] / sales if sales > 0 else 0.0
    for l in range(8):
        old = part[2, l]
        part[2, l] = old * scale
        part[1, l] += old - old * scale
        part[7, l] += part[6, l]
        part[6, l] = 0.0
    sector_output[:] = 0.0
    for q in range(8):
        sector_output[sector_of[q]] += part_output[q]
    A[:, :] = 0.0
    v[:] = 0.0
    imported[:] = 0.0
    consumer[:] = 0.0
    for l in range(8):
        j = sector_of[l]
        weight = part_output[l] / sector_output[j]
        h = parent[l]
        for q in range(8):
            A[sector_of[q], j] += part[q, l] * weight
        v[j] += part_va[l] * weight
        imported[j] += part_imp[l] * weight
        consumer[j] += nhh[h] * within[l]
    consumer[6] += consumer[5]
    consumer[5] = 0.0
    for j in range(7):
        level[j] = s7[j] / 100.0 * grdp * 1000.0
        output[j] = level[j] / v[j]


@njit(cache=False)
def evaluate_block(theta, count, out, hanoi, kc, national, central, assumption_key, assumption_param,
                   A0, v0, imported0, consumer0, level0, output0, shares0,
                   kind, lever_sector, lever_param, lever_const, buyers, buyer_start, directions, demand_column,
                   export_param, export_const, has_exports, category, quarter_ratio,
                   base_param, base_const, sector_of_line, is_tax, group_of_line, group_count,
                   elasticity_param, elasticity_const, exports_param, exports_const, cpi_param, cpi_const,
                   flags, shocked, leak, local_param, local_const, has_local, use_of_lever, weight_param, weight_const,
                   purchases, final_use_taxes, kappa, spending_per_amount):
    """out[o, t] for draws t < count of theta (draw-major)."""
    n = A0.shape[0]
    L = sector_of_line.shape[0]
    nl = kind.shape[0]
    nd = directions.shape[1]
    A = A0.copy()
    v = v0.copy()
    imported = imported0.copy()
    consumer = consumer0.copy()
    level = level0.copy()
    output = output0.copy()
    shares = shares0.copy()
    p = central.copy()
    M = np.empty((n, n))
    Anew = np.empty((n, n))
    pivots = np.zeros(n, dtype=np.int64)
    rhs = np.empty((n, max(nd, 1)))
    f = np.empty((n, 1))
    previous = np.empty(n)
    left = np.empty(n)
    y = np.empty(n)
    unit_effect = np.zeros((nl, n))
    lever_value = np.zeros(nl)
    unit_growth = np.zeros((nl, L))
    weighted = np.zeros(nl)
    contribution = np.zeros(nl)
    tax_growth = np.zeros(nl)
    rates = np.zeros(purchases.shape[0])
    lever_rate = np.zeros(max(nd, 1))
    base = np.empty(L)
    ws = np.zeros(136)
    final_demand = np.zeros((n, 1))
    has_sourcing = False
    for l in range(nl):
        if kind[l] == 2:
            has_sourcing = True
    for t in range(count):
        row = theta[t]
        if hanoi:
            for a in range(assumption_key.shape[0]):
                p[assumption_key[a]] = row[assumption_param[a]]
            hanoi_fill(kc, national, p, A, v, imported, consumer, level, output, shares, ws)
        for i in range(n):
            for j in range(n):
                Anew[i, j] = A[i, j]
        if has_sourcing:
            for i in range(n):
                left[i] = imported[i]
                s = 0.0
                for j in range(n):
                    s += A[i, j] * output[j]
                f[i, 0] = output[i] - s
                previous[i] = output[i]
                final_demand[i, 0] = f[i, 0]
        for l in range(nl):
            if kind[l] == 2:
                rise = max(0.0, value_of(row, lever_param[l], lever_const[l]))
                s_ = lever_sector[l]
                for b in range(buyer_start[l], buyer_start[l + 1]):
                    j = buyers[b]
                    extra = min(rise * Anew[s_, j], left[j])
                    Anew[s_, j] += extra
                    left[j] -= extra
                for i in range(n):
                    for j in range(n):
                        M[i, j] = (1.0 if i == j else 0.0) - Anew[i, j]
                lu_factor(M, n, pivots)
                for i in range(n):
                    f[i, 0] = final_demand[i, 0]
                lu_solve(M, n, pivots, f, 1)
                for i in range(n):
                    unit_effect[l, i] = v[i] * (f[i, 0] - previous[i])
                    previous[i] = f[i, 0]
                lever_value[l] = 1.0
        if not has_sourcing:
            for i in range(n):
                for j in range(n):
                    M[i, j] = (1.0 if i == j else 0.0) - Anew[i, j]
            lu_factor(M, n, pivots)
        if leak:
            # FinalDemandLeakage: t_u = ρ_u·T_f / Σ_v ρ_v·P_v; local demand dᵢ·sᵢ/(1 + t_u).
            base_p = 0.0
            for u in range(purchases.shape[0]):
                base_p += max(0.0, value_of(row, weight_param[u], weight_const[u])) * purchases[u]
            r = final_use_taxes / base_p if base_p > 0 else 0.0
            for u in range(purchases.shape[0]):
                rates[u] = max(0.0, value_of(row, weight_param[u], weight_const[u])) * r
            for l in range(nl):
                c = demand_column[l]
                if c < 0:
                    continue
                rate = rates[use_of_lever[l]] if use_of_lever[l] >= 0 else 0.0
                lever_rate[c] = rate
                for i in range(n):
                    share = min(1.0, max(0.0, value_of(row, local_param[l, i], local_const[l, i]))) if has_local[l] else 1.0
                    rhs[i, c] = directions[i, c] * share / (1.0 + rate)
        else:
            for i in range(n):
                for c in range(nd):
                    rhs[i, c] = directions[i, c]
        lu_solve(M, n, pivots, rhs, nd)
        if shocked >= 0:
            for i in range(n):
                y[i] = 1.0 if i == shocked else 0.0
            lu_solve_transposed(M, n, pivots, y)
        for l in range(nl):
            if kind[l] == 0:
                c = demand_column[l]
                for i in range(n):
                    unit_effect[l, i] = v[i] * rhs[i, c]
                lever_value[l] = value_of(row, lever_param[l], lever_const[l])
            elif kind[l] != 2:
                for i in range(n):
                    unit_effect[l, i] = 0.0
                lever_value[l] = value_of(row, lever_param[l], lever_const[l]) if kind[l] == 1 else 0.0
        tax_share = 0.0
        va_share = 0.0
        for i in range(L):
            if is_tax[i]:
                tax_share += shares[i]
            elif sector_of_line[i] >= 0:
                va_share += shares[i]
        elasticity = value_of(row, elasticity_param, elasticity_const)
        spill = elasticity * tax_share / va_share
        va_total = 0.0
        for s_ in range(n):
            va_total += level[s_]
        tax_level = tax_share * va_total / va_share
        for l in range(nl):
            w = 0.0
            for i in range(L):
                s_ = sector_of_line[i]
                g = 0.0
                if s_ >= 0:
                    g = 100.0 * unit_effect[l, s_] / level[s_]
                    if kind[l] == 1 and s_ == lever_sector[l]:
                        g += 1.0
                unit_growth[l, i] = g
                w += g * shares[i]
            weighted[l] = lever_value[l] * w
            c = demand_column[l]
            if leak and c >= 0:
                # ΔT = S·t/(1 + t) + Σₛ κₛ·ΔVAₛ; the tax lines grow by 100·ΔT/T.
                rate = lever_rate[c]
                taxes = lever_value[l] * spending_per_amount[c] * rate / (1.0 + rate)
                for s_ in range(n):
                    taxes += kappa[s_] * (unit_effect[l, s_] * lever_value[l])
                tax_growth[l] = 100.0 * taxes / tax_level if tax_level > 0 else 0.0
                contribution[l] = weighted[l] + tax_share * tax_growth[l]
            else:
                tax_growth[l] = elasticity * (weighted[l] / va_share)
                contribution[l] = weighted[l] * (1.0 + spill)
        for i in range(L):
            base[i] = value_of(row, base_param[i], base_const[i])
        grdp = 0.0
        baseline_contribution = 0.0
        o_contribution, o_growth = 1, 1 + L
        o_groups = 1 + 2 * L
        o_levers = o_groups + group_count
        o_categories = o_levers + nl
        o_baseline = o_categories + 6
        o_quarters = o_baseline + 1
        for g in range(group_count):
            out[o_groups + g, t] = 0.0
        for i in range(L):
            if is_tax[i]:
                growth = base[i]
                for l in range(nl):
                    growth += tax_growth[l]
            else:
                growth = base[i]
                for l in range(nl):
                    growth += lever_value[l] * unit_growth[l, i]
            out[o_growth + i, t] = growth
            out[o_contribution + i, t] = shares[i] * growth
            grdp += shares[i] * growth
            baseline_contribution += shares[i] * base[i]
            if group_of_line[i] >= 0:
                out[o_groups + group_of_line[i], t] += shares[i] * growth
        out[0, t] = grdp
        for c in range(6):
            out[o_categories + c, t] = 0.0
        for l in range(nl):
            out[o_levers + l, t] = contribution[l]
            out[o_categories + category[l], t] += contribution[l]
        out[o_baseline, t] = baseline_contribution
        for q in range(4):
            quarter = baseline_contribution
            for l in range(nl):
                quarter += contribution[l] * quarter_ratio[l, q]
            out[o_quarters + q, t] = quarter
        o = o_quarters + 4
        if flags[0]:
            exports = value_of(row, exports_param, exports_const)
            for l in range(nl):
                if has_exports[l]:
                    exports += value_of(row, export_param[l], export_const[l])
            out[o, t] = exports
            o += 1
        if flags[1]:
            cpi = value_of(row, cpi_param, cpi_const)
            if shocked >= 0:
                weighted_y, total_h = 0.0, 0.0
                for i in range(n):
                    h = max(consumer[i], 0.0)
                    weighted_y += h * y[i]
                    total_h += h
                sensitivity = weighted_y / (y[shocked] * total_h)
                for l in range(nl):
                    if kind[l] == 3:
                        cpi += value_of(row, lever_param[l], lever_const[l]) * sensitivity
            out[o, t] = cpi


# --------------------------------------------------------------------------------------------
# Summaries: moments, DDSketch (log-indexed), exceedance counts
# --------------------------------------------------------------------------------------------

@njit(cache=False)
def summarise_block(out, count, multiplier, positive, negative, offsets, moments, zeros):
    """Adds the block to the running moments (Chan et al.) and the sketches. Returns False
    (having added nothing) when a bucket falls outside a store's window."""
    m = out.shape[0]
    width = positive.shape[1]
    for o in range(m):
        low_p, high_p, low_n, high_n = np.inf, 0.0, np.inf, 0.0
        for t in range(count):
            x = out[o, t]
            magnitude = abs(x)
            if magnitude >= 1e-12:
                if x > 0:
                    low_p, high_p = min(low_p, magnitude), max(high_p, magnitude)
                else:
                    low_n, high_n = min(low_n, magnitude), max(high_n, magnitude)
        if high_p > 0:
            if int(math.ceil(math.log(low_p) * multiplier)) < offsets[o, 0] or int(math.ceil(math.log(high_p) * multiplier)) >= offsets[o, 0] + width:
                return False
        if high_n > 0:
            if int(math.ceil(math.log(low_n) * multiplier)) < offsets[o, 1] or int(math.ceil(math.log(high_n) * multiplier)) >= offsets[o, 1] + width:
                return False
    for o in range(m):
        mean = 0.0
        for t in range(count):
            mean += out[o, t]
        mean /= count
        m2 = 0.0
        for t in range(count):
            d = out[o, t] - mean
            m2 += d * d
        n_a = moments[o, 0]
        n_ab = n_a + count
        delta = mean - moments[o, 1]
        moments[o, 1] += delta * count / n_ab
        moments[o, 2] += m2 + delta * delta * n_a * count / n_ab
        moments[o, 0] = n_ab
        for t in range(count):
            x = out[o, t]
            magnitude = abs(x)
            if magnitude >= 1e-12:
                index = int(math.ceil(math.log(magnitude) * multiplier))
                if x > 0:
                    positive[o, index - offsets[o, 0]] += 1
                else:
                    negative[o, index - offsets[o, 1]] += 1
            else:
                zeros[o] += 1
    return True


class Sketches:
    """One positive and one negative bucket window per output, re-centred and widened when a
    block falls outside (so memory follows the range of the values, not the draws)."""

    def __init__(self, outputs):
        self.gamma = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY)
        self.log_gamma = 2 * math.atanh(RELATIVE_ACCURACY)
        self.multiplier = 1 / self.log_gamma
        self.width = 0
        self.positive = np.zeros((outputs, 0), dtype=np.int64)
        self.negative = np.zeros((outputs, 0), dtype=np.int64)
        self.offsets = np.zeros((outputs, 2), dtype=np.int64)
        self.moments = np.zeros((outputs, 3))
        self.zeros = np.zeros(outputs, dtype=np.int64)

    def widen(self, block):
        with np.errstate(divide="ignore"):
            indices = np.ceil(np.log(np.abs(block)) * self.multiplier)
        low, high = [], []
        for sign, store in ((block > 0, 0), (block <= 0, 1)):
            mask = sign & np.isfinite(indices)
            lo = np.where(mask, indices, np.inf).min(axis=1)
            hi = np.where(mask, indices, -np.inf).max(axis=1)
            for o in range(block.shape[0]):
                if self.width and np.isfinite(lo[o]):
                    lo[o] = min(lo[o], self.offsets[o, store])
                    hi[o] = max(hi[o], self.offsets[o, store] + self.width - 1)
                elif self.width:
                    lo[o], hi[o] = self.offsets[o, store], self.offsets[o, store] + self.width - 1
            low.append(lo)
            high.append(hi)
        span = max(int(np.nanmax(np.where(np.isfinite(h - l), h - l, 0))) for l, h in zip(low, high)) + 1
        width = max(2 * span + 128, self.width)
        positive = np.zeros((block.shape[0], width), dtype=np.int64)
        negative = np.zeros((block.shape[0], width), dtype=np.int64)
        offsets = np.zeros_like(self.offsets)
        for store, (stores, old) in enumerate(((positive, self.positive), (negative, self.negative))):
            for o in range(block.shape[0]):
                lo, hi = low[store][o], high[store][o]
                centre = int((lo + hi) // 2) if np.isfinite(lo) else 0
                offsets[o, store] = centre - width // 2
                if self.width:
                    shift = self.offsets[o, store] - offsets[o, store]
                    stores[o, shift:shift + self.width] = old[o]
        self.positive, self.negative, self.offsets, self.width = positive, negative, offsets, width

    def add(self, block, count):
        while not summarise_block(block, count, self.multiplier, self.positive, self.negative, self.offsets, self.moments, self.zeros):
            self.widen(block[:, :count])

    def quantiles(self, o):
        """grdp's lower quantiles (rank floor(q (n - 1))) from output o's buckets."""
        n = int(self.moments[o, 0])
        negative, positive = self.negative[o][::-1], self.positive[o]
        result = []
        for q in QUANTILES:
            rank = int(math.floor(q * (n - 1)))
            cumulative = np.cumsum(negative)
            if cumulative.size and cumulative[-1] > rank:
                index = self.offsets[o, 1] + self.width - 1 - int(np.searchsorted(cumulative, rank, side="right"))
                result.append(-2 * math.exp(index * self.log_gamma) / (self.gamma + 1))
                continue
            rank -= int(cumulative[-1]) if cumulative.size else 0
            if self.zeros[o] > rank:
                result.append(0.0)
                continue
            rank -= int(self.zeros[o])
            index = self.offsets[o, 0] + int(np.searchsorted(np.cumsum(positive), rank, side="right"))
            result.append(2 * math.exp(index * self.log_gamma) / (self.gamma + 1))
        return result


# --------------------------------------------------------------------------------------------
# The model in flat arrays
# --------------------------------------------------------------------------------------------

def encode(value):
    kind, x = value
    return (int(x), 0.0) if kind == "param" else (-1, float(x))


class FlatModel:
    def __init__(self, model):
        self.model = model
        k = len(model.parameters)
        self.k = k
        self.family = np.zeros(k, dtype=np.int64)
        self.p = np.zeros((4, k))
        tables, self.table_of = [], np.full(k, -1, dtype=np.int64)
        y = np.linspace(-5, 5, 4097)
        for j, (_, spec) in enumerate(model.parameters):
            d = spec["dist"]
            if d == "normal":
                self.family[j] = FAMILY["normal"]
                self.p[:2, j] = spec["mean"], spec["sd"]
            elif d == "lognormal":
                dist = base.frozen(spec)
                self.family[j] = FAMILY["lognormal"]
                self.p[:2, j] = math.log(dist.kwds["scale"]), dist.kwds["s"]
            elif d == "uniform":
                self.family[j] = FAMILY["uniform"]
                self.p[:2, j] = spec["min"], spec["max"]
            elif d == "triangular" and spec["max"] > spec["min"]:
                self.family[j] = FAMILY["triangular"]
                self.p[:, j] = spec["min"], spec["mode"], spec["max"], (spec["mode"] - spec["min"]) / (spec["max"] - spec["min"])
            elif d in ("pert", "beta"):
                self.family[j] = FAMILY["table"]
                self.table_of[j] = len(tables)
                tables.append(base.frozen(spec).ppf(stats.norm.cdf(y)))
            else:
                raise NotImplementedError(f"distribution {d} is not ported to the numba peer")
        self.tables = np.array(tables) if tables else np.zeros((1, 4097))
        if model.correlation is not None:
            indices, matrix = model.correlation
            self.copula = (np.asarray(indices, dtype=np.int64), np.linalg.cholesky(matrix))
            self.takes_score = np.array([self.family[j] in (FAMILY["normal"], FAMILY["lognormal"], FAMILY["table"])
                                         for j in indices], dtype=np.bool_)
        else:
            self.copula = None
            self.takes_score = np.zeros(1, dtype=np.bool_)
        self.scored = np.zeros(k, dtype=np.bool_)
        if self.copula is not None:
            self.scored[self.copula[0][self.takes_score]] = True
        levers = model.levers
        nl = len(levers)
        self.kind = np.array([KIND[lever["kind"]] for lever in levers], dtype=np.int64)
        self.lever_sector = np.array([lever["sector"] for lever in levers], dtype=np.int64)
        encoded = [encode(lever["value"]) for lever in levers]
        self.lever_param = np.array([e[0] for e in encoded], dtype=np.int64)
        self.lever_const = np.array([e[1] for e in encoded])
        buyers, starts = [], [0]
        for lever in levers:
            buyers += list(lever["buyers"])
            starts.append(len(buyers))
        self.buyers, self.buyer_start = np.array(buyers + [0], dtype=np.int64), np.array(starts, dtype=np.int64)
        demand = [l for l in range(nl) if levers[l]["kind"] == "demand"]
        self.directions = np.ascontiguousarray(np.stack([levers[l]["direction"] for l in demand], axis=1)) if demand else np.zeros((model.n, 0))
        self.demand_column = np.full(nl, -1, dtype=np.int64)
        for c, l in enumerate(demand):
            self.demand_column[l] = c
        exports = [encode(lever["exports"]) if lever["exports"] is not None else (-1, 0.0) for lever in levers]
        self.export_param = np.array([e[0] for e in exports], dtype=np.int64)
        self.export_const = np.array([e[1] for e in exports])
        self.has_exports = np.array([lever["exports"] is not None for lever in levers])
        self.category = np.array([lever["category_index"] for lever in levers], dtype=np.int64)
        self.quarter_ratio = np.array([lever["quarter_ratio"] for lever in levers]).reshape(nl, 4)
        baseline = [encode(b) for b in model.baseline]
        self.base_param = np.array([b[0] for b in baseline], dtype=np.int64)
        self.base_const = np.array([b[1] for b in baseline])
        self.elasticity = encode(model.tax_elasticity)
        self.exports = encode(model.exports_baseline) if model.exports_baseline is not None else (-1, 0.0)
        self.cpi = encode(model.cpi_baseline) if model.cpi_baseline is not None else (-1, 0.0)
        self.flags = np.array([model.exports_baseline is not None, model.cpi_baseline is not None])
        shocked = sorted({levers[l]["sector"] for l in range(nl) if levers[l]["kind"] == "cost_shock"})
        if len(shocked) > 1:
            raise NotImplementedError("more than one shocked sector is not ported")
        self.shocked = shocked[0] if shocked else -1
        if model.actual_quarters:
            raise NotImplementedError("published quarters are not ported to the numba peer")
        self.outputs = len(model.output_names)
        if model.economy[0] == "hanoi":
            _, kernel, central, assumption_parameters = model.economy
            self.hanoi = True
            self.kc, self.national = hanoi_constants(kernel)
            self.central = np.asarray(central, dtype=float)
            self.assumption_key = np.array([a for a, _ in assumption_parameters], dtype=np.int64)
            self.assumption_param = np.array([b for _, b in assumption_parameters], dtype=np.int64)
            economy = kernel.fill(self.central[None, :])
        else:
            self.hanoi = False
            self.kc, self.national = np.zeros(13), np.zeros(32)
            self.central, self.assumption_key, self.assumption_param = np.zeros(10), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
            economy = model.economy[1]
        self.economy = tuple(np.ascontiguousarray(np.asarray(economy[name])[0], dtype=float)
                             for name in ("technical", "value_added", "imported", "consumer", "level", "output", "shares"))
        leakage = getattr(model, "leakage", None)
        n = model.n
        self.leak = leakage is not None and len(demand) > 0
        self.local_param = np.full((nl, n), -1, dtype=np.int64)
        self.local_const = np.ones((nl, n))
        self.has_local = np.zeros(nl, dtype=np.bool_)
        self.use_of_lever = np.full(nl, -1, dtype=np.int64)
        self.weight_param, self.weight_const = np.full(1, -1, dtype=np.int64), np.zeros(1)
        self.purchases, self.final_use_taxes, self.kappa = np.zeros(1), 0.0, np.zeros(n)
        if self.leak:
            for l in range(nl):
                row = leakage["local_shares"][l]
                self.has_local[l] = len(row) > 0
                for i, value in enumerate(row):
                    self.local_param[l, i], self.local_const[l, i] = encode(value)
                self.use_of_lever[l] = leakage["use_of_lever"][l]
            weights = [encode(w) for w in leakage["tax_weights"]]
            self.weight_param = np.array([w[0] for w in weights], dtype=np.int64)
            self.weight_const = np.array([w[1] for w in weights])
            self.purchases = np.asarray(leakage["purchases"], dtype=float)
            self.final_use_taxes = float(leakage["final_use_taxes"])
            self.kappa = np.asarray(leakage["intermediate_tax_per_value_added"], dtype=float)
        self.spending_per_amount = np.ascontiguousarray(self.directions.sum(axis=0)) if demand else np.zeros(1)
        members, starts, total_param, total_const = [], [0], [], []
        for group in getattr(model, "netting", []):
            members += list(group["members"])
            starts.append(len(members))
            tp, tc = encode(group["total"])
            total_param.append(tp)
            total_const.append(tc)
        self.netting = (np.array(members + [0], dtype=np.int64), np.array(starts, dtype=np.int64),
                        np.array(total_param, dtype=np.int64), np.array(total_const, dtype=float))
        self.affine = not self.hanoi and not any(levers[l]["kind"] == "local_sourcing" for l in range(nl)) and not self.leak

    def evaluate(self, theta, count, out):
        evaluate_block(
            theta, count, out, self.hanoi, self.kc, self.national, self.central, self.assumption_key, self.assumption_param,
            *self.economy, self.kind, self.lever_sector, self.lever_param, self.lever_const, self.buyers, self.buyer_start,
            self.directions, self.demand_column, self.export_param, self.export_const, self.has_exports, self.category,
            self.quarter_ratio, self.base_param, self.base_const, self.model.sector_of_line.astype(np.int64),
            self.model.is_tax, self.model.group_of_line.astype(np.int64), len(self.model.groups),
            self.elasticity[0], self.elasticity[1], self.exports[0], self.exports[1], self.cpi[0], self.cpi[1],
            self.flags, self.shocked, self.leak, self.local_param, self.local_const, self.has_local, self.use_of_lever,
            self.weight_param, self.weight_const, self.purchases, self.final_use_taxes, self.kappa, self.spending_per_amount)

    def affine_map(self):
        """Intercept c (m) and slopes M (m x k) of an affine model, from k + 1 evaluations."""
        theta = np.zeros((self.k + 1, self.k))
        theta[1:] = np.eye(self.k)
        out = np.zeros((self.outputs, self.k + 1))
        self.evaluate(theta, self.k + 1, out)
        return out[:, 0].copy(), np.ascontiguousarray(out[:, 1:] - out[:, :1])


def hanoi_constants(kernel):
    f = kernel.fact
    theta = (f("Hanoi", 2024, "FY", "contribution_pp", "industry") / f("Hanoi", 2024, "FY", "va_growth", "industry")) / (
        f("Hanoi", 2024, "FY", "contribution_pp", "industry_construction") / f("Hanoi", 2024, "FY", "va_growth", "industry_construction"))
    trade_share = (f("Hanoi", 2024, "FY", "contribution_pp", "wholesale_retail_trade") / f("Hanoi", 2024, "FY", "va_growth", "wholesale_retail_trade")) / (
        f("Hanoi", 2024, "FY", "contribution_pp", "services") / f("Hanoi", 2024, "FY", "va_growth", "services"))
    vietnam_tax = 100 - f("Vietnam", 2024, "FY", "structure_current_prices", "services") \
        - f("Vietnam", 2024, "FY", "structure_current_prices", "industry_construction") \
        - f("Vietnam", 2024, "FY", "structure_current_prices", "agriculture_forestry_fishery")
    kc = np.array([
        f("Hanoi", 2024, "FY", "structure_current_prices", "services"),
        f("Hanoi", 2024, "FY", "structure_current_prices", "industry_construction"), theta,
        f("Hanoi", 2024, "FY", "va_growth", "industry"), f("Hanoi", 2024, "FY", "va_growth", "manufacturing"),
        f("Hanoi", 2024, "FY", "va_growth", "electricity"), f("Hanoi", 2024, "FY", "va_growth", "water_waste"), trade_share,
        f("Hanoi", 2024, "FY", "grdp_current_prices", "total"),
        f("Hanoi", 2025, "EST", "tourism_revenue", "total") / (1 + f("Hanoi", 2025, "EST", "tourism_revenue_growth", "total") / 100),
        kernel.services_value_added_ratio,
        f("Vietnam", 2024, "FY", "gdp_current_prices", "total") * (1 - vietnam_tax / 100),
        kernel.national_value_added_level.sum()])
    national = np.concatenate([kernel.national_technical.ravel(), kernel.national_value_added_level, kernel.national_value_added,
                               kernel.national_imported_inputs, kernel.national_household_consumption])
    return kc, national


# --------------------------------------------------------------------------------------------
# Runs
# --------------------------------------------------------------------------------------------

def run(flat, draws, seed):
    """One run: blocks of 4,096 draws sampled, evaluated and summarised; then the summary."""
    model, k, m = flat.model, flat.k, flat.outputs
    timings = {name: 0.0 for name in ["uniforms (Latin hypercube)", "Gaussian copula", "inverse CDFs", "model", "summary"]}
    low_bits, low_mask, high_mask, keys = permutation_keys(draws, seed, k)
    jitter_key = np.uint64((seed ^ 0x4C415449_4E485950) & MASK64)
    u = np.empty((k, BLOCK))
    score = np.empty((k, BLOCK))
    theta = np.empty((BLOCK, k))
    out = np.empty((m, BLOCK))
    z = np.empty(flat.copula[0].shape[0] if flat.copula else 1)
    sketches = Sketches(m)
    exceed = np.zeros(3, dtype=np.int64)
    names = model.output_names
    exports_index = names.index("exports_growth_pct") if "exports_growth_pct" in names else -1
    cpi_index = names.index("cpi_pct") if "cpi_pct" in names else -1
    if flat.affine:
        intercept, slopes = flat.affine_map()
        slopes_t = np.ascontiguousarray(slopes.T)
    for first in range(0, draws, BLOCK):
        count = min(BLOCK, draws - first)
        start = time.perf_counter()
        latin_hypercube(u, first, count, draws, low_bits, low_mask, high_mask, keys, jitter_key)
        timings["uniforms (Latin hypercube)"] += time.perf_counter() - start
        if flat.copula is not None:
            start = time.perf_counter()
            correlate(u, count, flat.copula[0], flat.copula[1], z, score, flat.takes_score)
            timings["Gaussian copula"] += time.perf_counter() - start
        start = time.perf_counter()
        inverse_cdfs(u, count, flat.family, flat.p[0], flat.p[1], flat.p[2], flat.p[3], flat.tables, flat.table_of, theta,
                     score, flat.scored)
        if flat.netting[2].shape[0] > 0:
            apply_netting(theta, count, *flat.netting)
        timings["inverse CDFs"] += time.perf_counter() - start
        start = time.perf_counter()
        if flat.affine:
            # Y^T = c 1^T + (Theta M^T)^T: one dgemm for the block.
            block = np.dot(theta[:count], slopes_t)
            out[:, :count] = block.T
            out[:, :count] += intercept[:, None]
        else:
            flat.evaluate(theta, count, out)
        timings["model"] += time.perf_counter() - start
        start = time.perf_counter()
        sketches.add(out, count)
        exceed[0] += int(np.count_nonzero(out[0, :count] >= model.target))
        if exports_index >= 0 and model.exports_target is not None:
            exceed[1] += int(np.count_nonzero(out[exports_index, :count] >= model.exports_target))
        if cpi_index >= 0 and model.cpi_ceiling is not None:
            exceed[2] += int(np.count_nonzero(out[cpi_index, :count] < model.cpi_ceiling))
        timings["summary"] += time.perf_counter() - start
    start = time.perf_counter()
    n = sketches.moments[:, 0]
    summary = {"mean": sketches.moments[:, 1].copy(), "sd": np.sqrt(sketches.moments[:, 2] / (n - 1)),
               "quantiles": np.array([sketches.quantiles(o) for o in range(m)]).T, "p_target": exceed[0] / draws}
    timings["summary"] += time.perf_counter() - start
    return summary, timings


def validate(flat, path, rows):
    """Evaluates grdp's kept parameter values with the per-draw evaluator and compares outputs."""
    import csv
    with open(path, newline="") as handle:
        header = next(csv.reader(handle))
    model, k = flat.model, flat.k
    expected = ["draw"] + [pid for pid, _ in model.parameters] + model.output_names
    if header != expected:
        raise SystemExit("column mismatch between the kept draws and this model")
    data = np.loadtxt(path, delimiter=",", skiprows=1, max_rows=rows, ndmin=2)
    theta, grdp_outputs = np.ascontiguousarray(data[:, 1:1 + k]), data[:, 1 + k:]
    out = np.zeros((flat.outputs, theta.shape[0]))
    flat.evaluate(theta, theta.shape[0], out)
    difference = np.abs(out.T - grdp_outputs)
    relative = difference / np.maximum(np.abs(grdp_outputs), 1.0)
    worst = np.unravel_index(np.argmax(relative), relative.shape)
    return {"draws_compared": int(data.shape[0]), "outputs": flat.outputs,
            "max_abs_difference": float(difference.max()),
            "max_relative_difference (|d| / max(|grdp|, 1))": float(relative.max()),
            "worst": {"draw": int(data[worst[0], 0]), "output": model.output_names[worst[1]],
                      "grdp": float(grdp_outputs[worst]), "numba": float(out.T[worst])}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=["default", "synthetic"], default="default")
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5, help="timed runs (after one warm-up run)")
    parser.add_argument("--threads", type=int, help="BLAS threads (threadpoolctl) for the synthetic dgemm")
    parser.add_argument("--data", default=os.path.join(base.HERE, ".build-mcbench", "hanoi-data"),
                        help="directory written by `grdp data export DIR` (default model)")
    parser.add_argument("--scenario", default=os.path.join(base.REPOSITORY, "scenarios", "hanoi-2025-plan.toml"))
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--validate-draws", metavar="FILE", help="compare with grdp's kept draws instead of timing")
    parser.add_argument("--validate-rows", type=int, default=None)
    parser.add_argument("--json", help="write timing results to this file as JSON")
    args = parser.parse_args()
    limiter = None
    if args.threads is not None:
        try:
            import threadpoolctl
            limiter = threadpoolctl.threadpool_limits(limits=args.threads)
        except ImportError:
            print("threadpoolctl not installed: thread count left to OPENBLAS_NUM_THREADS", file=sys.stderr)
    model = base.synthetic_model() if args.model == "synthetic" else base.default_model(args.scenario, args.data)
    flat = FlatModel(model)
    if args.validate_draws:
        print(json.dumps(validate(flat, args.validate_draws, args.validate_rows), indent=2))
        return
    run(flat, min(args.draws, 2 * BLOCK), args.seed)  # warm-up: compiles the loops
    seconds, cpu_seconds, breakdowns = [], [], []
    for r in range(args.repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        summary, timings = run(flat, args.draws, args.seed + r)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
        breakdowns.append(timings)
    median = statistics.median(seconds)
    import numba
    result = {
        "model": args.model, "draws": args.draws, "threads": args.threads, "parameters": flat.k, "outputs": flat.outputs,
        "seconds": seconds, "median_seconds": median, "draws_per_second": args.draws / median,
        "cpu_seconds": cpu_seconds, "median_cpu_seconds": statistics.median(cpu_seconds),
        "breakdown_median_seconds": {name: statistics.median(b[name] for b in breakdowns) for name in breakdowns[0]},
        "p_target": float(summary["p_target"]), "grdp_growth_mean": float(summary["mean"][0]),
        "grdp_growth_quantiles": [float(x) for x in summary["quantiles"][:, 0]],
        "numba": numba.__version__, "numpy": np.__version__,
    }
    print(f"{args.model} (numba): {args.draws} draws, {flat.k} parameters, {flat.outputs} outputs, threads {args.threads}: "
          f"median {median:.3f} s = {args.draws / median:,.0f} draws/s (runs {', '.join(f'{s:.3f}' for s in seconds)}; "
          f"CPU {', '.join(f'{s:.3f}' for s in cpu_seconds)} s); "
          f"mean GRDP growth {result['grdp_growth_mean']:.3f}, P(target) {result['p_target']:.4f}")
    for name, value in result["breakdown_median_seconds"].items():
        print(f"  {name:28s} {value:.3f} s")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(result, handle, indent=2)
    if limiter is not None:
        limiter.restore_original_limits()


if __name__ == "__main__":
    main()
