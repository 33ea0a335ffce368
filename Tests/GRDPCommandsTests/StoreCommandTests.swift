import Foundation
import Testing

/// `grdp run --store`, `grdp history`, `grdp batch` and gzip kept draws, end to end.
@Suite("Forecast store commands", .serialized)
struct StoreCommandTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-store-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// CRPS of N(μ, σ²) at y (Gneiting et al. 2005, eq. 5), written out here independently
    /// of the library, with Φ from erfc.
    static func gaussianCRPS(mean: Double, sd: Double, outcome y: Double) -> Double {
        let z = (y - mean) / sd
        let cdf = 0.5 * erfc(-z / 2.0.squareRoot()), pdf = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        return sd * (z * (2 * cdf - 1) + 2 * pdf - 1 / Double.pi.squareRoot())
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("A batch of the four 2025 vintages: recorded, a failing job counted, a rerun skips, history scores them")
    func batchAndHistory() throws {
        let dir = try Self.folder()
        let scenario = GRDPBinary.repositoryRoot.appendingPathComponent("scenarios/hanoi-2025-plan.toml").path
        // The quarters as published in Hanoi's Q4/2025 report (data/sources/grdp_facts.csv).
        let manifest = """
            store = "vintages.sqlite"
            [defaults]
            scenario = "\(scenario)"
            draws = 4096
            seed = 2025
            [[job]]
            name = "before Q1"
            output = "out/v0.json"
            [[job]]
            name = "Q1"
            actual = "Q1=7.41"
            output = "out/v1.json"
            [[job]]
            name = "a quarter out of order"
            actual = "Q2=8.13"
            output = "out/bad.json"
            [[job]]
            name = "H1"
            actual = "Q1=7.41,Q2=8.13"
            output = "out/v2.json"
            [[job]]
            name = "9M"
            actual = "Q1=7.41,Q2=8.13,Q3=8.85"
            output = "out/v3.json"
            """
        let path = dir.appendingPathComponent("jobs.toml").path
        try manifest.write(toFile: path, atomically: true, encoding: .utf8)
        let first = try GRDPBinary.run(["batch", path, "--format", "json"])
        #expect(first.status == 1, "one failed job: exit status 1; \(first.standardError)")
        #expect(first.standardError.contains("5 jobs: 4 done, 0 skipped, 1 failed"))
        let summary = try Self.json(first.standardOutput)
        #expect((summary["headline"] as? [String: Any])?["failed"] as? Int == 1)
        #expect(try OutputContractTests.validator().errors(summary).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/bad.json").path))
        let v3 = dir.appendingPathComponent("out/v3.json").path
        let written = try FileManager.default.attributesOfItem(atPath: v3)[.modificationDate] as? Date

        let again = try GRDPBinary.run(["batch", path, "--format", "csv"])
        #expect(again.status == 1)
        #expect(again.standardError.contains("5 jobs: 0 done, 4 skipped, 1 failed"), "\(again.standardError)")
        #expect(again.standardOutput.contains("\n5,9M,skipped,"))
        #expect(try FileManager.default.attributesOfItem(atPath: v3)[.modificationDate] as? Date == written)

        let store = dir.appendingPathComponent("vintages.sqlite").path
        let history = try GRDPBinary.run(["history", "--store", store, "--year", "2025", "--format", "json"])
        #expect(history.status == 0, "\(history.standardError)")
        let document = try Self.json(history.standardOutput)
        let errors = try OutputContractTests.validator().errors(document)
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        // The outcome is the first release of 2025's full-year growth, 8.16% (grdp_facts.csv).
        #expect((document["headline"] as? [String: Any])?["outcome_pct"] as? Double == 8.16)
        let table = try #require((document["tables"] as? [[String: Any]])?.first { $0["id"] as? String == "history" })
        let rows = try #require(table["rows"] as? [[String: Any]])
        #expect(rows.map { $0["known"] as? String } == ["before Q1", "Q1", "H1", "9M"])
        var previousP: Double?
        for (row, file) in zip(rows, ["v0", "v1", "v2", "v3"]) {
            let output = try Self.json(String(contentsOfFile: dir.appendingPathComponent("out/\(file).json").path, encoding: .utf8))
            let headline = try #require(output["headline"] as? [String: Any])
            let mean = try #require(headline["mean_growth_pct"] as? Double), sd = try #require(headline["sd_growth_pct"] as? Double)
            let p = try #require(headline["p_meets_target"] as? Double)
            // The stored numbers are the run's own (exact), and the CRPS is the Gaussian one of
            // its mean and sd (tolerance 1e-9: the same formula, evaluated with erfc here).
            #expect(row["p_meets_target"] as? Double == p)
            #expect(row["median_growth_pct"] as? Double == headline["median_growth_pct"] as? Double)
            let crps = try #require(row["crps_pp"] as? Double)
            #expect(abs(crps - Self.gaussianCRPS(mean: mean, sd: sd, outcome: 8.16)) < 1e-9)
            let brier = try #require(row["brier"] as? Double)
            #expect(abs(brier - (p - 1) * (p - 1)) < 1e-12, "8.16 ≥ 8: the event happened")
            if let previousP { #expect(abs((row["p_change"] as? Double ?? .nan) - (p - previousP)) < 1e-12) }
            previousP = p
        }
        for format in ["csv", "markdown", "text"] {
            let outcome = try GRDPBinary.run(["history", "--store", store, "--year", "2025", "--format", format, "--outcome", "8.0"])
            #expect(outcome.status == 0 && outcome.standardOutput.contains("9M"), "\(format): \(outcome.standardError)")
        }
        let file = dir.appendingPathComponent("history.md").path
        #expect(try GRDPBinary.run(["history", "--store", store, "--year", "2025", "-o", file]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("| 9M |"))
        let none = try GRDPBinary.run(["history", "--store", store, "--year", "2024"])
        #expect(none.status == 1 && none.standardError.contains("no forecast of 2024 is recorded"))
    }

    @Test("run --store records nothing when the output fails, and refuses a file that is not a store before running")
    func runStoreAtomic() throws {
        let dir = try Self.folder()
        let store = dir.appendingPathComponent("s.sqlite").path
        let failed = try GRDPBinary.run(["run", "--draws", "1000", "--store", store, "--table", "no_such_table", "--progress", "none"])
        #expect(failed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: store), "a failed run creates no store")
        let ok = try GRDPBinary.run(["run", "--draws", "1000", "--store", store, "--progress", "none", "-o", dir.appendingPathComponent("r.json").path])
        #expect(ok.status == 0, "\(ok.standardError)")
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let again = try GRDPBinary.run(["run", "--draws", "1000", "--store", store, "--table", "no_such_table", "--progress", "none"])
        #expect(again.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before, "the store is unchanged")

        let text = dir.appendingPathComponent("notes.txt").path
        try "notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        let refused = try GRDPBinary.run(["run", "--draws", "1000", "--store", text, "--progress", "none"])
        #expect(refused.status == 1)
        #expect(refused.standardError == "grdp: error: \(text): not a grdp forecast store (it is not an SQLite file); give a file written by 'grdp run --store' or 'grdp batch', or a new file name\n")
        #expect(refused.standardOutput.isEmpty)
    }

    @Test("--keep-draws NAME.gz writes gzip whose contents are the plain CSV's bytes")
    func gzipKeptDraws() throws {
        let dir = try Self.folder()
        let plain = dir.appendingPathComponent("draws.csv").path, packed = dir.appendingPathComponent("draws.csv.gz").path
        for file in [plain, packed] {
            let outcome = try GRDPBinary.run(["run", "--draws", "5000", "--seed", "7", "--keep-draws", file, "--progress", "none", "-o", file + ".json"])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: packed))
        #expect(bytes.prefix(2) == Data([0x1f, 0x8b]), "gzip magic")
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gunzip.arguments = ["-dc", packed]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        try gunzip.run()
        let unpacked = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        #expect(gunzip.terminationStatus == 0, "gzip -t: the stream and its CRC-32 are valid")
        let original = try Data(contentsOf: URL(fileURLWithPath: plain))
        #expect(unpacked == original)
        #expect(bytes.count < original.count / 2)
    }
}
