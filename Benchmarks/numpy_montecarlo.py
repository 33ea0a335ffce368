#!/usr/bin/env python3
"""NumPy side of grdp's Monte Carlo throughput benchmark (see ../BENCHMARKS.md, "Monte Carlo throughput").

The same two models and the same outputs as grdp's MonteCarloBenchmarks, written the way an
economist would write them in NumPy/SciPy: whole chunks of draws at once.

  default     the embedded Hanoi 2025 plan (scenarios/hanoi-2025-plan.toml, read with tomllib):
              Latin hypercube (scipy.stats.qmc.LatinHypercube), Gaussian copula by Cholesky,
              inverse CDFs from scipy.stats (norm, triang, beta for PERT), the netting groups'
              member amounts rescaled to their total (LeverNetting); the dataset's ten
              derivation assumptions sampled, so every draw re-derives the 7-sector Hanoi table
              (HanoiEconomyKernel.fill, vectorised over draws, with construction's and tourism's
              own technology) and re-solves it: stacked (N, 7, 7) systems, the local-sourcing
              lever changing A for each draw; the demand levers' spending cut to local final
              demand by the sampled local shares and final-use tax rates (FinalDemandLeakage),
              their own tax content on the tax lines.
  synthetic   a random productive 200-sector table with 10 demand levers, generated from the
              same seed and generator as Benchmarks/SyntheticModels/SyntheticModel.swift
              (bit-identical inputs); the economy is fixed, so the Leontief solve is done once
              and each chunk is a few matrix products.

Outputs per draw (grdp's OutputLayout): GRDP growth; every accounts line's contribution and
growth; group contributions; each lever's contribution; demand-category contributions; the
baseline contribution; quarterly GRDP growth; exports and CPI where modelled. Summary of each:
mean, sd, P5, P10, P25, P50, P75, P90, P95 (exact, np.percentile over all draws), and the
probability of reaching the GRDP target (and the exports and CPI targets).

Draws are processed in chunks (default 100,000) so that working memory is bounded; the outputs
of all draws are kept for the exact percentiles (outputs x N doubles, one row per output).

Thread count: pass --threads T (threadpoolctl) and set OPENBLAS_NUM_THREADS / OMP_NUM_THREADS
to T in the environment, which NumPy's bundled OpenBLAS reads at import.

Data: the default model reads the embedded dataset as `grdp data export DIR` writes it
(--data DIR). Validation against grdp's own draws: `grdp run --keep-draws FILE` writes each
draw's parameter values and outputs; --validate-draws FILE evaluates those parameter values
here and reports the largest differences.
"""
import argparse
import csv
import json
import math
import os
import statistics
import sys
import time
import tomllib

import numpy as np
from scipy import stats
from scipy.stats import qmc

QUANTILES = [5, 10, 25, 50, 75, 90, 95]
DEMAND_CATEGORIES = ["households", "government", "investment", "exports", "visitors", "supply"]
HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(HERE)


# --------------------------------------------------------------------------------------------
# Distributions (scipy.stats inverse CDFs)
# --------------------------------------------------------------------------------------------

def distribution_from_toml(value):
    """A scenario value: a number (constant) or an inline table with `dist`."""
    if isinstance(value, (int, float)):
        return {"dist": "constant", "value": float(value)}
    spec = {k: v for k, v in value.items() if k not in ("source", "assumption")}
    return spec


def is_constant(spec):
    return spec["dist"] == "constant"


def frozen(spec):
    d = spec["dist"]
    if d == "normal":
        return stats.norm(loc=spec["mean"], scale=spec["sd"])
    if d == "lognormal":
        if "mu" in spec:
            mu, sigma = spec["mu"], spec["sigma"]
        else:
            ratio = spec["sd"] / spec["mean"]
            variance = math.log1p(ratio * ratio)
            mu, sigma = math.log(spec["mean"]) - 0.5 * variance, math.sqrt(variance)
        return stats.lognorm(s=sigma, scale=math.exp(mu))
    if d == "uniform":
        return stats.uniform(loc=spec["min"], scale=spec["max"] - spec["min"])
    if d == "triangular":
        width = spec["max"] - spec["min"]
        return stats.triang(c=(spec["mode"] - spec["min"]) / width, loc=spec["min"], scale=width)
    if d == "pert":  # Vose's modified PERT: Beta(1 + λ(m − a)/(b − a), 1 + λ(b − m)/(b − a)) on [a, b]
        lam = spec.get("lambda", 4.0)
        width = spec["max"] - spec["min"]
        alpha = 1 + lam * (spec["mode"] - spec["min"]) / width
        beta = 1 + lam * (spec["max"] - spec["mode"]) / width
        return stats.beta(alpha, beta, loc=spec["min"], scale=width)
    if d == "beta":
        lower, upper = spec.get("min", 0.0), spec.get("max", 1.0)
        return stats.beta(spec["alpha"], spec["beta"], loc=lower, scale=upper - lower)
    raise ValueError(f"distribution {d} is not supported here")


def inverse_cdf(spec, u):
    """F⁻¹(u) for a column of uniforms."""
    d = spec["dist"]
    if d == "constant":
        return np.full_like(u, spec["value"])
    if d == "discrete":
        values = np.asarray(spec["values"], dtype=float)
        cumulative = np.cumsum(spec["probabilities"])
        return values[np.minimum(np.searchsorted(cumulative, u, side="right"), len(values) - 1)]
    # Degenerate distributions stay distributions (always the same value).
    if d == "normal" and spec["sd"] == 0:
        return np.full_like(u, spec["mean"])
    if d in ("uniform", "triangular", "pert") and spec["max"] == spec["min"]:
        return np.full_like(u, spec["min"])
    return frozen(spec).ppf(u)


# --------------------------------------------------------------------------------------------
# The model (grdp's SimulationModel, in plain arrays)
# --------------------------------------------------------------------------------------------

class Model:
    """Everything a run needs. A parameter value is ("param", j) or ("const", value)."""

    def __init__(self, **fields):
        self.__dict__.update(fields)
        self.n = len(self.sectors)
        self.line_count = len(self.lines)
        self.lever_count = len(self.levers)
        # Output layout, in grdp's order (OutputLayout).
        names = ["grdp_growth"]
        names += [f"contribution_pp.{line}" for line in self.lines]
        names += [f"growth_pct.{line}" for line in self.lines]
        names += [f"group_contribution_pp.{g}" for g in self.groups]
        names += [f"lever_contribution_pp.{lever['id']}" for lever in self.levers]
        names += [f"demand_contribution_pp.{c}" for c in DEMAND_CATEGORIES]
        names += ["baseline_contribution_pp"]
        names += [f"grdp_growth_pct.Q{q + 1}" for q in range(4)]
        if self.exports_baseline is not None:
            names.append("exports_growth_pct")
        if self.cpi_baseline is not None:
            names.append("cpi_pct")
        self.output_names = names


