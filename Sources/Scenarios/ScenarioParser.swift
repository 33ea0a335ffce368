import TOML

/// Turns TOML text into a `Scenario`, checking every key it reads. The TOML module parses
/// the text (keys in file order, each with its line); `TOMLKeyLocator` finds the line of a
/// key path for error messages.
struct ScenarioParser {
    let file: String
    let locator: TOMLKeyLocator
    /// The files (and command line) the document was assembled from.
    var sources: ScenarioSources

    init(file: String, locator: TOMLKeyLocator, sources: ScenarioSources? = nil) {
        self.file = file
        self.locator = locator
        self.sources = sources ?? ScenarioSources(root: file)
    }

    static let rootKeys = ["scenario", "baseline", "levers", "indicators", "correlation", "policy", "netting"]
    static let policyKeys = ["name", "description", "set"]
    static let scenarioKeys = [
        "name", "description", "dataset", "accounts", "table", "year", "target", "draws", "seed", "sampling",
        "actual_quarters", "dataset_assumptions", "baseline_model", "national_growth", "amount_unit",
        "actual_sector_quarters",
    ]
    static let commonLeverKeys = ["name", "kind", "source", "assumption", "quarters"]
    /// The keys a lever of each kind may have besides `commonLeverKeys`.
    static func leverKeys(_ kind: LeverKind) -> [String] {
        switch kind {
        case .demand: ["category", "sectors", "amount", "exports_growth_pp", "local_share"]
        case .growth: ["sector", "shift"]
        case .localSourcing: ["supplier", "buyers", "increase"]
        case .costShock: ["sector", "price_change"]
        }
    }
    static let indicatorKeys = ["exports", "cpi"]
    static let correlationKeys = ["parameters", "matrix", "pairs"]

