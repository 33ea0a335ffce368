import Datasets

/// Hanoi's and Vietnam's published growth, every release with its date, read as a forecaster
/// would have known it: `asOf` a date, each figure is its latest release published by then.
///
/// Conventions (docs/backtest.md):
/// - a year's outcome is its full-year (FY) figure; until that is published, the latest
///   nine-month (9M) figure stands in for it;
/// - the outcome a forecast is scored against is the year's first release (a row tagged
///   `first-release`, else the earliest FY figure published);
/// - Hanoi's statistics office changed method around 2017: years up to 2016 are old-method
///   ("GDP"), and 2017 is read in the new method (7.3%, `grdp_growth_new_method`), so that no
///   old and new year are joined unadjusted: models carry a shift for the old-method years.
/// - Complexity: O(figures) to build, O(releases of one key) per look-up.
public struct GrowthHistory: Sendable {
    /// One release of a figure.
    public struct Release: Sendable, Equatable {
        public let value: Double
        public let date: PublicationDate
        public let fact: PublishedFact
    }

    /// Releases by `geo/indicator/period/year`, in date order.
    private let releases: [String: [Release]]
    /// Hanoi's sector-aggregate value-added growth (`va_growth`) by `sector/period/year`, in date order.
    private let sectorReleases: [String: [Release]]
    /// The last year whose old-method figures Hanoi published as its headline.
    public static let lastOldMethodYear = 2016

    public init(facts: PublishedFacts) {
        var releases: [String: [Release]] = [:], sectorReleases: [String: [Release]] = [:]
        for fact in facts.facts {
            guard let value = Self.number(fact.text), let date = PublicationDate(parsing: fact.date) else { continue }
            let release = Release(value: value, date: date, fact: fact)
            if fact.sector == "total" {
                releases["\(fact.geo)/\(fact.indicator)/\(fact.period)/\(fact.year)", default: []].append(release)
            } else if fact.geo == "Hanoi", fact.indicator == "va_growth" {
                sectorReleases["\(fact.sector)/\(fact.period)/\(fact.year)", default: []].append(release)
            }
        }
        for key in releases.keys { releases[key]?.sort { $0.date < $1.date } }
        for key in sectorReleases.keys { sectorReleases[key]?.sort { $0.date < $1.date } }
        self.releases = releases
        self.sectorReleases = sectorReleases
    }

    /// A published number: a single value, or the midpoint of a range `a-b` ("9-10" → 9.5).
    static func number(_ text: String) -> Double? {
        if let value = Double(text) { return value }
        let body = text.dropFirst()
        guard let dash = body.firstIndex(of: "-"), let low = Double(text[text.startIndex..<dash]),
              let high = Double(body[body.index(after: dash)...]) else { return nil }
        return (low + high) / 2
    }

    /// The lower end of a published range, or the value ("6.5-7" → 6.5): the threshold of a
    /// target stated as a range.
    static func lowerBound(_ text: String) -> Double? {
        if let value = Double(text) { return value }
        let body = text.dropFirst()
        guard let dash = body.firstIndex(of: "-") else { return nil }
        return Double(text[text.startIndex..<dash])
    }

    public func releases(_ geo: String, _ indicator: String, _ period: String, _ year: Int) -> [Release] {
        releases["\(geo)/\(indicator)/\(period)/\(year)"] ?? []
    }

    /// The latest release published on or before `asOf`.
    public func latest(_ geo: String, _ indicator: String, _ period: String, _ year: Int, asOf: PublicationDate) -> Release? {
        releases(geo, indicator, period, year).last { $0.date <= asOf }
    }

    /// The indicator of total growth: Hanoi's GRDP, Vietnam's GDP.
    static func growthIndicator(_ geo: String) -> String { geo == "Vietnam" ? "gdp_growth" : "grdp_growth" }

    /// A year's growth as known at `asOf`: FY, else 9M (Hanoi's 2017 in the new method).
    public func annualGrowth(_ geo: String, _ year: Int, asOf: PublicationDate) -> Release? {
        if geo == "Hanoi", year == Self.lastOldMethodYear + 1,
           let newMethod = latest(geo, "grdp_growth_new_method", "FY", year, asOf: asOf) { return newMethod }
        let indicator = Self.growthIndicator(geo)
        return latest(geo, indicator, "FY", year, asOf: asOf) ?? latest(geo, indicator, "9M", year, asOf: asOf)
    }

    /// The first release of a year's full-year growth: the outcome a forecast is scored on.
    public func firstRelease(_ geo: String, _ year: Int) -> Release? {
        let all = releases(geo, Self.growthIndicator(geo), "FY", year)
        return all.first { $0.fact.originalSource.contains("first-release") } ?? all.first
    }

    /// Whether Hanoi's figure of `year` is in the old method.
    public static func isOldMethod(_ year: Int) -> Bool { year <= lastOldMethodYear }

    /// Vietnam's GDP growth target for `year` as known at `asOf`: the latest target,
    /// revision or government target published by then (midpoint of a range).
    public func nationalTarget(_ year: Int, asOf: PublicationDate) -> Release? {
        let indicators = ["gdp_growth_target", "gdp_growth_target_initial", "gdp_growth_target_govt", "gdp_growth_target_revised",
                          "gdp_growth_target_revised_na", "gdp_growth_target_revised2"]
        return indicators.compactMap { latest("Vietnam", $0, "PLAN", year, asOf: asOf) }.max { $0.date < $1.date }
    }

    /// Hanoi's GRDP growth target for `year` as known at `asOf` (the lower end of a range:
    /// the event scored is growth ≥ target).
    public func hanoiTarget(_ year: Int, asOf: PublicationDate) -> Double? {
        let release = ["grdp_growth_target", "grdp_growth_target_revised"].compactMap { latest("Hanoi", $0, "PLAN", year, asOf: asOf) }
            .max { $0.date < $1.date }
        return release.flatMap { Self.lowerBound($0.fact.text) }
    }

    /// The latest release by `asOf` of Hanoi's value-added growth of a sector aggregate
    /// (`agriculture_forestry_fishery`, `industry_construction`, `services`, …) in `period`
    /// (Q1…Q4, H1, 9M, FY) of `year`.
    public func sectorGrowth(_ sector: String, _ period: String, _ year: Int, asOf: PublicationDate) -> Release? {
        sectorReleases["\(sector)/\(period)/\(year)"]?.last { $0.date <= asOf }
    }

    /// Hanoi's quarterly growth of `year` (Q1…Q4) as known at `asOf`; nil where not yet published.
    public func hanoiQuarters(_ year: Int, asOf: PublicationDate) -> [Release?] {
        (1...4).map { latest("Hanoi", "grdp_growth", "Q\($0)", year, asOf: asOf) }
    }
}
