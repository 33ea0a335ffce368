import Sampling

/// The back-test's summaries as exact binary state, so that a shard can carry them to
/// `grdp merge` (which then does not run the back-test again): the forecaster and the origin
/// as their positions in `Forecaster.all` and `Origin.allCases`, every number as its bit
/// pattern. - Complexity: O(years) per summary.
extension Backtest.Summary: MergeableState {
    public func encode(into writer: inout StateWriter) {
        writer.append(Backtest.Forecaster.all.firstIndex(of: forecaster) ?? -1)
        writer.append(Backtest.Origin.allCases.firstIndex(of: origin) ?? -1)
        writer.append(years.count)
        for year in years { writer.append(year) }
        writer.append(meanCRPS)
        writer.append(meanLogScore)
        writer.append(coverage50)
        writer.append(coverage90)
        writer.append(meanBrier != nil)
        writer.append(meanBrier ?? 0)
        writer.append(pits.count)
        for pit in pits { writer.append(pit) }
    }

    public init(from reader: inout StateReader) throws(SamplingError) {
        let forecasters = Backtest.Forecaster.all, origins = Backtest.Origin.allCases
        let f = try reader.count(atMost: forecasters.count - 1), o = try reader.count(atMost: origins.count - 1)
        let yearCount = try reader.count(atMost: 10_000)
        var years: [Int] = []
        for _ in 0..<yearCount { years.append(try reader.int()) }
        let meanCRPS = try reader.double(), meanLogScore = try reader.double()
        let coverage50 = try reader.count(atMost: yearCount), coverage90 = try reader.count(atMost: yearCount)
        let hasBrier = try reader.bool()
        let brier = try reader.double()
        let pitCount = try reader.count(atMost: 10_000)
        var pits: [Double] = []
        for _ in 0..<pitCount { pits.append(try reader.double()) }
        self.init(forecaster: forecasters[f], origin: origins[o], years: years, meanCRPS: meanCRPS, meanLogScore: meanLogScore,
                  coverage50: coverage50, coverage90: coverage90, meanBrier: hasBrier ? brier : nil, pits: pits)
    }
}
