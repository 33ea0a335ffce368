import Datasets
import Forecasting
import InputOutput
import Scenarios

extension ScenarioCompiler {
    /// Ids of the baseline model's sampled inputs (as `--keep-draws` and the report name them).
    public enum BaselineParameterID {
        public static let nationalGrowth = "national.growth"
        public static let expected = "baseline.model.expected"
        public static let residual = "baseline.model.residual"
        public static func quarterNoise(_ quarter: Int) -> String { "baseline.model.quarter_noise.Q\(quarter + 1)" }
    }

    /// The baseline model the scenario runs with: its own `baseline_model`, else the default
    /// for the embedded dataset, else momentum (a user's dataset has no history to estimate on).
    static func baselineModel(for scenario: Scenario, dataset: Dataset) throws(SimulationError) -> BaselineModel {
        if let chosen = scenario.baselineModel {
            if chosen.isEstimated, dataset.hanoi == nil {
                throw .invalidModel(
                    "\(scenario.path): baseline_model = \"\(chosen.rawValue)\" is estimated on Hanoi's published history, which a user's table or accounts do not have; use baseline_model = \"momentum\" with a [baseline] block")
            }
            return chosen
        }
        return dataset.hanoi == nil ? .momentum : .default
    }

    /// Builds the baseline dynamics and adds its sampled inputs to `parameters`; nil for the
    /// momentum variant without published quarters, or on a user's dataset (the scenario's
    /// `[baseline]` then stands as it is).
    /// - Parameter momentumVariance: Var(Σᵢ wᵢbᵢ) of the scenario's baseline, for momentum.
    /// - Parameter lineBaselines: the lines' baselines bᵢ as the plan holds them (the state
    ///   carries them when sector quarters are published).
    static func baselineDynamics(
        model: BaselineModel, scenario: Scenario, dataset: Dataset, parameters: inout [ParameterSpecification], momentumVariance: Double,
        lineBaselines: [ParameterValue] = []
    ) throws -> BaselineDynamics? {
        guard let hanoi = dataset.hanoi else {
            if !scenario.actualSectorQuarters.isEmpty {
                throw SimulationError.invalidModel(
                    "\(scenario.path): scenario.actual_sector_quarters needs the embedded Hanoi dataset (its sector aggregates and history); remove it, or give the GRDP's quarters in actual_quarters")
            }
            if scenario.actualQuarters.isEmpty { return nil }
            return try userDatasetDynamics(scenario: scenario, dataset: dataset, parameters: &parameters, momentumVariance: momentumVariance)
        }
        if model == .momentum && scenario.actualQuarters.isEmpty && scenario.actualSectorQuarters.isEmpty { return nil }
        guard let year = scenario.year ?? dataset.accounts.year else {
            throw SimulationError.invalidModel("\(scenario.path): set `year` in [scenario]: the baseline is forecast for a year")
        }
        let estimator = BaselineEstimator(history: GrowthHistory(facts: try hanoi.publishedHistory()), quarterlyWeights: dataset.quarterlyWeights)
        let asOf = BaselineEstimator.annualOrigin(year)
        let observations = scenario.actualQuarters.enumerated().map { QuarterObservation.quarter($0.offset, $0.element) }
        func add(_ id: String, _ mean: Double, _ sd: Double) throws -> ParameterValue {
            guard sd > 0 else { return .constant(mean) }
            parameters.append(ParameterSpecification(id: id, distribution: try .normal(mean: mean, standardDeviation: sd)))
            return .parameter(parameters.count - 1)
        }
        var state: [ParameterValue]
        var covariance: [[Double]]
        var forecast: BaselineForecast?
        if model.isEstimated {
            let f = try estimator.estimate(model, year: year, asOf: asOf, nationalGrowth: scenario.nationalGrowth)
            forecast = f
            state = [
                try f.nationalGrowth.map { try add(BaselineParameterID.nationalGrowth, $0.mean, $0.standardDeviation) } ?? .constant(0),
                try add(BaselineParameterID.expected, f.expected.mean, f.expected.standardDeviation),
                try add(BaselineParameterID.residual, 0, f.residualStandardDeviation),
            ]
            covariance = f.stateCovariance
            for q in 0..<4 { state.append(try add(BaselineParameterID.quarterNoise(q), f.quarterNoise.means[q], f.quarterNoiseStandardDeviation)) }
        } else {
            let noise = try estimator.quarterNoise(for: year, asOf: asOf)
            let sigma = noise.standardDeviation
            state = [.constant(0), .constant(0), .constant(0)]
            for q in 0..<4 { state.append(try add(BaselineParameterID.quarterNoise(q), noise.means[q], sigma)) }
            let variances: [Double] = [0.0, momentumVariance, 0.0] + [Double](repeating: sigma * sigma, count: 4)
            covariance = variances.indices.map { i in variances.indices.map { $0 == i ? variances[i] : 0 } }
        }
        var rows = observations.map(\.stateRow)
        let sectors = try sectorObservations(scenario, dataset: dataset)
        if !sectors.isEmpty {
            try extendForSectors(
                sectors, model: model, scenario: scenario, dataset: dataset, estimator: estimator, asOf: asOf, year: year,
                lineBaselines: lineBaselines, parameters: &parameters, state: &state, covariance: &covariance, rows: &rows)
        }
        let conditioning = try GaussianConditioning(priorCovariance: covariance, observationRows: rows)
        return BaselineDynamics(
            model: model, state: state, conditioning: conditioning, observations: observations, sectorObservations: sectors,
            nationalDemandShare: try nationalDemandShare(dataset.table), forecast: forecast)
    }