def value_of(theta, value):
    """A parameter value for every draw of the chunk: a column of θ, or a constant."""
    kind, x = value
    return theta[:, x] if kind == "param" else np.full(theta.shape[0], float(x))


def values_of(theta, values):
    """Several parameter values at once, (N, len(values)): one gather from θ, then the constants."""
    result = theta[:, [x if kind == "param" else 0 for kind, x in values]]
    for column, (kind, x) in enumerate(values):
        if kind != "param":
            result[:, column] = x
    return result


# --------------------------------------------------------------------------------------------
# The default model: embedded Hanoi dataset and the 2025 plan scenario
# --------------------------------------------------------------------------------------------

def read_csv_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.reader(handle) if row and not row[0].startswith("#")]


class HanoiKernel:
    """HanoiEconomyKernel.fill, vectorised over draws: from the five derivation assumptions of
    each draw to its 7-sector A, value-added coefficients, imported inputs, consumer weights,
    value added and output (billion VND), and the 8 accounts shares."""

    # Groups: 0 agriculture, 1 industry & construction, 2 utilities, 3 services.
    # Parts: 0 agriculture, 1 manufacturing, 2 construction, 3 electricity, 4 water, 5 trade,
    # 6 tourism, 7 other services. Water joins industry.
    parent_of_part = np.array([0, 1, 1, 2, 2, 3, 3, 3])
    sector_of_part = np.array([0, 1, 3, 2, 1, 4, 5, 6])
    keys = ["agriculture_share_of_remainder_2024", "water_to_electricity_ratio", "tourism_characteristic_share",
            "flq_delta", "construction_gfcf_share", "construction_va_ratio", "construction_farm_input_share",
            "tourism_va_ratio", "tourism_goods_input_share", "tourism_farm_share_of_goods"]

    def __init__(self, data_dir):
        self.facts = self.read_facts([os.path.join(data_dir, "grdp_facts.csv"), os.path.join(data_dir, "extra_facts.csv")])
        self.read_national(os.path.join(data_dir, "vn_io2019_6sec_aggregated_mVND.csv"))
        self.part_to_sector = np.zeros((8, 7))
        self.part_to_sector[np.arange(8), self.sector_of_part] = 1
        self.part_to_group = np.zeros((8, 4))
        self.part_to_group[np.arange(8), self.parent_of_part] = 1

    @staticmethod
    def read_facts(paths):
        facts = {}
        for path in paths:
            for row in read_csv_rows(path)[1:]:
                key = tuple(row[:5])
                facts.setdefault(key, row[5])  # the first file and line win, as in grdp
        return facts

    def fact(self, geo, year, period, indicator, sector):
        return float(self.facts[(geo, str(year), period, indicator, sector)])

    def read_national(self, path):
        """The GSO 2019 table (NationalTable2019), domestic flows by import proportionality,
        aggregated to the four Hanoi matching groups."""
        rows = read_csv_rows(path)
        header = rows[0]
        by_label = {row[0]: row for row in rows[1:]}
        sectors = ["Primary", "MiningEnergy", "Refinery", "Utilities", "Secondary", "Tertiary"]

        def cell(label, column):
            text = by_label[label][header.index(column)]
            return float(text) if text else 0.0

        z = np.array([[cell(i, j) for j in sectors] for i in sectors])
        domestic_use_columns = ["CONS", "GC", "GFCF", "INVNT"]
        domestic_final = np.array([[cell(i, c) for c in domestic_use_columns] for i in sectors])
        households = np.array([cell(i, "CONS") for i in sectors])
        imports = np.array([-cell(i, "IMPO_neg") for i in sectors])
        output = np.array([cell(i, "TOTAL_output") for i in sectors])
        value_added = np.array([cell("VALU_value_added", j) for j in sectors])
        import_share = imports / (z.sum(axis=1) + domestic_final.sum(axis=1))
        z_domestic = (1 - import_share)[:, None] * z
        imported_inputs = import_share @ z
        group = np.array([0, 1, 1, 2, 1, 3])  # agriculture, industry & construction, utilities, services
        g = np.zeros((6, 4))
        g[np.arange(6), group] = 1
        zg, xg = g.T @ z_domestic @ g, output @ g
        self.national_technical = zg / xg[None, :]
        self.national_value_added_level = value_added @ g
        self.national_value_added = self.national_value_added_level / xg
        self.national_imported_inputs = (imported_inputs @ g) / xg
        self.national_household_consumption = households @ g
        tertiary = sectors.index("Tertiary")
        self.services_value_added_ratio = value_added[tertiary] / output[tertiary]

    def fill(self, p):
        """p: (N, 10) derivation parameters in `keys` order. Returns a dict of per-draw arrays."""
        f = self.fact
        alpha, water_ratio, tourism_share, delta, construction_gfcf = (p[:, i] for i in range(5))
        technology = p[:, 5:10]
        N = p.shape[0]
        # HanoiStructure: 2024 shares in percent of GRDP.
        services = f("Hanoi", 2024, "FY", "structure_current_prices", "services")
        industry_construction = f("Hanoi", 2024, "FY", "structure_current_prices", "industry_construction")
        remainder = 100 - services - industry_construction
        agriculture = remainder * alpha
        taxes = remainder - agriculture
        theta = (f("Hanoi", 2024, "FY", "contribution_pp", "industry") / f("Hanoi", 2024, "FY", "va_growth", "industry")) / (
            f("Hanoi", 2024, "FY", "contribution_pp", "industry_construction") / f("Hanoi", 2024, "FY", "va_growth", "industry_construction"))
        industry_with_electricity = industry_construction * theta
        construction = np.full(N, industry_construction - industry_with_electricity)
        g_ind, g_man = f("Hanoi", 2024, "FY", "va_growth", "industry"), f("Hanoi", 2024, "FY", "va_growth", "manufacturing")
        g_ele, g_wat = f("Hanoi", 2024, "FY", "va_growth", "electricity"), f("Hanoi", 2024, "FY", "va_growth", "water_waste")
        phi = (g_ind - g_man) / ((g_ele - g_man) + water_ratio * (g_wat - g_man))
        electricity = industry_with_electricity * phi
        water = electricity * water_ratio
        industry = industry_with_electricity - electricity
        trade_share = (f("Hanoi", 2024, "FY", "contribution_pp", "wholesale_retail_trade") / f("Hanoi", 2024, "FY", "va_growth", "wholesale_retail_trade")) / (
            f("Hanoi", 2024, "FY", "contribution_pp", "services") / f("Hanoi", 2024, "FY", "va_growth", "services"))
        trade = np.full(N, services * trade_share)
        grdp = f("Hanoi", 2024, "FY", "grdp_current_prices", "total")
        spending = f("Hanoi", 2025, "EST", "tourism_revenue", "total") / (1 + f("Hanoi", 2025, "EST", "tourism_revenue_growth", "total") / 100)
        # Tourism's own value-added ratio when its technology is re-specified, else that of services.
        tourism_ratio = np.where(technology[:, 2] > 0, technology[:, 2], self.services_value_added_ratio)
        tourism = spending * tourism_share * tourism_ratio / grdp * 100
        other = services - trade - tourism
        shares = np.stack([agriculture, industry, electricity, construction, trade, tourism, other, taxes], axis=1)

        # HanoiEconomyKernel.fill.
        part_shares = np.stack([agriculture, industry - water, construction, electricity, water, trade, tourism, other], axis=1)
        group_shares = part_shares @ self.part_to_group
        vietnam_tax = 100 - f("Vietnam", 2024, "FY", "structure_current_prices", "services") \
            - f("Vietnam", 2024, "FY", "structure_current_prices", "industry_construction") \
            - f("Vietnam", 2024, "FY", "structure_current_prices", "agriculture_forestry_fishery")
        vietnam_value_added = f("Vietnam", 2024, "FY", "gdp_current_prices", "total") * (1 - vietnam_tax / 100)
        ratio = grdp * (1 - taxes / 100) / vietnam_value_added
        national_total = self.national_value_added_level.sum()
        share_total = group_shares.sum(axis=1)
        slq = (group_shares / share_total[:, None]) / (self.national_value_added_level / national_total)
        lam = np.log2(1 + ratio) ** delta
        flq = slq[:, :, None] / slq[:, None, :]
        diagonal = np.arange(4)
        flq[:, diagonal, diagonal] = slq
        regional = self.national_technical * np.minimum(1, flq * lam[:, None, None])
        parent = self.parent_of_part
        within = part_shares / group_shares[:, parent]
        part_output = group_shares[:, parent] / share_total[:, None] * national_total * ratio[:, None] \
            / self.national_value_added[parent] * within
        part = within[:, :, None] * regional[:, parent[:, None], parent[None, :]]
        removed = (self.national_technical - regional).sum(axis=1)
        part_value_added = np.tile(self.national_value_added[parent], (N, 1))
        part_imported = self.national_imported_inputs[parent] + removed[:, parent]
        self.sector_technology(technology, part, part_output, part_value_added, part_imported)
        construction_sales = (part[:, 2, :] * part_output).sum(axis=1)
        scale = np.where(construction_sales > 0, (1 - construction_gfcf) * part_output[:, 2] / construction_sales, 0.0)
        old = part[:, 2, :].copy()
        part[:, 2, :] = old * scale[:, None]
        part[:, 1, :] += old - old * scale[:, None]
        part[:, 7, :] += part[:, 6, :]
        part[:, 6, :] = 0
        sector_output = part_output @ self.part_to_sector
        weight = part_output / sector_output[:, self.sector_of_part]
        technical = self.part_to_sector.T @ (part * weight[:, None, :]) @ self.part_to_sector
        value_added = (part_value_added * weight) @ self.part_to_sector
        imported = (part_imported * weight) @ self.part_to_sector
        consumer = (self.national_household_consumption[parent] * within) @ self.part_to_sector
        consumer[:, 6] += consumer[:, 5]
        consumer[:, 5] = 0
        level = shares[:, :7] / 100 * grdp * 1000
        return {"technical": technical, "value_added": value_added, "imported": imported, "consumer": consumer,
                "level": level, "output": level / value_added, "shares": shares / 100}


    @staticmethod
    def sector_technology(technology, part, part_output, part_value_added, part_imported):
        """SectorTechnology in HanoiEconomyKernel.partTechnology, in place for every draw:
        construction (part 2) and tourism (part 6) keep their value added and take the
        value-added ratio v′ (0: unchanged), their column of coefficients scaled by
        σ = (1 − v′)/(1 − v), then their domestic input mix re-specified (D = Σ column kept)."""
        construction_ratio, farm_share, tourism_ratio, goods_share, farm_of_goods = (technology[:, i] for i in range(5))
        for l, ratio in ((2, construction_ratio), (6, tourism_ratio)):
            on = ratio > 0
            if not on.any():
                continue
            r = np.where(on, ratio, 0.5)
            v = part_value_added[:, l].copy()
            if np.any(on & ((v >= 1) | (r <= 0) | (r >= 1))):
                raise ValueError("sector technology: value-added ratios must be in (0, 1)")
            sigma = np.where(on, (1 - r) / (1 - v), 1.0)
            column = part[:, :, l] * sigma[:, None]
            total = column.sum(axis=1)
            if l == 2:
                farm = farm_share * total
                mixed = column.copy()
                mixed[:, 1] += column[:, 0] - farm
                mixed[:, 0] = farm
            else:
                goods = column[:, 0] + column[:, 1]
                services = column[:, 5] + column[:, 6] + column[:, 7]
                new_goods = goods_share * total
                new_services = services - (new_goods - goods)
                mixed = column.copy()
                mixed[:, 0] = new_goods * farm_of_goods
                mixed[:, 1] = new_goods * (1 - farm_of_goods)
                for k in (5, 6, 7):
                    mixed[:, k] = column[:, k] * (new_services / services)
            part[:, :, l] = np.where(on[:, None], mixed, part[:, :, l])
            part_imported[:, l] = np.where(on, part_imported[:, l] * sigma, part_imported[:, l])
            part_output[:, l] = np.where(on, part_output[:, l] * (v / r), part_output[:, l])
            part_value_added[:, l] = np.where(on, r, v)


