import Testing
@testable import Scenarios

/// `[netting.ID]`: the parse-time checks (each one clear line at the key that causes it) and the
/// netting rule itself.
@Suite("Netting groups of demand levers")
struct NettingGroupTests {
    /// Two demand levers and a growth lever; the first `[netting]` line of a case is line 26.
    static let levers = """
        [scenario]
        name = "t"
        [levers.a]
        kind = "demand"
        category = "investment"
        sectors = { construction = 1.0 }
        amount = { dist = "pert", min = 0, mode = 100, max = 300 }
        source = "x"
        [levers.b]
        kind = "demand"
        category = "investment"
        sectors = { industry = 1.0 }
        amount = 50
        source = "x"
        [levers.g]
        kind = "growth"
        sector = "industry"
        shift = 0.5
        assumption = "x"
        [levers.c]
        kind = "demand"
        category = "investment"
        sectors = { trade = 1.0 }
        amount = 10
        source = "x"

        """

    @Test("A valid group: members in order, the total a parameter after every other")
    func parses() throws {
        let text = Self.levers + "[netting.si]\nlevers = [\"a\", \"b\"]\ntotal = { dist = \"uniform\", min = 100, max = 200, source = \"plan\" }\n"
        let scenario = try Scenario.parse(text, path: "t.toml")
        #expect(scenario.netting == [NettingGroup(id: "si", total: .distribution(try .uniform(lower: 100, upper: 200)), reference: "plan", levers: ["a", "b"], line: 26)])
        #expect(scenario.uncertainParameters.map(\.id) == ["levers.a.amount", "netting.si.total"])
    }

    static let invalid: [(body: String, line: Int, key: String, message: String)] = [
        ("[netting.si]\nlevers = []\ntotal = 1\nsource = \"x\"\n", 27, "netting.si.levers", "the group is empty; list the demand levers"),
        ("[netting.si]\nlevers = [\"a\", \"zz\"]\ntotal = 1\nsource = \"x\"\n", 27, "netting.si.levers[1]", "unknown lever \"zz\"; name a [levers.ID] of this scenario (its demand levers: a, b, c)"),
        ("[netting.si]\nlevers = [\"g\"]\ntotal = 1\nsource = \"x\"\n", 27, "netting.si.levers[0]", "lever \"g\" is a growth lever; only demand levers"),
        ("[netting.si]\nlevers = [\"a\", \"a\"]\ntotal = 1\nsource = \"x\"\n", 27, "netting.si.levers[1]", "lever \"a\" is listed twice"),
        ("[netting.p]\nlevers = [\"a\", \"b\"]\ntotal = 1\nsource = \"x\"\n[netting.q]\nlevers = [\"c\", \"b\"]\ntotal = 1\nsource = \"x\"\n", 31,
         "netting.q.levers[1]", "lever \"b\" is already a member of [netting.p]; a lever can be netted against one total only"),
        ("[netting.si]\ntotal = 1\nsource = \"x\"\n", 26, "netting.si.levers", "missing required key; add levers = ["),
        ("[netting.si]\nlevers = [\"a\"]\nsource = \"x\"\n", 26, "netting.si.total", "missing required key; add total = "),
        ("[netting.si]\nlevers = [\"a\"]\ntotal = 5\n", 28, "netting.si.total", "the total has no source"),
        ("[netting.si]\nlevers = [\"a\"]\ntotal = 5\nsource = \"x\"\nscale = 2\n", 30, "netting.si.scale", "unknown key; the keys allowed in a [netting.ID] table are: total, levers, source, assumption"),
    ]

    @Test("Every invalid group is one error at its key", arguments: 0..<invalid.count)
    func invalidGroup(index: Int) {
        let c = Self.invalid[index]
        do {
            _ = try Scenario.parse(Self.levers + c.body, path: "t.toml")
            Issue.record("no error for case \(index)")
        } catch {
            #expect(error.file == "t.toml")
            #expect(error.key == c.key, "\(error)")
            #expect(error.line == c.line, "\(error)")
            #expect(error.message.contains(c.message), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    /// Expected values by hand from the formula a′ = a + (T − Σ)·|a|/Σ|a|; tolerance 1e-12 absolute
    /// (a few ulps of numbers below 100).
    @Test("The rule: k·a for one sign, the gap by absolute size for mixed signs, T/n for all zeros")
    func rule() {
        func net(_ amounts: [Double], _ total: Double) -> [Double] {
            var values = amounts
            values.withUnsafeMutableBufferPointer { NettingGroup.net($0, total: total) }
            return values
        }
        let positive = net([1, 3], 8)                      // k = 2
        #expect(abs(positive[0] - 2) < 1e-12 && abs(positive[1] - 6) < 1e-12)
        let negative = net([-1, -3], -2)                   // k = 0.5
        #expect(abs(negative[0] + 0.5) < 1e-12 && abs(negative[1] + 1.5) < 1e-12)
        let mixed = net([-2, 5], 7)                        // gap 4 over Σ|a| 7: -2 + 8/7, 5 + 20/7
        #expect(abs(mixed[0] - (-2 + 8.0 / 7)) < 1e-12 && abs(mixed[1] - (5 + 20.0 / 7)) < 1e-12)
        let cancelling = net([-3, 3], 6)                   // Σ = 0: proportional scaling is undefined
        #expect(abs(cancelling[0] - 0) < 1e-12 && abs(cancelling[1] - 6) < 1e-12)
        let zeros = net([0, 0, 0], 9)
        #expect(zeros == [3, 3, 3])
    }
}
