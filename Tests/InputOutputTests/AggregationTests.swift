import InputOutput
import LinearAlgebra
import TestSupport
import Testing

@Suite("Aggregation and disaggregation")
struct AggregationTests {
    /// Splitting a sector proportionally and aggregating the parts back returns the
    /// original table (1e-9 relative: only rounding of w·(1 − w) products), and the
    /// split table balances and has the same Leontief outputs for the merged sector.
    @Test("Disaggregate then aggregate is the identity")
    func roundTrip() throws {
        let table = try TableFixtures.randomProductive(sectors: 6, seed: 3)
        let split = try table.disaggregating(sector: "s2", into: [("s2a", 0.3), ("s2b", 0.7)])
        #expect(split.sectors == ["s0", "s1", "s2a", "s2b", "s3", "s4", "s5"])
        try split.validate(tolerance: 1e-9)
        var mapping = Dictionary(uniqueKeysWithValues: table.sectors.map { ($0, $0) })
        mapping["s2a"] = "s2"
        mapping["s2b"] = "s2"
        mapping["s2"] = nil
        let merged = try split.aggregated(by: Concordance(groupOfSector: mapping, groups: table.sectors))
        #expect(merged.sectors == table.sectors)
        #expect(try merged.intermediate.maxAbsoluteDifference(to: table.intermediate) < 1e-9 * table.intermediate.maxAbsoluteEntry)
        #expect(maxDifference(merged.output, table.output) < 1e-9 * (table.output.max() ?? 1))
        // Proportional split: both parts have the parent's multipliers.
        let m = try Multipliers(model: LeontiefModel(table: split))
        #expect(abs(m.output.simple[2] - m.output.simple[3]) < 1e-12)
    }

    /// Aggregating everything into one sector: z = ΣZ, x = Σx, and balance holds.
    @Test("Concordance file parsing and full aggregation")
    func concordance() throws {
        let table = try TableFixtures.millerBlair()
        let concordance = try Concordance(csv: "sector,group\nagriculture,all\nmanufacturing,all\n", path: "c.csv")
        let one = try table.aggregated(by: concordance)
        #expect(one.intermediate[0, 0] == 950 && one.output == [3000])
        try one.validate()
        #expect(throws: InputOutputError.invalidConcordance(path: "c.csv", line: 3, reason: "sector 'agriculture' is mapped twice; map each sector to exactly one group")) {
            try Concordance(csv: "sector,group\nagriculture,a\nagriculture,b\n", path: "c.csv")
        }
        #expect(throws: InputOutputError.self) { try Concordance(csv: "agriculture\n", path: "c.csv") }
        let partial = try Concordance(csv: "agriculture,a\n", path: "c.csv")
        #expect(throws: InputOutputError.self) { try table.aggregated(by: partial) }
        let unknown = try Concordance(csv: "agriculture,a\nmanufacturing,a\nmining,a\n", path: "c.csv")
        #expect(throws: InputOutputError.unknownSector("mining", known: ["agriculture", "manufacturing"])) { try table.aggregated(by: unknown) }
    }
}
