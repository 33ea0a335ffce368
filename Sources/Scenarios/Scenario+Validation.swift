import Foundation
import LinearAlgebra
import Sampling

extension Scenario {
    /// Checks the scenario against the dataset it will run on, in this order:
    /// 1. every `[baseline]` entry names an accounts line;
    /// 2. every sector a lever names (demand `sectors`, growth and cost-shock `sector`,
    ///    local-sourcing `supplier` and `buyers`) is a sector of the IO table;
    /// 3. every `correlation.parameters` id is an uncertain parameter of the scenario
    ///    (`uncertainParameters`) or `assumptions.ID` with ID a dataset assumption (and
    ///    `dataset_assumptions = "sample"`); constants cannot be correlated;
    /// 4. the correlation matrix is symmetric with a unit diagonal, entries in [−1, 1], and
    ///    positive definite (Cholesky, through `GaussianCopula`);
    /// 5. `year`, when given, is the accounts' year (`accountsYear`, when known);
    /// 6. magnitudes (`validateMagnitudes`): every value the sampler can reach lies within
    ///    ±`maximumMagnitude`, PERT `lambda` and beta `alpha`, `beta` are at most
    ///    `maximumShape`, `target` and `actual_quarters` lie in `growthPercentRange`, a
    ///    local-sourcing `increase` is not negative nor above 1 (+100%) and a `price_change` not below −100%.
    ///
    /// - Parameters:
    ///   - sectors: the IO table's sector ids.
    ///   - accountsLines: the GRDP accounts' line names (sectors and `product_taxes`).
    ///   - assumptionIDs: the dataset's assumption ids (as in `assumptions.ID`).
    ///   - accountsYear: the year the dataset's accounts are for (nil: not stated).
    /// - Returns: the Gaussian copula of `[correlation]` (nil without one), factored once
    ///   here for the caller to use.
    /// - Throws: `ScenarioError` at the offending key; unknown names list the known ones.
    /// - Complexity: O(levers · sectors + k³) for k correlated parameters.
    @discardableResult
    public func validate(sectors: [String], accountsLines: [String], assumptionIDs: [String], accountsYear: Int? = nil) throws(ScenarioError) -> GaussianCopula? {
        try validateMagnitudes()
        if let year, let accountsYear, year != accountsYear, accountsPath == nil {
            let other = Self.planYearOfDataset.first { $0.value == year }.map { " or dataset = \"\($0.key)\"" } ?? ""
            throw error(
                at: "scenario.year",
                "dataset \"\(dataset)\" has base year \(accountsYear - 1) and is for \(accountsYear), not \(year); set year = \(accountsYear)\(other), or give accounts for \(year) with accounts = \"FILE.csv\"")
        }
        if let year, let accountsYear, year != accountsYear {
            throw error(
                at: "scenario.year",
                "the dataset's accounts are for \(accountsYear), not \(year); set year = \(accountsYear), or give accounts for \(year) with accounts = \"FILE.csv\"")
        }
        for entry in baseline where !accountsLines.contains(entry.accountsLine) {
            throw error(
                at: TOMLKeyLocator.path("baseline", entry.accountsLine),
                "unknown accounts line \"\(entry.accountsLine)\"; the accounts' lines are: \(accountsLines.joined(separator: ", "))")
        }
        for lever in levers {
            let path = TOMLKeyLocator.path("levers", lever.id)
            func check(_ sector: String, at key: String) throws(ScenarioError) {
                guard sectors.contains(sector) else {
                    throw error(at: key, "unknown sector \"\(sector)\"; the dataset's sectors are: \(sectors.joined(separator: ", "))")
                }
            }
            switch lever.effect {
            case let .demand(_, weights, _, _):
                for (sector, _) in weights { try check(sector, at: TOMLKeyLocator.path("\(path).sectors", sector)) }
                for share in lever.localShares { try check(share.sector, at: Self.localShareParameterID(lever.id, share.sector)) }
            case let .growth(sector, _):
                try check(sector, at: "\(path).sector")
            case let .localSourcing(supplier, buyers, _):
                try check(supplier, at: "\(path).supplier")
                for (index, buyer) in (buyers ?? []).enumerated() { try check(buyer, at: "\(path).buyers[\(index)]") }
            case let .costShock(sector, _):
                try check(sector, at: "\(path).sector")
            }
        }
        guard correlation != nil else { return nil }
        try validateCorrelationParameters(assumptionIDs: assumptionIDs)
        return try correlationCopula()
    }

    /// The prefix of correlation ids that name dataset assumptions.
    public static let assumptionPrefix = "assumptions."

