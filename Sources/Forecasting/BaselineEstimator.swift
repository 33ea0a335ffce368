import Scenarios
/// Estimates a `BaselineForecast` for year t from what was published by the origin `asOf`
/// (no look-ahead: every figure is its latest release by then, and nothing of year t is used
/// except the quarters the caller conditions on).
/// - Complexity: O(years · releases) for the series, O(years · k²) for the regression.
public struct BaselineEstimator: Sendable {
    public let history: GrowthHistory
    /// Base-year quarterly weights W₁…W₄ (they split the annual residual into quarter noise).
    public let quarterlyWeights: [Double]
    /// The first year of the record (2010).
    public let firstYear: Int

    public init(history: GrowthHistory, quarterlyWeights: [Double], firstYear: Int = 2010) {
        self.history = history
        self.quarterlyWeights = quarterlyWeights
        self.firstYear = firstYear
    }

    /// The origin of a forecast made before any quarter of `year` is out: 31 January.
    public static func annualOrigin(_ year: Int) -> PublicationDate { PublicationDate(year: year, month: 1, day: 31) }

    /// - Parameter nationalGrowth: the user's forecast of national growth (%), replacing the
    ///   national target as the centre of nₜ.
    public func estimate(_ model: BaselineModel, year: Int, asOf: PublicationDate, nationalGrowth: Double? = nil) throws(ForecastingError) -> BaselineForecast {
        guard model.isEstimated else { throw .invalidArgument(name: "baseline model", value: 0, expected: "an estimated variant") }
        let hanoi = series("Hanoi", before: year, asOf: asOf)
        let nation = series("Vietnam", before: year, asOf: asOf)
        let years = hanoi.keys.filter { nation[$0] != nil }.sorted()
        func old(_ u: Int) -> Double { GrowthHistory.isOldMethod(u) ? 1 : 0 }
        func sameMethod(_ u: Int) -> Bool { GrowthHistory.isOldMethod(u) == GrowthHistory.isOldMethod(u - 1) }

        var design: [[Double]] = [], response: [Double] = [], used: [Int] = []
        let names: [String]
        let forecastRow: [Double]
        switch model {
        case .national:
            names = ["mu", "old_method_shift"]
            for u in years {
                design.append([1, old(u)])
                response.append(hanoi[u]! - nation[u]!)
                used.append(u)
            }
            forecastRow = [1, 0]
        case .nationalPersistent:
            names = ["mu", "old_method_shift", "phi"]
            for u in years where hanoi[u - 1] != nil && nation[u - 1] != nil && sameMethod(u) {
                design.append([1, old(u), hanoi[u - 1]! - nation[u - 1]!])
                response.append(hanoi[u]! - nation[u]!)
                used.append(u)
            }
            guard let h = hanoi[year - 1], let n = nation[year - 1] else {
                throw .missingObservation(what: "Hanoi's or Vietnam's growth", year: year - 1, asOf: asOf.description)
            }
            forecastRow = [1, 0, h - n]
        case .local:
            names = ["c", "old_method_shift", "phi"]
            for u in hanoi.keys.sorted() where hanoi[u - 1] != nil && sameMethod(u) {
                design.append([1, old(u), hanoi[u - 1]!])
                response.append(hanoi[u]!)
                used.append(u)
            }
            guard let h = hanoi[year - 1] else { throw .missingObservation(what: "Hanoi's growth", year: year - 1, asOf: asOf.description) }
            forecastRow = [1, 0, h]
        case .momentum:
            throw .invalidArgument(name: "baseline model", value: 0, expected: "an estimated variant")
        }
        // An old-method shift needs old and new years on both sides; drop it otherwise.
        var keep = Array(0..<names.count)
        let oldCount = design.filter { $0[1] == 1 }.count
        if oldCount == 0 || oldCount == design.count { keep.removeAll { $0 == 1 } }
        let reducedDesign = design.map { row in keep.map { row[$0] } }
        let needed = keep.count + 3
        guard design.count >= needed else {
            throw .insufficientHistory(model: model.rawValue, year: year, observations: design.count, needed: needed)
        }
        let regression: LeastSquares
        do {
            regression = try LeastSquares(design: reducedDesign, response: response, model: model.rawValue)
        } catch let error {
            if case .insufficientHistory = error { throw .insufficientHistory(model: model.rawValue, year: year, observations: design.count, needed: needed) }
            throw error
        }
        let prediction = regression.prediction(keep.map { forecastRow[$0] })

        let quarterNoise = try quarterNoiseDeviation(before: year, asOf: asOf)
        let quarterShare = quarterlyWeights.reduce(0) { $0 + $1 * $1 }
        let annualNoise = regression.outOfSampleError
        let residual = max(annualNoise * annualNoise - quarterNoise * quarterNoise * quarterShare, 0.25 * annualNoise * annualNoise).squareRoot()

        var national: NormalComponent?
        if model.hasNationalFactor { national = try nationalComponent(year: year, asOf: asOf, override: nationalGrowth) }
        let expectedSource = "\(model.rawValue) regression on \(used.count) years (\(used.first.map(String.init) ?? "")–\(used.last.map(String.init) ?? "")) published by \(asOf): "
            + zip(keep.map { names[$0] }, zip(regression.coefficients, regression.covariance.indices.map { regression.covariance[$0][$0].squareRoot() }))
                .map { "\($0.0) = \(format($0.1.0)) (se \(format($0.1.1)))" }.joined(separator: ", ")
        return BaselineForecast(
            model: model, year: year, asOf: asOf, nationalGrowth: national,
            expected: NormalComponent(mean: prediction.mean, standardDeviation: prediction.variance.squareRoot(), source: expectedSource),
            residualStandardDeviation: residual, quarterNoiseStandardDeviation: quarterNoise, regression: regression,
            regressorNames: keep.map { names[$0] }, yearsUsed: used)
    }

