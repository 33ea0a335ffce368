import Testing
@testable import Scenarios

/// Problems found only against the dataset (`validate`): unknown names, correlation ids,
/// and the correlation matrix itself. Lines are counted in each text (the first line of a
/// `lines` array is line 1).
@Suite("Scenario validation against the dataset")
struct ScenarioValidationTests {
    static let sectors = Example.sectors
    static let accountsLines = Example.accountsLines
    static let assumptionIDs = Example.assumptionIDs

    /// The scenario whose lines are `lines` (joined with newlines), parsed.
    static func scenario(_ lines: [String]) throws -> Scenario {
        try Scenario.parse(lines.joined(separator: "\n") + "\n", path: "plan.toml")
    }

    /// The error `validate` raises for `lines`.
    static func validationError(_ lines: [String]) throws -> ScenarioError? {
        let scenario = try scenario(lines)
        do {
            try scenario.validate(sectors: sectors, accountsLines: accountsLines, assumptionIDs: assumptionIDs)
            return nil
        } catch {
            return error
        }
    }

    /// Two uncertain levers and a constant one, then `[correlation]` from line 17.
    static func correlated(_ parameters: String, _ matrix: [String], datasetAssumptions: String = "sample") -> [String] {
        [
            "[scenario]",                                                        // 1
            "name = \"t\"",                                                      // 2
            "dataset_assumptions = \"\(datasetAssumptions)\"",                   // 3
            "[levers.a]",                                                        // 4
            "kind = \"growth\"",                                                 // 5
            "sector = \"industry\"",                                             // 6
            "shift = { dist = \"normal\", mean = 1, sd = 0.5 }",                 // 7
            "assumption = \"x\"",                                                // 8
            "[levers.b]",                                                        // 9
            "kind = \"growth\"",                                                 // 10
            "sector = \"trade\"",                                                // 11
            "shift = { dist = \"uniform\", min = 0, max = 1 }",                  // 12
            "assumption = \"x\"",                                                // 13
            "[levers.c]",                                                        // 14
            "kind = \"cost_shock\"",                                             // 15
            "sector = \"electricity\"\nprice_change = 3.0\nsource = \"x\"",      // 16-18
            "[correlation]",                                                     // 19
            "parameters = \(parameters)",                                        // 20
        ] + ["matrix = " + matrix[0]] + matrix.dropFirst()                       // 21…
    }

