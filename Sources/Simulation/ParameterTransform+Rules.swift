import Foundation
import Sampling

extension ParameterTransform {
    /// How one parameter's θ row becomes parameter values: the inverse CDF of its
    /// distribution, chosen once a run (`ParameterTransform.init`), with its constants.
    /// A normal of σ = 0, a lognormal of σ = 0 and a triangular of zero width are
    /// `constant`: their quantile is the same value for every u, as `Distribution`'s
    /// closed forms give it (μ, e^μ, a).
    enum Rule: UInt8 {
        /// x = a.
        case constant
        /// x = a + b·Φ⁻¹(u) (normal, μ = a, σ = b ≠ 0).
        case normal
        /// x = exp(a + b·Φ⁻¹(u)) (lognormal, μ = a, σ = b ≠ 0).
        case lognormal
        /// x = min(a + u·c, b) with c = b − a (uniform on [a, b]).
        case uniform
        /// a + √(u·c·d) when u·c < d, else max(a, b − √((1 − u)·c·e)) (triangular with lower
        /// a, mode m and upper b; c = b − a ≠ 0, d = m − a, e = b − m).
        case triangular
        /// The table's x(Φ⁻¹(u)) for u in (0, 1) inside the table's range, else the exact quantile.
        case table
        /// The exact quantile `Distribution.quantile(u)`.
        case exact
        /// x = a + b·y for a normal score y (correlated normal).
        case normalScoreNormal
        /// x = exp(a + b·y) for a normal score y (correlated lognormal).
        case normalScoreLognormal
        /// The table's x(y), else the exact quantile of Φ(y) (correlated tabulated parameter).
        case normalScoreTable
    }

    /// One parameter's rule and constants, stored flat (no references) so that a block's
    /// loop over the rules retains nothing. - Complexity: O(1) memory.
    struct RowRule {
        var rule: Rule
        var parameter: Int
        var a: Double
        var b: Double
        var c: Double
        var d: Double
        var e: Double
        var tableStart: Int
        var tableCount: Int
        var tableStep: Double
    }

    /// The draws a tile holds: θ's columns of `tile` draws (tile · k values, 25 KB for the
    /// 49 parameters of the default plan) stay in the first-level cache while each
    /// parameter's rule runs over them.
    static let tile = 64

    /// The rules of every parameter, sorted by rule so that the rows of one kind run one after
    /// the other (the order of rows does not matter: each value depends on its own u alone).
    static func rowRules(
        kind: [Kind], first: [Double], second: [Double], third: [Double], tableStart: [Int], tableCount: [Int],
        tableStep: [Double], takesNormalScore: [Bool]
    ) -> [RowRule] {
        var rules: [RowRule] = []
        for j in kind.indices {
            let a = first[j], b = second[j], c = third[j]
            var row = RowRule(
                rule: .exact, parameter: j, a: a, b: b, c: 0, d: 0, e: 0, tableStart: tableStart[j], tableCount: tableCount[j],
                tableStep: tableStep[j])
            switch kind[j] {
            case .normal:
                if b == 0 { row.rule = .constant } else { row.rule = takesNormalScore[j] ? .normalScoreNormal : .normal }
            case .lognormal:
                if b == 0 {
                    row.rule = .constant
                    row.a = exp(a)
                } else {
                    row.rule = takesNormalScore[j] ? .normalScoreLognormal : .lognormal
                }
            case .uniform:
                row.rule = .uniform
                row.c = b - a
            case .triangular:
                // first, second, third hold lower, mode, upper.
                (row.a, row.b) = (a, c)
                if c - a == 0 {
                    row.rule = .constant
                } else {
                    row.rule = .triangular
                    (row.c, row.d, row.e) = (c - a, b - a, c - b)
                }
            case .table:
                row.rule = takesNormalScore[j] ? .normalScoreTable : .table
            case .exact:
                row.rule = .exact
            }
            rules.append(row)
        }
        return rules.sorted { ($0.rule.rawValue, $0.parameter) < ($1.rule.rawValue, $1.parameter) }
    }

