import Foundation
import Testing

/// `grdp experiment`: each policy's row equals `grdp run` of the scenario with the policy's
/// values given as `--set` (same seed and draws), in every format, with located errors.
@Suite("Policy experiment", .serialized)
struct ExperimentCommandTests {
    static let policies = """

        [[policy]]
        name = "As planned"
        set = []

        [[policy]]
        name = "Faster disbursement"
        set = ["levers.public_investment.amount.mode=6000", "levers.public_investment.amount.max=14000"]

        """

    static func scenario(_ extra: String = policies) throws -> String {
        let text = try String(contentsOf: GRDPBinary.repositoryRoot.appendingPathComponent("scenarios/hanoi-2025-plan.toml"), encoding: .utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-experiment-\(UUID().uuidString).toml").path
        try (text + extra).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func json(_ outcome: GRDPBinary.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }

    @Test("Each policy's P(≥ target) and median equal grdp run's with the policy's values set (exact)")
    func policyEqualsRunWithSet() throws {
        let file = try Self.scenario()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let experiment = try GRDPBinary.run(["experiment", file, "--draws", "4096", "--format", "json"])
        #expect(experiment.status == 0, "\(experiment.standardError)")
        let tables = try #require(try Self.json(experiment)["tables"] as? [[String: Any]])
        let rows = try #require(tables.first { $0["id"] as? String == "policies" }?["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        let sets = [[String](), ["levers.public_investment.amount.mode=6000", "levers.public_investment.amount.max=14000"]]
        for (row, set) in zip(rows, sets) {
            let run = try GRDPBinary.run(["run", file, "--draws", "4096", "--format", "json"] + set.flatMap { ["--set", $0] })
            #expect(run.status == 0, "\(run.standardError)")
            let headline = try #require(try Self.json(run)["headline"] as? [String: Any])
            #expect(row["p_meets_target"] as? Double == headline["p_meets_target"] as? Double)
            #expect(row["median_growth_pct"] as? Double == headline["median_growth_pct"] as? Double)
            #expect(row["common_draws"] as? String == "yes")
        }
        // The difference is paired: P₁ − P₀ from the same rows, exactly.
        let p0 = try #require(rows[0]["p_meets_target"] as? Double), p1 = try #require(rows[1]["p_meets_target"] as? Double)
        #expect(rows[1]["p_meets_target_difference"] as? Double == p1 - p0)
    }

    @Test("experiment in CSV and Markdown, and -o")
    func formats() throws {
        let file = try Self.scenario()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let csv = try GRDPBinary.run(["experiment", file, "--draws", "500", "--format", "csv", "--table", "policies"])
        #expect(csv.status == 0 && csv.standardOutput.hasPrefix("policy,target_pct,p_meets_target"), "\(csv.standardOutput.prefix(200))")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-experiment-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let markdown = try GRDPBinary.run(["experiment", file, "--draws", "500", "-o", output])
        #expect(markdown.status == 0 && markdown.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("| Faster disbursement |"))
    }

    @Test("Policy errors are located; no policy is one line, exit 1", arguments: [
        ("\n[[policy]]\nname = \"a\"\nset = [\"levers.public_investment.mena=3\"]\n", ": policy \"a\": --set levers.public_investment.mena: unknown key"),
        ("\n[[policy]]\nname = \"a\"\nset = [\"levers.x=abc\"]\n", ": policy[0].set[0]: the value is not TOML"),
        ("\n[[policy]]\nname = \"a\"\nset = []\n[[policy]]\nname = \"a\"\nset = []\n", ": policy[1].name: policy \"a\" is declared twice"),
        ("\n[[policy]]\nset = []\n", ": policy[0].name: missing required key"),
        ("", "the scenario declares no [[policy]]"),
    ])
    func errors(extra: String, message: String) throws {
        let file = try Self.scenario(extra)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try GRDPBinary.run(["experiment", file, "--draws", "200"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("experiment: a negative --seed or --draws is one usage line, exit 64", arguments: [["--seed", "-1"], ["--draws", "-5"], ["--threads", "-1"]])
    func negativeOptions(arguments: [String]) throws {
        let outcome = try GRDPBinary.run(["experiment"] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }
}
