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

        let quarterNoise = try self.quarterNoise(for: year, asOf: asOf)
        let quarterShare = quarterlyWeights.reduce(0) { $0 + $1 * $1 }
        let annualNoise = regression.outOfSampleError
        let sigma = quarterNoise.standardDeviation
        let residual = max(annualNoise * annualNoise - sigma * sigma * quarterShare, 0.25 * annualNoise * annualNoise).squareRoot()

        var national: NormalComponent?
        if model.hasNationalFactor { national = try nationalComponent(year: year, asOf: asOf, override: nationalGrowth) }
        let expectedSource = "\(model.rawValue) regression on \(used.count) years (\(used.first.map(String.init) ?? "")–\(used.last.map(String.init) ?? "")) published by \(asOf): "
            + zip(keep.map { names[$0] }, zip(regression.coefficients, regression.covariance.indices.map { regression.covariance[$0][$0].squareRoot() }))
                .map { "\($0.0) = \(format($0.1.0)) (se \(format($0.1.1)))" }.joined(separator: ", ")
        return BaselineForecast(
            model: model, year: year, asOf: asOf, nationalGrowth: national,
            expected: NormalComponent(mean: prediction.mean, standardDeviation: prediction.variance.squareRoot(), source: expectedSource),
            residualStandardDeviation: residual, quarterNoise: quarterNoise, regression: regression,
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

    /// The quarters' deviations from their year, η_{u,q} = g_{u,q} − G_u, over Hanoi's
    /// new-method years before `year` as known at `asOf` (the 2017 method change makes older
    /// quarters incomparable).
    func quarterDeviations(before year: Int, asOf: PublicationDate) -> [Int: [Double?]] {
        var out: [Int: [Double?]] = [:]
        for u in stride(from: GrowthHistory.lastOldMethodYear + 1, to: year, by: 1) {
            guard let annual = history.annualGrowth("Hanoi", u, asOf: asOf) else { continue }
            out[u] = history.hanoiQuarters(u, asOf: asOf).map { $0.map { $0.value - annual.value } }
        }
        return out
    }

    /// The quarter noise of `year` (`QuarterNoise`): the within-year profile s_q is the median
    /// of η_{u,q} over the years known (robust to the 2020–2022 swings), centred so that
    /// Σ_q W_q s_q = 0; σ_η is 1.4826 × the median |η_{u,q} − s_q|.
    public func quarterNoise(for year: Int, asOf: PublicationDate) throws(ForecastingError) -> QuarterNoise {
        let deviations = quarterDeviations(before: year, asOf: asOf)
        var profile = [Double](repeating: 0, count: 4)
        for q in 0..<4 {
            let values = deviations.values.compactMap { $0[q] }
            if values.count >= 2 { profile[q] = Self.median(values) }
        }
        let centre = zip(quarterlyWeights, profile).reduce(0) { $0 + $1.0 * $1.1 } / quarterlyWeights.reduce(0, +)
        profile = profile.map { $0 - centre }
        var residuals: [Double] = []
        for row in deviations.values {
            for q in 0..<4 { if let value = row[q] { residuals.append(abs(value - profile[q])) } }
        }
        guard residuals.count >= 4 else {
            throw .insufficientHistory(model: "quarterly noise", year: year, observations: residuals.count, needed: 4)
        }
        return QuarterNoise(standardDeviation: 1.4826 * Self.median(residuals), means: profile, years: deviations.count)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

func format(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return "\(scaled)"
}