    @Test("an unknown sector in a demand lever names the key and lists the known sectors")
    func unknownDemandSector() throws {
        let error = try #require(try Self.validationError([
            "[scenario]", "name = \"t\"",
            "[levers.d]", "kind = \"demand\"", "category = \"visitors\"",
            "sectors = { trade = 0.5, tourisme = 0.5 }",  // line 6
            "amount = 1", "source = \"x\"",
        ]))
        #expect(error.line == 6)
        #expect(error.key == "levers.d.sectors.tourisme")
        #expect(error.message == "unknown sector \"tourisme\"; the dataset's sectors are: agriculture, industry, electricity, construction, trade, tourism, other_services")
    }

    @Test("unknown sectors in growth, local-sourcing and cost-shock levers", arguments: [
        (["kind = \"growth\"", "sector = \"steel\"", "shift = 1"], 5, "levers.x.sector"),
        (["kind = \"cost_shock\"", "sector = \"steel\"", "price_change = 1"], 5, "levers.x.sector"),
        (["kind = \"local_sourcing\"", "supplier = \"steel\"", "increase = 0.1"], 5, "levers.x.supplier"),
        (["kind = \"local_sourcing\"", "supplier = \"industry\"", "buyers = [\"trade\", \"steel\"]", "increase = 0.1"], 6,
         "levers.x.buyers[1]"),
    ])
    func unknownSector(body: [String], line: Int, key: String) throws {
        let error = try #require(try Self.validationError(["[scenario]", "name = \"t\"", "[levers.x]"] + body + ["source = \"x\""]))
        #expect(error.line == line)
        #expect(error.key == key)
        #expect(error.message.hasPrefix("unknown sector \"steel\""))
    }

    @Test("a baseline entry must be an accounts line")
    func unknownBaselineLine() throws {
        let error = try #require(try Self.validationError([
            "[scenario]", "name = \"t\"", "[baseline]", "industry = 6.2", "\"other services\" = 7.0",
        ]))
        #expect(error.line == 5)
        #expect(error.key == "baseline.\"other services\"")
        #expect(error.message.contains("unknown accounts line \"other services\"; the accounts' lines are: agriculture"))
    }

    @Test("correlation naming an unknown parameter lists the uncertain ones")
    func unknownParameter() throws {
        let error = try #require(try Self.validationError(Self.correlated(
            "[\"levers.a.shift\", \"levers.b.amount\"]", ["[[1, 0],", " [0, 1]]"])))
        #expect(error.line == 20)
        #expect(error.key == "correlation.parameters[1]")
        #expect(error.message.contains("unknown parameter \"levers.b.amount\"; the scenario's uncertain parameters are: levers.a.shift, levers.b.shift"))
    }

    @Test("constants cannot be correlated", arguments: ["levers.c.price_change", "baseline.tax_elasticity"])
    func constant(id: String) throws {
        let error = try #require(try Self.validationError(Self.correlated(
            "[\"levers.a.shift\", \"\(id)\"]", ["[[1, 0],", " [0, 1]]"])))
        #expect(error.line == 20)
        #expect(error.key == "correlation.parameters[1]")
        #expect(error.message.contains("constants cannot be correlated"))
    }

    @Test("dataset assumptions: known ids only, and only while they are sampled")
    func assumptions() throws {
        let unknown = try #require(try Self.validationError(Self.correlated(
            "[\"levers.a.shift\", \"assumptions.nope\"]", ["[[1, 0],", " [0, 1]]"])))
        #expect(unknown.key == "correlation.parameters[1]")
        #expect(unknown.message.contains("unknown dataset assumption \"nope\"; the dataset's assumptions are: tourism_characteristic_share, flq_delta"))
        let central = try #require(try Self.validationError(Self.correlated(
            "[\"levers.a.shift\", \"assumptions.flq_delta\"]", ["[[1, 0],", " [0, 1]]"], datasetAssumptions: "central")))
        #expect(central.key == "correlation.parameters[1]")
        #expect(central.message.contains("dataset_assumptions = \"central\""))
        #expect(try Self.validationError(Self.correlated(
            "[\"levers.a.shift\", \"assumptions.flq_delta\"]", ["[[1, 0.4],", " [0.4, 1]]"])) == nil)
    }

    /// Matrix entry errors are reported at the line of the offending row (row 1 on line 21,
    /// row 2 on line 22, row 3 on line 23), with the key `correlation.matrix`.
    @Test("matrix not symmetric, not unit-diagonal, or with entries outside [-1, 1]", arguments: [
        (["[[1, 0.5],", " [0.4, 1]]"], 22, "not symmetric: entry (2, 1) is 0.4 but (1, 2) is 0.5"),
        (["[[1, 0.5],", " [0.5, 0.9]]"], 22, "diagonal entry 2 is 0.9"),
        (["[[1, 1.5],", " [1.5, 1]]"], 22, "row 2, column 1 is 1.5; correlations must lie in [-1, 1]"),
    ])
    func matrixEntries(matrix: [String], line: Int, message: String) throws {
        let error = try #require(try Self.validationError(Self.correlated("[\"levers.a.shift\", \"levers.b.shift\"]", matrix)))
        #expect(error.line == line)
        #expect(error.key == "correlation.matrix")
        #expect(error.message.contains(message), "\(error)")
    }

    /// [[1, .9, -.9], [.9, 1, .9], [-.9, .9, 1]]: the leading 2×2 minor is 1 − 0.81 > 0 but
    /// the determinant is 1 − 3·0.81 − 2·0.729 < 0, so Cholesky fails at column 3.
    @Test("a matrix that is not positive definite names the failing column and the matrix line")
    func notPositiveDefinite() throws {
        let lines = Self.correlated(
            "[\"levers.a.shift\", \"levers.b.shift\", \"baseline.industry\"]",
            ["[[1.0, 0.9, -0.9],", " [0.9, 1.0, 0.9],", " [-0.9, 0.9, 1.0]]"])
            + ["[baseline]", "industry = { dist = \"normal\", mean = 6.2, sd = 1 }"]
        let error = try #require(try Self.validationError(lines))
        #expect(error.line == 21)
        #expect(error.key == "correlation.matrix")
        #expect(error.message.contains("not positive definite: the Cholesky factorisation fails at column 3 (baseline.industry)"))
        #expect(error.description.hasPrefix("plan.toml:21: correlation.matrix: the matrix is not positive definite"))
    }

    @Test("Scenario.error(at:) reports at the nearest defined line")
    func errorAtKey() throws {
        let scenario = try Self.scenario(Self.correlated("[\"levers.a.shift\"]", ["[[1]]"]))
        #expect(scenario.error(at: "levers.b.shift", "m").line == 12)
        #expect(scenario.error(at: "levers.b.quarters", "m").line == 9)  // not given: its lever's header
        #expect(scenario.line(of: "correlation.matrix[0]") == 21)
    }
}