    /// Replaces each uniform u of parameter j in `theta` (k × count, column per draw) by
    /// F_j⁻¹(u), or, where `takesNormalScore[j]`, each normal score y by F_j⁻¹(Φ(y)): tile by
    /// tile of `tile` draws, each parameter's rule as one loop over the tile with its
    /// constants in registers. The same operations on each value as `applyGeneral`, so the
    /// same bits. - Complexity: O(k · count), no allocation.
    func apply(_ theta: UnsafeMutablePointer<Double>, parameters k: Int, draws count: Int) {
        rules.withUnsafeBufferPointer { rules in
            tableValues.withUnsafeBufferPointer { values in
                tableSlopes.withUnsafeBufferPointer { slopes in
                    var first = 0
                    while first < count {
                        let n = Swift.min(Self.tile, count &- first)
                        let column = theta + k &* first
                        for row in rules where row.parameter < k {
                            transform(row, column + row.parameter, stride: k, count: n, values: values, slopes: slopes)
                        }
                        first &+= n
                    }
                }
            }
        }
    }

    /// Runs one parameter's rule over `count` values `stride` apart from `start`.
    /// - Complexity: O(count).
    @inline(__always)
    private func transform(
        _ row: RowRule, _ start: UnsafeMutablePointer<Double>, stride: Int, count: Int,
        values: UnsafeBufferPointer<Double>, slopes: UnsafeBufferPointer<Double>
    ) {
        let a = row.a, b = row.b, c = row.c, d = row.d, e = row.e
        var p = start
        let end = start + stride &* count
        switch row.rule {
        case .constant:
            while p < end { p.pointee = a; p += stride }
        case .normal:
            while p < end { p.pointee = a + b * StandardNormal.quantile(p.pointee); p += stride }
        case .lognormal:
            while p < end { p.pointee = exp(a + b * StandardNormal.quantile(p.pointee)); p += stride }
        case .uniform:
            while p < end { p.pointee = Swift.min(a + p.pointee * c, b); p += stride }
        case .triangular:
            while p < end {
                let u = p.pointee
                if u * c < d {
                    p.pointee = a + (u * c * d).squareRoot()
                } else {
                    p.pointee = Swift.max(a, b - ((1 - u) * c * e).squareRoot())
                }
                p += stride
            }
        case .normalScoreNormal:
            while p < end { p.pointee = a + b * p.pointee; p += stride }
        case .normalScoreLognormal:
            while p < end { p.pointee = exp(a + b * p.pointee); p += stride }
        case .table, .normalScoreTable:
            transformTabulated(row, start, stride: stride, count: count, values: values, slopes: slopes)
        case .exact:
            let distribution = distributions[row.parameter]
            while p < end { p.pointee = distribution.quantile(p.pointee); p += stride }
        }
    }

    /// The tabulated rules (`table`, `normalScoreTable`) over `count` values `stride` apart.
    /// - Complexity: O(count).
    private func transformTabulated(
        _ row: RowRule, _ start: UnsafeMutablePointer<Double>, stride: Int, count: Int,
        values: UnsafeBufferPointer<Double>, slopes: UnsafeBufferPointer<Double>
    ) {
        let nodes = values.baseAddress! + row.tableStart, nodeSlopes = slopes.baseAddress! + row.tableStart
        let nodeCount = row.tableCount, step = row.tableStep, lower = row.a, upper = row.b
        var p = start
        let end = start + stride &* count
        if row.rule == .normalScoreTable {
            while p < end {
                let y = p.pointee
                if let x = TabulatedQuantile.interpolate(
                    normalScore: y, values: nodes, slopes: nodeSlopes, count: nodeCount, step: step, lower: lower, upper: upper) {
                    p.pointee = x
                } else {
                    p.pointee = distributions[row.parameter].quantile(StandardNormal.cdf(y))
                }
                p += stride
            }
            return
        }
        while p < end {
            let u = p.pointee
            if u > 0, u < 1, let x = TabulatedQuantile.interpolate(
                normalScore: StandardNormal.quantile(u), values: nodes, slopes: nodeSlopes, count: nodeCount, step: step,
                lower: lower, upper: upper) {
                p.pointee = x
            } else {
                p.pointee = distributions[row.parameter].quantile(u)
            }
            p += stride
        }
    }
}
