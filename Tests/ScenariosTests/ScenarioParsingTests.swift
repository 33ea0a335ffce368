import Foundation
import Sampling
import Testing
@testable import Scenarios

/// A full scenario modelled on docs/scenario-format.md: every table, every lever kind,
/// every distribution family, and levers and baseline entries deliberately out of
/// alphabetical order (a parser that handed keys back sorted would fail; the scenario must keep file order).
/// Expected values are the numbers written in the file; expected lines are found by plain
/// text search (`lineOf`), independently of the locator.
enum Example {
    static let path = "scenarios/plan.toml"
    static let text = """
        # Hanoi 2025 plan: test copy of the documented example
        [scenario]
        name = "Hanoi 2025 plan"
        description = \"\"\"
        The levers of the 2025 socio-economic plan.
        name = "this line is inside a string"
        \"\"\"
        accounts = "data/accounts.csv"
        table = "/abs/io.csv"
        year = 2025
        target = 8.0
        draws = 50_000
        seed = 7
        sampling = "latin-hypercube"
        actual_quarters = [7.35, 7.62]
        dataset_assumptions = "sample"

        [baseline]
        services = { dist = "normal", mean = 7.14, sd = 0.8, source = "2024 actual growth (Cuc Thong ke Ha Noi)" }
        industry = { dist = "normal", mean = 6.20, sd = 1.0, source = "2024 actual growth (Cuc Thong ke Ha Noi)" }
        agriculture = 2.5
        "product_taxes" = { dist = "constant", value = 6.04, assumption = "as in 2024" }
        tax_elasticity = { dist = "uniform", min = 0.8, max = 1.2, assumption = "product taxes move with value added" }

        [levers.public_investment]
        name = "Public investment disbursement"
        kind = "demand"
        category = "investment"
        sectors = { construction = 0.7, industry = 0.3 }
        amount = { dist = "pert", min = 20000, mode = 35000, max = 45000 }
        source = "Hanoi 2025 public investment plan"
        quarters = [0.1, 0.2, 0.3, 0.4]

        [levers.tourism]
        kind = "demand"
        category = "visitors"
        sectors = { tourism = 0.55, trade = 0.25, other_services = 0.2 }
        amount = { dist = "lognormal", mean = 12000, sd = 3000 }
        exports_growth_pp = { dist = "normal", mean = 0.3, sd = 0.1 }
        assumption = "visitor spending grows as in 2024"

        [levers.electricity]
        kind = "growth"
        sector = "electricity"
        shift = { dist = "triangular", min = -1.0, mode = 0.0, max = 0.5 }
        assumption = "capacity limits in summer"

        [levers.clusters]
        kind = "local_sourcing"
        supplier = "industry"
        buyers = ["construction", "trade"]
        increase = { dist = "beta", alpha = 2, beta = 5, min = 0, max = 0.1 }
        assumption = "industrial clusters raise local supply"

        [levers.tariff]
        kind = "cost_shock"
        sector = "electricity"
        price_change = 4.8
        source = "EVN tariff decision 2025"

        [levers.fdi]
        kind = "growth"
        sector = "industry"
        shift = { dist = "discrete", values = [0.0, 0.5, 1.0], probabilities = [0.25, 0.5, 0.25] }
        assumption = "FDI projects come online"

        [levers.savings]
        kind = "demand"
        category = "households"
        sectors = { trade = 1 }
        amount = { dist = "lognormal", mu = 8.0, sigma = 0.25 }
        assumption = "households spend part of their savings"

        [indicators.exports]
        baseline = { dist = "normal", mean = 7.0, sd = 3.0, assumption = "2024 growth" }
        [indicators.cpi]
        baseline = { dist = "triangular", min = 3.0, mode = 3.9, max = 5.0, assumption = "plan range" }

        [correlation]
        parameters = ["levers.public_investment.amount", "levers.clusters.increase", "baseline.industry", "assumptions.tourism_characteristic_share"]
        matrix = [[1.0, 0.6, 0.3, 0.0],
                  [0.6, 1.0, 0.3, 0.0],
                  [0.3, 0.3, 1.0, 0.0],
                  [0.0, 0.0, 0.0, 1.0]]
        """