    func validateCorrelationParameters(assumptionIDs: [String]) throws(ScenarioError) {
        guard let correlation else { return }
        let all = parameters
        for (index, id) in correlation.parameters.enumerated() {
            let key = correlation.parameterKeys.indices.contains(index) ? correlation.parameterKeys[index] : "correlation.parameters[\(index)]"
            if id.hasPrefix(Self.assumptionPrefix) {
                let assumption = String(id.dropFirst(Self.assumptionPrefix.count))
                guard assumptionIDs.contains(assumption) else {
                    throw error(
                        at: key,
                        "unknown dataset assumption \"\(assumption)\"; the dataset's assumptions are: \(assumptionIDs.joined(separator: ", "))")
                }
                guard datasetAssumptions == .sample else {
                    throw error(
                        at: key,
                        "\(id) is held at its central value (dataset_assumptions = \"central\"), so it cannot be correlated; remove it or set dataset_assumptions = \"sample\"")
                }
            } else if let parameter = all.first(where: { $0.id == id }) {
                guard !parameter.value.isConstant else {
                    throw error(
                        at: key,
                        "\(id) is the constant \(parameter.value) (line \(parameter.line)); constants cannot be correlated — give it a distribution or remove it from parameters and the matrix")
                }
            } else if id == Self.taxElasticityParameterID {
                throw error(
                    at: key,
                    "baseline.tax_elasticity is the constant 1 (the default); constants cannot be correlated — give it a distribution in [baseline] or remove it")
            } else {
                let known = uncertainParameters.map(\.id) + ["assumptions.ID (a dataset assumption)"]
                throw error(at: key, "unknown parameter \"\(id)\"; the scenario's uncertain parameters are: \(known.joined(separator: ", "))")
            }
        }
    }

    /// The Gaussian copula of `[correlation]` (nil when there is none), after checking the
    /// matrix: symmetric within 1e-12, unit diagonal, entries in [−1, 1], positive definite.
    /// Entry errors are reported at the line of the matrix row; a matrix that is not
    /// positive definite at the line of `matrix`, naming the column (and its parameter)
    /// where the Cholesky factorisation fails.
    /// - Throws: `ScenarioError` at `correlation.matrix`.
    /// - Complexity: O(k³).
    public func correlationCopula() throws(ScenarioError) -> GaussianCopula? {
        guard let correlation else { return nil }
        let key = correlation.matrixKey
        let matrix: Matrix
        do {
            matrix = try Matrix(rows: correlation.matrix)
        } catch {
            throw self.error(at: key, "the matrix is not rectangular (\(error)); give one row and one column per parameter")
        }
        do throws(SamplingError) {
            return try GaussianCopula(correlation: matrix)
        } catch {
            func rowError(_ row: Int, _ detail: String = "") -> ScenarioError {
                located(
                    key, error.description + detail, lineOf: correlation.matrixKey == "correlation.matrix" ? "\(key)[\(row)]" : key,
                    fallbackLine: correlation.line)
            }
            func name(_ index: Int) -> String {
                index < correlation.parameters.count ? correlation.parameters[index] : "parameter \(index + 1)"
            }
            switch error {
            case let .correlationNonFinite(row, _, _), let .correlationOutOfRange(row, _, _):
                throw rowError(row)
            case let .correlationNotSymmetric(row, column, _, _):
                throw rowError(row, " (\(name(row)) and \(name(column)))")
            case let .correlationDiagonalNotOne(index, _):
                throw rowError(index, " (\(name(index)))")
            case let .correlationNotPositiveDefinite(column):
                throw located(
                    key, "the matrix is not positive definite: the Cholesky factorisation fails at column \(column + 1) (\(name(column))); its correlations with the parameters before it contradict one another — weaken them", fallbackLine: correlation.line)
            default:
                throw located(key, error.description, fallbackLine: correlation.line)
            }
        }
    }
}

// MARK: Magnitudes

extension Scenario {
    /// The largest absolute value any scenario number may reach: 10¹⁵. In billion VND that
    /// is some 400,000 times world GDP; in percent, beyond any growth rate. The bound keeps
    /// every sum and product of the model (a few dozen terms, multipliers of order 10)
    /// far inside double precision (about 1.8·10³⁰⁸), so no draw can overflow to ±∞ or NaN.
    public static let maximumMagnitude = 1e15
    /// The largest PERT `lambda` and beta `alpha`, `beta`: 10⁴. Beyond it the distribution
    /// is a point mass for any practical purpose (sd ≈ width/(2·√λ) < 1% of the width), and
    /// the incomplete beta function the sampler inverts needs O(√shape) terms, so a huge
    /// shape (e.g. 1e300) would make the run practically endless.
    public static let maximumShape = 1e4
    /// `target` and `actual_quarters`, GRDP growth in %: −100 (the economy vanishes) to 1,000.
    public static let growthPercentRange: ClosedRange<Double> = -100...1000
    /// Standard deviations the sampler can reach on either side of the mean of a normal (or
    /// of ln X for a lognormal): its most extreme uniform, 2⁻⁵³, is 8.2 sd out.
    static let reachableStandardDeviations = 8.5

    /// The values a distribution's draws can take: its support when bounded, otherwise
    /// mean ± 8.5·sd (normal) or exp(μ ± 8.5·σ) (lognormal).
    /// - Complexity: O(1), O(n) for a discrete distribution.
    static func reachableRange(_ value: UncertainValue) -> (lower: Double, upper: Double) {
        switch value {
        case let .constant(x): return (x, x)
        case let .distribution(distribution):
            let reach = reachableStandardDeviations
            switch distribution.family {
            case let .constant(x): return (x, x)
            case let .normal(mean, sd): return (mean - reach * sd, mean + reach * sd)
            case let .lognormal(mu, sigma): return (exp(mu - reach * sigma), exp(mu + reach * sigma))
            case let .uniform(lower, upper), let .triangular(lower, _, upper), let .pert(lower, _, upper, _), let .beta(_, _, lower, upper):
                return (lower, upper)
            case let .discrete(values, _): return (values.min() ?? 0, values.max() ?? 0)
            }
        }
    }

