import Datasets
import Forecasting
import Scenarios

extension ScenarioCompiler {
    /// The id of the noise ε of a published sector quarter (as `--keep-draws` names it).
    static func sectorNoiseID(_ aggregate: SectorAggregate, quarter: Int) -> String {
        "baseline.model.sector_noise.\(aggregate.rawValue).Q\(quarter + 1)"
    }

    /// The published aggregate an accounts line of the embedded dataset belongs to.
    static func aggregate(ofLine line: String) -> SectorAggregate? {
        if line == HanoiSector.productTaxesLine { return .productTaxes }
        return HanoiSector(rawValue: line).flatMap { SectorAggregate(rawValue: $0.publishedAggregate) }
    }

    /// `scenario.actual_sector_quarters` as observations over the accounts lines.
    /// - Throws: `invalidModel` when an aggregate has no line with a base-year share.
    static func sectorObservations(_ scenario: Scenario, dataset: Dataset) throws -> [SectorQuarterObservation] {
        let lines = dataset.accounts.sectors.map(\.name), shares = dataset.accounts.baseYearShares
        var observations: [SectorQuarterObservation] = []
        for published in scenario.actualSectorQuarters {
            let members = lines.indices.filter { aggregate(ofLine: lines[$0]) == published.aggregate }
            let total = members.reduce(0) { $0 + shares[$1] }
            guard total > 0 else {
                throw SimulationError.invalidModel(
                    "\(scenario.path): scenario.actual_sector_quarters.\(published.aggregate.rawValue): the dataset has no line in this aggregate; remove it")
            }
            for (q, value) in published.quarters.enumerated() {
                observations.append(SectorQuarterObservation(
                    aggregate: published.aggregate, quarter: q, value: value, lines: members,
                    withinShares: members.map { shares[$0] / total }))
            }
        }
        return observations
    }

    /// Extends the state (n, a, e, η₁…η₄) by the lines' baselines b₁…b_L and one ε per sector
    /// observation, its prior covariance and the observation rows (`BaselineDynamics`, step 6):
    /// - Var(b) from the scenario's `[baseline]` spreads and `[correlation]` (a Gaussian
    ///   approximation, exact for normal lines); ε ~ N(0, τ̂²), τ̂ from `SectorQuarterNoise`;
    /// - the GRDP rows gain 0 on b (estimated: the total is B) or wᵢ (momentum: B = M = Σ wᵢbᵢ,
    ///   a is then 0);
    /// - aggregate G's quarter q: B + η_q + Σᵢ cᵢbᵢ + ε, cᵢ = 1[i∈G]·wᵢ/w_G − wᵢ (estimated) or
    ///   1[i∈G]·wᵢ/w_G (momentum), at the base-year shares w.
    static func extendForSectors(
        _ sectors: [SectorQuarterObservation], model: BaselineModel, scenario: Scenario, dataset: Dataset, estimator: BaselineEstimator,
        asOf: PublicationDate, year: Int, lineBaselines: [ParameterValue], parameters: inout [ParameterSpecification],
        state: inout [ParameterValue], covariance: inout [[Double]], rows: inout [[Double]]
    ) throws {
        let lines = dataset.accounts.sectors.map(\.name), shares = dataset.accounts.baseYearShares
        guard lineBaselines.count == lines.count else {
            throw SimulationError.invalidModel("internal: \(lineBaselines.count) line baselines for \(lines.count) accounts lines")
        }
        let noise = try estimator.sectorQuarterNoise(before: year, asOf: asOf)
        let core = covariance.count, lineCount = lines.count, k = core + lineCount + sectors.count
        let momentum = model == .momentum
        var extended = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<core { for j in 0..<core { extended[i][j] = covariance[i][j] } }
        if momentum { extended[1][1] = 0 }
        let lineCovariance = Self.lineCovariance(scenario, lines: lines)
        for i in 0..<lineCount { for j in 0..<lineCount { extended[core + i][core + j] = lineCovariance[i][j] } }
        state += lineBaselines
        for (j, observation) in sectors.enumerated() {
            let id = sectorNoiseID(observation.aggregate, quarter: observation.quarter)
            parameters.append(ParameterSpecification(id: id, distribution: try .normal(mean: 0, standardDeviation: noise.standardDeviation)))
            state.append(.parameter(parameters.count - 1))
            extended[core + lineCount + j][core + lineCount + j] = noise.standardDeviation * noise.standardDeviation
        }
        covariance = extended
        rows = rows.map { row in
            row + (0..<lineCount).map { momentum ? shares[$0] : 0 } + [Double](repeating: 0, count: sectors.count)
        }
        for (j, observation) in sectors.enumerated() {
            var row = [Double](repeating: 0, count: k)
            row[0] = 1; row[1] = 1; row[2] = 1
            row[3 + observation.quarter] = 1
            for i in 0..<lineCount { row[core + i] = momentum ? 0 : -shares[i] }
            for (index, i) in observation.lines.enumerated() { row[core + i] += observation.withinShares[index] }
            row[core + lineCount + j] = 1
            rows.append(row)
        }
    }

    /// Cov(bᵢ, bⱼ) of the scenario's baseline lines: ρᵢⱼ·sdᵢ·sdⱼ with the correlations of
    /// `[correlation]`; 0 for a line held constant or absent from `[baseline]`. O(L²).
    static func lineCovariance(_ scenario: Scenario, lines: [String]) -> [[Double]] {
        let sd: [Double] = lines.map { line in
            guard let entry = scenario.baseline.first(where: { $0.accountsLine == line }), case let .distribution(d) = entry.value else { return 0 }
            return d.standardDeviation
        }
        return lines.indices.map { a in
            lines.indices.map { b in
                guard sd[a] > 0, sd[b] > 0 else { return 0 }
                if a == b { return sd[a] * sd[a] }
                let idA = Scenario.baselineParameterID(lines[a]), idB = Scenario.baselineParameterID(lines[b])
                guard let spec = scenario.correlation, let i = spec.parameters.firstIndex(of: idA), let j = spec.parameters.firstIndex(of: idB) else { return 0 }
                return spec.matrix[i][j] * sd[a] * sd[b]
            }
        }
    }
}
