import Testing
@testable import Scenarios

/// One invalid scenario and the error it must raise. `body` follows the two lines
/// `[scenario]` / `name = "t"`, so its first line is line 3 of the file; each expected line
/// is counted in the text (the comments in the cases say which line is meant).
struct InvalidScenario: Sendable, CustomTestStringConvertible {
    let name: String
    let body: String
    let line: Int?
    let key: String
    let message: String
    var withHeader = true

    var text: String { withHeader ? "[scenario]\nname = \"t\"\n" + body : body }
    var testDescription: String { name }
}

/// A valid growth lever, to which a case adds or changes one thing (starts at line 3).
private func growthLever(_ extra: String = "", shift: String = "0.5", kind: String = "kind = \"growth\"\n") -> String {
    "[levers.a]\n" + kind + "sector = \"industry\"\nshift = \(shift)\nassumption = \"x\"\n" + extra
}

/// A valid demand lever (starts at line 3; sectors on line 6).
private func demandLever(sectors: String = "{ trade = 0.6, tourism = 0.4 }", extra: String = "") -> String {
    "[levers.d]\nkind = \"demand\"\ncategory = \"visitors\"\nsectors = \(sectors)\namount = 100\nsource = \"x\"\n" + extra
}

@Suite("Scenario errors: file, line and key of every problem parse can find")
struct ScenarioErrorTests {
    static let cases: [InvalidScenario] = [
        // Syntax (line and column from the TOML parser).
        .init(name: "TOML syntax error", body: "draws = = 3\n", line: 3, key: "", message: "TOML syntax error at column"),
        // Inputs that used to abort the process inside toml++ (issue 11).
        .init(name: "a line holding only [", body: "[\n", line: 3, key: "", message: "TOML syntax error at column 2: expected a key"),
        .init(name: "a header [.x]", body: "[.x]\n", line: 3, key: "", message: "TOML syntax error at column 2: expected a key"),
        .init(name: "U+2028 in an array", body: "actual_quarters = [\u{2028}]\n", line: 3, key: "",
              message: "TOML syntax error at column 20: expected a value"),
        .init(name: "duplicate lever id", body: growthLever() + growthLever(), line: 8, key: "levers.a",
              message: "table levers.a is already defined on line 3; each table may be defined only once; lever ids must be unique; rename or remove the second definition of levers.a"),
        .init(name: "duplicate key in a lever", body: growthLever("sector = \"trade\"\n"), line: 8, key: "levers.a.sector",
              message: "levers.a.sector is already defined on line 5; each key may be defined only once"),
        // Unknown keys, with the allowed ones listed.
        .init(name: "duplicate dotted key", body: "[levers.a]\nx.y = 1\nx.y = 2\n", line: 5, key: "levers.a.x.y",
              message: "defined only once"),
        .init(name: "lever table redefined by a key", body: growthLever() + "[levers]\na = 3\n", line: 9, key: "levers.a",
              message: "lever ids must be unique"),
        .init(name: "unknown top-level table", body: "[scenaro]\n", line: 3, key: "scenaro",
              message: "allowed at the top level are: scenario, baseline, levers, indicators, correlation"),
        .init(name: "unknown scenario key", body: "drawz = 5\n", line: 3, key: "scenario.drawz",
              message: "unknown key; the keys allowed in [scenario] are: name, description"),
        .init(name: "unknown lever key", body: growthLever("amout = 3\n"), line: 8, key: "levers.a.amout",
              message: "allowed in a growth lever are: name, kind, source, assumption, quarters, sector, shift"),
        .init(name: "unknown distribution key", body: growthLever(shift: "{ dist = \"normal\", mean = 1, sd = 1, sdd = 2 }"),
              line: 6, key: "levers.a.shift.sdd", message: "allowed in a normal distribution are: dist, mean, sd, source, assumption"),
        .init(name: "unknown indicator", body: "[indicators.gdp]\nbaseline = 1\n", line: 3, key: "indicators.gdp",
              message: "exports, cpi"),
        .init(name: "unknown correlation key", body: "[correlation]\nparams = []\n", line: 4, key: "correlation.params",
              message: "parameters, matrix"),
        // Wrong types.
        .init(name: "string where an integer is expected", body: "draws = \"1000\"\n", line: 3, key: "scenario.draws",
              message: "expected an integer, found the string \"1000\"; remove the quotes"),
        .init(name: "float where an integer is expected", body: "draws = 1e5\n", line: 3, key: "scenario.draws",
              message: "expected an integer, found the float 100000.0"),
        .init(name: "string where a number or distribution is expected", body: growthLever(shift: "\"big\""), line: 6,
              key: "levers.a.shift", message: "expected a number or a distribution"),
        .init(name: "number where a string is expected", body: "sampling = 3\n", line: 3, key: "scenario.sampling",
              message: "expected a string, found the integer 3; put the text in quotes"),
        .init(name: "boolean in the baseline", body: "[baseline]\nindustry = true\n", line: 4, key: "baseline.industry",
              message: "found the boolean true"),
        .init(name: "scenario is not a table", body: "scenario = 3\n", line: 1, key: "scenario",
              message: "expected a table, found the integer 3", withHeader: false),
        .init(name: "sectors is not a table", body: demandLever(sectors: "[\"trade\"]"), line: 6, key: "levers.d.sectors",
              message: "expected an inline table of sector = weight"),
        .init(name: "non-number in an array", body: "actual_quarters = [7.1, \"7.2\"]\n", line: 3,
              key: "scenario.actual_quarters[1]", message: "expected a number"),
        .init(name: "non-finite number", body: "target = nan\n", line: 3, key: "scenario.target", message: "give a finite number"),
        // Missing required keys (reported at the table that lacks them).
        .init(name: "missing scenario name", body: "[scenario]\ndescription = \"x\"\n", line: 1, key: "scenario.name",
              message: "missing required key", withHeader: false),
        .init(name: "missing [scenario] table", body: "[baseline]\nindustry = 1\n", line: nil, key: "scenario.name",
              message: "the [scenario] table is missing", withHeader: false),
        .init(name: "missing lever kind", body: growthLever(kind: ""), line: 3, key: "levers.a.kind",
              message: "missing required key; add kind = \"demand\", \"growth\", \"local_sourcing\" or \"cost_shock\""),
        .init(name: "missing lever source", body: "[levers.a]\nkind = \"growth\"\nsector = \"industry\"\nshift = 1\n", line: 3,
              key: "levers.a.source", message: "add source = \"…\""),
        .init(name: "missing growth shift", body: "[levers.a]\nkind = \"growth\"\nsector = \"industry\"\nsource = \"x\"\n",
              line: 3, key: "levers.a.shift", message: "missing required key"),
        .init(name: "missing demand category", body: "[levers.d]\nkind = \"demand\"\nsectors = { trade = 1 }\namount = 1\nsource = \"x\"\n",
              line: 3, key: "levers.d.category", message: "missing required key"),
        .init(name: "missing local-sourcing supplier", body: "[levers.l]\nkind = \"local_sourcing\"\nincrease = 0.1\nsource = \"x\"\n",
              line: 3, key: "levers.l.supplier", message: "missing required key"),
        .init(name: "missing cost-shock price change", body: "[levers.c]\nkind = \"cost_shock\"\nsector = \"electricity\"\nsource = \"x\"\n",
              line: 3, key: "levers.c.price_change", message: "missing required key"),
        .init(name: "missing dist", body: growthLever(shift: "{ mean = 1, sd = 2 }"), line: 6, key: "levers.a.shift.dist",
              message: "missing required key; add dist ="),
        .init(name: "missing distribution parameter", body: growthLever(shift: "{ dist = \"triangular\", min = 0, max = 1 }"),
              line: 6, key: "levers.a.shift.mode", message: "a triangular distribution needs min, mode, max"),
        .init(name: "missing indicator baseline", body: "[indicators.cpi]\n", line: 3, key: "indicators.cpi.baseline",
              message: "missing required key"),
        .init(name: "missing correlation matrix", body: "[correlation]\nparameters = [\"baseline.x\"]\n", line: 3,
              key: "correlation.matrix", message: "missing required key"),
        // Impossible distribution parameters: Distribution's checks, reported at the parameter's key.
        .init(name: "sd < 0", body: growthLever(shift: "{ dist = \"normal\", mean = 1, sd = -5 }"), line: 6,
              key: "levers.a.shift.sd", message: "standard deviation is -5.0; it must be zero or positive"),
        .init(name: "lognormal sigma < 0", body: growthLever(shift: "{ dist = \"lognormal\", mu = 1, sigma = -1 }"), line: 6,
              key: "levers.a.shift.sigma", message: "log standard deviation is -1.0"),
        .init(name: "lognormal mean ≤ 0", body: growthLever(shift: "{ dist = \"lognormal\", mean = 0, sd = 1 }"), line: 6,
              key: "levers.a.shift.mean", message: "it must be strictly positive"),
        .init(name: "min > max", body: growthLever(shift: "{ dist = \"uniform\", min = 2, max = 1 }"), line: 6,
              key: "levers.a.shift.min", message: "lower bound 2.0 is above upper bound 1.0"),
        .init(name: "mode outside [min, max]", body: growthLever(shift: "{ dist = \"pert\", min = 0, mode = 3, max = 2 }"), line: 6,
              key: "levers.a.shift.mode", message: "mode 3.0 lies outside [0.0, 2.0]"),
        .init(name: "PERT lambda < 0", body: growthLever(shift: "{ dist = \"pert\", min = 0, mode = 1, max = 2, lambda = -1 }"),
              line: 6, key: "levers.a.shift.lambda", message: "shape is -1.0"),
        .init(name: "alpha ≤ 0", body: growthLever(shift: "{ dist = \"beta\", alpha = 0, beta = 2 }"), line: 6,
              key: "levers.a.shift.alpha", message: "alpha is 0.0; it must be strictly positive"),
        .init(name: "probabilities not summing to 1", body: growthLever(shift: "{ dist = \"discrete\", values = [1, 2], probabilities = [0.5, 0.6] }"),
              line: 6, key: "levers.a.shift.probabilities", message: "probabilities sum to 1.1"),
        .init(name: "negative probability", body: growthLever(shift: "{ dist = \"discrete\", values = [1, 2], probabilities = [1.5, -0.5] }"),
              line: 6, key: "levers.a.shift.probabilities", message: "probability 2 is -0.5"),
        .init(name: "values and probabilities of different lengths", body: growthLever(shift: "{ dist = \"discrete\", values = [1, 2], probabilities = [1] }"),
              line: 6, key: "levers.a.shift.probabilities", message: "has 1 entries but 2 are needed"),
        .init(name: "lognormal with both parameterisations", body: growthLever(shift: "{ dist = \"lognormal\", mu = 1, sigma = 1, mean = 2 }"),
              line: 6, key: "levers.a.shift.mean", message: "not both"),
        .init(name: "unknown dist", body: growthLever(shift: "{ dist = \"gamma\", shape = 2 }"), line: 6, key: "levers.a.shift.dist",
              message: "unknown distribution \"gamma\"; use \"normal\", \"lognormal\""),
        // Weights and quarters.
        .init(name: "negative sector weight", body: demandLever(sectors: "{ trade = 1.2, tourism = -0.2 }"), line: 6,
              key: "levers.d.sectors.tourism", message: "weight is -0.2; sector weights must be ≥ 0"),
        .init(name: "sector weights not summing to 1", body: demandLever(sectors: "{ trade = 0.6, tourism = 0.3 }"), line: 6,
              key: "levers.d.sectors", message: "sector weights sum to 0.8999999999999999; they must sum to 1 (within 1e-9)"),
        .init(name: "no sectors", body: demandLever(sectors: "{}"), line: 6, key: "levers.d.sectors", message: "no sectors are given"),
        .init(name: "quarters not 4 numbers", body: growthLever("quarters = [0.5, 0.5]\n"), line: 8, key: "levers.a.quarters",
              message: "2 weights are given; give 4"),
        .init(name: "negative quarter weight", body: growthLever("quarters = [0.5, -0.1, 0.3, 0.3]\n"), line: 8,
              key: "levers.a.quarters[1]", message: "Q2 weight is -0.1"),
        .init(name: "quarters not summing to 1", body: growthLever("quarters = [0.25, 0.25, 0.25, 0.2]\n"), line: 8,
              key: "levers.a.quarters", message: "quarter weights sum to 0.95"),
        // Settings out of range and unknown keywords.
        .init(name: "draws < 1", body: "draws = 0\n", line: 3, key: "scenario.draws", message: "draws is 0; it must lie in 1 … 1,000,000,000"),
        .init(name: "draws > 1e9", body: "draws = 1_000_000_001\n", line: 3, key: "scenario.draws", message: "draws is 1000000001"),
        .init(name: "negative seed", body: "seed = -1\n", line: 3, key: "scenario.seed", message: "seed is -1; it must lie in 0 … 2⁶³−1"),
        .init(name: "more than 3 actual quarters", body: "actual_quarters = [7.0, 7.1, 7.2, 7.3]\n", line: 3,
              key: "scenario.actual_quarters", message: "4 quarters are given; at most 3"),
        .init(name: "unknown sampling", body: "sampling = \"sobol\"\n", line: 3, key: "scenario.sampling",
              message: "unknown value \"sobol\"; use \"monte-carlo\" or \"latin-hypercube\""),
        .init(name: "unknown dataset assumptions mode", body: "dataset_assumptions = \"low\"\n", line: 3,
              key: "scenario.dataset_assumptions", message: "use \"sample\" or \"central\""),
        .init(name: "unknown dataset", body: "dataset = \"hanoi-2019\"\n", line: 3, key: "scenario.dataset",
              message: "unknown dataset \"hanoi-2019\"; the known datasets are: \"hanoi-2024\", \"hanoi-2025\""),
        .init(name: "unknown category", body: "[levers.d]\nkind = \"demand\"\ncategory = \"tourists\"\nsectors = { trade = 1 }\namount = 1\nsource = \"x\"\n",
              line: 5, key: "levers.d.category", message: "use \"households\", \"government\", \"investment\", \"exports\" or \"visitors\""),
        .init(name: "unknown kind", body: growthLever(kind: "kind = \"subsidy\"\n"), line: 4, key: "levers.a.kind",
              message: "unknown kind \"subsidy\""),
        // References and ids.
        .init(name: "both source and assumption", body: growthLever("source = \"y\"\n"), line: 7, key: "levers.a.assumption",
              message: "both source and assumption are given"),
        .init(name: "empty source", body: "[levers.a]\nkind = \"growth\"\nsector = \"industry\"\nshift = 1\nsource = \"  \"\n", line: 7,
              key: "levers.a.source", message: "the text is empty"),
        .init(name: "lever id with a space", body: "[levers.\"my lever\"]\nkind = \"growth\"\n", line: 3, key: "levers.\"my lever\"",
              message: "has characters other than letters, digits, _ and -"),
        .init(name: "empty buyers", body: "[levers.l]\nkind = \"local_sourcing\"\nsupplier = \"industry\"\nbuyers = []\nincrease = 0.1\nsource = \"x\"\n",
              line: 6, key: "levers.l.buyers", message: "buyers is empty"),
        .init(name: "duplicate buyer", body: "[levers.l]\nkind = \"local_sourcing\"\nsupplier = \"industry\"\nbuyers = [\"trade\",\n  \"trade\"]\nincrease = 0.1\nsource = \"x\"\n",
              line: 7, key: "levers.l.buyers[1]", message: "listed twice"),
        // Correlation structure (what parse can check without the dataset).
        .init(name: "matrix rows ≠ parameters", body: "[correlation]\nparameters = [\"a.b\", \"c.d\"]\nmatrix = [[1.0, 0.0]]\n", line: 5,
              key: "correlation.matrix", message: "the matrix has 1 rows but 2 parameters are listed"),
        .init(name: "matrix not square", body: "[correlation]\nparameters = [\"a.b\", \"c.d\"]\nmatrix = [[1.0, 0.0],\n  [0.0]]\n",
              line: 6, key: "correlation.matrix[1]", message: "row 2 has 1 entries but 2 parameters are listed; the matrix must be square"),
        .init(name: "matrix entry not a number", body: "[correlation]\nparameters = [\"a.b\"]\nmatrix = [[\"one\"]]\n", line: 5,
              key: "correlation.matrix[0][0]", message: "expected a number"),
        .init(name: "parameter listed twice", body: "[correlation]\nparameters = [\"a.b\", \"a.b\"]\nmatrix = [[1, 0], [0, 1]]\n",
              line: 4, key: "correlation.parameters[1]", message: "listed twice"),
        // Lines are counted past multi-line strings whose content looks like keys.
        .init(name: "error after a multi-line string", body: "description = \"\"\"\nseed = 1\n[levers.x]\n\"\"\"\nseed = -3\n", line: 7,
              key: "scenario.seed", message: "seed is -3"),
    ]

