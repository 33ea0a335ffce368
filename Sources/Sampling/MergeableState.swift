/// The exact binary state of the mergeable summaries (moments, exceedance counts, quantile
/// sketches), so that a run split over processes, or resumed after a kill, merges into the
/// same bits as one process. Every value is a little-endian 64-bit word (a Double as its
/// IEEE 754 bit pattern), so nothing is rounded on the way; the quantile sketches' bucket
/// indices and counts, small integers by the thousand, are variable-length (LEB128) instead.
/// - Complexity: O(size of the state) to write and to read.
public protocol MergeableState {
    /// Appends the state to `writer`.
    func encode(into writer: inout StateWriter)
    /// Reads a state written by `encode(into:)`. - Throws: `corruptState` when the bytes end
    /// early or hold an impossible value.
    init(from reader: inout StateReader) throws(SamplingError)
}

/// Appends 64-bit little-endian words.
public struct StateWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func append(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
    }
    public mutating func append(_ value: Int) { append(UInt64(bitPattern: Int64(value))) }
    public mutating func append(_ value: Double) { append(value.bitPattern) }
    public mutating func append(_ value: Bool) { append(value ? 1 as UInt64 : 0) }
    public mutating func append<State: MergeableState>(_ state: State) { state.encode(into: &self) }
    /// Appends `value` in LEB128: 7 bits a byte, low bits first, the high bit set on every
    /// byte but the last (1 byte below 128, at most 10).
    public mutating func appendVariableLength(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads what a `StateWriter` wrote; every read past the end throws.
public struct StateReader: Sendable {
    let bytes: [UInt8]
    public private(set) var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isAtEnd: Bool { position == bytes.count }

    public mutating func word() throws(SamplingError) -> UInt64 {
        guard bytes.count - position >= 8 else { throw .corruptState("the state ends after \(bytes.count) bytes, in the middle of a value") }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return value
    }
    public mutating func int() throws(SamplingError) -> Int { Int(Int64(bitPattern: try word())) }
    /// Reads what `appendVariableLength` wrote.
    public mutating func variableLength() throws(SamplingError) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw .corruptState("the state ends after \(bytes.count) bytes, in the middle of a value") }
            let byte = bytes[position]
            position += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw .corruptState("a variable-length integer longer than 64 bits") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
    public mutating func double() throws(SamplingError) -> Double { Double(bitPattern: try word()) }
    public mutating func bool() throws(SamplingError) -> Bool {
        switch try word() {
        case 0: return false
        case 1: return true
        case let other: throw .corruptState("a flag holds \(other)")
        }
    }
    /// A count that must lie in 0...limit (a list length, so that a corrupt length cannot
    /// ask for an absurd allocation).
    public mutating func count(atMost limit: Int) throws(SamplingError) -> Int {
        let value = try int()
        guard value >= 0, value <= limit else { throw .corruptState("a length of \(value) (at most \(limit) expected)") }
        return value
    }
}

extension RunningMoments: MergeableState {
    public func encode(into writer: inout StateWriter) {
        writer.append(count)
        writer.append(mean)
        writer.append(sumOfSquaredDeviations)
        writer.append(minimum)
        writer.append(maximum)
    }

    public init(from reader: inout StateReader) throws(SamplingError) {
        let count = try reader.int()
        guard count >= 0 else { throw .corruptState("a moment count of \(count)") }
        self.init(count: count, mean: try reader.double(), sumOfSquaredDeviations: try reader.double(),
                  minimum: try reader.double(), maximum: try reader.double())
    }
}

extension ExceedanceCounter: MergeableState {
    public func encode(into writer: inout StateWriter) {
        writer.append(threshold)
        writer.append(count)
        writer.append(exceedances)
    }

