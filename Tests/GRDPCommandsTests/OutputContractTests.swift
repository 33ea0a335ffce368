import Foundation
import Testing
import TestSupport

/// The JSON contract (docs/output-schema.md, docs/output-schema.json), tidy `--table` CSV,
/// the format inferred from `-o`, and `-` for standard input and output.
@Suite("Output contract", .serialized)
struct OutputContractTests {
    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schemaData: Data(contentsOf: GRDPBinary.repositoryRoot.appendingPathComponent("docs/output-schema.json")))
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try GRDPBinary.run(arguments + ["--format", "json"])
        #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }

    static let commands: [[String]] = [
        ["run", "--draws", "3000", "--central-assumptions"],
        ["contrib"], ["contrib", "--actual"],
        ["quarterly", "--actual", "Q1=7.41,Q2=8.13"],
        ["io"], ["io", "--multipliers", "--impact", "construction=1000"],
        ["data"], ["info"], ["backtest", "--annual-only"], ["validate", "scenarios/hanoi-2025-plan.toml", "scenarios/tourism.toml"],
        ["sensitivity", "--samples", "32", "--tornado-draws", "0"], ["goal-seek", "--lever", "tourism_visitors", "--median", "--draws", "400", "--no-ranking"],
        ["discover", "--draws", "2000"], ["compare", "scenarios/hanoi-2025-plan.toml", "scenarios/tourism.toml", "--draws", "2000"],
        ["experiment", "scenarios/policies-disbursement.toml", "--draws", "2000"],
    ]

    @Test("Every command's JSON validates against docs/output-schema.json", arguments: commands)
    func validates(_ arguments: [String]) throws {
        let document = try Self.json(arguments)
        let errors = try Self.validator().errors(document)
        #expect(errors.isEmpty, "\(arguments): \(errors.prefix(5))")
        let meta = try #require(document["meta"] as? [String: Any])
        #expect(meta["command"] as? String == arguments[0])
        #expect(meta["schema_version"] as? String == "1.0.0")
        // A column with a unit holds numbers (or null for an empty cell), never text.
        for table in (document["tables"] as? [[String: Any]]) ?? [] {
            let columns = (table["columns"] as? [[String: Any]]) ?? []
            for column in columns where column["unit"] is String {
                let id = column["id"] as? String ?? ""
                for row in (table["rows"] as? [[String: Any]]) ?? [] {
                    #expect(row[id] is NSNull || row[id] is Double || row[id] is Int, "\(table["id"] ?? ""): \(id) = \(row[id] ?? "missing")")
                }
            }
        }
    }

    @Test("The validator rejects what the contract forbids (so the test above can fail)")
    func validatorRejects() throws {
        var document = try Self.json(["run", "--draws", "1000", "--central-assumptions"])
        let validator = try Self.validator()
        #expect(validator.errors(document).isEmpty)
        var headline = try #require(document["headline"] as? [String: Any])
        headline["p_meets_target"] = "17.3%"
        headline["P(GRDP ≥ 8%)"] = 1
        document["headline"] = headline
        var meta = try #require(document["meta"] as? [String: Any])
        meta.removeValue(forKey: "seed")
        meta["scenario_sha256"] = "abc"
        document["meta"] = meta
        let errors = validator.errors(document)
        #expect(errors.contains { $0.contains("$.headline.p_meets_target") })
        #expect(errors.contains { $0.contains("P(GRDP") })
        #expect(errors.contains { $0.contains("missing required seed") })
        #expect(errors.contains { $0.contains("scenario_sha256") })
    }

    /// The headline numbers agree with the text report and with each other: the median at
    /// two decimals is the text headline's; the probability lies in its Wilson interval;
    /// the quantiles are ordered (exact relations, no tolerance).
    @Test("Headline figures are numbers consistent with the text report")
    func headlineNumbers() throws {
        let arguments = ["run", "--draws", "4000", "--seed", "7", "--central-assumptions"]
        let document = try Self.json(arguments)
        let headline = try #require(document["headline"] as? [String: Any])
        let p = try #require(headline["p_meets_target"] as? Double)
        let low = try #require(headline["p_meets_target_ci_low"] as? Double)
        let high = try #require(headline["p_meets_target_ci_high"] as? Double)
        #expect(low <= p && p <= high)
        let quantiles = try ["p5", "p25", "median", "p75", "p95"].map { try #require(headline["\($0)_growth_pct"] as? Double) }
        #expect(quantiles == quantiles.sorted())
        let text = try GRDPBinary.run(arguments).standardOutput
        #expect(text.contains(String(format: "%.2f", quantiles[2])))
        #expect(text.contains(String(format: "%.1f%%", p * 100)))
        let meta = try #require(document["meta"] as? [String: Any])
        #expect(meta["seed"] as? Int == 7)
        #expect(meta["draws"] as? Int == 4000)
        #expect(meta["target_pct"] as? Double == 8)
    }

    @Test("--table ID writes one tidy CSV: a header of column ids, then equal-length rows")
    func tidyTable() throws {
        let outcome = try GRDPBinary.run(["run", "--draws", "2000", "--central-assumptions", "--format", "csv", "--table", "sector_contributions"])
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "line,group,growth_p50_pct,mean_pp,p5_pp,p50_pp,p95_pp")
        #expect(lines.count > 5)
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 7 })
        #expect(!outcome.standardOutput.contains("#"))
        let grdp = try #require(lines.first { $0.hasPrefix("GRDP,") })
        #expect(Double(grdp.split(separator: ",", omittingEmptySubsequences: false)[3]) != nil)

        let unknown = try GRDPBinary.run(["contrib", "--table", "nope"])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.split(separator: "\n").count == 1)
        #expect(unknown.standardError.contains("sector_contributions") || unknown.standardError.contains("contributions"))
    }

    @Test("-o FILE takes its format from the extension unless --format is given; '-' is standard output")
    func formatFromExtension() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func written(_ name: String, _ extra: [String] = []) throws -> String {
            let path = directory.appendingPathComponent(name).path
            let outcome = try GRDPBinary.run(["contrib", "-o", path] + extra)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        #expect(try written("r.json").hasPrefix("{\n  \"meta\""))
        #expect(try written("r.csv").hasPrefix("# headline\nkey,value\n"))
        #expect(try written("r.md").hasPrefix("# Growth accounting"))
        #expect(try written("r.txt").hasPrefix("Growth accounting\n====="))
        #expect(try written("forced.json", ["--format", "csv"]).hasPrefix("# headline"))
        let stdout = try GRDPBinary.run(["contrib", "-o", "-", "--format", "json"])
        #expect(stdout.standardOutput.hasPrefix("{"))
        let html = try GRDPBinary.run(["contrib", "-o", directory.appendingPathComponent("r.html").path])
        #expect(html.status == 1)
        #expect(html.standardError.contains("grdp report"))
    }

    @Test("A scenario on standard input ('-') runs, and meta holds the SHA-256 of its bytes")
    func scenarioFromStandardInput() throws {
        let scenario = GRDPBinary.repositoryRoot.appendingPathComponent("scenarios/hanoi-2025-plan.toml")
        let data = try Data(contentsOf: scenario)
        let process = Process()
        process.executableURL = GRDPBinary.url
        process.arguments = ["run", "-", "--draws", "500", "--central-assumptions", "--format", "json"]
        process.currentDirectoryURL = GRDPBinary.repositoryRoot
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: text) as? [String: Any])
        let meta = try #require(document["meta"] as? [String: Any])
        #expect(meta["scenario_path"] as? String == "-")
        let fromFile = try Self.json(["run", "scenarios/hanoi-2025-plan.toml", "--draws", "500", "--central-assumptions"])
        let fileMeta = try #require(fromFile["meta"] as? [String: Any])
        #expect(meta["scenario_sha256"] as? String == fileMeta["scenario_sha256"] as? String)
        #expect((meta["scenario_sha256"] as? String)?.count == 64)
    }
}

@Suite("Shell completions")
struct CompletionTests {
    @Test("--generate-completion-script writes a script naming the subcommands", arguments: ["bash", "zsh", "fish"])
    func script(_ shell: String) throws {
        let outcome = try GRDPBinary.run(["--generate-completion-script", shell])
        #expect(outcome.status == 0)
        for command in ["run", "report", "chart", "contrib", "io"] { #expect(outcome.standardOutput.contains(command)) }
    }
}
