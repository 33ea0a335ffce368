import Foundation
import Testing

/// End-to-end tests of `grdp sensitivity`, `goal-seek`, `discover` and `compare` on the embedded plan, with
/// small designs (the debug binary): JSON shapes, formats, -o, and one-line errors.
@Suite("Planner's question commands", .serialized)
struct PlannerQuestionCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func table(_ object: [String: Any], _ id: String) throws -> [String: Any] {
        let tables = try #require(object["tables"] as? [[String: Any]])
        return try #require(tables.first { ($0["id"] as? String) == id }, "no table \(id)")
    }

    @Test("sensitivity: JSON table sobol with the issue's columns, one row per factor; the tornado")
    func sensitivityJSON() throws {
        let outcome = try GRDPBinary.run(["sensitivity", "--samples", "64", "--tornado-draws", "100", "--format", "json", "--threads", "2"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try Self.json(outcome.standardOutput)
        let sobol = try Self.table(object, "sobol")
        let columns = try #require(sobol["columns"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(columns == ["input", "s1", "s1_ci_low", "s1_ci_high", "st", "st_ci_low", "st_ci_high"])
        let rows = try #require(sobol["rows"] as? [[String: Any]])
        let inputs = rows.compactMap { $0["input"] as? String }
        // Uncorrelated inputs are named as --keep-draws names them; the copula's set is one row.
        #expect(inputs.contains("baseline.agriculture") && inputs.contains("assumptions.flq_delta"))
        #expect(inputs.contains { $0.hasPrefix("correlated set 1 (14 inputs)") })
        #expect(rows.allSatisfy { ($0["s1_ci_low"] as? Double ?? 1) <= ($0["s1"] as? Double ?? 0) })
        _ = try Self.table(object, "sobol_event")
        let tornado = try Self.table(object, "tornado")
        // 42 inputs of the plan and the dataset (10 dataset assumptions in data/sources/
        // assumptions.csv, 9 local shares and tax weights in final_demand_assumptions.csv,
        // netting.social_investment.total among the plan's), and the estimated baseline's 7
        // (national.growth, baseline.model.expected and .residual, the four quarter noises).
        #expect((tornado["rows"] as? [[String: Any]])?.count == 49)
    }

    @Test("sensitivity and goal-seek give identical bytes for 1 and 3 threads")
    func threadsGiveIdenticalBytes() throws {
        for arguments in [["sensitivity", "--samples", "128", "--tornado-draws", "50", "--format", "csv"],
                          ["goal-seek", "--lever", "tourism_visitors", "--median", "--draws", "600", "--ranking-draws", "200", "--format", "csv"]] {
            let one = try GRDPBinary.run(arguments + ["--threads", "1"]), three = try GRDPBinary.run(arguments + ["--threads", "3"])
            #expect(one.status == 0 && three.status == 0, "\(one.standardError)")
            #expect(one.standardOutput == three.standardOutput)
        }
    }

    @Test("sensitivity --by group --method morris in CSV and Markdown, and -o")
    func sensitivityFormats() throws {
        let csv = try GRDPBinary.run(["sensitivity", "--method", "morris", "--trajectories", "4", "--by", "group", "--tornado-draws", "0", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        #expect(csv.standardOutput.contains("# Morris elementary effects") && csv.standardOutput.contains("assumptions"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-sensitivity-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let markdown = try GRDPBinary.run(["sensitivity", "--samples", "16", "--by", "group", "--tornado-draws", "0", "--format", "markdown", "-o", path])
        #expect(markdown.status == 0 && markdown.standardOutput.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("| Input |") && text.contains("baseline + levers + indicators"))
    }

    @Test("sensitivity --method shapley: one effect per parameter, adding up to 1")
    func shapleyJSON() throws {
        let outcome = try GRDPBinary.run(["sensitivity", "--method", "shapley", "--permutations", "20", "--samples", "512", "--tornado-draws", "0",
                                          "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let rows = try #require(try Self.table(Self.json(outcome.standardOutput), "shapley")["rows"] as? [[String: Any]])
        #expect(rows.count == 49)  // one per sampled input, as the tornado above
        let total = rows.compactMap { $0["shapley"] as? Double }.reduce(0, +)
        #expect(abs(total - 1) < 1e-9)
    }

    @Test("goal-seek: JSON headline amount, p_meets_target, median_growth_pct")
    func goalSeekJSON() throws {
        // P(≥ 8%) of the default plan is about 0.73, so reaching 0.9 needs more public investment.
        let outcome = try GRDPBinary.run(["goal-seek", "--lever", "public_investment", "--probability", "0.9", "--draws", "1000", "--no-ranking", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let headline = try #require(try Self.json(outcome.standardOutput)["headline"] as? [String: Any])
        let amount = try #require(headline["amount"] as? Double)
        let p = try #require(headline["p_meets_target"] as? Double)
        #expect(amount > 0 && abs(p - 0.9) <= 0.001)
        #expect(headline["median_growth_pct"] is Double)
    }

    /// The kept draws of `grdp run --sampling monte-carlo` are the draws discover samples itself
    /// with the same seed, so both give the same trajectory and box, to the printed digits.
    @Test("discover: on its own draws and on the kept draws of run, the same boxes")
    func discoverMatchesKeptDraws() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-discover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let draws = directory.appendingPathComponent("draws.csv").path
        let run = try GRDPBinary.run(["run", "--draws", "3000", "--seed", "9", "--sampling", "monte-carlo", "--keep-draws", draws, "--format", "csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let own = try GRDPBinary.run(["discover", "--draws", "3000", "--seed", "9", "--threshold", "7.5", "--format", "csv"])
        let kept = try GRDPBinary.run(["discover", "--from-draws", draws, "--threshold", "7.5", "--format", "csv"])
        #expect(own.status == 0 && kept.status == 0, "\(own.standardError)\(kept.standardError)")
        func tables(_ text: String) -> String { String(text[(text.range(of: "# Peeling trajectory")?.lowerBound ?? text.startIndex)...]) }
        #expect(tables(own.standardOutput) == tables(kept.standardOutput))
        #expect(own.standardOutput.contains("# The chosen box"))
    }

    /// `--keep-draws NAME.gz` writes gzip; discover reads it (told by its first bytes) to the
    /// same boxes as the plain file, and a cut gzip file is one error line.
    @Test("discover --from-draws FILE.gz: the same boxes as the plain CSV; a truncated .gz is refused with one line")
    func discoverReadsGzipDraws() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-discover-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var outputs: [String] = []
        for name in ["draws.csv", "draws.csv.gz"] {
            let draws = directory.appendingPathComponent(name).path
            let run = try GRDPBinary.run(["run", "--draws", "3000", "--seed", "9", "--keep-draws", draws, "--format", "csv"])
            #expect(run.status == 0, "\(run.standardError)")
            let kept = try GRDPBinary.run(["discover", "--from-draws", draws, "--threshold", "7.5", "--format", "csv"])
            #expect(kept.status == 0, "\(kept.standardError)")
            outputs.append(kept.standardOutput.replacingOccurrences(of: draws, with: "DRAWS"))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].contains("# The chosen box"))
        let packed = try Data(contentsOf: directory.appendingPathComponent("draws.csv.gz"))
        let cut = directory.appendingPathComponent("cut.csv.gz").path
        try packed.prefix(packed.count / 2).write(to: URL(fileURLWithPath: cut))
        let refused = try GRDPBinary.run(["discover", "--from-draws", cut])
        #expect(refused.status == 1)
        #expect(refused.standardError == "grdp: error: \(cut): not a readable gzip file (truncated: it ends in the middle of the compressed data); give a file written by `grdp run --keep-draws FILE`\n")
    }

    @Test("compare: plans, paired differences, thresholds; a plan against itself differs by 0")
    func compareJSON() throws {
        let outcome = try GRDPBinary.run(["compare", "scenarios/hanoi-2025-plan.toml", "scenarios/hanoi-2025-plan.toml", "scenarios/tourism.toml",
                                          "--draws", "500", "--thresholds", "6,7,8,9", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try Self.json(outcome.standardOutput)
        let plans = try #require(try Self.table(object, "plans")["rows"] as? [[String: Any]])
        #expect(plans.count == 3 && plans[0]["p_growth_ge_9.00"] is Double)
        let paired = try #require(try Self.table(object, "paired_differences")["rows"] as? [[String: Any]])
        #expect(paired[0]["mean_difference_pp"] as? Double == 0 && paired[0]["p_better"] as? Double == 0.5)
        #expect((paired[1]["mean_difference_pp"] as? Double ?? 0) < 0)
        for id in ["line_differences", "lever_differences", "near_target"] { _ = try Self.table(object, id) }
        #expect(try GRDPBinary.run(["compare"]).status == 64)
        let single = try GRDPBinary.run(["compare", "scenarios/tourism.toml", "--draws", "300", "--thresholds", "7", "--format", "csv"])
        #expect(single.status == 0 && single.standardOutput.contains("p_growth_ge_7.00") && !single.standardOutput.contains("mean_difference_pp"))
        #expect(try GRDPBinary.run(["compare", "scenarios/tourism.toml", "scenarios/tourism.toml", "--thresholds", "6,x"]).status == 64)
        let missing = try GRDPBinary.run(["compare", "scenarios/tourism.toml", "no-such-plan.toml"])
        #expect(missing.status == 1 && missing.standardError.hasPrefix("grdp: error: no-such-plan.toml"))
    }

    @Test("Errors: unknown lever or output (exit 1, one line), bad options (exit 64)")
    func errors() throws {
        let lever = try GRDPBinary.run(["goal-seek", "--lever", "nope", "--draws", "200", "--no-ranking"])
        #expect(lever.status == 1 && lever.standardError.hasPrefix("grdp: error: lever 'nope'"))
        #expect(lever.standardError.split(separator: "\n").count == 1)
        let output = try GRDPBinary.run(["sensitivity", "--samples", "8", "--tornado-draws", "0", "--outputs", "nope"])
        #expect(output.status == 1 && output.standardError.contains("output 'nope'"))
        let file = try GRDPBinary.run(["discover", "--from-draws", "no-such-draws.csv"])
        #expect(file.status == 1 && file.standardError.hasPrefix("grdp: error: no-such-draws.csv"))
        let constant = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-constant-\(UUID().uuidString).toml")
        try """
            [scenario]
            name = "constant"
            target = 8.0
            dataset_assumptions = "central"
            baseline_model = "momentum"
            [baseline]
            agriculture = 2.5
            industry = 6
            electricity = 9.5
            construction = 6.2
            trade = 8.6
            tourism = 7.8
            other_services = 6.8
            product_taxes = 3.5
            """.write(to: constant, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: constant) }
        let nothing = try GRDPBinary.run(["sensitivity", constant.path, "--samples", "8"])
        #expect(nothing.status == 1 && nothing.standardError.contains("no uncertain parameter"))
        #expect(try GRDPBinary.run(["sensitivity", "--samples", "1000"]).status == 64)
        #expect(try GRDPBinary.run(["goal-seek", "--lever", "a", "--scale", "b"]).status == 64)
        #expect(try GRDPBinary.run(["goal-seek", "--lever", "a", "--probability", "1.5"]).status == 64)
    }
}
