import Foundation

/// A scenario file (TOML, docs/scenario-format.md), parsed and checked: which dataset to
/// use, the target to test, how many draws to make, the baseline growth and the policy
/// levers with their uncertain sizes.
///
/// `parse(_:path:)` checks everything the file can tell on its own (syntax, keys, types,
/// required keys, distribution parameters, weights, ranges); `validate(sectors:
/// accountsLines:assumptionIDs:)` then checks the names against the dataset and the
/// correlation matrix. Every problem is a `ScenarioError` with file, line and key.
///
/// ```swift
/// let scenario = try Scenario.load(path: "scenarios/hanoi-2025-plan.toml")
/// try scenario.validate(sectors: table.sectors, accountsLines: accounts.lines, assumptionIDs: ids)
/// for parameter in scenario.uncertainParameters { … }   // the Monte Carlo's dimensions
/// ```
public struct Scenario: Sendable {
    /// The file as named to `load(path:)` / `parse(_:path:)`; errors and relative paths
    /// refer to it.
    public let path: String
    /// `scenario.name`: the report's title.
    public let name: String
    /// `scenario.description`.
    public let description: String?
    /// `scenario.dataset` (default `"hanoi-2024"`).
    public let dataset: String
    /// `scenario.accounts`, resolved against the scenario file's directory.
    public let accountsPath: String?
    /// `scenario.table`, resolved against the scenario file's directory.
    public let tablePath: String?
    /// `scenario.amount_unit`: the money unit of every demand lever's `amount`
    /// (default `billion VND`); converted to the table's unit when the run starts.
    public internal(set) var amountUnit = Scenario.defaultAmountUnit
    /// `scenario.year` (nil: the dataset's plan year).
    public let year: Int?
    /// `scenario.target`, GRDP growth target in % (nil: the accounts' target).
    public let target: Double?
    /// `scenario.draws` (default 100,000). A `var` so that a command line can override it.
    public var draws: Int
    /// `scenario.seed` (default 2025).
    public var seed: UInt64
    /// `scenario.sampling` (default Monte Carlo).
    public var sampling: SamplingMethod
    /// `scenario.actual_quarters`: published GRDP growth (% y/y) of Q1, Q2, … (at most 3).
    /// A `var` so that `grdp run --actual` can set it.
    public var actualQuarters: [Double]
    /// `scenario.actual_sector_quarters`: published quarters of the sector aggregates, in file order.
    public var actualSectorQuarters: [PublishedSectorQuarters] = []
    /// `scenario.baseline_model`: how the no-policy growth is forecast (nil: `BaselineModel.default`).
    public var baselineModel: BaselineModel?
    /// `scenario.national_growth`: the user's forecast of Vietnam's GDP growth (%), the centre
    /// of the national factor (nil: the national target published before the year).
    public var nationalGrowth: Double?
    /// `scenario.dataset_assumptions` (default `.sample`).
    public var datasetAssumptions: DatasetAssumptionsMode
    /// `[baseline]` entries other than `tax_elasticity`, in file order.
    public let baseline: [BaselineEntry]
    /// `baseline.tax_elasticity` (default the constant 1).
    public let taxElasticity: UncertainValue
    /// `[levers.ID]` tables in file order.
    public let levers: [Lever]
    /// `indicators.exports.baseline`: merchandise export growth without the levers, %.
    public let exportsBaseline: UncertainValue?
    /// `indicators.cpi.baseline`: average CPI inflation without the levers, %.
    public let cpiBaseline: UncertainValue?
    /// `[correlation]`.
    public let correlation: CorrelationSpec?
    /// Where each key is defined, for errors raised after parsing.
    let locator: TOMLKeyLocator
    /// `[[policy]]`: the values the planner chooses, for `grdp experiment`.
    public internal(set) var policies: [Policy] = []
    /// `[netting.ID]` tables in file order: demand levers netted against a plan total per draw.
    public internal(set) var netting: [NettingGroup] = []
    /// The files it was assembled from (`extends`) and the command line (`--set`).
    public internal(set) var sources: ScenarioSources