    /// The dataset names used with the example (Sources/Datasets: HanoiSector ids,
    /// `product_taxes`, and an assumption id of data/sources/assumptions.csv).
    static let sectors = ["agriculture", "industry", "electricity", "construction", "trade", "tourism", "other_services"]
    static let accountsLines = sectors + ["services", "product_taxes"]
    static let assumptionIDs = ["tourism_characteristic_share", "flq_delta"]

    /// The 1-based line of the first line of `text` that starts with `prefix` (after indentation).
    static func lineOf(_ prefix: String, after start: Int = 0) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in start..<lines.count where lines[index].drop(while: { $0 == " " }).hasPrefix(prefix) {
            return index + 1
        }
        Issue.record("no line starts with \(prefix)")
        return -1
    }
}

@Suite("Scenario parsing")
struct ScenarioParsingTests {
    let scenario: Scenario

    init() throws {
        scenario = try Scenario.parse(Example.text, path: Example.path)
    }

    @Test("[scenario] settings")
    func settings() {
        #expect(scenario.path == "scenarios/plan.toml")
        #expect(scenario.name == "Hanoi 2025 plan")
        #expect(scenario.description == "The levers of the 2025 socio-economic plan.\nname = \"this line is inside a string\"\n")
        #expect(scenario.dataset == "hanoi-2024")  // the default
        #expect(scenario.accountsPath == "scenarios/data/accounts.csv")  // relative to the file's directory
        #expect(scenario.tablePath == "/abs/io.csv")  // absolute: unchanged
        #expect(scenario.year == 2025)
        #expect(scenario.target == 8.0)
        #expect(scenario.draws == 50_000)
        #expect(scenario.seed == 7)
        #expect(scenario.sampling == .latinHypercube)
        #expect(scenario.actualQuarters == [7.35, 7.62])
        #expect(scenario.datasetAssumptions == .sample)
    }

    @Test("[baseline] entries in file order, with their references and lines")
    func baseline() throws {
        #expect(scenario.baseline.map(\.accountsLine) == ["services", "industry", "agriculture", "product_taxes"])
        #expect(scenario.baseline[0].value == .distribution(try .normal(mean: 7.14, standardDeviation: 0.8)))
        #expect(scenario.baseline[0].reference == "2024 actual growth (Cuc Thong ke Ha Noi)")
        #expect(scenario.baseline[0].referenceIsAssumption == false)
        #expect(scenario.baseline[0].line == Example.lineOf("services ="))
        #expect(scenario.baseline[1].line == Example.lineOf("industry ="))
        #expect(scenario.baseline[2].value == .constant(2.5))
        #expect(scenario.baseline[2].reference == nil)
        #expect(scenario.baseline[3].value == .constant(6.04))  // dist = "constant"
        #expect(scenario.baseline[3].reference == "as in 2024")
        #expect(scenario.baseline[3].referenceIsAssumption)
        #expect(scenario.taxElasticity == .distribution(try .uniform(lower: 0.8, upper: 1.2)))
    }

    @Test("levers in file order, not alphabetical")
    func leverOrder() {
        #expect(scenario.levers.map(\.id) == ["public_investment", "tourism", "electricity", "clusters", "tariff", "fdi", "savings"])
        #expect(scenario.levers.map(\.line) == scenario.levers.map { Example.lineOf("[levers.\($0.id)]") })
    }

    @Test("a demand lever with every common key")
    func demandLever() throws {
        let lever = scenario.levers[0]
        #expect(lever.name == "Public investment disbursement")
        #expect(lever.reference == "Hanoi 2025 public investment plan")
        #expect(!lever.referenceIsAssumption)
        #expect(lever.quarters == [0.1, 0.2, 0.3, 0.4])
        guard case let .demand(category, sectors, amount, exports) = lever.effect else {
            Issue.record("expected a demand lever, got \(lever.effect)")
            return
        }
        #expect(category == .investment)
        #expect(sectors.map(\.sector) == ["construction", "industry"])  // file order
        #expect(sectors.map(\.weight) == [0.7, 0.3])
        #expect(amount == .distribution(try .pert(lower: 20000, mode: 35000, upper: 45000)))  // λ defaults to 4
        #expect(exports == nil)
    }