    @Test("each invalid scenario raises its error", arguments: cases)
    func raises(_ invalid: InvalidScenario) {
        do {
            let scenario = try Scenario.parse(invalid.text, path: "plan.toml")
            Issue.record("parsed without error: \(scenario.name)")
        } catch {
            #expect(error.file == "plan.toml")
            #expect(error.line == invalid.line, "\(error)")
            #expect(error.key == invalid.key, "\(error)")
            #expect(error.message.contains(invalid.message), "\(error)")
            #expect(!error.description.contains("\n"), "one line: \(error)")
        }
    }

    @Test("description is one line: file:line: key: what is wrong; how to fix")
    func descriptionFormat() {
        let body = growthLever(shift: "{ dist = \"normal\", mean = 1, sd = -5 }")
        #expect(throws: ScenarioError(
            file: "plan.toml", line: 6, key: "levers.a.shift.sd",
            message: "standard deviation is -5.0; it must be zero or positive")) {
            try Scenario.parse("[scenario]\nname = \"t\"\n" + body, path: "plan.toml")
        }
        let error = ScenarioError(file: "plan.toml", line: 6, key: "levers.a.shift.sd", message: "what; fix")
        #expect(error.description == "plan.toml:6: levers.a.shift.sd: what; fix")
        #expect(ScenarioError(file: "p.toml", line: nil, key: "scenario.name", message: "m").description == "p.toml: scenario.name: m")
        #expect(ScenarioError(file: "p.toml", line: 3, key: "", message: "m").description == "p.toml:3: m")
    }

    @Test("load reports an unreadable file by its path")
    func unreadable() {
        let error = #expect(throws: ScenarioError.self) {
            try Scenario.load(path: "/nonexistent/plan.toml")
        }
        #expect(error?.file == "/nonexistent/plan.toml")
        #expect(error?.line == nil)
        #expect(error?.message.contains("cannot read") == true)
    }
}

/// `scenario.actual_sector_quarters`: located errors.
@Suite("Published sector quarters in the scenario")
struct SectorQuarterParsingTests {
    @Test("Bad sector quarters name their key", arguments: [
        ("services = [8.3, 8.2, 8.1, 8.0]", "scenario.actual_sector_quarters.services", "give 1 to 3"),
        ("servces = [8.3]", "scenario.actual_sector_quarters.servces", "unknown aggregate"),
        ("services = 8.3", "scenario.actual_sector_quarters.services", "array"),
        ("services = [2000.0]", "scenario.actual_sector_quarters.services[0]", "between -100 and 1000"),
    ])
    func errors(entry: String, key: String, message: String) {
        let text = "[scenario]\nname = \"x\"\n[scenario.actual_sector_quarters]\n\(entry)\n"
        do {
            _ = try Scenario.parse(text, path: "s.toml")
            Issue.record("expected an error for \(entry)")
        } catch {
            #expect(error.key == key)
            #expect(error.line == 4)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
