import Sampling
import Sensitivity
import Simulation

/// An output analysed for sensitivity: a model output, or the event that GRDP growth reaches
/// a threshold (an indicator, 1 when it does).
public struct AnalysedOutput: Sendable, Equatable {
    /// The `--keep-draws` column name, or `meets_target` for the event.
    public let id: String
    /// Human label, e.g. "GRDP growth ≥ 8%".
    public let label: String
}

/// The Sobol' indices of a scenario's outputs: which inputs (or groups) carry the variance.
public struct SobolAnalysis: Sendable {
    public let factors: FactorGroups
    /// The copula's correlated sets, by parameter id (empty when correlations are ignored).
    public let correlatedSets: [[String]]
    /// How factors were formed (said in every report).
    public let method: String
    public let outputs: [AnalysedOutput]
    public let indices: [SobolIndices]
    public let baseSamples: Int
    public let evaluations: Int
}

/// Morris elementary effects of a scenario's outputs.
public struct MorrisAnalysis: Sendable {
    public let factors: FactorGroups
    public let correlatedSets: [[String]]
    public let method: String
    public let outputs: [AnalysedOutput]
    public let effects: [MorrisEffects]
    public let trajectories: Int
    public let evaluations: Int
}

/// Shapley effects of a scenario's outputs: one effect per parameter, correlations included.
public struct ShapleyAnalysis: Sendable {
    public let inputs: [String]
    public let outputs: [AnalysedOutput]
    public let effects: [ShapleyEffects]
    public let permutations: Int
    public let evaluations: Int
}

/// Global sensitivity of a compiled scenario: the Saltelli design (or Morris trajectories) over
/// the model's independent input uniforms, evaluated by `ModelEvaluation`, analysed by the
/// `Sensitivity` library. GRDP growth and the event {growth ≥ target} are always analysed;
/// further outputs are named by their `--keep-draws` column.
public enum SensitivityAnalysis {
    public struct Options: Sendable {
        public var grouping: FactorGrouping = .parameter
        public var ignoringCorrelation = false
        /// Extra outputs by `--keep-draws` column name.
        public var extraOutputs: [String] = []
        public var seed: UInt64 = 2025
        public var resamples = 100
        public var threads = 1
        /// The event's threshold; nil for the model's GRDP target.
        public var threshold: Double?
        public init() {}
    }

    /// The outputs to analyse (layout indices, with the event's threshold when it is one).
    static func outputs(of model: SimulationModel, layout: OutputLayout, options: Options) throws(ExplorationError)
        -> [(output: AnalysedOutput, index: Int, threshold: Double?)]
    {
        let threshold = options.threshold ?? model.target
        var result: [(AnalysedOutput, Int, Double?)] = [
            (AnalysedOutput(id: "grdp_growth", label: "GRDP growth %"), layout.grdp, nil),
            (AnalysedOutput(id: "meets_target", label: "GRDP growth ≥ \(format(threshold))% (event)"), layout.grdp, threshold),
        ]
        for name in options.extraOutputs where name != "grdp_growth" {
            guard let index = layout.names.firstIndex(of: name) else { throw .unknownOutput(name, known: layout.names) }
            result.append((AnalysedOutput(id: name, label: name), index, nil))
        }
        return result
    }

    static func prepared(_ model: SimulationModel, options: Options) throws -> (SimulationModel, FactorGroups, String) {
        try requireUncertainty(model)
        let evaluated = options.ignoringCorrelation ? try InputFactors.withoutCorrelation(model) : model
        let factors = try InputFactors.factors(of: model, grouping: options.grouping, ignoringCorrelation: options.ignoringCorrelation)
        var method: String
        if options.ignoringCorrelation {
            method = "correlations ignored: every input sampled independently (the copula is dropped for this analysis)"
        } else if InputFactors.correlatedSets(of: model).isEmpty {
            method = "independent inputs"
        } else {
            method = "group indices for inputs correlated through the copula: each connected set of correlated inputs is one factor, its normal scores moved together"
        }
        if options.grouping == .group { method += "; factors are the kinds of input (id prefix)" }
        return (evaluated, factors, method)
    }

    /// Sobol' first-order and total indices with bootstrap intervals.
    /// - Parameter baseSamples: N; the model is evaluated N·(G + 2) times for G factors.
    public static func sobol(model: SimulationModel, baseSamples: Int, options: Options = Options()) throws -> SobolAnalysis {
        let (evaluated, factors, method) = try prepared(model, options: options)
        let evaluation = try ModelEvaluation(model: evaluated)
        let chosen = try outputs(of: model, layout: evaluation.layout, options: options)
        let design = try SaltelliDesign(baseSamples: baseSamples, groups: factors, seed: options.seed)
        let distinct = Array(Set(chosen.map(\.index))).sorted()
        let rows = try evaluation.evaluate(uniforms: design.uniforms, outputs: distinct, threads: options.threads)
        var indices: [SobolIndices] = []
        for (n, item) in chosen.enumerated() {
            var y = Array(rows.output(distinct.firstIndex(of: item.index)!))
            if let threshold = item.threshold { y = y.map { $0 >= threshold ? 1 : 0 } }
            indices.append(try SobolIndices(outputs: y, design: design, resamples: options.resamples, seed: options.seed &+ UInt64(n)))
        }
        return SobolAnalysis(factors: factors, correlatedSets: sets(model, options), method: method, outputs: chosen.map(\.output), indices: indices,
                             baseSamples: baseSamples, evaluations: design.rows)
    }

