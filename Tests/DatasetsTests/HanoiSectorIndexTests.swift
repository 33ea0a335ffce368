import Datasets
import Testing

/// `HanoiSector.tableIndex` and `count` replace searching `allCases` on the Monte Carlo's
/// path; they must give the same positions (exact integers, no tolerance).
@Suite("Hanoi sector positions")
struct HanoiSectorIndexTests {
    @Test("tableIndex is the position in allCases, count its length")
    func positions() {
        for (index, sector) in HanoiSector.allCases.enumerated() { #expect(sector.tableIndex == index) }
        #expect(HanoiSector.count == HanoiSector.allCases.count)
    }
}
