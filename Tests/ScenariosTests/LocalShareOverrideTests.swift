import Scenarios
import Testing

/// `local_share = { SECTOR = share }` of a demand lever: parsed into parameters, refused with one
/// located error when out of [0, 1], empty, on another kind of lever, or naming an unknown sector.
@Suite("Local-share overrides")
struct LocalShareOverrideTests {
    static func scenario(_ localShare: String, kind: String = "demand") -> String {
        let body = kind == "demand"
            ? "category = \"investment\"\nsectors = { industry = 0.3, construction = 0.7 }\namount = 100"
            : "sector = \"industry\"\nshift = 0.1"
        return "[scenario]\nname = \"x\"\n[levers.equipment]\nkind = \"\(kind)\"\nassumption = \"test\"\n\(body)\nlocal_share = \(localShare)\n"
    }

    static func error(_ text: String) -> ScenarioError? {
        do {
            let scenario = try Scenario.parse(text, path: "plan.toml")
            _ = try scenario.validate(sectors: ["industry", "construction"], accountsLines: ["industry", "construction"], assumptionIDs: [])
            return nil
        } catch {
            return error
        }
    }

    @Test("A constant and a distribution become the lever's local shares, the distribution a parameter")
    func parsed() throws {
        let text = Self.scenario("{ industry = 0.2, construction = { dist = \"triangular\", min = 0.8, mode = 0.9, max = 1.0 } }")
        let scenario = try Scenario.parse(text, path: "plan.toml")
        let lever = try #require(scenario.levers.first)
        #expect(lever.localShares.map(\.sector) == ["industry", "construction"])
        #expect(lever.localShares.first?.value == .constant(0.2))
        let ids = scenario.uncertainParameters.filter { !$0.value.isConstant }.map(\.id)
        #expect(ids.contains("levers.equipment.local_share.construction"))
        #expect(!ids.contains("levers.equipment.local_share.industry"))
    }

    @Test("Refused with one located line", arguments: [
        ("{ industry = 1.2 }", "levers.equipment.local_share.industry", "above 1"),
        ("{ industry = -0.1 }", "levers.equipment.local_share.industry", "below 0"),
        ("{ industry = { dist = \"normal\", mean = 0.5, sd = 0.3 } }", "levers.equipment.local_share.industry", "[0, 1]"),
        ("{}", "levers.equipment.local_share", "is empty"),
        ("{ steel = 0.5 }", "levers.equipment.local_share.steel", "unknown sector \"steel\""),
        ("0.5", "levers.equipment.local_share", "inline table"),
    ])
    func refused(value: String, key: String, message: String) throws {
        let error = try #require(Self.error(Self.scenario(value)))
        #expect(error.key == key, "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.line == 9, "\(error)")
    }

    @Test("Only demand levers take local_share")
    func onlyDemand() throws {
        let error = try #require(Self.error(Self.scenario("{ industry = 0.5 }", kind: "growth")))
        #expect(error.key.hasSuffix("local_share"), "\(error)")
    }
}
