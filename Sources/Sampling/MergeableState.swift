/// The exact binary state of the mergeable summaries (moments, exceedance counts, quantile
/// sketches), so that a run split over processes, or resumed after a kill, merges into the
/// same bits as one process. Every value is a little-endian 64-bit word (a Double as its
/// IEEE 754 bit pattern), so nothing is rounded on the way.
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

    /// Sparse: the number of non-zero buckets, then (index, count) for each in increasing
    /// index order. A sketch's window spans every index between its extremes, mostly empty
    /// for outputs near zero; the occupied buckets are at most the number of values.
    public func encode(into writer: inout StateWriter) {
        let occupied = counts.indices.filter { counts[$0] != 0 }
        writer.append(occupied.count)
        for slot in occupied {
            writer.append(offset + slot)
            writer.append(counts[slot])
        }
    }

    /// The store with the same counts (its window may be allocated differently, which
    /// neither equality nor any query sees).
    public init(from reader: inout StateReader) throws(SamplingError) {
        self.init()
        let occupied = try reader.count(atMost: Int(Int32.max))
        var previous = Int.min, first = 0
        for position in 0..<occupied {
            let index = try reader.int(), c = try reader.int()
            if position == 0 { first = index }
            // The span bounds the window's memory (32 MB); the engine's sketches span at most
            // ln(1.8e308/1e-12)/ln γ ≈ 737,000 buckets at its accuracy 5e-4.
            let span = index.subtractingReportingOverflow(first)
            guard index > previous, !span.overflow, span.partialValue <= Self.maximumStoredSpan, c > 0 else {
                throw .corruptState("a bucket \(index) with count \(c)")
            }
            previous = index
            add(index, amount: c)
        }
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
