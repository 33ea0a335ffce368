import Foundation
import Testing

/// End-to-end tests of the `grdp` binary: output, exit codes, one-line errors.
enum GRDPBinary {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `grdp` executable built next to the test bundle.
    static var url: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("grdp")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("grdp")
    }

    struct Outcome {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                       standardError: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("grdp command line", .serialized)
struct CommandLineTests {
    @Test("--help lists the commands")
    func help() throws {
        let outcome = try GRDPBinary.run(["--help"])
        #expect(outcome.status == 0)
        for command in ["run", "validate", "contrib", "quarterly", "io", "data", "info"] {
            #expect(outcome.standardOutput.contains("  \(command) "), "missing \(command)")
        }
    }

    /// The determinism check: same seed, --threads 1, 2, 3 → identical bytes; a
    /// different seed → different output. Dataset assumptions are sampled (per-draw path).
    @Test("Same seed gives identical bytes for 1, 2 and 3 threads")
    func threadsGiveIdenticalBytes() throws {
        let arguments = ["run", "--draws", "9000", "--seed", "42", "--format", "csv"]
        let outputs = try [1, 2, 3].map { try GRDPBinary.run(arguments + ["--threads", "\($0)"]) }
        #expect(outputs.allSatisfy { $0.status == 0 })
        #expect(outputs[0].standardOutput == outputs[1].standardOutput)
        #expect(outputs[0].standardOutput == outputs[2].standardOutput)
        #expect(outputs[0].standardOutput.contains("grdp_growth") || outputs[0].standardOutput.contains("P(GRDP"))
        let other = try GRDPBinary.run(["run", "--draws", "9000", "--seed", "43", "--format", "csv", "--threads", "2"])
        #expect(other.standardOutput != outputs[0].standardOutput)
    }

    @Test("Every shipped scenario validates")
    func scenariosValidate() throws {
        let directory = GRDPBinary.repositoryRoot.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".toml") }.sorted()
        #expect(files.count >= 11)
        let outcome = try GRDPBinary.run(["validate"] + files.map { "scenarios/" + $0 })
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    @Test("JSON output parses and names the headline")
    func jsonOutput() throws {
        let outcome = try GRDPBinary.run(["run", "--draws", "5000", "--format", "json", "--central-assumptions"])
        #expect(outcome.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let headline = try #require(object?["headline"] as? [String: Any])
        #expect(headline["p_meets_target"] is Double)
        let tables = try #require(object?["tables"] as? [[String: Any]])
        #expect(tables.contains { ($0["id"] as? String) == "sector_contributions" })
    }

    @Test("Bad input: one error line, exit code 1; bad usage: exit code 64")
    func errors() throws {
        let missing = try GRDPBinary.run(["run", "no-such-scenario.toml"])
        #expect(missing.status == 1)
        #expect(missing.standardError.hasPrefix("grdp: error: no-such-scenario.toml"))
        #expect(missing.standardError.split(separator: "\n").count == 1)
        #expect(missing.standardOutput.isEmpty)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.toml")
        try """
            [scenario]
            name = "bad"
            draws = 100

            [levers.tourism]
            kind = "demand"
            category = "visitors"
            assumption = "test"
            sectors = { tourism = 1.0 }
            amount = { dist = "normal", mean = 100, sd = -5 }
            """.write(to: bad, atomically: true, encoding: .utf8)
        let invalid = try GRDPBinary.run(["validate", bad.path])
        #expect(invalid.status == 1)
        #expect(invalid.standardError.contains("bad.toml:10:"), "\(invalid.standardError)")
        #expect(invalid.standardError.contains("levers.tourism.amount"))

        let unknownSector = bad.deletingLastPathComponent().appendingPathComponent("sector.toml")
        try """
            [scenario]
            name = "sector"
            [levers.x]
            kind = "growth"
            assumption = "test"
            sector = "mining"
            shift = 1.0
            """.write(to: unknownSector, atomically: true, encoding: .utf8)
        let sector = try GRDPBinary.run(["run", unknownSector.path])
        #expect(sector.status == 1)
        #expect(sector.standardError.contains("sector.toml:6:") && sector.standardError.contains("mining"))

        let unwritableDraws = try GRDPBinary.run(["run", "--draws", "10", "--keep-draws", "/nonexistent-dir/draws.csv"])
        #expect(unwritableDraws.status == 1 && unwritableDraws.standardError.split(separator: "\n").count == 1)
        #expect(unwritableDraws.standardError.contains("/nonexistent-dir/draws.csv: cannot write the draws"))
        #expect(unwritableDraws.standardError.contains("check that the directory exists"))

        let usage = try GRDPBinary.run(["run", "--draws", "0"])
        #expect(usage.status == 64)
        let table = try GRDPBinary.run(["io", directory.appendingPathComponent("none.csv").path])
        #expect(table.status == 1 && table.standardError.hasPrefix("grdp: error:"))
    }

    @Test("--output writes the file atomically and prints nothing")
    func outputFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-out-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try GRDPBinary.run(["contrib", "--format", "markdown", "--output", path])
        #expect(outcome.status == 0 && outcome.standardOutput.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("| other_services |"))
        let unwritable = try GRDPBinary.run(["contrib", "--output", "/nonexistent-dir/x.txt"])
        #expect(unwritable.status == 1 && unwritable.standardError.contains("/nonexistent-dir/x.txt"))
    }

    @Test("data export creates the directory; an impossible directory is one error line")
    func dataExport() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("a/b").path
        let outcome = try GRDPBinary.run(["data", "export", nested])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let written = try FileManager.default.contentsOfDirectory(atPath: nested)
        #expect(written.contains("assumptions.csv") && written.allSatisfy { !$0.hasPrefix(".") })
        // A directory below a regular file cannot be created.
        let file = root.appendingPathComponent("plain-file").path
        FileManager.default.createFile(atPath: file, contents: Data())
        let impossible = try GRDPBinary.run(["data", "export", file + "/sub"])
        #expect(impossible.status == 1)
        #expect(impossible.standardError.split(separator: "\n").count == 1)
        #expect(impossible.standardError.contains("plain-file/sub: cannot create the directory"))
    }

    /// An accounts line whose name is not a bare TOML key ("other services") is written
    /// quoted in [baseline]; its distribution must be sampled like any other (it was once
    /// held at its mean because the engine spelled the parameter id differently). With
    /// sd = 50 pp and 2,000 draws the P5 and P95 of its contribution lie tens of pp apart; a
    /// value held at its mean would give P5 = P95.
    @Test("A quoted accounts line in [baseline] is sampled")
    func quotedBaselineLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-quoted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try GRDPBinary.run(["data", "export", directory.path]).status == 0)
        for name in ["hanoi_io_2024.csv", "hanoi_accounts_2025.csv"] {
            let file = directory.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "other_services", with: "other services").write(to: file, atomically: true, encoding: .utf8)
        }
        let scenario = directory.appendingPathComponent("quoted.toml")
        try """
            [scenario]
            name = "quoted"
            accounts = "hanoi_accounts_2025.csv"
            table = "hanoi_io_2024.csv"
            draws = 2000
            [baseline]
            "other services" = { dist = "normal", mean = 7.0, sd = 50 }
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let outcome = try GRDPBinary.run(["run", scenario.path, "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let row = try #require(outcome.standardOutput.split(separator: "\n").first { $0.hasPrefix("other services,services,") })
        // Columns: sector, group, growth P50, mean pp, P5 pp, P50 pp, P95 pp.
        let cells = row.split(separator: ",").compactMap { Double($0) }
        let p5 = try #require(cells.dropFirst(2).first), p95 = try #require(cells.last)
        #expect(p95 - p5 > 20, "P5 \(p5), P95 \(p95)")
    }

    @Test("Embedded dataset is up to date with its sources")
    func dataBuildCheck() throws {
        let outcome = try GRDPBinary.run(["data", "build", "--check"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    @Test("contrib and quarterly reproduce the plan arithmetic")
    func growthCommands() throws {
        let contrib = try GRDPBinary.run(["contrib", "--format", "csv"])
        #expect(contrib.status == 0)
        // The sector targets on the 2024 structure imply 8.017% (computed in GrowthTests).
        #expect(contrib.standardOutput.contains("Sector targets imply GRDP growth,8.0166"))
        let quarterly = try GRDPBinary.run(["quarterly", "--actual", "Q1=7.41,Q2=8.13,Q3=8.85,Q4=8.15", "--format", "csv"])
        #expect(quarterly.status == 0)
        // Hanoi 2025 quarters with the fitted base weights give the published annual 8.16% within
        // its rounding (±0.005) plus the fit's residual (0.0011 pp, GrowthTests): tolerance 0.01.
        let line = try #require(quarterly.standardOutput.split(separator: "\n").first { $0.hasPrefix("Annual growth,") })
        let annual = try #require(Double(line.dropFirst("Annual growth,".count)))
        #expect(abs(annual - 8.16) < 0.01)
    }
}