def default_model(scenario_path, data_dir):
    """The scenario compiled as grdp's ScenarioCompiler does (dataset assumptions sampled)."""
    with open(scenario_path, "rb") as handle:
        scenario = tomllib.load(handle)
    header = read_csv_rows(os.path.join(data_dir, "hanoi_io_2024.csv"))[0]
    row_labels = {row[0] for row in read_csv_rows(os.path.join(data_dir, "hanoi_io_2024.csv"))[1:]}
    sectors = [s for s in header[1:] if s in row_labels]
    accounts_rows = read_csv_rows(os.path.join(data_dir, "hanoi_accounts_2025.csv"))
    columns = [c.lower() for c in accounts_rows[0]]
    accounts = [dict(zip(columns, row)) for row in accounts_rows[1:]]
    lines = [a["sector"] for a in accounts]
    groups = []
    for a in accounts:
        if a["group"] and a["group"] not in groups:
            groups.append(a["group"])
    weights = [float(row[1]) for row in read_csv_rows(os.path.join(data_dir, "hanoi_quarterly_weights.csv"))[1:]]
    targets = {row[0]: float(row[1]) for row in read_csv_rows(os.path.join(data_dir, "hanoi_targets_2025.csv"))[1:]}
    assumptions = read_csv_rows(os.path.join(data_dir, "assumptions.csv"))[1:]

    parameters = []  # (id, spec)

    def value(key, raw):
        spec = distribution_from_toml(raw)
        if is_constant(spec):
            return ("const", spec["value"])
        parameters.append((key, spec))
        return ("param", len(parameters) - 1)

    baseline_section = scenario.get("baseline", {})
    baseline_values = {}
    for line, raw in baseline_section.items():
        if line != "tax_elasticity":
            baseline_values[line] = value(f"baseline.{line}", raw)
    baseline = [baseline_values.get(line, ("const", float(a["growth"] or "nan"))) for line, a in zip(lines, accounts)]
    tax_elasticity = value("baseline.tax_elasticity", baseline_section["tax_elasticity"]) if "tax_elasticity" in baseline_section else ("const", 1.0)
    levers = []
    for lever_id, lever in scenario.get("levers", {}).items():
        path = f"levers.{lever_id}"
        entry = {"id": lever_id, "kind": lever["kind"], "sector": -1, "exports": None, "buyers": [],
                 "direction": np.zeros(len(sectors)), "quarters": lever.get("quarters")}
        if lever["kind"] == "demand":
            for name, w in lever["sectors"].items():
                entry["direction"][sectors.index(name)] += w
            entry["value"] = value(f"{path}.amount", lever["amount"])
            if "exports_growth_pp" in lever:
                entry["exports"] = value(f"{path}.exports_growth_pp", lever["exports_growth_pp"])
            entry["category"] = lever["category"]
        elif lever["kind"] == "growth":
            entry["sector"] = sectors.index(lever["sector"])
            entry["value"] = value(f"{path}.shift", lever["shift"])
            entry["category"] = "supply"
        elif lever["kind"] == "local_sourcing":
            entry["sector"] = sectors.index(lever["supplier"])
            entry["buyers"] = [sectors.index(b) for b in lever.get("buyers", sectors)]
            entry["value"] = value(f"{path}.increase", lever["increase"])
            entry["category"] = "supply"
        elif lever["kind"] == "cost_shock":
            entry["sector"] = sectors.index(lever["sector"])
            entry["value"] = value(f"{path}.price_change", lever["price_change"])
            entry["category"] = "supply"
        levers.append(entry)
    indicators = scenario.get("indicators", {})
    exports = value("indicators.exports", indicators["exports"]["baseline"]) if "exports" in indicators else None
    cpi = value("indicators.cpi", indicators["cpi"]["baseline"]) if "cpi" in indicators else None
    # Netting groups: each member's amount is a parameter; the total a value (after the indicators, as grdp's ParameterIndex).
    netting = []
    for group_id, group in scenario.get("netting", {}).items():
        total = value(f"netting.{group_id}.total", group["total"])
        members = []
        for lever_id in group["levers"]:
            members.append([pid for pid, _ in parameters].index(f"levers.{lever_id}.amount"))
        netting.append({"id": group_id, "members": members, "total": total})
    # The dataset's assumptions (sampled; triangular over their ranges), after the scenario's.
    central = {row[0]: float(row[1]) for row in assumptions}
    assumption_parameters = []
    for row in assumptions:
        low, mode, high = float(row[2]), float(row[1]), float(row[3])
        if high > low:
            parameters.append((f"assumptions.{row[0]}", {"dist": "triangular", "min": low, "mode": mode, "max": high}))
            assumption_parameters.append((HanoiKernel.keys.index(row[0]), len(parameters) - 1))
    # The final-demand assumptions (local shares, final-use tax weights), sampled likewise.
    final_path = os.path.join(data_dir, "final_demand_assumptions.csv")
    if not os.path.exists(final_path):
        final_path = os.path.join(REPOSITORY, "data", "sources", "final_demand_assumptions.csv")
    final_rows = read_csv_rows(final_path)[1:]
    final_central = {row[0]: float(row[1]) for row in final_rows}
    final_value = {}
    for row in final_rows:
        low, mode, high = float(row[2]), float(row[1]), float(row[3])
        if high > low:
            parameters.append((f"assumptions.{row[0]}", {"dist": "triangular", "min": low, "mode": mode, "max": high}))
            final_value[row[0]] = ("param", len(parameters) - 1)
        else:
            final_value[row[0]] = ("const", mode)
    leakage = final_demand_leakage(scenario, data_dir, sectors, accounts, levers, final_central, final_value, value)
    ids = [pid for pid, _ in parameters]
    correlation = None
    if "correlation" in scenario:
        spec = scenario["correlation"]
        correlation = ([ids.index(name) for name in spec["parameters"]], np.array(spec["matrix"], dtype=float))
    return Model(
        sectors=sectors, lines=lines, groups=groups,
        group_of_line=np.array([groups.index(a["group"]) if a["group"] else -1 for a in accounts]),
        sector_of_line=np.array([sectors.index(line) if line in sectors else -1 for line in lines]),
        is_tax=np.array([a["group"] == "taxes" for a in accounts]),
        baseline=baseline, tax_elasticity=tax_elasticity, levers=finish_levers(levers, weights),
        exports_baseline=exports, cpi_baseline=cpi, parameters=parameters, correlation=correlation,
        economy=("hanoi", HanoiKernel(data_dir), np.array([central[k] for k in HanoiKernel.keys]), assumption_parameters),
        quarterly_weights=np.array(weights), target=float(scenario["scenario"].get("target", 8.0)),
        exports_target=targets.get("export_growth") if exports is not None else None,
        cpi_ceiling=targets.get("cpi") if cpi is not None else None,
        actual_quarters=list(scenario["scenario"].get("actual_quarters", [])),
        seed=int(scenario["scenario"].get("seed", 2025)), leakage=leakage, netting=netting)