    // MARK: Defaults and limits

    /// The datasets `scenario.dataset` may name.
    public static let knownDatasets = ["hanoi-2024", "hanoi-2025"]
    /// The plan year of each embedded dataset (base year + 1): `scenario.year` must match it.
    public static let planYearOfDataset = ["hanoi-2024": 2025, "hanoi-2025": 2026]
    public static let defaultDataset = "hanoi-2024"
    public static let defaultDraws = 100_000
    public static let defaultAmountUnit = "billion VND"
    public static let maximumDraws = 1_000_000_000
    public static let defaultSeed: UInt64 = 2025
    /// At most this many published quarters (the fourth would end the year).
    public static let maximumActualQuarters = 3
    /// Tolerance of every "sums to 1" check (sector weights, quarter weights).
    public static let weightSumTolerance = 1e-9

    init(
        path: String, name: String, description: String?, dataset: String, accountsPath: String?,
        tablePath: String?, year: Int?, target: Double?, draws: Int, seed: UInt64, sampling: SamplingMethod,
        actualQuarters: [Double], datasetAssumptions: DatasetAssumptionsMode, baseline: [BaselineEntry],
        taxElasticity: UncertainValue, levers: [Lever], exportsBaseline: UncertainValue?,
        cpiBaseline: UncertainValue?, correlation: CorrelationSpec?, locator: TOMLKeyLocator
    ) {
        self.path = path
        self.name = name
        self.description = description
        self.dataset = dataset
        self.accountsPath = accountsPath
        self.tablePath = tablePath
        self.year = year
        self.target = target
        self.draws = draws
        self.seed = seed
        self.sampling = sampling
        self.actualQuarters = actualQuarters
        self.datasetAssumptions = datasetAssumptions
        self.baseline = baseline
        self.taxElasticity = taxElasticity
        self.levers = levers
        self.exportsBaseline = exportsBaseline
        self.cpiBaseline = cpiBaseline
        self.correlation = correlation
        self.locator = locator
        self.sources = ScenarioSources(root: path)
    }

    // MARK: Loading

