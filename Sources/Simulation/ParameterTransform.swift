import Sampling

/// Turns uniforms into parameter values (inverse CDFs) for one worker, with every
/// distribution's constants in flat arrays of its own: closed forms for normal, uniform,
/// triangular and lognormal; the tabulated quantile (`TabulatedQuantile`) for beta and PERT;
/// the exact `Distribution.quantile` otherwise and outside a table's range. Flat,
/// worker-owned storage keeps the hot loop free of reference counting (see `EvaluationPlan`).
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

    init(parameters: [ParameterSpecification], tables: [TabulatedQuantile?]) {
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
    }

    /// Replaces each uniform u of parameter j in `theta` (k × count, column per draw) by F_j⁻¹(u).
    func apply(_ theta: UnsafeMutablePointer<Double>, parameters k: Int, draws count: Int) {
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
        }}}}}}
    }
}

import Foundation
