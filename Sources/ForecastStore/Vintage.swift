import Foundation
import Reporting

/// One recorded forecast (a vintage): what was run — the scenario's text and SHA-256, the
/// published quarters it was conditioned on, the command-line overrides, seed, draws, model,
/// tool version, time — and what it said: the machine headline and every result table, as
/// the JSON contract (docs/output-schema.md) has them.
public struct Vintage: Sendable, Equatable {
    /// The row id in the store (nil before it is recorded).
    public var id: Int64?
    public var createdAt: Date
    public var toolVersion: String
    public var scenarioName: String
    public var scenarioPath: String
    public var scenarioSHA256: String
    public var scenarioContent: String
    /// The scenario's dataset id (`hanoi-2024`, or the user's), as in the JSON `meta`.
    public var dataset: String
    /// The forecast year (the scenario's `year`, else the dataset's plan year).
    public var year: Int
    /// Published quarterly growth the forecast took as known (% y/y), Q1 first.
    public var actualQuarters: [Double]
    /// The overrides as given on the command line or in the manifest, e.g.
    /// `--actual=Q1=7.41`, `--set=national.growth=7.5`.
    public var overrides: [String]
    public var seed: UInt64
    public var draws: Int
    public var sampling: String
    /// The baseline model's id (`national`, …), or empty when the run has none.
    public var baselineModel: String
    /// The content hash a batch skips by: SHA-256 over scenario text, overrides, seed, draws
    /// and tool version (`Vintage.jobHash`).
    public var jobHash: String
    /// The machine headline (`p_meets_target`, `median_growth_pct`, `p5_growth_pct`, …).
    public var figures: [KeyFigure]
    /// Every table of the report, cell by cell.
    public var tables: [ResultTable]

    public init(id: Int64? = nil, createdAt: Date, toolVersion: String, scenarioName: String, scenarioPath: String, scenarioSHA256: String,
                scenarioContent: String, dataset: String, year: Int, actualQuarters: [Double], overrides: [String], seed: UInt64, draws: Int, sampling: String,
                baselineModel: String, jobHash: String, figures: [KeyFigure], tables: [ResultTable]) {
        self.id = id
        self.createdAt = createdAt
        self.toolVersion = toolVersion
        self.scenarioName = scenarioName
        self.scenarioPath = scenarioPath
        self.scenarioSHA256 = scenarioSHA256
        self.scenarioContent = scenarioContent
        self.dataset = dataset
        self.year = year
        self.actualQuarters = actualQuarters
        self.overrides = overrides
        self.seed = seed
        self.draws = draws
        self.sampling = sampling
        self.baselineModel = baselineModel
        self.jobHash = jobHash
        self.figures = figures
        self.tables = tables
    }

    /// The number of a headline figure, by its stable id.
    public func figure(_ id: String) -> Double? {
        guard let figure = figures.first(where: { $0.id == id }), case let .number(value, _) = figure.value else { return nil }
        return value
    }

    /// What the vintage knew: `before Q1`, `Q1`, `H1`, `9M`.
    public var knownPeriod: String { Self.periodName(quartersKnown: actualQuarters.count) }

    public static func periodName(quartersKnown: Int) -> String {
        switch quartersKnown {
        case 0: "before Q1"
        case 1: "Q1"
        case 2: "H1"
        case 3: "9M"
        default: "\(quartersKnown) quarters"
        }
    }

    /// SHA-256 (hex) of the job's content: the scenario's text, the SHA-256 of the table and
    /// accounts files it names (`inputs`), the overrides in order, the seed, the draws and the
    /// tool version, each on its own line after a label. Two runs with the same hash give the
    /// same numbers, so a batch rerun skips the job.
    public static func jobHash(scenarioContent: String, inputs: [String] = [], overrides: [String], seed: UInt64, draws: Int,
                               toolVersion: String) throws(ReportingError) -> String {
        var text = "grdp-job-v1\nscenario \(scenarioContent.utf8.count)\n\(scenarioContent)\n"
        for input in inputs { text += "input \(input)\n" }
        for override in overrides { text += "override \(override)\n" }
        text += "seed \(seed)\ndraws \(draws)\ntool \(toolVersion)\n"
        return try SHA256Digest.hex(text.utf8)
    }
}