    /// Growth by year of `geo` before `year`, as known at `asOf`.
    public func series(_ geo: String, before year: Int, asOf: PublicationDate) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for u in stride(from: firstYear, to: year, by: 1) {
            if let release = history.annualGrowth(geo, u, asOf: asOf) { out[u] = release.value }
        }
        return out
    }

    /// nₜ: centred on the national target known at `asOf` (or `override`), with the standard
    /// deviation of the national outcomes around their targets in the years before.
    public func nationalComponent(year: Int, asOf: PublicationDate, override: Double?) throws(ForecastingError) -> NormalComponent {
        var errors: [Double] = []
        for u in stride(from: firstYear, to: year, by: 1) {
            guard let outcome = history.annualGrowth("Vietnam", u, asOf: asOf),
                  let target = history.nationalTarget(u, asOf: Self.annualOrigin(u)) else { continue }
            errors.append(outcome.value - target.value)
        }
        guard errors.count >= 3 else { throw .insufficientHistory(model: "national growth", year: year, observations: errors.count, needed: 3) }
        let mean = errors.reduce(0, +) / Double(errors.count)
        let sd = (errors.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(errors.count - 1)).squareRoot()
        let spread = "sd \(format(sd)) = spread of Vietnam's GDP growth around its target in \(errors.count) years before \(year)"
        if let override {
            return NormalComponent(mean: override, standardDeviation: sd, source: "national growth \(format(override))% as given; \(spread)")
        }
        guard let target = history.nationalTarget(year, asOf: asOf) else {
            throw .missingObservation(what: "Vietnam's GDP growth target", year: year, asOf: asOf.description)
        }
        return NormalComponent(
            mean: target.value, standardDeviation: sd,
            source: "national target \(target.fact.text)% (\(target.fact.originalSource), \(target.fact.date)); \(spread)")
    }

    /// σ_η: 1.4826 × the median |quarter growth − the year's growth| over Hanoi's new-method
    /// years before `year` (robust to the 2020–2022 base effects).
    public func quarterNoiseDeviation(before year: Int, asOf: PublicationDate) throws(ForecastingError) -> Double {
        var deviations: [Double] = []
        for u in stride(from: GrowthHistory.lastOldMethodYear + 1, to: year, by: 1) {
            guard let annual = history.annualGrowth("Hanoi", u, asOf: asOf) else { continue }
            for quarter in history.hanoiQuarters(u, asOf: asOf) { if let quarter { deviations.append(abs(quarter.value - annual.value)) } }
        }
        guard deviations.count >= 4 else {
            throw .insufficientHistory(model: "quarterly noise", year: year, observations: deviations.count, needed: 4)
        }
        deviations.sort()
        let middle = deviations.count / 2
        let median = deviations.count % 2 == 1 ? deviations[middle] : (deviations[middle - 1] + deviations[middle]) / 2
        return 1.4826 * median
    }
}

func format(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return "\(scaled)"
}