    /// Parses scenario text. `path` names the file in errors and is the base of the
    /// relative `accounts` and `table` paths.
    /// - Throws: `ScenarioError` for the first problem found, in file order within each
    ///   table (`[scenario]`, `[baseline]`, `[levers.*]`, `[indicators]`, `[correlation]`).
    /// - Complexity: O(n) in the length of the text.
    /// `overrides` (`--set`) are laid over the document, and the files it `extends` under
    /// it, before any key is read, so every check applies to them.
    public static func parse(_ text: String, path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> Scenario {
        try ScenarioParser.parse(text, path: path, overrides: overrides)
    }

    /// Reads and parses the file at `path` (UTF-8).
    /// - Throws: `ScenarioError` (line nil) when the file cannot be read, else as `parse`.
    public static func load(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> Scenario {
        try parse(try readText(path), path: path, overrides: overrides)
    }

    /// The text of the scenario file at `path`: a regular file, UTF-8, without a byte-order mark.
    static func readText(_ path: String) throws(ScenarioError) -> String {
        var text: String
        do {
            // stat follows symbolic links: /dev/stdin or a FIFO would block, a directory cannot be read.
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                throw ScenarioError(file: path, line: nil, key: "", message: "is not a regular file (a directory, device or FIFO); give the path of a scenario file")
            }
            text = try String(contentsOfFile: path, encoding: .utf8)
            // A byte-order mark (Windows editors write one) is not TOML; CRLF line ends are.
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError(
                file: path, line: nil, key: "",
                message: "cannot read the scenario file (\(error.localizedDescription)); check the path and that it is UTF-8 text")
        }
        return text
    }

    // MARK: Parameters

    /// The parameter id of accounts line `line`'s baseline growth: `baseline.LINE`, with
    /// LINE quoted as in TOML when it is not a bare key (`baseline."other services"`).
    /// The one place ids are spelled, for the engine and for `[correlation]`.
    public static func baselineParameterID(_ line: String) -> String { TOMLKeyLocator.path(["baseline", line]) }
    /// The parameter id of field `field` (`amount`, `shift`, …) of lever `lever`.
    public static func leverParameterID(_ lever: String, _ field: String) -> String { TOMLKeyLocator.path(["levers", lever, field]) }
    public static let taxElasticityParameterID = "baseline.tax_elasticity"
    public static let exportsParameterID = "indicators.exports"
    public static let consumerPricesParameterID = "indicators.cpi"

    /// Every number of the scenario that the Monte Carlo draws or holds, constants
    /// included, in the fixed order of `uncertainParameters`. A default that the file does
    /// not give (tax elasticity 1) is not listed.
    public var parameters: [UncertainParameter] {
        var list: [UncertainParameter] = []
        for entry in baseline {
            list.append(UncertainParameter(
                id: Self.baselineParameterID(entry.accountsLine), value: entry.value, line: entry.line))
        }
        if let line = locator.line(of: Self.taxElasticityParameterID) {
            list.append(UncertainParameter(id: Self.taxElasticityParameterID, value: taxElasticity, line: line))
        }
        for lever in levers {
            for field in lever.valueFields {
                let id = Self.leverParameterID(lever.id, field.key)
                list.append(UncertainParameter(id: id, value: field.value, line: locator.line(of: id) ?? lever.line))
            }
            for share in lever.localShares {
                let id = Self.localShareParameterID(lever.id, share.sector)
                list.append(UncertainParameter(id: id, value: share.value, line: locator.line(of: id) ?? lever.line))
            }
        }
        if let exportsBaseline {
            list.append(UncertainParameter(
                id: Self.exportsParameterID, value: exportsBaseline,
                line: locator.nearestLine(of: Self.exportsParameterID + ".baseline") ?? 0))
        }
        if let cpiBaseline {
            list.append(UncertainParameter(
                id: Self.consumerPricesParameterID, value: cpiBaseline,
                line: locator.nearestLine(of: Self.consumerPricesParameterID + ".baseline") ?? 0))
        }
        for group in netting {
            let id = NettingGroup.totalParameterID(group.id)
            list.append(UncertainParameter(id: id, value: group.total, line: locator.nearestLine(of: id) ?? group.line))
        }
        return list
    }

    /// The non-constant values, in this fixed order (the Monte Carlo's dimensions):
    /// 1. `baseline.LINE` in file order;
    /// 2. `baseline.tax_elasticity`;
    /// 3. for each lever in file order: `levers.ID.amount`, `levers.ID.exports_growth_pp`
    ///    (demand), `.shift` (growth), `.increase` (local sourcing), `.price_change`
    ///    (cost shock);
    /// 4. `indicators.exports`, then `indicators.cpi`;
    /// 5. `netting.ID.total` for each `[netting.ID]` in file order (last, so that a file without
    ///    netting keeps its dimensions).
    ///
    /// Dataset assumptions (`assumptions.ID`) are not listed: the engine adds them.
    public var uncertainParameters: [UncertainParameter] {
        parameters.filter { !$0.value.isConstant }
    }

    // MARK: Positions

    /// The line where `key` (a key path such as `levers.tourism.amount`) is defined, or
    /// of its nearest defined ancestor; nil if neither is in the file.
    public func line(of key: String) -> Int? { locator.nearestLine(of: key) }

    /// An error at `key` of this scenario's file (for checks that need data the scenario
    /// does not hold, e.g. a baseline line with no growth in the accounts).
    public func error(at key: String, _ message: String) -> ScenarioError {
        sources.error(at: key, message, locator: locator)
    }

    /// An error at `key`, located in the file that defines `lineOf` (default: `key`), or at
    /// `fallbackLine` of the scenario file when neither is in the document.
    func located(_ key: String, _ message: String, lineOf lookup: String? = nil, fallbackLine: Int? = nil) -> ScenarioError {
        sources.error(at: key, message, locator: locator, lineOf: lookup, fallbackLine: fallbackLine)
    }
}