    /// Morris μ*, μ, σ with a bootstrap interval on μ*, each input moved between its P5 and P95.
    public static func morris(model: SimulationModel, trajectories: Int, levels: Int = 4, options: Options = Options()) throws -> MorrisAnalysis {
        let (evaluated, factors, method) = try prepared(model, options: options)
        let evaluation = try ModelEvaluation(model: evaluated)
        let chosen = try outputs(of: model, layout: evaluation.layout, options: options)
        let design = try MorrisDesign(trajectories: trajectories, levels: levels, groups: factors, range: 0.05...0.95, seed: options.seed)
        let distinct = Array(Set(chosen.map(\.index))).sorted()
        let rows = try evaluation.evaluate(uniforms: design.uniforms, outputs: distinct, threads: options.threads)
        var effects: [MorrisEffects] = []
        for (n, item) in chosen.enumerated() {
            var y = Array(rows.output(distinct.firstIndex(of: item.index)!))
            if let threshold = item.threshold { y = y.map { $0 >= threshold ? 1 : 0 } }
            effects.append(try MorrisEffects(outputs: y, design: design, seed: options.seed &+ UInt64(n)))
        }
        return MorrisAnalysis(factors: factors, correlatedSets: sets(model, options), method: method + "; Morris levels \(levels), each input between its P5 and P95",
                              outputs: chosen.map(\.output), effects: effects, trajectories: trajectories, evaluations: design.rows)
    }
}

extension SensitivityAnalysis {
    /// Shapley effects (Owen 2014; Song, Nelson & Staum 2016) of every parameter: the design works
    /// on the copula's normal scores y ~ N(0, Σ) (Σ the scenario's correlation matrix on the
    /// correlated parameters, identity elsewhere), and each row is evaluated at uᵢ = Φ(yᵢ) on the
    /// model without its copula, which is the engine's xᵢ = Fᵢ⁻¹(Φ((L·z)ᵢ)).
    /// - Parameters:
    ///   - permutations: m random permutations; the model runs `varianceRows` + m·(k − 1)·3 times.
    public static func shapley(model: SimulationModel, permutations: Int, varianceRows: Int, options: Options = Options()) throws -> ShapleyAnalysis {
        try requireUncertainty(model)
        let k = model.parameters.count
        var sigma = [Double](repeating: 0, count: k * k)
        for i in 0..<k { sigma[i * k + i] = 1 }
        if let (indices, copula) = model.correlation {
            for (a, i) in indices.enumerated() { for (b, j) in indices.enumerated() { sigma[i * k + j] = copula.correlation[a, b] } }
        }
        let design = try ShapleyDesign(correlation: sigma, inputs: k, permutations: permutations, varianceRows: varianceRows, seed: options.seed)
        let largest = 1 - 0x1p-53
        let uniforms = design.scores.map { min(max(StandardNormal.cdf($0), 0x1p-1000), largest) }
        let evaluation = try ModelEvaluation(model: try InputFactors.withoutCorrelation(model))
        let chosen = try outputs(of: model, layout: evaluation.layout, options: options)
        let distinct = Array(Set(chosen.map(\.index))).sorted()
        let rows = try evaluation.evaluate(uniforms: uniforms, outputs: distinct, threads: options.threads)
        var effects: [ShapleyEffects] = []
        for item in chosen {
            var y = Array(rows.output(distinct.firstIndex(of: item.index)!))
            if let threshold = item.threshold { y = y.map { $0 >= threshold ? 1 : 0 } }
            effects.append(try ShapleyEffects(outputs: y, design: design))
        }
        return ShapleyAnalysis(inputs: model.parameters.map(\.id), outputs: chosen.map(\.output), effects: effects,
                               permutations: permutations, evaluations: design.rows)
    }

    /// A scenario with no sampled parameter has nothing to analyse.
    static func requireUncertainty(_ model: SimulationModel) throws(ExplorationError) {
        guard !model.parameters.isEmpty else {
            throw .invalidRequest("the scenario has no uncertain parameter (every value is a constant): give at least one lever or baseline a distribution")
        }
    }

    static func sets(_ model: SimulationModel, _ options: Options) -> [[String]] {
        options.ignoringCorrelation ? [] : InputFactors.correlatedSets(of: model).map { $0.map { model.parameters[$0].id } }
    }
}

func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
