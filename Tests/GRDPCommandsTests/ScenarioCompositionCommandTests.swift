import Foundation
import Scenarios
import Testing

/// `--set`, `extends` and correlation `pairs` through the binary: exit codes, one-line
/// messages, and results identical to the equivalent plain file.
@Suite("Scenario composition on the command line", .serialized)
struct ScenarioCompositionCommandTests {
    static let plan = GRDPBinary.repositoryRoot.appendingPathComponent("scenarios/hanoi-2025-plan.toml").path

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-composition-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The JSON output without its `meta` block (which names the file and its SHA-256), re-serialised with sorted keys.
    static func resultBytes(_ json: String) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        object["meta"] = nil
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test("The plan's correlation written as pairs gives the same run, byte for byte")
    func pairsRunIdentically() throws {
        let text = try String(contentsOfFile: Self.plan, encoding: .utf8)
        let correlation = try #require(try Scenario.load(path: Self.plan).correlation)
        var pairs: [String] = []
        for i in correlation.parameters.indices {
            for j in correlation.parameters.indices where j > i && correlation.matrix[i][j] != 0 {
                pairs.append("[\"\(correlation.parameters[i])\", \"\(correlation.parameters[j])\", \(correlation.matrix[i][j])]")
            }
        }
        let head = try #require(text.range(of: "[correlation]")).lowerBound
        // `parameters` keeps the matrix's order (pairs alone would order ids by first mention).
        let pairsText = String(text[..<head]) + "[correlation]\nparameters = [\(correlation.parameters.map { "\"\($0)\"" }.joined(separator: ", "))]\npairs = [\n  "
            + pairs.joined(separator: ",\n  ") + "\n]\n"
        let pairsFile = try Self.temporaryFile("pairs.toml", pairsText)
        defer { try? FileManager.default.removeItem(atPath: (pairsFile as NSString).deletingLastPathComponent) }
        let matrixRun = try GRDPBinary.run(["run", Self.plan, "--draws", "4096", "--format", "json"])
        let pairsRun = try GRDPBinary.run(["run", pairsFile, "--draws", "4096", "--format", "json"])
        #expect(matrixRun.status == 0 && pairsRun.status == 0, "\(pairsRun.standardError)")
        #expect(try Self.resultBytes(matrixRun.standardOutput) == Self.resultBytes(pairsRun.standardOutput))
    }

    @Test("--set of a lever gives the same run as the file with that value written in it")
    func setEqualsEditedFile() throws {
        let text = try String(contentsOfFile: Self.plan, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "[scenario]\n", with: "[scenario]\nnational_growth = 7.1\n")
        let file = try Self.temporaryFile("edited.toml", edited)
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        let set = try GRDPBinary.run(["run", Self.plan, "--draws", "4096", "--format", "json", "--set", "scenario.national_growth=7.1"])
        let alias = try GRDPBinary.run(["run", Self.plan, "--draws", "4096", "--format", "json", "--set", "national.growth=7.1"])
        let written = try GRDPBinary.run(["run", file, "--draws", "4096", "--format", "json"])
        #expect(set.status == 0 && written.status == 0 && alias.status == 0, "\(set.standardError)")
        #expect(try Self.resultBytes(set.standardOutput) == Self.resultBytes(written.standardOutput))
        #expect(try Self.resultBytes(alias.standardOutput) == Self.resultBytes(written.standardOutput))
    }

    @Test("--set: bad syntax exits 64, a value the scenario rejects exits 1, one line naming --set and the key", arguments: [
        (["validate", "scenarios/tourism.toml", "--set", "levers.tourism_visitors.amount=abc"], Int32(64), "--set levers.tourism_visitors.amount: the value is not TOML"),
        (["run", "--set", "nokey"], 64, "expected KEY=VALUE"),
        (["sensitivity", "--set", "levers.tourism_visitors.mena=3"], 1, "--set levers.tourism_visitors.mena: unknown key"),
        (["goal-seek", "--lever", "tourism_visitors", "--set", "scenario.draws=\"many\""], 1, "--set scenario.draws: expected an integer"),
        (["compare", "scenarios/tourism.toml", "--set", "national.growth=70"], 1, "--set scenario.national_growth: national_growth is 70.0%"),
        (["backtest", "--set", "baseline.model=\"trend\""], 1, "--set scenario.baseline_model: unknown value \"trend\""),
        (["discover", "--set", "target.growth=[1]"], 1, "--set scenario.target: expected a number"),
    ])
    func setErrors(arguments: [String], status: Int32, message: String) throws {
        let outcome = try GRDPBinary.run(arguments)
        #expect(outcome.status == status, "\(arguments): \(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("A negative --seed is the same one line in every command that takes one, exit 64", arguments: [
        "run", "sensitivity", "goal-seek", "discover", "compare",
    ])
    func negativeSeed(command: String) throws {
        let outcome = try GRDPBinary.run([command, "--seed", "-3"] + (command == "compare" ? ["scenarios/tourism.toml"] : []))
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--seed must be a whole number from 0 to 9223372036854775807 (zero or positive), got '-3'"))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("A negative --draws or --threads is a one-line usage error, exit 64", arguments: [
        ["discover", "--draws", "-5"], ["compare", "scenarios/tourism.toml", "--draws", "-5"],
        ["goal-seek", "--lever", "tourism_visitors", "--draws", "-5"], ["sensitivity", "--threads", "-2"], ["discover", "--threads", "-2"],
        ["compare", "scenarios/tourism.toml", "--threads", "-2"], ["goal-seek", "--lever", "tourism_visitors", "--threads", "-2"],
    ])
    func negativeCounts(arguments: [String]) throws {
        let outcome = try GRDPBinary.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(arguments.contains("--draws") ? "--draws must be between" : "--threads must be at least 1"))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }
}
