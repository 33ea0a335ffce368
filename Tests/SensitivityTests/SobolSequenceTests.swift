import Testing
@testable import Sensitivity

/// The unscrambled sequence against SciPy 1.17's `qmc.Sobol(d=60, scramble=False, bits=32)`,
/// which uses the same Joe–Kuo table: integer coordinates must match exactly.
struct SobolSequenceTests {
    @Test func unscrambledMatchesSciPy() throws {
        let sobol = try ScrambledSobolSequence(dimensions: 60, seed: 0, scramble: false)
        #expect(Array(sobol.integerPoint(5)[0..<10])
            == [3758096384, 3758096384, 536870912, 1610612736, 3758096384, 2684354560, 3758096384, 1610612736, 1610612736, 536870912])
        #expect(Array(sobol.integerPoint(100)[30..<40])
            == [3053453312, 1778384896, 1107296256, 1107296256, 1577058304, 2852126720, 4194304000, 2046820352, 3858759680, 570425344])
        #expect(Array(sobol.integerPoint(199)[50..<60])
            == [3808428032, 150994944, 1224736768, 1224736768, 1828716544, 3103784960, 2063597568, 218103808, 855638016, 318767104])
    }

    /// Gray-code filling gives the same points as direct evaluation (exactly).
    @Test func filledPointsMatchDirectPoints() throws {
        let sobol = try ScrambledSobolSequence(dimensions: 7, seed: 42)
        let filled = try sobol.points(count: 300)
        for i in [0, 1, 2, 77, 255, 256, 299] {
            #expect(Array(filled[(i * 7)..<(i * 7 + 7)]) == sobol.point(UInt32(i)))
        }
    }

    /// A scrambled (0, m, 1)-net: each of the first 2ᵐ points of a dimension falls in its own
    /// interval [i/2ᵐ, (i+1)/2ᵐ) — LMS scrambling with a shift keeps this exactly.
    @Test func scrambledPointsStayStratified() throws {
        let sobol = try ScrambledSobolSequence(dimensions: 40, seed: 9)
        let points = try sobol.points(count: 1024)
        for j in [0, 1, 17, 39] {
            let cells = Set((0..<1024).map { Int(points[$0 * 40 + j] * 1024) })
            #expect(cells.count == 1024)
        }
        let other = try ScrambledSobolSequence(dimensions: 40, seed: 10)
        #expect(try other.points(count: 4) != Array(points[0..<160]))
    }

    @Test func rejectsTooManyDimensions() {
        #expect(throws: SensitivityError.tooManyDimensions(requested: 129, maximum: 128)) {
            _ = try ScrambledSobolSequence(dimensions: 129, seed: 1)
        }
    }
}
