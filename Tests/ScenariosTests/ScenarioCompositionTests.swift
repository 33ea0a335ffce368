import Foundation
import Testing
@testable import Scenarios

/// `--set`, `extends` and correlation `pairs`: scenarios assembled from several documents,
/// with errors located in the document that gave the key.
@Suite("Scenario composition: --set, extends, correlation pairs")
struct ScenarioCompositionTests {
    static let base = """
        [scenario]
        name = "Base plan"
        target = 8.0
        draws = 1000

        [baseline]
        industry = { dist = "normal", mean = 6.2, sd = 1.0, source = "test" }
        trade = { dist = "normal", mean = 8.6, sd = 1.5, source = "test" }

        [levers.tourism]
        kind = "demand"
        category = "exports"
        sectors = { trade = 0.6, tourism = 0.4 }
        amount = { dist = "normal", mean = 1000, sd = 100 }
        assumption = "test"

        """

    static func parse(_ settings: [String], text: String = base) throws -> Scenario {
        try Scenario.parse(text, path: "plan.toml", overrides: settings.map { try ScenarioOverride($0) })
    }

    static func demandAmount(_ scenario: Scenario) -> UncertainValue? {
        guard case let .demand(_, _, amount, _) = scenario.levers.first?.effect else { return nil }
        return amount
    }

    // MARK: --set

    @Test("--set on a lever's distribution parameter replaces that number only")
    func setLeverParameter() throws {
        let scenario = try Self.parse(["levers.tourism.amount.mean=1200"])
        // Expected: normal(1200, 100) — the set mean, the file's sd.
        #expect(Self.demandAmount(scenario) == .distribution(try .init(.normal(mean: 1200, standardDeviation: 100))))
    }

    @Test("--set on a nested key, a [scenario] key and the short names")
    func setNestedAndShortNames() throws {
        let scenario = try Self.parse([
            "levers.tourism.sectors={ trade = 1.0 }", "scenario.draws=5000", "target.growth=11", "national.growth=7.5",
            "baseline.model=\"local\"",
        ])
        guard case let .demand(_, sectors, _, _) = try #require(scenario.levers.first).effect else { Issue.record("not a demand lever"); return }
        #expect(sectors.map(\.sector) == ["trade"])  // an inline table replaces the file's whole
        #expect(scenario.draws == 5000 && scenario.target == 11 && scenario.nationalGrowth == 7.5 && scenario.baselineModel == .local)
    }

