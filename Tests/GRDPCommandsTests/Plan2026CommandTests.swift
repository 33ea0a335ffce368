import Foundation
import Testing

/// The 2025-based dataset from the command line: `contrib --dataset hanoi-2025`, the 2026
/// plan scenario, and the year that must match the dataset.
@Suite("The 2026 plan on the 2025 base")
struct Plan2026CommandTests {
    /// The sector targets of the 2026 plan on the 2025 structure contribute 9.853 pp and
    /// product taxes need 12.14% (`UntargetedLineRequirement`; the arithmetic is checked by
    /// hand in Base2025DatasetTests). Tolerance: the JSON keeps full precision, 5e-3.
    @Test("contrib --dataset hanoi-2025 shows what product taxes need")
    func contribShowsRequirement() throws {
        let outcome = try GRDPBinary.run(["contrib", "--dataset", "hanoi-2025", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let headline = try #require(object?["headline"] as? [String: Any])
        func number(_ key: String) -> Double? { headline[key] as? Double }
        let contribution = try #require(number("targeted_contribution_pp"))
        let need = try #require(number("untargeted_required_growth_pct"))
        #expect(abs(contribution - 9.853) < 5e-3)
        #expect(abs(need - 12.14) < 5e-3)
        #expect(number("year") == 2026)
        let text = try GRDPBinary.run(["contrib", "--dataset", "hanoi-2025"])
        #expect(text.standardOutput.contains("product_taxes need growth (%)"))
        // The default stays the 2025 plan on the 2024 base.
        let plain = try GRDPBinary.run(["contrib"])
        #expect(plain.status == 0)
        #expect(plain.standardOutput.contains("2024 → 2025"))
    }

    @Test("An unknown --dataset, or --dataset with --accounts, is a usage error")
    func badDataset() throws {
        let unknown = try GRDPBinary.run(["contrib", "--dataset", "hanoi-2030"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("hanoi-2024, hanoi-2025"))
        let both = try GRDPBinary.run(["contrib", "--dataset", "hanoi-2025", "--accounts", "docs/accounts-format.md"])
        #expect(both.status == 64)
    }

    /// `grdp io --dataset hanoi-2025` analyses the 2025 table: its value added (sum of the
    /// `VA` row) is GRDP 2025 less product taxes, 1,595.5 trn × (1 − 0.0945) ≈ 1,444,749 bn
    /// (Base2025DatasetTests); here only that the 2025 table is the one named and read.
    @Test("io --dataset hanoi-2025 reads the 2025 table")
    func ioDataset() throws {
        let outcome = try GRDPBinary.run(["io", "--multipliers", "--dataset", "hanoi-2025"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("embedded Hanoi 2025 table"))
        let both = try GRDPBinary.run(["io", "docs/io-table-format.md", "--dataset", "hanoi-2025"])
        #expect(both.status == 64)
        let unknown = try GRDPBinary.run(["io", "--dataset", "x"])
        #expect(unknown.status == 64)
    }

    /// A scenario's year must be its dataset's plan year (base year + 1).
    @Test("year must match the dataset", arguments: [
        ("hanoi-2025", 2025, "dataset \"hanoi-2025\" has base year 2025 and is for 2026, not 2025; set year = 2026 or dataset = \"hanoi-2024\""),
        ("hanoi-2025", 2030, "dataset \"hanoi-2025\" has base year 2025 and is for 2026, not 2030; set year = 2026, or give accounts"),
    ])
    func yearMustMatch(dataset: String, year: Int, message: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-plan2026-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("s.toml")
        try "[scenario]\nname = \"t\"\ndataset = \"\(dataset)\"\nyear = \(year)\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try GRDPBinary.run(["validate", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    /// The 2026 plan runs on the 2025 base and reports it; P(≥ 11%) is a probability.
    @Test("hanoi-2026-plan.toml runs on the 2025 base")
    func planRuns() throws {
        let outcome = try GRDPBinary.run(["run", "scenarios/hanoi-2026-plan.toml", "--draws", "4096", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("2025 base, 2026 plan"))
        let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let headline = try #require(object?["headline"] as? [String: Any])
        let p = try #require(headline["p_meets_target"] as? Double)
        #expect(p > 0 && p < 1)
    }
}