FINAL_USES = ["households", "government", "investment", "exports", "visitors"]
LOCAL_SHARE_IDS = {("investment", "industry"): "local_share_investment_industry",
                   ("investment", "construction"): "local_share_investment_construction",
                   ("households", "industry"): "local_share_households_industry",
                   ("households", "agriculture"): "local_share_households_agriculture",
                   ("visitors", "trade"): "visitor_trade_margin"}


def final_demand_leakage(scenario, data_dir, sectors, accounts, levers, central, assumption_value, value):
    """ScenarioCompiler.finalDemandLeakage and FinalUseTaxBase on the embedded table: each demand
    lever's local share of each product (the lever's `local_share`, else the dataset's default,
    else 1), its use, the uses' tax weights ρ_u (households 1), their purchases P_u (the table's
    final demand grossed up by the central local shares; visitors' the tourism exports over
    tourism_characteristic_share), T_f (product taxes less those on intermediate use) and κₛ."""
    rows = read_csv_rows(os.path.join(data_dir, "hanoi_io_2024.csv"))
    header = rows[0]
    by_label = {row[0]: row for row in rows[1:]}

    def cell(label, column):
        text = by_label[label][header.index(column)]
        return float(text) if text else 0.0

    n = len(sectors)
    value_added = np.array([cell("compensation", j) + cell("operating_surplus", j) for j in sectors])
    intermediate_taxes = np.array([cell("taxes_less_subsidies", j) for j in sectors])
    # τ: the tax lines' base-year shares (GRDPAccounts.baseYearShares: base values over their total).
    product_tax_share = sum(float(a["base_value"]) for a in accounts if a["group"] == "taxes") / sum(float(a["base_value"]) for a in accounts)
    grdp = value_added.sum() / (1 - product_tax_share)
    final_taxes = product_tax_share * grdp - intermediate_taxes.sum()
    assumption_rows = read_csv_rows(os.path.join(data_dir, "assumptions.csv"))[1:]
    characteristic = {row[0]: float(row[1]) for row in assumption_rows}["tourism_characteristic_share"]
    purchases = np.zeros(len(FINAL_USES))
    for use, columns in ((0, ["households"]), (1, ["government"]), (2, ["gfcf", "inventories"]), (3, ["exports"])):
        for column in columns:
            if column not in header:
                continue
            for i, sector in enumerate(sectors):
                x = cell(sector, column)
                if x <= 0:
                    continue
                if column == "exports" and sector == "tourism":
                    purchases[4] += x / max(characteristic, 1e-9)
                else:
                    key = LOCAL_SHARE_IDS.get((FINAL_USES[use], sector))
                    purchases[use] += x / (max(central[key], 1e-9) if key else 1.0)
    local_shares, uses = [], []
    specs = list(scenario.get("levers", {}).items())
    for (lever_id, spec), lever in zip(specs, levers):
        if lever["kind"] != "demand" or lever["category"] not in FINAL_USES:
            local_shares.append([])
            uses.append(-1)
            continue
        overrides = spec.get("local_share", {})
        row = []
        for sector in sectors:
            if sector in overrides:
                row.append(value(f"levers.{lever_id}.local_share.{sector}", overrides[sector]))
            elif (lever["category"], sector) in LOCAL_SHARE_IDS:
                row.append(assumption_value[LOCAL_SHARE_IDS[(lever["category"], sector)]])
            else:
                row.append(("const", 1.0))
        local_shares.append(row)
        uses.append(FINAL_USES.index(lever["category"]))
    weights = [("const", 1.0) if use == "households" else assumption_value[f"final_use_tax_weight_{use}"] for use in FINAL_USES]
    return {"local_shares": local_shares, "use_of_lever": uses, "tax_weights": weights, "purchases": purchases,
            "final_use_taxes": final_taxes,
            "intermediate_tax_per_value_added": np.where(value_added > 0, intermediate_taxes / np.where(value_added > 0, value_added, 1), 0.0)}


