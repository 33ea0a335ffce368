import Sampling
@testable import Simulation
import Testing

@Suite("Quantile tables kept once a process")
struct QuantileTablesTests {
    /// A kept table is the one `TabulatedQuantile` builds (every node, slope and bound equal,
    /// exact comparison: no tolerance), whether it was built by this lookup or an earlier one.
    @Test("A kept table is the table built anew")
    func sameTable() throws {
        let distribution = try Distribution.pert(lower: -2120, mode: 2770, upper: 6660)
        let first = try #require(QuantileTables.shared.table(for: distribution))
        let again = try #require(QuantileTables.shared.table(for: distribution))
        #expect(first == TabulatedQuantile(distribution))
        #expect(again == first)
    }

    /// Two distributions that differ only in the mode get different tables (the lookup
    /// compares whole distributions); 0.4 of the width below the middle differs by far more
    /// than the table's 1e-7 of the width.
    @Test("Different distributions get their own tables")
    func distinctTables() throws {
        let one = try #require(QuantileTables.shared.table(for: try Distribution.pert(lower: 0, mode: 1, upper: 10)))
        let other = try #require(QuantileTables.shared.table(for: try Distribution.pert(lower: 0, mode: 9, upper: 10)))
        #expect(abs(one.quantile(0.5) - other.quantile(0.5)) > 4)
    }
}