    @Test("--set of an unknown key names --set and the key, with the keys allowed")
    func setUnknownKey() throws {
        #expect { try Self.parse(["levers.tourism.mena=3"]) } throws: { error in
            let text = (error as? ScenarioError)?.description ?? ""
            return text.hasPrefix("--set levers.tourism.mena: unknown key") && text.contains("amount")
        }
    }

    @Test("--set with bad TOML syntax is refused before any scenario is read", arguments: ["levers.tourism.amount.mean=abc", "nokey", "=3", "a.b=[1,"])
    func setBadSyntax(argument: String) {
        #expect { try ScenarioOverride(argument) } throws: { error in
            (error as? ScenarioError)?.description.hasPrefix("--set ") == true
        }
    }

    @Test("--set of the wrong type is the scenario's own type error, at --set")
    func setTypeMismatch() throws {
        #expect { try Self.parse(["scenario.draws=\"many\""]) } throws: { error in
            (error as? ScenarioError)?.description == "--set scenario.draws: expected an integer, found the string \"many\"; remove the quotes"
        }
    }

    @Test("An error in the file stays at its file and line when --set is given")
    func fileErrorsStayInTheFile() throws {
        let text = Self.base.replacingOccurrences(of: "sd = 100", with: "sd = -100")
        #expect { try Self.parse(["scenario.draws=10"], text: text) } throws: { error in
            let error = error as? ScenarioError
            return error?.file == "plan.toml" && error?.line == 14 && error?.key == "levers.tourism.amount.sd"
        }
    }

    // MARK: extends

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-extends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("variants"), withIntermediateDirectories: true)
        return url
    }

    @Test("extends: the variant states only what differs; tables merge, values replace; relative to the file")
    func extendsOverrides() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.base.write(to: folder.appendingPathComponent("plan.toml"), atomically: true, encoding: .utf8)
        let variant = folder.appendingPathComponent("variants/more.toml").path
        try "extends = \"../plan.toml\"\n[scenario]\nname = \"More tourism\"\n[levers.tourism]\namount = 1500\n"
            .write(toFile: variant, atomically: true, encoding: .utf8)
        let scenario = try Scenario.load(path: variant)
        #expect(scenario.name == "More tourism" && scenario.target == 8.0 && scenario.draws == 1000)
        #expect(Self.demandAmount(scenario) == .constant(1500))
        #expect(scenario.baseline.map(\.accountsLine) == ["industry", "trade"])
        // An error in a key the base gives is reported in the base file, at its line.
        try "extends = \"../plan.toml\"\n[scenario]\nname = \"x\"\n[levers.tourism.sectors]\nmena = -1\n"
            .write(toFile: variant, atomically: true, encoding: .utf8)
        #expect { try Scenario.load(path: variant) } throws: { error in
            (error as? ScenarioError).map { $0.file == variant && $0.line == 5 && $0.key == "levers.tourism.sectors.mena" } ?? false
        }
    }

    @Test("extends: a cycle and a missing file are errors at the extends line")
    func extendsCycleAndMissing() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.toml").path, b = folder.appendingPathComponent("b.toml").path
        try "extends = \"b.toml\"\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "# b\nextends = \"a.toml\"\n".write(toFile: b, atomically: true, encoding: .utf8)
        #expect { try Scenario.load(path: a) } throws: { error in
            (error as? ScenarioError).map { $0.file == b && $0.line == 2 && $0.key == "extends" && $0.message.contains("cycle") } ?? false
        }
        try "extends = \"none.toml\"\n".write(toFile: a, atomically: true, encoding: .utf8)
        #expect { try Scenario.load(path: a) } throws: { error in
            (error as? ScenarioError).map { $0.file == a && $0.line == 1 && $0.message.contains("does not exist") } ?? false
        }
    }

    @Test("extends: a chain deeper than the limit is refused")
    func extendsDepthLimit() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for index in 0...ScenarioParser.maximumExtendsDepth + 1 {
            try "extends = \"f\(index + 1).toml\"\n".write(toFile: folder.appendingPathComponent("f\(index).toml").path, atomically: true, encoding: .utf8)
        }
        #expect { try Scenario.load(path: folder.appendingPathComponent("f0.toml").path) } throws: { error in
            (error as? ScenarioError)?.message.contains("more than \(ScenarioParser.maximumExtendsDepth) files") == true
        }
    }

    // MARK: Correlation pairs

    static let matrixText = base + """
        [correlation]
        parameters = ["baseline.industry", "baseline.trade", "levers.tourism.amount"]
        matrix = [[1.0, 0.5, 0.0], [0.5, 1.0, -0.2], [0.0, -0.2, 1.0]]
        """
    static let pairsText = base + """
        [correlation]
        pairs = [["baseline.industry", "baseline.trade", 0.5], ["levers.tourism.amount", "baseline.trade", -0.2]]
        """

    @Test("pairs assemble the same matrix, in the same parameter order, as the full matrix")
    func pairsEqualMatrix() throws {
        let full = try #require(try Scenario.parse(Self.matrixText, path: "m.toml").correlation)
        let pairs = try #require(try Scenario.parse(Self.pairsText, path: "p.toml").correlation)
        #expect(pairs.parameters == full.parameters)
        #expect(pairs.matrix == full.matrix)  // exact: the same literals
    }

    @Test("pairs: duplicates, self-pairs, |ρ| > 1, ids outside parameters are located errors", arguments: [
        ("[[\"baseline.industry\", \"baseline.trade\", 0.5], [\"baseline.trade\", \"baseline.industry\", 0.4]]", "correlation.pairs[1]"),
        ("[[\"baseline.industry\", \"baseline.industry\", 0.5]]", "correlation.pairs[0][1]"),
        ("[[\"baseline.industry\", \"baseline.trade\", 1.5]]", "correlation.pairs[0][2]"),
        ("[[\"baseline.industry\", 0.5]]", "correlation.pairs[0]"),
    ])
    func pairsErrors(pairs: String, key: String) {
        #expect { try Scenario.parse(Self.base + "[correlation]\npairs = \(pairs)\n", path: "p.toml") } throws: { error in
            (error as? ScenarioError).map { $0.key == key && $0.line == 17 } ?? false
        }
    }

    @Test("pairs that are not positive definite are rejected at correlation.pairs")
    func pairsNotPositiveDefinite() throws {
        // ρ(a,b) = ρ(b,c) = 0.9 and ρ(a,c) = −0.9: determinant 1 − 3·0.81 − 2·0.729 < 0.
        let text = Self.base + """
            [correlation]
            pairs = [["baseline.industry", "baseline.trade", 0.9], ["baseline.trade", "levers.tourism.amount", 0.9],
                     ["baseline.industry", "levers.tourism.amount", -0.9]]
            """
        let scenario = try Scenario.parse(text, path: "p.toml")
        #expect { try scenario.correlationCopula() } throws: { error in
            (error as? ScenarioError).map { $0.key == "correlation.pairs" && $0.message.contains("not positive definite") } ?? false
        }
    }
}