def finish_levers(levers, quarterly_weights):
    for lever in levers:
        profile = lever["quarters"] if lever["quarters"] is not None else quarterly_weights
        lever["quarter_ratio"] = np.asarray(profile, dtype=float) / np.asarray(quarterly_weights)
        lever["category_index"] = DEMAND_CATEGORIES.index(lever["category"]) if lever["category"] in DEMAND_CATEGORIES else len(DEMAND_CATEGORIES) - 1
    return levers


# --------------------------------------------------------------------------------------------
# The synthetic model (Benchmarks/SyntheticModels/SyntheticModel.swift, same generator and seed)
# --------------------------------------------------------------------------------------------

class ModelGenerator:
    """SplitMix64 with uniforms from the top 53 bits, as in SyntheticModel.swift."""
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0 ** -53

    def uniform(self, lower, upper):
        return lower + (upper - lower) * self.unit()

    def index(self, count):
        return self.next() % count


def synthetic_model(n=200, lever_count=10, seed=2025):
    rng = ModelGenerator(seed)
    a = np.zeros((n, n))
    for j in range(n):
        column = [rng.unit() for _ in range(n)]
        column_sum = rng.uniform(0.2, 0.7)
        total = 0.0
        for c in column:  # sequential sum, as Swift's reduce
            total += c
        a[:, j] = [c * column_sum / total for c in column]
    f = np.array([rng.uniform(10, 1000) for _ in range(n)])
    x = np.linalg.solve(np.eye(n) - a, f)
    z = a * x[None, :]
    value_added = x - z.sum(axis=0)
    economy = {"technical": (z / x[None, :])[None], "value_added": (value_added / x)[None], "level": value_added[None],
               "output": x[None], "imported": np.zeros((1, n)), "consumer": np.maximum(f / 2, 0)[None]}
    lines = [f"s{i}" for i in range(n)] + ["product_taxes"]
    shares = np.append(0.9 * value_added / value_added.sum(), 0.1)
    economy["shares"] = shares[None]
    parameters = []

    def parameter(pid, spec):
        parameters.append((pid, spec))
        return ("param", len(parameters) - 1)

    baseline = []
    for line in lines:
        mean = rng.uniform(2, 9)
        sd = rng.uniform(0.5, 2)
        baseline.append(parameter(f"baseline.{line}", {"dist": "normal", "mean": mean, "sd": sd}))
    categories = ["households", "government", "investment", "exports", "visitors"]
    levers, amount_indices = [], []
    for l in range(lever_count):
        count = 3 + rng.index(6)
        picked = []
        while len(picked) < count:
            s = rng.index(n)
            if s not in picked:
                picked.append(s)
        weights = [0.1 + rng.unit() for _ in picked]
        weight_total = 0.0
        for w in weights:
            weight_total += w
        direction = np.zeros(n)
        for s, w in zip(picked, weights):
            direction[s] = w / weight_total
        if l % 2 == 0:
            mode = rng.uniform(20, 150)
            lower = mode - rng.uniform(30, 120)
            upper = mode + rng.uniform(50, 300)
            spec = {"dist": "pert", "min": lower, "mode": mode, "max": upper}
        else:
            mean = rng.uniform(20, 150)
            sd = rng.uniform(10, 60)
            spec = {"dist": "normal", "mean": mean, "sd": sd}
        amount = parameter(f"levers.d{l}.amount", spec)
        amount_indices.append(amount[1])
        exports = parameter(f"levers.d{l}.exports_growth_pp", {"dist": "normal", "mean": 0.3, "sd": 0.2}) if l in (3, 7) else None
        levers.append({"id": f"d{l}", "kind": "demand", "sector": -1, "buyers": [], "direction": direction, "value": amount,
                       "exports": exports, "category": categories[l % len(categories)],
                       "quarters": [0.1, 0.2, 0.3, 0.4] if l % 3 == 0 else None})
    exports_baseline = parameter("indicators.exports", {"dist": "normal", "mean": 7.0, "sd": 3.0})
    correlation = np.full((lever_count, lever_count), 0.3)
    np.fill_diagonal(correlation, 1.0)
    weights = [0.22, 0.24, 0.25, 0.29]
    return Model(
        sectors=lines[:n], lines=lines, groups=["g0", "g1", "g2", "g3", "taxes"],
        group_of_line=np.array([i % 4 for i in range(n)] + [4]), sector_of_line=np.array(list(range(n)) + [-1]),
        is_tax=np.array([False] * n + [True]), baseline=baseline, tax_elasticity=("const", 0.8),
        levers=finish_levers(levers, weights), exports_baseline=exports_baseline, cpi_baseline=None,
        parameters=parameters, correlation=(amount_indices, correlation), economy=("fixed", economy),
        quarterly_weights=np.array(weights), target=6.5, exports_target=7.0, cpi_ceiling=None, actual_quarters=[],
        seed=2025)