    @Test("defaults: name is the id, quarters nil; lognormal by mean and sd or by mu and sigma")
    func tourismAndSavings() throws {
        let tourism = scenario.levers[1]
        #expect(tourism.name == "tourism")
        #expect(tourism.quarters == nil)
        #expect(tourism.referenceIsAssumption)
        guard case let .demand(category, sectors, amount, exports) = tourism.effect else {
            Issue.record("expected a demand lever")
            return
        }
        #expect(category == .visitors)
        #expect(sectors.map(\.sector) == ["tourism", "trade", "other_services"])
        #expect(amount == .distribution(try .lognormal(mean: 12000, standardDeviation: 3000)))
        #expect(exports == .distribution(try .normal(mean: 0.3, standardDeviation: 0.1)))
        guard case let .demand(_, _, savings, _) = scenario.levers[6].effect else {
            Issue.record("expected a demand lever")
            return
        }
        #expect(savings == .distribution(try .lognormal(logMean: 8.0, logStandardDeviation: 0.25)))
    }

    @Test("growth, local-sourcing and cost-shock levers")
    func otherKinds() throws {
        guard case let .growth(sector, shift) = scenario.levers[2].effect else {
            Issue.record("expected a growth lever")
            return
        }
        #expect(sector == "electricity")
        #expect(shift == .distribution(try .triangular(lower: -1, mode: 0, upper: 0.5)))
        guard case let .localSourcing(supplier, buyers, increase) = scenario.levers[3].effect else {
            Issue.record("expected a local-sourcing lever")
            return
        }
        #expect(supplier == "industry")
        #expect(buyers == ["construction", "trade"])
        #expect(increase == .distribution(try .beta(alpha: 2, beta: 5, lower: 0, upper: 0.1)))
        guard case let .costShock(shockSector, priceChange) = scenario.levers[4].effect else {
            Issue.record("expected a cost-shock lever")
            return
        }
        #expect(shockSector == "electricity")
        #expect(priceChange == .constant(4.8))
        #expect(scenario.levers[4].kind == .costShock)
        guard case let .growth(_, fdi) = scenario.levers[5].effect else {
            Issue.record("expected a growth lever")
            return
        }
        #expect(fdi == .distribution(try .discrete(values: [0, 0.5, 1], probabilities: [0.25, 0.5, 0.25])))
    }