    /// Step 6 of `validate`: bounds on magnitudes and shapes, and the judgement calls on
    /// `increase` and `price_change` (docs/scenario-format.md, "Checks").
    /// - Throws: `ScenarioError` at the parameter's key (its line in the file).
    /// - Complexity: O(parameters).
    public func validateMagnitudes() throws(ScenarioError) {
        let limit = Self.maximumMagnitude
        func located(_ parameter: UncertainParameter, _ key: String, _ message: String) -> ScenarioError {
            self.located(key, message, fallbackLine: parameter.line)
        }
        for parameter in parameters {
            if case let .distribution(distribution) = parameter.value {
                switch distribution.family {
                case let .pert(_, _, _, shape) where shape > Self.maximumShape:
                    throw located(parameter, parameter.id + ".lambda", "lambda is \(shape); it must be at most \(Int(Self.maximumShape)) (a larger lambda is a point mass at the mode: use a constant)")
                case let .beta(alpha, beta, _, _) where max(alpha, beta) > Self.maximumShape:
                    let name = alpha > Self.maximumShape ? "alpha" : "beta"
                    throw located(parameter, parameter.id + "." + name, "\(name) is \(max(alpha, beta)); alpha and beta must be at most \(Int(Self.maximumShape))")
                default: break
                }
            }
            let range = Self.reachableRange(parameter.value)
            guard range.lower >= -limit, range.upper <= limit else {
                throw located(
                    parameter, parameter.id,
                    (range.lower == range.upper ? "the value is \(range.lower)" : "\(parameter.value) reaches \(abs(range.lower) > abs(range.upper) ? range.lower : range.upper)") + "; values (for a normal: mean ± 8.5 sd) must stay within ±1e15 — check the units and the magnitudes")
            }
        }
        for lever in levers {
            let path = TOMLKeyLocator.path("levers", lever.id)
            switch lever.effect {
            case let .localSourcing(_, _, increase):
                let parameter = UncertainParameter(id: "\(path).increase", value: increase, line: lever.line)
                if Self.reachableRange(increase).lower < 0, !Self.isNormalWithNonNegativeMean(increase) {
                    throw located(parameter, parameter.id, "the increase \(increase) can be negative; local sourcing only raises the coefficients: give values ≥ 0 (a normal needs mean ≥ 0; its negative draws count as no change)")
                }
                if Self.exceedsMaximumIncrease(increase) {
                    throw located(parameter, parameter.id, "the increase \(increase) reaches \(Self.reachableRange(increase).upper); it is a relative increase of the input coefficients (0.05 = +5%) and may be at most \(Self.maximumSourcingIncrease) (+100%, local purchases doubled): write e.g. 0.5 for +50%")
                }
            case let .costShock(_, priceChange):
                let parameter = UncertainParameter(id: "\(path).price_change", value: priceChange, line: lever.line)
                if Self.reachableRange(priceChange).lower < -100 {
                    throw located(parameter, parameter.id, "the price change \(priceChange) reaches below -100%, a negative price; give changes ≥ -100 (for a normal: mean − 8.5 sd ≥ -100)")
                }
            default: break
            }
        }
        if let target, !Self.growthPercentRange.contains(target) {
            throw error(at: "scenario.target", "the target is \(target)%; give a GRDP growth target between -100 and 1000 (%)")
        }
        for (index, quarter) in actualQuarters.enumerated() where !Self.growthPercentRange.contains(quarter) {
            throw error(at: "scenario.actual_quarters[\(index)]", "Q\(index + 1) growth is \(quarter)%; published quarterly growth lies between -100 and 1000 (%)")
        }
    }

    /// The largest relative increase a local-sourcing lever may give the input coefficients:
    /// 1 (+100%). Larger values are almost always a percentage written as a fraction's place
    /// (`50` for +50%); within it, each draw's rise is still capped by the buyer's imported
    /// inputs (the extra local purchases replace imports).
    public static let maximumSourcingIncrease = 1.0

    /// True when `increase` can exceed `maximumSourcingIncrease`: its reachable upper end, or a
    /// normal's mean (whose tail draws above it are capped, as its negative draws count as 0).
    static func exceedsMaximumIncrease(_ value: UncertainValue) -> Bool {
        if case let .distribution(distribution) = value, case let .normal(mean, _) = distribution.family {
            return mean > maximumSourcingIncrease
        }
        return reachableRange(value).upper > maximumSourcingIncrease
    }

    static func isNormalWithNonNegativeMean(_ value: UncertainValue) -> Bool {
        if case let .distribution(distribution) = value, case let .normal(mean, _) = distribution.family { return mean >= 0 }
        return false
    }
}
