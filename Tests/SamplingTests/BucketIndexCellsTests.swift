import Foundation
@testable import Sampling
import Testing

/// The sketch's bucket index read from cells must equal the `log`-based reference exactly.
/// Expected values come from `LogBucketIndex.exactIndex` (glibc `log`); tolerance 0 (integers).
@Suite("BucketIndexCells (bucket index by cell of the bits, same as log)")
struct BucketIndexCellsTests {
    typealias Random = LogBucketIndexTests.SplitMix64

    /// The engine's α (5e-4), the sketch's default (1e-4) and the coarsest allowed (0.5).
    static let accuracies: [Double] = [5e-4, 1e-4, 0.5]

    /// Cells covering biased exponents 983 (2⁻⁴⁰, below the zero threshold 10⁻¹²) … 1,043 (2²⁰).
    static func cells(_ accuracy: Double) throws -> (cells: BucketIndexCells, multiplier: Double) {
        let multiplier = try QuantileSketch(relativeAccuracy: accuracy).indexMultiplier
        var cells = BucketIndexCells(multiplier: multiplier)
        cells.cover(binades: 983...1043)
        return (cells, multiplier)
    }

    /// Magnitudes whose cell index differs from the reference; and how many the cells decided.
    static func mismatches(_ magnitudes: [Double], cells: BucketIndexCells, multiplier: Double) -> (mismatches: Int, decided: Int) {
        var mismatches = 0, decided = 0
        cells.entries.withUnsafeBufferPointer { entries in
            for m in magnitudes {
                let exact = LogBucketIndex.exactIndex(ofMagnitude: m, multiplier: multiplier)
                if let fast = BucketIndexCells.cellIndex(
                    bits: m.bitPattern, entries: entries, firstKey: cells.firstKey, keyShift: cells.keyShift) {
                    decided += 1
                    if fast != exact { mismatches += 1 }
                }
                if cells.index(ofMagnitude: m) != exact { mismatches += 1 }
            }
        }
        return (mismatches, decided)
    }

    @Test("cell width: the engine's α uses p = 10 (16 KB per binade); α = 1e-6 builds no cells")
    func cellBits() throws {
        let engine = try Self.cells(5e-4).cells
        #expect(engine.cellBits == 10)
        #expect(engine.coveredBinades == 983...1043)
        #expect(engine.byteCount == 61 * 1024 * 16)
        var fine = BucketIndexCells(multiplier: try QuantileSketch(relativeAccuracy: 1e-6).indexMultiplier)
        fine.cover(binades: 1000...1010)
        #expect(!fine.isEnabled)
        #expect(fine.coveredBinades == nil)
    }

    @Test("every cell holds at most one bucket boundary (b − a < 1 − 8δ)", arguments: accuracies)
    func oneBoundaryPerCell(accuracy: Double) throws {
        let (cells, multiplier) = try Self.cells(accuracy)
        let delta = 4e-9 * multiplier
        var widest = 0.0
        for key in cells.firstKey..<(cells.firstKey + UInt64(cells.entries.count / 2)) {
            let lower = Double(bitPattern: key << cells.keyShift), upper = Double(bitPattern: (key + 1) << cells.keyShift)
            widest = max(widest, log(upper) * multiplier - log(lower) * multiplier)
        }
        #expect(widest < 1 - 8 * delta)
    }

    @Test("cell index equals the log index ±3 ulps around every bucket boundary from 10⁻¹² to 2²⁰", arguments: accuracies)
    func everyBoundary(accuracy: Double) throws {
        let (cells, multiplier) = try Self.cells(accuracy)
        let logGamma = try QuantileSketch(relativeAccuracy: accuracy).logGamma
        let lowest = Int((log(QuantileSketch.zeroThreshold) * multiplier).rounded(.down))
        let highest = Int((log(0x1p20) * multiplier).rounded(.down))
        var magnitudes: [Double] = []
        // Every boundary at α ≥ 5e-4; every fifth at 1e-4 (about 41,000 of them).
        for k in stride(from: lowest, through: highest, by: accuracy < 5e-4 ? 5 : 1) {
            guard let boundary = LogBucketIndexTests.smallestMagnitude(
                withIndexAbove: k, near: exp(Double(k) * logGamma), multiplier: multiplier) else { continue }
            magnitudes += LogBucketIndexTests.ulpNeighbours(of: boundary, span: 3)
            // Just outside the zone of ±h bits that falls back to log: the closest the cells decide.
            let h = BucketIndexCells.zoneHalfWidth
            for offset in [h + 1, h + 2, 2 * h] {
                magnitudes.append(Double(bitPattern: boundary.bitPattern + offset))
                magnitudes.append(Double(bitPattern: boundary.bitPattern - offset))
            }
        }
        let result = Self.mismatches(magnitudes, cells: cells, multiplier: multiplier)
        #expect(result.mismatches == 0)
        #expect(result.decided > magnitudes.count / 4)
    }

