import Testing
@testable import Simulation

/// `LeverLineIndex` on a hand-made structure: lines 0–2 map to sectors 0, 1, 0, line 3 is the
/// product-tax line (no sector), line 4 has no sector; lever 0 moves sectors (demand), lever 1 is
/// a growth shift of sector 0, lever 2 a cost shock of sector 2 (no line). Expected lists read
/// off the structure by hand (exact integers, no tolerance).
@Suite struct LeverLineIndexTests {
    let index = LeverLineIndex(
        sectorOfLine: [0, 1, 0, -1, -1], isTaxLine: [false, false, false, true, false],
        leverSector: [-1, 0, 2], movesSectors: [true, false, false])

    @Test func leversMoveTheirLines() {
        #expect(index.valueLines == [0, 1, 2])
        #expect(index.taxLines == [3])
        let moved = (0..<3).map { Array(index.leverLines[index.leverLineStart[$0]..<index.leverLineEnd[$0]]) }
        #expect(moved == [[0, 1, 2], [0, 2], []])
    }

    @Test func linesListTheLeversThatCanMoveThem() {
        let levers = (0..<5).map { Array(index.lineLevers[index.lineLeverStart[$0]..<index.lineLeverEnd[$0]]) }
        #expect(levers == [[0, 1], [0], [0, 1], [0, 1, 2], []])
        #expect(index.lineSkipsLevers == [true, true, true, false, true])
        // i + 5·l for each (line i, lever l) above.
        #expect(index.lineLeverOffsets == [0, 5, 1, 2, 7, 3, 8, 13])
    }
}