    static func parse(_ text: String, path file: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> Scenario {
        let (document, sources) = try assemble(text, path: file, overrides: overrides)
        let root = document.root
        let parser = ScenarioParser(file: file, locator: TOMLKeyLocator(root: root), sources: sources)
        var scenario = try parser.scenario(from: root)
        scenario.sources = sources
        return scenario
    }

    /// A TOML syntax error at its line. A redefinition (which is how a duplicate lever id
    /// or key shows up) is reported at the key it names, with its full path.
    static func syntaxError(_ error: TOMLError, file: String) -> ScenarioError {
        var key = ""
        var message = "TOML syntax error at column \(error.location.column): \(error.message)"
        if case let .redefinition(_, keys, _) = error {
            // The TOML message says what was defined twice and how to fix it.
            key = TOMLKeyLocator.path(keys)
            if keys.count == 2, keys[0] == "levers" {
                message += "; lever ids must be unique; rename or remove the second definition of \(key)"
            }
        } else {
            message += "; fix the TOML syntax (https://toml.io/en/v1.0.0)"
        }
        return ScenarioError(file: file, line: error.location.line, key: key, message: message)
    }

    // MARK: Document

    func scenario(from root: TOMLTable) throws(ScenarioError) -> Scenario {
        try checkKeys(root, at: "", allowed: Self.rootKeys, context: "at the top level")

        guard let scenarioValue = root["scenario"] else {
            throw ScenarioError(
                file: file, line: nil, key: "scenario.name",
                message: "the [scenario] table is missing; add [scenario] with at least name = \"…\"")
        }
        let settings = try table(scenarioValue, at: "scenario")
        try checkKeys(settings, at: "scenario", allowed: Self.scenarioKeys, context: "in [scenario]")
        guard let nameValue = settings["name"] else {
            throw error("scenario.name", "missing required key; add name = \"…\" (the report's title)")
        }
        let name = try nonEmptyString(nameValue, at: "scenario.name")
        let description = try settings["description"].map { (value) throws(ScenarioError) in
            try string(value, at: "scenario.description")
        }
        let dataset = try settings["dataset"].map { (value) throws(ScenarioError) in
            try string(value, at: "scenario.dataset")
        } ?? Scenario.defaultDataset
        guard Scenario.knownDatasets.contains(dataset) else {
            throw error("scenario.dataset", "unknown dataset \"\(dataset)\"; the known datasets are: \(Scenario.knownDatasets.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        let accountsPath = try settings["accounts"].map { (value) throws(ScenarioError) in
            Self.resolve(try nonEmptyString(value, at: "scenario.accounts"), against: sources.file(of: "scenario.accounts", locator: locator))
        }
        let tablePath = try settings["table"].map { (value) throws(ScenarioError) in
            Self.resolve(try nonEmptyString(value, at: "scenario.table"), against: sources.file(of: "scenario.table", locator: locator))
        }
        let year = try settings["year"].map { (value) throws(ScenarioError) in try integer(value, at: "scenario.year") }
        let target = try settings["target"].map { (value) throws(ScenarioError) in try number(value, at: "scenario.target") }

        var draws = Scenario.defaultDraws
        if let value = settings["draws"] {
            draws = try integer(value, at: "scenario.draws")
            guard draws >= 1, draws <= Scenario.maximumDraws else {
                throw error("scenario.draws", "draws is \(draws); it must lie in 1 … 1,000,000,000")
            }
        }
        var seed = Scenario.defaultSeed
        if let value = settings["seed"] {
            let signed = try integer(value, at: "scenario.seed")
            guard signed >= 0 else {
                throw error("scenario.seed", "seed is \(signed); it must lie in 0 … 2⁶³−1 (9223372036854775807)")
            }
            seed = UInt64(signed)
        }
        var sampling = SamplingMethod.monteCarlo
        if let value = settings["sampling"] {
            sampling = try keyword(value, at: "scenario.sampling", as: SamplingMethod.self)
        }
        var actualQuarters: [Double] = []
        if let value = settings["actual_quarters"] {
            actualQuarters = try numbers(value, at: "scenario.actual_quarters")
            guard actualQuarters.count <= Scenario.maximumActualQuarters else {
                throw error(
                    "scenario.actual_quarters",
                    "\(actualQuarters.count) quarters are given; at most 3 (Q1…Q3) may be published before the year ends — remove the extra ones")
            }
        }
        var datasetAssumptions = DatasetAssumptionsMode.sample
        if let value = settings["dataset_assumptions"] {
            datasetAssumptions = try keyword(value, at: "scenario.dataset_assumptions", as: DatasetAssumptionsMode.self)
        }

        var baselineModel: BaselineModel?
        if let value = settings["baseline_model"] {
            baselineModel = try keyword(value, at: "scenario.baseline_model", as: BaselineModel.self)
        }
        var nationalGrowth: Double?
        if let value = settings["national_growth"] {
            nationalGrowth = try number(value, at: "scenario.national_growth")
            guard let growth = nationalGrowth, growth > -30, growth < 30 else {
                throw error("scenario.national_growth", "national_growth is \(nationalGrowth ?? 0)%; give Vietnam's GDP growth forecast in % (between -30 and 30)")
            }
        }

        var baseline: [BaselineEntry] = []
        var taxElasticity = UncertainValue.constant(1)
        if let value = root["baseline"] {
            let entries = try table(value, at: "baseline")
            for key in entries.keys {
                guard let entryValue = entries[key] else { continue }
                let path = TOMLKeyLocator.path("baseline", key)
                let (uncertain, reference) = try uncertainValue(entryValue, at: path)
                if key == "tax_elasticity" {
                    taxElasticity = uncertain
                } else {
                    baseline.append(BaselineEntry(
                        accountsLine: key, value: uncertain, reference: reference?.text,
                        referenceIsAssumption: reference?.isAssumption ?? false, line: line(path)))
                }
            }
        }

        var levers: [Lever] = []
        if let value = root["levers"] {
            let leverTables = try table(value, at: "levers")
            for id in leverTables.keys {
                guard let leverValue = leverTables[id] else { continue }
                levers.append(try lever(id: id, leverValue))
            }
        }

        var exportsBaseline: UncertainValue?
        var cpiBaseline: UncertainValue?
        if let value = root["indicators"] {
            let indicators = try table(value, at: "indicators")
            try checkKeys(indicators, at: "indicators", allowed: Self.indicatorKeys, context: "in [indicators]")
            exportsBaseline = try indicatorBaseline(indicators, "exports")
            cpiBaseline = try indicatorBaseline(indicators, "cpi")
        }

        let correlation = try root["correlation"].map { (value) throws(ScenarioError) in try correlationSpec(value) }

        let amountUnit = try settings["amount_unit"].map { (value) throws(ScenarioError) in
            try nonEmptyString(value, at: "scenario.amount_unit")
        }
        var scenario = Scenario(
            path: file, name: name, description: description, dataset: dataset, accountsPath: accountsPath,
            tablePath: tablePath, year: year, target: target, draws: draws, seed: seed, sampling: sampling,
            actualQuarters: actualQuarters, datasetAssumptions: datasetAssumptions, baseline: baseline,
            taxElasticity: taxElasticity, levers: levers, exportsBaseline: exportsBaseline, cpiBaseline: cpiBaseline,
            correlation: correlation, locator: locator)
        scenario.baselineModel = baselineModel
        scenario.nationalGrowth = nationalGrowth
        if let value = root["policy"] { scenario.policies = try policies(value) }
        if let value = root["netting"] { scenario.netting = try nettingGroups(value, levers: levers) }
        if let amountUnit { scenario.amountUnit = amountUnit }
        if let value = settings["actual_sector_quarters"] { scenario.actualSectorQuarters = try sectorQuarters(value) }
        return scenario
    }

    /// `relative` against the directory of `scenarioPath` (unchanged when absolute or when
    /// the scenario path has no directory).
    static func resolve(_ relative: String, against scenarioPath: String) -> String {
        if relative.hasPrefix("/") { return relative }
        guard let slash = scenarioPath.lastIndex(of: "/") else { return relative }
        return String(scenarioPath[...slash]) + relative
    }

    // MARK: Levers

    func lever(id: String, _ value: TOMLValue) throws(ScenarioError) -> Lever {
        let path = TOMLKeyLocator.path("levers", id)
        guard !id.isEmpty, id.utf8.allSatisfy(TOMLKeyLocator.isBareKeyByte) else {
            throw error(path, "lever id \(path.dropFirst(7)) has characters other than letters, digits, _ and -; rename it (e.g. [levers.public_investment])")
        }
        let table = try table(value, at: path)
        guard let kindValue = table["kind"] else {
            throw error("\(path).kind", "missing required key; add kind = \(Self.quotedList(LeverKind.keywords, last: "or"))")
        }
        let kindText = try string(kindValue, at: "\(path).kind")
        guard let kind = LeverKind(rawValue: kindText) else {
            throw error("\(path).kind", "unknown kind \"\(kindText)\"; use \(Self.quotedList(LeverKind.keywords, last: "or"))")
        }
        try checkKeys(table, at: path, allowed: Self.commonLeverKeys + Self.leverKeys(kind), context: "in a \(kindText) lever")

        let name = try table["name"].map { (value) throws(ScenarioError) in try nonEmptyString(value, at: "\(path).name") } ?? id
        let reference = try requiredReference(in: table, at: path)
        var quarters: [Double]?
        if let value = table["quarters"] {
            let weights = try numbers(value, at: "\(path).quarters")
            guard weights.count == 4 else {
                throw error("\(path).quarters", "\(weights.count) weights are given; give 4 (Q1, Q2, Q3, Q4) summing to 1")
            }
            for (index, weight) in weights.enumerated() where weight < 0 {
                throw error("\(path).quarters[\(index)]", "Q\(index + 1) weight is \(weight); quarter weights must be ≥ 0")
            }
            try checkSumsToOne(weights, at: "\(path).quarters", what: "quarter weights")
            quarters = weights
        }

        let effect: LeverEffect
        switch kind {
        case .demand:
            let category = try keyword(try required(table, "category", at: path), at: "\(path).category", as: DemandCategory.self)
            let sectors = try sectorWeights(try required(table, "sectors", at: path), at: "\(path).sectors")
            let amount = try uncertainValue(try required(table, "amount", at: path), at: "\(path).amount").value
            let exports = try table["exports_growth_pp"].map { (value) throws(ScenarioError) in
                try uncertainValue(value, at: "\(path).exports_growth_pp").value
            }
            effect = .demand(category: category, sectors: sectors, amount: amount, exportsGrowthPP: exports)
        case .growth:
            let sector = try nonEmptyString(try required(table, "sector", at: path), at: "\(path).sector")
            let shift = try uncertainValue(try required(table, "shift", at: path), at: "\(path).shift").value
            effect = .growth(sector: sector, shift: shift)
        case .localSourcing:
            let supplier = try nonEmptyString(try required(table, "supplier", at: path), at: "\(path).supplier")
            var buyers: [String]?
            if let value = table["buyers"] {
                let list = try strings(value, at: "\(path).buyers")
                guard !list.isEmpty else {
                    throw error("\(path).buyers", "buyers is empty; list the buying sectors, or omit buyers for all sectors")
                }
                for (index, buyer) in list.enumerated() where list[..<index].contains(buyer) {
                    throw error("\(path).buyers[\(index)]", "sector \"\(buyer)\" is listed twice; list each buyer once")
                }
                buyers = list
            }
            let increase = try uncertainValue(try required(table, "increase", at: path), at: "\(path).increase").value
            effect = .localSourcing(supplier: supplier, buyers: buyers, increase: increase)
        case .costShock:
            let sector = try nonEmptyString(try required(table, "sector", at: path), at: "\(path).sector")
            let change = try uncertainValue(try required(table, "price_change", at: path), at: "\(path).price_change").value
            effect = .costShock(sector: sector, priceChange: change)
        }
        var lever = Lever(
            id: id, name: name, effect: effect, reference: reference.text,
            referenceIsAssumption: reference.isAssumption, quarters: quarters, line: line(path))
        if let value = table["local_share"] { lever.localShares = try localShares(value, at: "\(path).local_share") }
        return lever
    }

    /// `sectors = { trade = 0.6, tourism = 0.4 }`: weights ≥ 0 summing to 1, in file order.
    func sectorWeights(_ value: TOMLValue, at path: String) throws(ScenarioError) -> [(sector: String, weight: Double)] {
        let weightsTable = try table(value, at: path, expected: "an inline table of sector = weight, e.g. { trade = 0.6, tourism = 0.4 }")
        var weights: [(sector: String, weight: Double)] = []
        for sector in weightsTable.keys {
            guard let weightValue = weightsTable[sector] else { continue }
            let key = TOMLKeyLocator.path(path, sector)
            let weight = try number(weightValue, at: key)
            guard weight >= 0 else {
                throw error(key, "weight is \(weight); sector weights must be ≥ 0 (a cut is a negative amount, not a negative weight)")
            }
            weights.append((sector, weight))
        }
        guard !weights.isEmpty else {
            throw error(path, "no sectors are given; name at least one, e.g. { trade = 1.0 }")
        }
        try checkSumsToOne(weights.map(\.weight), at: path, what: "sector weights")
        return weights
    }

    func checkSumsToOne(_ weights: [Double], at path: String, what: String) throws(ScenarioError) {
        let sum = weights.reduce(0, +)
        guard abs(sum - 1) <= Scenario.weightSumTolerance else {
            throw error(path, "\(what) sum to \(sum); they must sum to 1 (within 1e-9) — write them with enough digits")
        }
    }

    // MARK: Indicators and correlation

    func indicatorBaseline(_ indicators: TOMLTable, _ name: String) throws(ScenarioError) -> UncertainValue? {
        guard let value = indicators[name] else { return nil }
        let path = "indicators.\(name)"
        let indicator = try table(value, at: path)
        try checkKeys(indicator, at: path, allowed: ["baseline"], context: "in [\(path)]")
        return try uncertainValue(try required(indicator, "baseline", at: path), at: "\(path).baseline").value
    }

    func correlationSpec(_ value: TOMLValue) throws(ScenarioError) -> CorrelationSpec {
        let correlation = try table(value, at: "correlation")
        try checkKeys(correlation, at: "correlation", allowed: Self.correlationKeys, context: "in [correlation]")
        if let pairs = correlation["pairs"] {
            guard correlation["matrix"] == nil else {
                throw error("correlation.pairs", "both matrix and pairs are given; keep one: the full matrix, or the correlated pairs (the others are 0)")
            }
            return try correlationPairs(pairs, parameters: correlation["parameters"])
        }
        let parameters = try strings(try required(correlation, "parameters", at: "correlation"), at: "correlation.parameters")
        guard !parameters.isEmpty else {
            throw error("correlation.parameters", "no parameters are listed; name the correlated parameters or remove [correlation]")
        }
        for (index, id) in parameters.enumerated() where parameters[..<index].contains(id) {
            throw error("correlation.parameters[\(index)]", "\"\(id)\" is listed twice; list each parameter once")
        }
        let matrixValue = try required(correlation, "matrix", at: "correlation")
        guard let rows = matrixValue.array else {
            throw wrongType(matrixValue, at: "correlation.matrix", expected: "an array of rows, e.g. [[1.0, 0.5], [0.5, 1.0]]")
        }
        let k = parameters.count
        guard rows.count == k else {
            throw error(
                "correlation.matrix",
                "the matrix has \(rows.count) rows but \(k) parameters are listed; give one row and one column per parameter")
        }
        var matrix: [[Double]] = []
        for index in 0..<rows.count {
            let row = try numbers(rows[index], at: "correlation.matrix[\(index)]")
            guard row.count == k else {
                throw error(
                    "correlation.matrix[\(index)]",
                    "row \(index + 1) has \(row.count) entries but \(k) parameters are listed; the matrix must be square, \(k)×\(k)")
            }
            matrix.append(row)
        }
        return CorrelationSpec(parameters: parameters, matrix: matrix, line: line("correlation.matrix"))
    }

    /// `pairs = [["a", "b", 0.6], …]`: the correlation matrix pair by pair, every other
    /// off-diagonal entry 0. The parameters are `parameters` when given (each pair must name
    /// two of them), else those the pairs name, in order of first mention. The matrix is then
    /// checked as a full one is (symmetric by construction; positive definite at validation).
    /// - Complexity: O(k² + pairs).
    func correlationPairs(_ value: TOMLValue, parameters listed: TOMLValue?) throws(ScenarioError) -> CorrelationSpec {
        let pairsKey = "correlation.pairs"
        guard let pairs = value.array else {
            throw wrongType(value, at: pairsKey, expected: "an array of pairs, e.g. [[\"baseline.industry\", \"baseline.trade\", 0.3]]")
        }
        guard !pairs.isEmpty else {
            throw error(pairsKey, "no pairs are given; list [\"id\", \"id\", correlation] pairs or remove [correlation]")
        }
        var parameters: [String] = []
        var parameterKeys: [String] = []
        if let listed {
            parameters = try strings(listed, at: "correlation.parameters")
            for (index, id) in parameters.enumerated() where parameters[..<index].contains(id) {
                throw error("correlation.parameters[\(index)]", "\"\(id)\" is listed twice; list each parameter once")
            }
            parameterKeys = parameters.indices.map { "correlation.parameters[\($0)]" }
        }
        var entries: [(first: Int, second: Int, rho: Double)] = []
        var seen: [String: Int] = [:]
        for index in 0..<pairs.count {
            let key = "\(pairsKey)[\(index)]"
            guard let pair = pairs[index].array, pair.count == 3 else {
                throw wrongType(pairs[index], at: key, expected: "a pair [\"id\", \"id\", correlation], e.g. [\"baseline.industry\", \"baseline.trade\", 0.3]")
            }
            let a = try nonEmptyString(pair[0], at: "\(key)[0]"), b = try nonEmptyString(pair[1], at: "\(key)[1]")
            let rho = try number(pair[2], at: "\(key)[2]")
            guard a != b else { throw error("\(key)[1]", "the pair names \"\(a)\" twice; a parameter's correlation with itself is 1 — name two different parameters") }
            guard rho >= -1, rho <= 1 else { throw error("\(key)[2]", "the correlation is \(rho); it must lie in [-1, 1]") }
            var positions: [Int] = []
            for (offset, id) in [a, b].enumerated() {
                if let position = parameters.firstIndex(of: id) {
                    positions.append(position)
                } else if listed != nil {
                    throw error("\(key)[\(offset)]", "\"\(id)\" is not in correlation.parameters; add it there or correct the id")
                } else {
                    positions.append(parameters.count)
                    parameters.append(id)
                    parameterKeys.append("\(key)[\(offset)]")
                }
            }
            let identity = "\(min(positions[0], positions[1]))-\(max(positions[0], positions[1]))"
            if let first = seen[identity] {
                throw error(key, "the pair \(a), \(b) is given twice (first at \(pairsKey)[\(first)]); give each pair once")
            }
            seen[identity] = index
            entries.append((positions[0], positions[1], rho))
        }
        let k = parameters.count
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k { matrix[i][i] = 1 }
        for entry in entries {
            matrix[entry.first][entry.second] = entry.rho
            matrix[entry.second][entry.first] = entry.rho
        }
        var spec = CorrelationSpec(parameters: parameters, matrix: matrix, line: line(pairsKey))
        spec.matrixKey = pairsKey
        spec.parameterKeys = parameterKeys
        return spec
    }

    /// `[[policy]]` tables: a unique name and `set`, an array of `--set` assignments.
    func policies(_ value: TOMLValue) throws(ScenarioError) -> [Policy] {
        guard let array = value.array, array.isArrayOfTables else {
            throw wrongType(value, at: "policy", expected: "[[policy]] tables, each with name = \"…\" and set = [\"KEY=VALUE\", …]")
        }
        var policies: [Policy] = []
        for index in 0..<array.count {
            let path = "policy[\(index)]"
            let table = try table(array[index], at: path)
            try checkKeys(table, at: path, allowed: Self.policyKeys, context: "in a [[policy]]")
            guard let nameValue = table["name"] else { throw error("\(path).name", "missing required key; add name = \"…\" (the policy's label)") }
            let name = try nonEmptyString(nameValue, at: "\(path).name")
            if policies.contains(where: { $0.name == name }) {
                throw error("\(path).name", "policy \"\(name)\" is declared twice; give each policy its own name")
            }
            let description = try table["description"].map { (value) throws(ScenarioError) in try string(value, at: "\(path).description") }
            guard let setValue = table["set"] else {
                throw error("\(path).set", "missing required key; add set = [\"levers.ID.amount=…\", …] (the values this policy chooses)")
            }
            let assignments = try strings(setValue, at: "\(path).set")
            var overrides: [ScenarioOverride] = []
            for (position, assignment) in assignments.enumerated() {
                let key = "\(path).set[\(position)]"
                let override: ScenarioOverride
                do throws(ScenarioError) {
                    override = try ScenarioOverride(assignment)
                } catch {
                    throw self.error(key, error.message)
                }
                guard override.key != "policy", !override.key.hasPrefix("policy.") else {
                    throw error(key, "a policy cannot set [[policy]] itself; set keys of the scenario")
                }
                overrides.append(override)
            }
            policies.append(Policy(name: name, description: description, overrides: overrides, line: line(path)))
        }
        return policies
    }

    // MARK: Errors and positions

    func error(_ key: String, _ message: String) -> ScenarioError {
        sources.error(at: key, message, locator: locator)
    }

    func line(_ key: String) -> Int { locator.nearestLine(of: key) ?? 1 }

    func checkKeys(_ table: TOMLTable, at path: String, allowed: [String], context: String) throws(ScenarioError) {
        for key in table.keys where !allowed.contains(key) {
            throw error(
                TOMLKeyLocator.path(path, key),
                "unknown key; the keys allowed \(context) are: \(allowed.joined(separator: ", "))")
        }
    }

    func required(_ table: TOMLTable, _ key: String, at path: String) throws(ScenarioError) -> TOMLValue {
        guard let value = table[key] else {
            throw error(TOMLKeyLocator.path(path, key), "missing required key; add \(Self.requiredKeyHints[key] ?? "\(key) = …")")
        }
        return value
    }

    /// How to write each required key, for "missing required key" messages.
    static let requiredKeyHints: [String: String] = [
        "category": "category = \(quotedList(DemandCategory.allCases.map(\.rawValue), last: "or"))",
        "sectors": "sectors = { SECTOR = weight, … } (weights ≥ 0 summing to 1)",
        "amount": "amount = … (billion VND at base-year prices: a number or a distribution)",
        "sector": "sector = \"…\" (a sector of the IO table)",
        "shift": "shift = … (percentage points: a number or a distribution)",
        "supplier": "supplier = \"…\" (the supplying sector)",
        "increase": "increase = … (relative increase of the input coefficients, 0.05 = +5%: a number or a distribution)",
        "price_change": "price_change = … (percent: a number or a distribution)",
        "baseline": "baseline = … (% without the levers: a number or a distribution)",
        "parameters": "parameters = [\"levers.ID.amount\", …] (one id per row of the matrix)",
        "matrix": "matrix = [[1.0, …], …] (one row and one column per parameter), or pairs = [[\"id\", \"id\", 0.5], …]",
    ]

    static func quotedList(_ words: [String], last: String) -> String {
        let quoted = words.map { "\"\($0)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " \(last) " + quoted[quoted.count - 1]
    }
}