# --------------------------------------------------------------------------------------------
# Sampling: Latin hypercube, Gaussian copula, inverse CDFs
# --------------------------------------------------------------------------------------------

def sample_parameters(model, count, rng, timings):
    """θ (N, k) for one chunk. Parameters are kept one row each (k, N) while they are
    transformed, so that every scipy call reads and writes contiguous memory; the (N, k)
    result is the transposed view."""
    k = len(model.parameters)
    start = time.perf_counter()
    u = np.ascontiguousarray(qmc.LatinHypercube(d=k, seed=rng).random(count).T)
    timings["uniforms (Latin hypercube)"] += time.perf_counter() - start
    if model.correlation is not None:
        start = time.perf_counter()
        indices, matrix = model.correlation
        cholesky = np.linalg.cholesky(matrix)
        u[indices] = stats.norm.cdf(cholesky @ stats.norm.ppf(u[indices]))
        timings["Gaussian copula"] += time.perf_counter() - start
    start = time.perf_counter()
    theta = np.empty_like(u)
    for j, (_, spec) in enumerate(model.parameters):
        theta[j] = inverse_cdf(spec, u[j])
    timings["inverse CDFs (scipy.stats)"] += time.perf_counter() - start
    net(model, theta)
    return theta.T


def net(model, theta):
    """LeverNetting.apply on θ (k, N): each group's member amounts a′ᵢ = aᵢ + (T − Σa)·(|aᵢ|/Σ|a|),
    T/m each where every amount is 0, so that they add up to the group's total T."""
    for group in getattr(model, "netting", []):
        members = group["members"]
        kind, x = group["total"]
        total = theta[x] if kind == "param" else np.full(theta.shape[1], float(x))
        amounts = theta[members]
        absolute = np.abs(amounts)
        absolute_sum = absolute.sum(axis=0)
        gap = total - amounts.sum(axis=0)
        safe = np.where(absolute_sum > 0, absolute_sum, 1.0)
        theta[members] = np.where(absolute_sum > 0, amounts + gap * (absolute / safe), total / len(members))


# --------------------------------------------------------------------------------------------
# Evaluation (DrawEvaluator.evaluate, for a whole chunk of draws)
# --------------------------------------------------------------------------------------------

def economy_for(model, theta):
    """Per-draw economy arrays with a leading axis of N (Hanoi, re-derived per draw) or 1 (fixed)."""
    if model.economy[0] == "fixed":
        return model.economy[1]
    _, kernel, central, assumption_parameters = model.economy
    p = np.tile(central, (theta.shape[0], 1))
    for key, index in assumption_parameters:
        p[:, key] = theta[:, index]
    return kernel.fill(p)


