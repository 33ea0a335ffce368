import Sampling
import Testing

/// The state encoding of the sketches: variable-length integers and delta-coded buckets.
@Suite("Mergeable state encoding")
struct MergeableStateTests {
    @Test("LEB128 integers: 1 byte below 128, 10 bytes for 2⁶⁴ − 1, read back exactly; overlong and cut values are refused")
    func variableLength() throws {
        let values: [UInt64] = [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 35, UInt64(Int64.max), .max]
        var writer = StateWriter()
        for value in values { writer.appendVariableLength(value) }
        // Sizes from the encoding: ⌈bits / 7⌉ bytes, at least 1 (1+1+1+2+2+2+3+6+9+10).
        #expect(writer.bytes.count == 37)
        var reader = StateReader(writer.bytes)
        for value in values { #expect(try reader.variableLength() == value) }
        #expect(reader.isAtEnd)
        var cut = StateReader(Array(writer.bytes.dropLast()))
        #expect(throws: SamplingError.self) { for _ in values { _ = try cut.variableLength() } }
        var overlong = StateReader([UInt8](repeating: 0xFF, count: 10) + [0x01])
        #expect(throws: SamplingError.self) { _ = try overlong.variableLength() }
    }

    @Test("A sketch survives its encoding: the same counts, quantiles and extremes; its buckets cost a few bytes each")
    func sketchRoundTrip() throws {
        var sketch = try QuantileSketch(relativeAccuracy: 5e-4)
        // A deterministic spread over both signs, zero and six orders of magnitude.
        for i in 0..<20_000 {
            let x = Double(i % 997) * 1e-3 * (i % 3 == 0 ? -1 : 1) * (i % 7 == 0 ? 1_000 : 1)
            sketch.insert(x)
        }
        var writer = StateWriter()
        writer.append(sketch)
        var reader = StateReader(writer.bytes)
        let decoded = try QuantileSketch(from: &reader)
        #expect(reader.isAtEnd)
        #expect(decoded == sketch)
        for q in [0.0, 0.01, 0.5, 0.9, 1.0] { #expect(decoded.quantile(q) == sketch.quantile(q)) }
        // 16 bytes a bucket in the word encoding; the delta coding needs at most 4 here
        // (gaps and counts below 2²¹).
        let occupied = Self.occupied(sketch.positiveStore) + Self.occupied(sketch.negativeStore)
        #expect(writer.bytes.count <= 120 + 4 * occupied)
    }

    static func occupied(_ store: DenseBucketStore) -> Int {
        guard let range = store.occupiedIndices else { return 0 }
        return range.filter { store.count(at: $0) != 0 }.count
    }
}