    @Test("indicators and correlation")
    func indicatorsAndCorrelation() throws {
        #expect(scenario.exportsBaseline == .distribution(try .normal(mean: 7, standardDeviation: 3)))
        #expect(scenario.cpiBaseline == .distribution(try .triangular(lower: 3, mode: 3.9, upper: 5)))
        let correlation = try #require(scenario.correlation)
        #expect(correlation.parameters == [
            "levers.public_investment.amount", "levers.clusters.increase", "baseline.industry",
            "assumptions.tourism_characteristic_share",
        ])
        #expect(correlation.matrix[0] == [1.0, 0.6, 0.3, 0.0])
        #expect(correlation.matrix[3] == [0.0, 0.0, 0.0, 1.0])
        #expect(correlation.line == Example.lineOf("matrix ="))
    }

    /// The order documented on `Scenario.uncertainParameters` and in the spec: baseline in
    /// file order, tax elasticity, levers in file order (amount before exports_growth_pp),
    /// exports, CPI. Constants (agriculture, product_taxes, the tariff) are left out.
    @Test("uncertain parameters in the documented order")
    func uncertainParameterOrder() {
        #expect(scenario.uncertainParameters.map(\.id) == [
            "baseline.services", "baseline.industry", "baseline.tax_elasticity",
            "levers.public_investment.amount", "levers.tourism.amount", "levers.tourism.exports_growth_pp",
            "levers.electricity.shift", "levers.clusters.increase", "levers.fdi.shift", "levers.savings.amount",
            "indicators.exports", "indicators.cpi",
        ])
        #expect(scenario.parameters.count == scenario.uncertainParameters.count + 3)
        let lines = scenario.uncertainParameters.map(\.line)
        #expect(lines[0] == Example.lineOf("services ="))
        #expect(lines[2] == Example.lineOf("tax_elasticity ="))
        #expect(lines[3] == Example.lineOf("amount =", after: Example.lineOf("[levers.public_investment]")))
        #expect(lines[10] == Example.lineOf("baseline =", after: Example.lineOf("[indicators.exports]")))
        #expect(lines[11] == Example.lineOf("baseline =", after: Example.lineOf("[indicators.cpi]")))
    }

    @Test("the example passes validation against the dataset's names")
    func validates() throws {
        try scenario.validate(sectors: Example.sectors, accountsLines: Example.accountsLines, assumptionIDs: Example.assumptionIDs)
        let copula = try #require(try scenario.correlationCopula())
        #expect(copula.dimension == 4)
    }

    @Test("defaults of a minimal scenario")
    func defaults() throws {
        let minimal = try Scenario.parse("[scenario]\nname = \"Minimal\"\n", path: "minimal.toml")
        #expect(minimal.dataset == "hanoi-2024")
        #expect(minimal.description == nil)
        #expect(minimal.accountsPath == nil)
        #expect(minimal.year == nil)
        #expect(minimal.target == nil)
        #expect(minimal.draws == 100_000)
        #expect(minimal.seed == 2025)
        #expect(minimal.sampling == .monteCarlo)
        #expect(minimal.actualQuarters.isEmpty)
        #expect(minimal.datasetAssumptions == .sample)
        #expect(minimal.baseline.isEmpty)
        #expect(minimal.taxElasticity == .constant(1))
        #expect(minimal.levers.isEmpty)
        #expect(minimal.exportsBaseline == nil)
        #expect(minimal.correlation == nil)
        #expect(minimal.uncertainParameters.isEmpty)
        try minimal.validate(sectors: [], accountsLines: [], assumptionIDs: [])
    }

    @Test("load reads the file and resolves relative paths against its directory")
    func load() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scenarios-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plan.toml").path
        try Example.text.write(toFile: file, atomically: true, encoding: .utf8)
        let loaded = try Scenario.load(path: file)
        #expect(loaded.path == file)
        #expect(loaded.accountsPath == directory.path + "/data/accounts.csv")
        #expect(loaded.levers.count == scenario.levers.count)
    }

    @Test("a scenario path without a directory leaves relative paths as written")
    func relativeWithoutDirectory() throws {
        let scenario = try Scenario.parse("[scenario]\nname = \"x\"\naccounts = \"a.csv\"\n", path: "plan.toml")
        #expect(scenario.accountsPath == "a.csv")
    }

    @Test("the largest seed, 2⁶³ − 1, is accepted")
    func largestSeed() throws {
        let scenario = try Scenario.parse("[scenario]\nname = \"x\"\nseed = 9223372036854775807\n", path: "plan.toml")
        #expect(scenario.seed == UInt64(Int64.max))
    }

    @Test("UncertainValue mean and isConstant")
    func uncertainValue() throws {
        #expect(UncertainValue.constant(3).mean == 3)
        #expect(UncertainValue.constant(3).isConstant)
        let pert = UncertainValue.distribution(try .pert(lower: 0, mode: 1, upper: 5))
        // PERT mean (a + 4c + b)/6 = 1.5; tolerance 1e-12 for the rounding of the shape parameters.
        #expect(abs(pert.mean - 1.5) < 1e-12)
        #expect(!pert.isConstant)
        #expect(UncertainValue.distribution(try .constant(2)).isConstant)
        #expect(!UncertainValue.distribution(try .normal(mean: 1, standardDeviation: 0)).isConstant)
    }
}