    /// The momentum model conditioned on published quarters for a user's table and accounts,
    /// which have no history of their own: the quarter noise η has no within-year profile
    /// and σ_η is Hanoi's (`BaselineEstimator.quarterNoise` on the embedded history for the
    /// scenario's year, else 2025) — an assumption, which the run's notes state. The update
    /// is the momentum one (`BaselineDynamics`): M with its variance from `[baseline]`.
    static func userDatasetDynamics(
        scenario: Scenario, dataset: Dataset, parameters: inout [ParameterSpecification], momentumVariance: Double
    ) throws -> BaselineDynamics {
        let hanoi = try HanoiDataset.embedded()
        let estimator = BaselineEstimator(history: GrowthHistory(facts: try hanoi.publishedHistory()), quarterlyWeights: hanoi.quarterlyWeights)
        let year = min(scenario.year ?? dataset.accounts.year ?? 2025, 2026)
        let sigma = try estimator.quarterNoise(for: year, asOf: BaselineEstimator.annualOrigin(year)).standardDeviation
        var state: [ParameterValue] = [.constant(0), .constant(0), .constant(0)]
        for q in 0..<4 {
            parameters.append(ParameterSpecification(id: BaselineParameterID.quarterNoise(q), distribution: try .normal(mean: 0, standardDeviation: sigma)))
            state.append(.parameter(parameters.count - 1))
        }
        let variances: [Double] = [0.0, momentumVariance, 0.0] + [Double](repeating: sigma * sigma, count: 4)
        let covariance = variances.indices.map { i in variances.indices.map { $0 == i ? variances[i] : 0 } }
        let observations = scenario.actualQuarters.enumerated().map { QuarterObservation.quarter($0.offset, $0.element) }
        let conditioning = try GaussianConditioning(priorCovariance: covariance, observationRows: observations.map(\.stateRow))
        return BaselineDynamics(
            model: .momentum, state: state, conditioning: conditioning, observations: observations,
            nationalDemandShare: try nationalDemandShare(dataset.table), forecast: nil, borrowedQuarterNoise: sigma)
    }

    /// s = value added induced by the export column / value added induced by all final demand
    /// (= total value added, since L·f = x): the share of a proportional rise of all final
    /// demand that the rest of Vietnam and abroad carry. O(n³).
    static func nationalDemandShare(_ table: IOTable) throws -> Double {
        guard table.hasFinalDemand(.exports) else { return 0 }
        let output = try LeontiefModel(table: table).totalOutput(for: table.finalDemand(of: .exports))
        let valueAdded = table.valueAddedLevels
        var induced = 0.0, total = 0.0
        for s in table.sectors.indices where table.output[s] > 0 {
            induced += valueAdded[s] / table.output[s] * output[s]
            total += valueAdded[s]
        }
        return total > 0 ? induced / total : 0
    }

    /// Var(Σᵢ wᵢbᵢ) of the scenario's baseline lines at the base-year shares, with the
    /// correlations of `[correlation]` (a Gaussian approximation; exact for normal lines).
    static func momentumVariance(_ scenario: Scenario, lines: [String], shares: [Double]) -> Double {
        var entries: [(id: String, weight: Double, sd: Double)] = []
        for (i, line) in lines.enumerated() {
            guard let entry = scenario.baseline.first(where: { $0.accountsLine == line }), case let .distribution(d) = entry.value else { continue }
            entries.append((Scenario.baselineParameterID(line), shares[i], d.standardDeviation))
        }
        var variance = 0.0
        for a in entries {
            for b in entries {
                var rho = a.id == b.id ? 1.0 : 0.0
                if a.id != b.id, let spec = scenario.correlation, let i = spec.parameters.firstIndex(of: a.id), let j = spec.parameters.firstIndex(of: b.id) {
                    rho = spec.matrix[i][j]
                }
                variance += a.weight * b.weight * rho * a.sd * b.sd
            }
        }
        return variance
    }
}

extension ScenarioCompiler {
    /// The back-test over the embedded history, with the momentum variant's spread taken from
    /// the scenario's `[baseline]` at the base-year shares (left out without sampled lines).
    public static func backtest(for scenario: Scenario, dataset: Dataset, years: ClosedRange<Int>) throws -> Backtest {
        guard let hanoi = dataset.hanoi else {
            throw SimulationError.invalidModel("\(scenario.path): the back-test needs the embedded Hanoi history; a user's table or accounts have none")
        }
        let estimator = BaselineEstimator(history: GrowthHistory(facts: try hanoi.publishedHistory()), quarterlyWeights: dataset.quarterlyWeights)
        let lines = dataset.accounts.sectors.map(\.name)
        let spread = momentumVariance(scenario, lines: lines, shares: dataset.accounts.baseYearShares).squareRoot()
        return Backtest(estimator: estimator, momentumStandardDeviation: spread > 0 ? spread : nil, years: years)
    }
}
