import Sampling

/// Turns uniforms into parameter values (inverse CDFs) for one worker, with every
/// distribution's constants in flat arrays of its own: closed forms for normal, uniform,
/// triangular and lognormal; the tabulated quantile (`TabulatedQuantile`) for beta and PERT;
/// the exact `Distribution.quantile` otherwise and outside a table's range. Flat,
/// worker-owned storage keeps the hot loop free of reference counting (see `EvaluationPlan`).
///
/// A correlated parameter whose inverse CDF is a function of the normal score y = Φ⁻¹(u)
/// (normal: μ + σy; lognormal: exp(μ + σy); tabulated: the table's x(y)) receives y from the
/// copula (`takesNormalScore`) instead of u = Φ(y), which saves Φ and Φ⁻¹ and their rounding.
struct ParameterTransform {
    enum Kind: UInt8 { case normal, uniform, triangular, lognormal, table, exact }

    let kind: [Kind]
    let first: [Double]
    let second: [Double]
    let third: [Double]
    let tableStart: [Int]
    let tableCount: [Int]
    let tableStep: [Double]
    let tableValues: [Double]
    let tableSlopes: [Double]
    let distributions: [Distribution]
    /// Whether parameter j's value in θ is a normal score y rather than a uniform u: set for
    /// the correlated parameters of the normal, lognormal and tabulated kinds.
    let takesNormalScore: [Bool]
    /// Each parameter's inverse CDF as a flat rule with its constants, sorted by rule, for the
    /// block loop (`apply`, ParameterTransform+Rules.swift).
    let rules: [RowRule]

    /// - Parameter correlated: the indices of the parameters the copula correlates.
    init(parameters: [ParameterSpecification], tables: [TabulatedQuantile?], correlated: [Int]) {
        var kind: [Kind] = [], first: [Double] = [], second: [Double] = [], third: [Double] = []
        var start: [Int] = [], count: [Int] = [], step: [Double] = [], values: [Double] = [], slopes: [Double] = []
        for (j, parameter) in parameters.enumerated() {
            var k = Kind.exact
            var a = 0.0, b = 0.0, c = 0.0
            start.append(values.count)
            var nodes = 0, gridStep = 0.0
            switch parameter.distribution.family {
            case let .normal(mean, sd): (k, a, b) = (.normal, mean, sd)
            case let .uniform(lower, upper): (k, a, b) = (.uniform, lower, upper)
            case let .triangular(lower, mode, upper): (k, a, b, c) = (.triangular, lower, mode, upper)
            case let .lognormal(mu, sigma): (k, a, b) = (.lognormal, mu, sigma)
            default:
                if let table = tables[j] {
                    k = .table
                    values.append(contentsOf: table.nodeValues)
                    slopes.append(contentsOf: table.nodeSlopes)
                    nodes = table.nodeValues.count
                    gridStep = table.gridStep
                    (a, b) = (table.bounds.lowerBound, table.bounds.upperBound)
                }
            }
            kind.append(k)
            first.append(a)
            second.append(b)
            third.append(c)
            count.append(nodes)
            step.append(gridStep)
        }
        self.kind = kind
        self.first = first
        self.second = second
        self.third = third
        self.tableStart = start
        self.tableCount = count
        self.tableStep = step
        self.tableValues = values
        self.tableSlopes = slopes
        self.distributions = parameters.map { $0.distribution }
        var normalScore = [Bool](repeating: false, count: parameters.count)
        for j in correlated where j >= 0 && j < parameters.count {
            switch kind[j] {
            case .normal, .lognormal, .table: normalScore[j] = true
            case .uniform, .triangular, .exact: normalScore[j] = false
            }
        }
        self.takesNormalScore = normalScore
        self.rules = Self.rowRules(
            kind: kind, first: first, second: second, third: third, tableStart: start, tableCount: count, tableStep: step,
            takesNormalScore: normalScore)
    }

    /// Replaces each uniform u of parameter j in `theta` (k × count, column per draw) by
    /// F_j⁻¹(u), or, where `takesNormalScore[j]`, each normal score y by F_j⁻¹(Φ(y)), draw by
    /// draw and parameter by parameter through `Distribution`'s closed forms: the reference
    /// that `apply` (one loop per parameter's rule) must match bit for bit.
    /// - Complexity: O(k · count).
    func applyGeneral(_ theta: UnsafeMutablePointer<Double>, parameters k: Int, draws count: Int) {
        takesNormalScore.withUnsafeBufferPointer { normalScore in
        kind.withUnsafeBufferPointer { kind in
        first.withUnsafeBufferPointer { first in
        second.withUnsafeBufferPointer { second in
        third.withUnsafeBufferPointer { third in
        tableValues.withUnsafeBufferPointer { values in
        tableSlopes.withUnsafeBufferPointer { slopes in
            for t in 0..<count {
                let column = theta + k * t
                for j in 0..<k {
                    let u = column[j]
                    let x: Double
                    if normalScore[j] {
                        column[j] = fromNormalScore(u, parameter: j, kind: kind[j], first: first[j], second: second[j], values: values, slopes: slopes)
                        continue
                    }
                    switch kind[j] {
                    case .normal:
                        x = Distribution.normalQuantile(u, mean: first[j], standardDeviation: second[j])
                    case .uniform:
                        x = Distribution.uniformQuantile(u, lower: first[j], upper: second[j])
                    case .triangular:
                        x = Distribution.triangularQuantile(u, lower: first[j], mode: second[j], upper: third[j])
                    case .lognormal:
                        x = Distribution.lognormalQuantile(u, mu: first[j], sigma: second[j])
                    case .table:
                        if u > 0, u < 1, let value = TabulatedQuantile.interpolate(
                            normalScore: StandardNormal.quantile(u), values: values.baseAddress! + tableStart[j],
                            slopes: slopes.baseAddress! + tableStart[j], count: tableCount[j], step: tableStep[j],
                            lower: first[j], upper: second[j]) {
                            x = value
                        } else {
                            x = distributions[j].quantile(u)
                        }
                    case .exact:
                        x = distributions[j].quantile(u)
                    }
                    column[j] = x
                }
            }
        }}}}}}}
    }

    /// F_j⁻¹(Φ(y)) for a normal score y: μ + σy, exp(μ + σy), or the table's x(y) (the exact
    /// quantile of Φ(y) outside the table's range). The same formulas as `Distribution`'s
    /// closed forms, with y in place of Φ⁻¹(u).
    @inline(__always)
    private func fromNormalScore(
        _ y: Double, parameter j: Int, kind: Kind, first: Double, second: Double,
        values: UnsafeBufferPointer<Double>, slopes: UnsafeBufferPointer<Double>
    ) -> Double {
        switch kind {
        case .normal:
            return second == 0 ? first : first + second * y
        case .lognormal:
            return second == 0 ? exp(first) : exp(first + second * y)
        case .table:
            if let value = TabulatedQuantile.interpolate(
                normalScore: y, values: values.baseAddress! + tableStart[j], slopes: slopes.baseAddress! + tableStart[j],
                count: tableCount[j], step: tableStep[j], lower: first, upper: second) {
                return value
            }
            return distributions[j].quantile(StandardNormal.cdf(y))
        case .uniform, .triangular, .exact:
            return distributions[j].quantile(StandardNormal.cdf(y))
        }
    }
}

import Foundation
