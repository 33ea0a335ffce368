import Foundation
import Simulation

/// One bar of a tornado: the outcome with one input held at its P10 and at its P90.
public struct TornadoBar: Sendable, Equatable {
    public let parameter: String
    public let lowValue: Double
    public let highValue: Double
    public let probabilityAtLow: Double
    public let probabilityAtHigh: Double
    public let medianAtLow: Double
    public let medianAtHigh: Double
    /// |P(at P90) − P(at P10)|, the bar's length.
    public var probabilitySwing: Double { abs(probabilityAtHigh - probabilityAtLow) }
}

public struct TornadoResult: Sendable {
    public let draws: Int
    public let threshold: Double
    public let baseProbability: Double
    public let baseMedian: Double
    /// Longest bar first.
    public let bars: [TornadoBar]
}

/// The tornado: P(growth ≥ target) and median growth with each input held at the P10 and then
/// the P90 of its own distribution while the others are sampled (from their joint distribution,
/// copula included), on common random numbers: every bar uses the same draws.
/// - Complexity: (2k + 1) evaluations of `draws` rows for k inputs.
public enum Tornado {
    public static func run(model: SimulationModel, draws: Int, seed: UInt64, threshold: Double? = nil, threads: Int = 1) throws -> TornadoResult {
        guard draws >= 10 else { throw ExplorationError.invalidRequest("--draws must be at least 10 for a tornado") }
        try SensitivityAnalysis.requireUncertainty(model)
        let evaluation = try ModelEvaluation(model: model)
        let uniforms = evaluation.sampledUniforms(rows: draws, seed: seed)
        let target = threshold ?? model.target
        func outcome(_ adjustments: [ModelEvaluation.Adjustment]) throws -> (Double, Double) {
            let rows = try evaluation.evaluate(uniforms: uniforms, outputs: [evaluation.layout.grdp], adjustments: adjustments, threads: threads)
            let growth = Array(rows.output(0))
            return (Double(growth.filter { $0 >= target }.count) / Double(draws), Statistics.median(growth))
        }
        let (baseP, baseMedian) = try outcome([])
        var bars: [TornadoBar] = []
        for (j, parameter) in model.parameters.enumerated() {
            let low = parameter.distribution.quantile(0.1), high = parameter.distribution.quantile(0.9)
            let (pLow, mLow) = try outcome([.init(parameter: j, change: .set(low))])
            let (pHigh, mHigh) = try outcome([.init(parameter: j, change: .set(high))])
            bars.append(TornadoBar(parameter: parameter.id, lowValue: low, highValue: high, probabilityAtLow: pLow,
                                   probabilityAtHigh: pHigh, medianAtLow: mLow, medianAtHigh: mHigh))
        }
        bars.sort { ($0.probabilitySwing, abs($0.medianAtHigh - $0.medianAtLow)) > ($1.probabilitySwing, abs($1.medianAtHigh - $1.medianAtLow)) }
        return TornadoResult(draws: draws, threshold: target, baseProbability: baseP, baseMedian: baseMedian, bars: bars)
    }
}

/// Exact sample statistics of evaluated draws.
public enum Statistics {
    /// The sample median (mean of the two middle values for an even count).
    /// - Complexity: O(n log n).
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// Share of values ≥ threshold.
    public static func exceedance(_ values: some Collection<Double>, threshold: Double) -> Double {
        values.isEmpty ? .nan : Double(values.reduce(0) { $0 + ($1 >= threshold ? 1 : 0) }) / Double(values.count)
    }
}