def evaluate(model, theta, linear="solve"):
    """Outputs (N, len(model.output_names)) for parameter values θ (N, k)."""
    N, n, L = theta.shape[0], model.n, model.line_count
    levers = model.levers
    e = economy_for(model, theta)
    A, v, level, shares = e["technical"], e["value_added"], e["level"], e["shares"]
    B = A.shape[0]  # N, or 1 for a fixed economy
    identity = np.eye(n)
    sourcing = [l for l, lever in enumerate(levers) if lever["kind"] == "local_sourcing"]
    demand = [l for l, lever in enumerate(levers) if lever["kind"] == "demand"]
    shocks = [l for l, lever in enumerate(levers) if lever["kind"] == "cost_shock"]
    shocked = []
    for l in shocks:
        if levers[l]["sector"] not in shocked:
            shocked.append(levers[l]["sector"])
    if len(shocked) > 1:
        raise NotImplementedError("more than one shocked sector (grdp's PriceModel path) is not ported")
    D = np.stack([levers[l]["direction"] for l in demand], axis=1) if demand else np.zeros((n, 0))
    leakage = getattr(model, "leakage", None)
    spending_per_amount = D.sum(axis=0)
    if leakage is not None and demand:
        # FinalDemandLeakage: lever l's local final demand per unit of amount dᵢ·sᵢ/(1 + t_u),
        # t_u = ρ_u·T_f / Σ_v ρ_v·P_v (weights below 0 count as 0).
        weights = np.maximum(0, values_of(theta, leakage["tax_weights"]))  # (N, uses)
        base_purchases = weights @ leakage["purchases"]
        r = np.where(base_purchases > 0, leakage["final_use_taxes"] / np.where(base_purchases > 0, base_purchases, 1), 0.0)
        use_rates = weights * r[:, None]
        lever_rate = np.zeros((N, len(demand)))
        local = np.empty((N, n, len(demand)))
        for column, l in enumerate(demand):
            u = leakage["use_of_lever"][l]
            lever_rate[:, column] = use_rates[:, u] if u >= 0 else 0.0
            row = leakage["local_shares"][l]
            shares_l = np.minimum(1, np.maximum(0, values_of(theta, row))) if row else np.ones((N, n))
            local[:, :, column] = D[None, :, column] * shares_l / (1 + lever_rate[:, column])[:, None]
        if B == 1:
            A, v, B = np.broadcast_to(A, (N, n, n)), np.broadcast_to(v, (N, n)), N
            level, shares = np.broadcast_to(level, (N, n)), np.broadcast_to(shares, (N, shares.shape[1]))
        D_draws = local
    else:
        D_draws = None
    if sourcing and B == 1:  # a fixed economy whose coefficients change per draw
        A, v, B = np.broadcast_to(A, (N, n, n)), np.broadcast_to(v, (N, n)), N
    A_new = A.copy() if sourcing else A
    # Per lever: sector value added per unit of the lever's value (B, n), and the value (N,).
    unit_effect = np.zeros((B, len(levers), n))
    lever_value = np.zeros((N, len(levers)))

    def demand_columns(B):
        return D_draws if D_draws is not None else np.broadcast_to(D, (B, n, D.shape[1]))

    def solve_system(M, rhs):
        """(I − A′)⁻¹·rhs for every draw, and the inverse when --linear inv."""
        if linear == "inv":
            leontief = np.linalg.inv(M)
            return leontief @ rhs, leontief
        return np.linalg.solve(M, rhs), None

    solution, leontief = None, None
    if sourcing:
        # Local sourcing: aᵢⱼ rises by increase·aᵢⱼ for the supplier row (capped at the buyers'
        # imported inputs); with final demand fixed, x′ = (I − A′)⁻¹·f, lever by lever. The
        # last lever's system is the final A′: the demand levers' columns are solved with it.
        imported_left = np.broadcast_to(e["imported"], (B, n)).copy()
        x = np.broadcast_to(e["output"], (B, n))
        final_demand = x - np.einsum("bij,bj->bi", A, x)
        previous = x
        for position, l in enumerate(sourcing):
            lever = levers[l]
            rise = np.maximum(0, value_of(theta, lever["value"]))
            s, buyers = lever["sector"], lever["buyers"]
            extra = np.minimum(rise[:, None] * A_new[:, s, buyers], imported_left[:, buyers])
            A_new[:, s, buyers] += extra
            imported_left[:, buyers] -= extra
            last = position == len(sourcing) - 1
            rhs = np.concatenate([final_demand[:, :, None], demand_columns(B)], axis=2) if last \
                else final_demand[:, :, None]
            solution, leontief = solve_system(identity - A_new, rhs)
            unit_effect[:, l] = v * (solution[:, :, 0] - previous)
            lever_value[:, l] = 1
            previous = solution[:, :, 0]
        response = v[:, :, None] * solution[:, :, 1:]
    elif demand:
        solution, leontief = solve_system(identity - A_new, demand_columns(B))
        response = v[:, :, None] * solution
    # CPI: one shocked sector k, y = (I − A′)⁻ᵀ·eₖ (row k of the inverse when it is at hand).
    if shocked:
        k = shocked[0]
        if leontief is not None:
            y = leontief[:, k, :]
        else:
            rhs = np.broadcast_to(identity[:, k], (B, n))[:, :, None]
            y = np.linalg.solve(np.swapaxes(identity - A_new, 1, 2), rhs)[:, :, 0]
    for column, l in enumerate(demand):
        unit_effect[:, l] = response[:, :, column]
        lever_value[:, l] = value_of(theta, levers[l]["value"])
    # Line growth effects (%) per unit of each lever's value; growth shifts add their points.
    line_sector = model.sector_of_line
    sector_lines = np.nonzero(line_sector >= 0)[0]
    unit_growth = np.zeros((B, len(levers), L))
    unit_growth[:, :, sector_lines] = (100 * unit_effect / level[:, None, :])[:, :, line_sector[sector_lines]]
    for l, lever in enumerate(levers):
        if lever["kind"] == "growth":
            unit_growth[:, l, line_sector == lever["sector"]] += 1
            lever_value[:, l] = value_of(theta, lever["value"])
    tax_share = shares[:, model.is_tax].sum(axis=1)
    value_added_share = shares[:, (~model.is_tax) & (line_sector >= 0)].sum(axis=1)
    elasticity = value_of(theta, model.tax_elasticity)
    spill = elasticity * tax_share / value_added_share
    unit_weighted = np.einsum("bli,bi->bl", unit_growth, shares)  # Σ over sector lines (others are 0)
    weighted_growth = lever_value * unit_weighted  # (N, levers)
    lever_contribution = weighted_growth * (1 + spill)[:, None]
    # Each lever's growth of the tax lines: e × its value-added growth, or, for a demand lever
    # with leakage, 100·ΔT/T with ΔT = S·t/(1 + t) + Σₛ κₛ·ΔVAₛ (its own tax content).
    tax_growth = elasticity[:, None] * weighted_growth / value_added_share[:, None]
    if leakage is not None and demand:
        tax_level = tax_share * level.sum(axis=1) / value_added_share
        for column, l in enumerate(demand):
            rate = lever_rate[:, column]
            taxes = lever_value[:, l] * spending_per_amount[column] * rate / (1 + rate) \
                + lever_value[:, l] * (unit_effect[:, l] @ leakage["intermediate_tax_per_value_added"])
            tax_growth[:, l] = 100 * taxes / tax_level
            lever_contribution[:, l] = weighted_growth[:, l] + tax_share * tax_growth[:, l]
    base = values_of(theta, model.baseline)
    if B == 1:
        growth = base + lever_value @ unit_growth[0]
    else:
        growth = base + np.einsum("nl,nli->ni", lever_value, unit_growth)
    growth[:, model.is_tax] = base[:, model.is_tax] + tax_growth.sum(axis=1)[:, None]
    contribution = shares * growth
    grdp = contribution.sum(axis=1)
    groups = contribution @ (model.group_of_line[:, None] == np.arange(len(model.groups))[None, :])
    categories = np.zeros((N, len(DEMAND_CATEGORIES)))
    for l, lever in enumerate(levers):
        categories[:, lever["category_index"]] += lever_contribution[:, l]
    baseline_contribution = base @ shares[0] if B == 1 else (shares * base).sum(axis=1)
    ratio = np.stack([lever["quarter_ratio"] for lever in levers]) if levers else np.zeros((0, 4))
    quarters = baseline_contribution[:, None] + lever_contribution @ ratio
    for q, actual in enumerate(model.actual_quarters):
        quarters[:, q] = actual
    if model.actual_quarters:
        grdp = quarters @ model.quarterly_weights
    columns = [grdp[:, None], contribution, growth, groups, lever_contribution, categories, baseline_contribution[:, None], quarters]
    if model.exports_baseline is not None:
        exports = value_of(theta, model.exports_baseline).copy()
        for lever in levers:
            if lever["exports"] is not None:
                exports += value_of(theta, lever["exports"])
        columns.append(exports[:, None])
    if model.cpi_baseline is not None:
        cpi = value_of(theta, model.cpi_baseline).copy()
        if shocked:
            h = np.maximum(np.broadcast_to(e["consumer"], (B, n)), 0)
            k = shocked[0]
            sensitivity = (h * y).sum(axis=1) / (y[:, k] * h.sum(axis=1))
            for l in shocks:
                cpi += value_of(theta, levers[l]["value"]) * sensitivity
        columns.append(cpi[:, None])
    return np.concatenate([np.broadcast_to(c, (N, c.shape[1])) for c in columns], axis=1)


# --------------------------------------------------------------------------------------------
# Runs and summaries
# --------------------------------------------------------------------------------------------

def summarise(model, outputs):
    """outputs: one row per output, one column per draw."""
    summary = {
        "mean": outputs.mean(axis=1), "sd": outputs.std(axis=1, ddof=1),
        "quantiles": np.percentile(outputs, QUANTILES, axis=1),
        "p_target": float((outputs[0] >= model.target).mean()),
    }
    if model.exports_target is not None:
        summary["p_exports_target"] = float((outputs[model.output_names.index("exports_growth_pct")] >= model.exports_target).mean())
    if model.cpi_ceiling is not None:
        summary["p_cpi_below_ceiling"] = float((outputs[model.output_names.index("cpi_pct")] < model.cpi_ceiling).mean())
    return summary