    @Test("cell index equals the log index on 10⁶ random magnitudes and at every cell's edges", arguments: accuracies)
    func randomAndEdges(accuracy: Double) throws {
        let (cells, multiplier) = try Self.cells(accuracy)
        var random = Random(state: 7)
        let first = cells.firstKey << cells.keyShift, last = (cells.firstKey + UInt64(cells.entries.count / 2)) << cells.keyShift
        // Uniform bit patterns over the covered binades and a margin outside them.
        var magnitudes = (0..<1_000_000).map { _ in Double(bitPattern: first - (1 << 52) + random.next() % (last - first + (2 << 52))) }
        for key in stride(from: cells.firstKey, to: cells.firstKey + UInt64(cells.entries.count / 2), by: 7) {
            magnitudes += LogBucketIndexTests.ulpNeighbours(of: Double(bitPattern: key << cells.keyShift), span: 2)
        }
        let result = Self.mismatches(magnitudes, cells: cells, multiplier: multiplier)
        #expect(result.mismatches == 0)
        // About 61/63 of the random patterns lie in covered binades; nearly all are decided there.
        #expect(Double(result.decided) > 0.9 * 1_000_000)
    }

    @Test("a sketch fed through cells equals the sketch without them; the cells widen to the values' binades")
    func sketchThroughCells() throws {
        var random = Random(state: 99)
        // Mixed signs over 1e-12…1e12 (log-uniform), zeros, NaN and ±∞ among them.
        var values = (0..<40_000).map { _ -> Double in
            let magnitude = exp(-27 + 54 * Double(random.next() >> 11) * 0x1p-53)
            return random.next() & 1 == 0 ? magnitude : -magnitude
        }
        values[5] = 0; values[17] = 1e-13; values[99] = .nan; values[1234] = -.infinity
        var plain = try QuantileSketch(relativeAccuracy: 5e-4)
        var throughCells = plain
        var cells = BucketIndexCells(for: plain)
        values.withUnsafeBufferPointer { all in
            for start in stride(from: 0, to: all.count, by: 4096) {
                let block = UnsafeBufferPointer(rebasing: all[start..<min(start + 4096, all.count)])
                plain.insert(block: block)
                throughCells.insert(block: block, cells: &cells)
            }
        }
        #expect(plain == throughCells)
        #expect(throughCells.nonFiniteCount == 2)
        // e^−27 … e^27 (1.9·10⁻¹² … 5.3·10¹¹) is 2^−38.95 … 2^38.95: biased exponents 984 … 1,061,
        // each binade the sketched values reach.
        let exponents = values.filter { $0.isFinite && abs($0) >= QuantileSketch.zeroThreshold }.map { Int(abs($0).bitPattern >> 52) }
        #expect(cells.coveredBinades == exponents.min()!...exponents.max()!)
        #expect(cells.coveredBinades == 984...1061)
        var finite = try QuantileSketch(relativeAccuracy: 5e-4), finiteThroughCells = finite
        let finiteValues = values.filter(\.isFinite)
        let low = finiteValues.min() ?? 0, high = finiteValues.max() ?? 0
        finiteValues.withUnsafeBufferPointer { block in
            finite.insert(finiteBlock: block, minimum: low, maximum: high)
            finiteThroughCells.insert(finiteBlock: block, minimum: low, maximum: high, cells: &cells)
        }
        #expect(finite == finiteThroughCells)
    }

    @Test("cells for another multiplier are not used; a span above the limit is not covered")
    func mismatchedAndTooWide() throws {
        var coarse = BucketIndexCells(multiplier: try QuantileSketch(relativeAccuracy: 0.5).indexMultiplier)
        let values = [3.0, 1e-9, -2e5, 7e7]
        var plain = try QuantileSketch(relativeAccuracy: 5e-4), throughCells = plain
        values.withUnsafeBufferPointer { block in
            plain.insert(block: block)
            throughCells.insert(block: block, cells: &coarse)
        }
        #expect(plain == throughCells)
        #expect(coarse.coveredBinades == nil)
        var cells = BucketIndexCells(for: plain)
        cells.cover(binades: 900...(900 + BucketIndexCells.maximumBinades))
        #expect(cells.coveredBinades == nil)
        cells.cover(binades: 1000...1001)
        cells.cover(binades: 2000...2047)
        #expect(cells.coveredBinades == 1000...1001)
        #expect(cells.index(ofMagnitude: 0x1p1000) == LogBucketIndex.exactIndex(ofMagnitude: 0x1p1000, multiplier: cells.multiplier))
    }
}