    public init(from reader: inout StateReader) throws(SamplingError) {
        let threshold = try reader.double()
        let count = try reader.int(), exceedances = try reader.int()
        guard count >= 0, exceedances >= 0, exceedances <= count else {
            throw .corruptState("an exceedance count of \(exceedances) out of \(count)")
        }
        try self.init(threshold: threshold, count: count, exceedances: exceedances)
    }
}

extension DenseBucketStore: MergeableState {
    /// The widest span of bucket indices a stored store may have (2²² buckets).
    static let maximumStoredSpan = 1 << 22

    /// Sparse and delta-coded: the number of non-zero buckets (a word), the first one's index
    /// (a word), then for each bucket the gap to the previous index (variable-length, none
    /// for the first) and its count (variable-length): about 2–4 bytes a bucket instead of 16.
    /// A sketch's window spans every index between its extremes, mostly empty for outputs
    /// near zero; the occupied buckets are at most the number of values.
    public func encode(into writer: inout StateWriter) {
        let occupied = counts.indices.filter { counts[$0] != 0 }
        writer.append(occupied.count)
        guard let first = occupied.first else { return }
        writer.append(offset + first)
        var previous = first
        for slot in occupied {
            if slot != first { writer.appendVariableLength(UInt64(slot - previous)) }
            writer.appendVariableLength(UInt64(counts[slot]))
            previous = slot
        }
    }

    /// The store with the same counts (its window may be allocated differently, which
    /// neither equality nor any query sees).
    public init(from reader: inout StateReader) throws(SamplingError) {
        self.init()
        let occupied = try reader.count(atMost: Int(Int32.max))
        guard occupied > 0 else { return }
        let first = try reader.int()
        // The span bounds the window's memory (32 MB); the engine's sketches span at most
        // ln(1.8e308/1e-12)/ln γ ≈ 737,000 buckets at its accuracy 5e-4.
        guard first > Int.min / 2, first < Int.max / 2 else { throw .corruptState("a bucket index \(first)") }
        // The buckets are read first and the window allocated once, at their span.
        var slots: [Int] = [], amounts: [Int] = []
        slots.reserveCapacity(min(occupied, 1 << 16))
        amounts.reserveCapacity(min(occupied, 1 << 16))
        var slot = 0, total = 0
        for position in 0..<occupied {
            if position > 0 {
                let gap = try reader.variableLength()
                guard gap > 0, gap <= UInt64(Self.maximumStoredSpan), slot + Int(gap) <= Self.maximumStoredSpan else {
                    throw .corruptState("a bucket \(gap) after bucket \(first + slot)")
                }
                slot += Int(gap)
            }
            let c = try reader.variableLength()
            guard c > 0, c <= UInt64(Int.max) else { throw .corruptState("a bucket \(first + slot) with count \(c)") }
            slots.append(slot)
            amounts.append(Int(c))
            total &+= Int(c)
        }
        offset = first
        counts = [Int](repeating: 0, count: slot + 1)
        for (s, c) in zip(slots, amounts) { counts[s] = c }
        storedTotalCount = total
    }
}

extension QuantileSketch: MergeableState {
    public func encode(into writer: inout StateWriter) {
        writer.append(relativeAccuracy)
        positive.encode(into: &writer)
        negative.encode(into: &writer)
        writer.append(zeros)
        writer.append(finiteCount)
        writer.append(nonFinite)
        writer.append(smallest)
        writer.append(largest)
    }

    public init(from reader: inout StateReader) throws(SamplingError) {
        try self.init(relativeAccuracy: try reader.double())
        positive = try DenseBucketStore(from: &reader)
        negative = try DenseBucketStore(from: &reader)
        zeros = try reader.int()
        finiteCount = try reader.int()
        nonFinite = try reader.int()
        smallest = try reader.double()
        largest = try reader.double()
        guard zeros >= 0, nonFinite >= 0, finiteCount == zeros &+ positive.totalCount &+ negative.totalCount else {
            throw .corruptState("a quantile sketch whose counts do not add up")
        }
    }
}