def run(model, draws, chunk, seed, linear):
    """One Monte Carlo run: chunks of draws sampled, evaluated, kept; then the summary."""
    rng = np.random.default_rng(seed)
    timings = {name: 0.0 for name in ["uniforms (Latin hypercube)", "Gaussian copula", "inverse CDFs (scipy.stats)", "model", "summary"]}
    kept = np.empty((len(model.output_names), draws))  # one row per output: faster percentiles
    for first in range(0, draws, chunk):
        count = min(chunk, draws - first)
        theta = sample_parameters(model, count, rng, timings)
        start = time.perf_counter()
        kept[:, first:first + count] = evaluate(model, theta, linear).T
        timings["model"] += time.perf_counter() - start
    start = time.perf_counter()
    summary = summarise(model, kept)
    timings["summary"] += time.perf_counter() - start
    return summary, timings


def blas_info():
    try:
        import threadpoolctl
        return [{k: v for k, v in pool.items() if k in ("internal_api", "version", "architecture", "num_threads", "threading_layer")}
                for pool in threadpoolctl.threadpool_info()]
    except ImportError:
        return "threadpoolctl not installed"


def load_model(args):
    if args.model == "synthetic":
        return synthetic_model()
    return default_model(args.scenario, args.data)


def validate(model, path, linear, rows):
    """Evaluates grdp's kept parameter values and compares with grdp's kept outputs."""
    with open(path, newline="") as handle:
        header = next(csv.reader(handle))
    k = len(model.parameters)
    expected = ["draw"] + [pid for pid, _ in model.parameters] + model.output_names
    if header != expected:
        missing = [h for h in expected if h not in header]
        extra = [h for h in header if h not in expected]
        raise SystemExit(f"column mismatch: missing {missing[:5]}, unexpected {extra[:5]}")
    data = np.loadtxt(path, delimiter=",", skiprows=1, max_rows=rows, ndmin=2)
    theta, grdp_outputs = data[:, 1:1 + k], data[:, 1 + k:]
    outputs = evaluate(model, theta, linear)
    difference = np.abs(outputs - grdp_outputs)
    scale = np.maximum(np.abs(grdp_outputs), 1.0)
    relative = difference / scale
    worst = np.unravel_index(np.argmax(relative), relative.shape)
    per_output = relative.max(axis=0)
    significant = np.abs(grdp_outputs) >= 1e-6
    pure_relative = np.where(significant, difference / np.where(significant, np.abs(grdp_outputs), 1.0), 0.0)
    order = np.argsort(per_output)[::-1][:5]
    return {
        "draws_compared": int(data.shape[0]), "outputs": len(model.output_names),
        "max_abs_difference": float(difference.max()),
        "max_relative_difference (|d| / max(|grdp|, 1))": float(relative.max()),
        "max_relative_difference (|d| / |grdp|, where |grdp| >= 1e-6)": float(pure_relative.max()),
        "max_abs_difference where |grdp| < 1e-6": float(np.where(significant, 0.0, difference).max()),
        "worst": {"draw": int(data[worst[0], 0]), "output": model.output_names[worst[1]],
                  "grdp": float(grdp_outputs[worst]), "numpy": float(outputs[worst])},
        "largest_by_output": {model.output_names[o]: float(per_output[o]) for o in order},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=["default", "synthetic"], default="default")
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=100_000, help="draws per chunk (bounds working memory)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs (after one warm-up run)")
    parser.add_argument("--threads", type=int, help="BLAS threads (threadpoolctl); also set OPENBLAS_NUM_THREADS")
    parser.add_argument("--linear", choices=["solve", "inv"], default="solve",
                        help="stacked np.linalg.solve (default) or np.linalg.inv then products")
    parser.add_argument("--data", default=os.path.join(HERE, ".build-mcbench", "hanoi-data"),
                        help="directory written by `grdp data export DIR` (default model)")
    parser.add_argument("--scenario", default=os.path.join(REPOSITORY, "scenarios", "hanoi-2025-plan.toml"))
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--validate-draws", metavar="FILE", help="compare with `grdp run --keep-draws FILE` instead of timing")
    parser.add_argument("--validate-rows", type=int, default=None, help="draws of FILE to compare (default: all)")
    parser.add_argument("--summary", metavar="FILE", help="write the summary of one run (names, mean, sd, quantiles) as JSON")
    parser.add_argument("--json", help="write timing results to this file as JSON")
    args = parser.parse_args()

    limiter = None
    if args.threads is not None:
        try:
            import threadpoolctl
            limiter = threadpoolctl.threadpool_limits(limits=args.threads)
        except ImportError:
            print("threadpoolctl not installed: thread count left to OPENBLAS_NUM_THREADS", file=sys.stderr)

    model = load_model(args)
    if args.validate_draws:
        print(json.dumps(validate(model, args.validate_draws, args.linear, args.validate_rows), indent=2))
        return

    if args.summary:
        summary, _ = run(model, args.draws, args.chunk, args.seed, args.linear)
        with open(args.summary, "w") as handle:
            json.dump({"names": model.output_names, "draws": args.draws,
                       **{k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in summary.items()}}, handle)
        return

    run(model, min(args.draws, args.chunk), args.chunk, args.seed, args.linear)  # warm-up
    seconds, breakdowns = [], []
    for r in range(args.repeats):
        start = time.perf_counter()
        summary, timings = run(model, args.draws, args.chunk, args.seed + r, args.linear)
        seconds.append(time.perf_counter() - start)
        breakdowns.append(timings)
    median = statistics.median(seconds)
    result = {
        "model": args.model, "draws": args.draws, "chunk": args.chunk, "threads": args.threads, "linear": args.linear,
        "parameters": len(model.parameters), "outputs": len(model.output_names),
        "seconds": seconds, "median_seconds": median, "draws_per_second": args.draws / median,
        "breakdown_median_seconds": {name: statistics.median(b[name] for b in breakdowns) for name in breakdowns[0]},
        "p_target": summary["p_target"], "grdp_growth_mean": float(summary["mean"][0]),
        "environment": {"OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS"), "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS")},
        "numpy": np.__version__, "blas": blas_info(),
    }
    print(f"{args.model}: {args.draws} draws, {len(model.parameters)} parameters, {len(model.output_names)} outputs, "
          f"threads {args.threads}: median {median:.3f} s = {args.draws / median:,.0f} draws/s "
          f"(runs {', '.join(f'{s:.3f}' for s in seconds)})")
    for name, value in result["breakdown_median_seconds"].items():
        print(f"  {name:28s} {value:.3f} s")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(result, handle, indent=2)
    if limiter is not None:
        limiter.restore_original_limits()


if __name__ == "__main__":
    main()
