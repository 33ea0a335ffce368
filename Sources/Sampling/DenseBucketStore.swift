/// Counts per integer bucket index over a contiguous window of indices that grows only to
/// cover the indices actually used (the "dense store" of DDSketch, Masson, Rim & Lee 2019).
///
/// The window [offset, offset + capacity) is extended when an index falls outside it, by
/// the missing span plus a margin of max(64, capacity/8) buckets on that side, so a stream
/// whose indices spread slowly costs O(log) reallocations and at most ~12.5 % (or 64
/// buckets) more memory than the occupied span. Memory depends on the range of indices,
/// never on the number of values.
///
/// Equality compares the occupied buckets only (two stores that hold the same counts are
/// equal even if their windows were allocated differently).
///
/// - Complexity: O(1) amortised per `add`; O(capacity) for the scans (`occupiedIndices`,
///   `merge`).
public struct DenseBucketStore: Sendable, Equatable {
    /// counts[j] is the number of values in bucket `offset + j`.
    @usableFromInline var counts: [Int] = []
    /// The bucket index of counts[0].
    @usableFromInline var offset: Int = 0
    /// Σ counts.
    @usableFromInline var storedTotalCount: Int = 0

    /// The number of values stored (Σ of the bucket counts).
    public var totalCount: Int { storedTotalCount }

    public init() {}

    /// The number of buckets currently allocated (the memory footprint is 8 bytes each).
    public var capacity: Int { counts.count }

    /// The smallest and largest indices with a non-zero count, or nil when empty.
    public var occupiedIndices: ClosedRange<Int>? {
        guard let first = counts.firstIndex(where: { $0 != 0 }),
              let last = counts.lastIndex(where: { $0 != 0 }) else { return nil }
        return (offset + first)...(offset + last)
    }

    /// The count in bucket `index` (0 outside the window).
    public func count(at index: Int) -> Int {
        let slot = index &- offset
        return slot >= 0 && slot < counts.count ? counts[slot] : 0
    }

    /// Adds `amount` values to bucket `index`. `@inlinable`: it is the inner step of
    /// `QuantileSketch.insert` (see there).
    /// - Complexity: O(1) amortised.
    @inlinable
    public mutating func add(_ index: Int, amount: Int = 1) {
        var slot = index &- offset
        if slot < 0 || slot >= counts.count {
            extend(toInclude: index)
            slot = index &- offset
        }
        counts[slot] &+= amount
        storedTotalCount &+= amount
    }

    /// Walks the buckets in increasing (or decreasing) index order and returns the index of
    /// the bucket in which the running count first exceeds `rank`, or nil when the store
    /// holds `rank + 1` values or fewer; `rank` is reduced by the counts passed.
    /// - Complexity: O(capacity), a straight pass over the counts.
    func bucket(containingRank rank: inout Int, descending: Bool) -> Int? {
        counts.withUnsafeBufferPointer { buffer in
            if descending {
                var j = buffer.count - 1
                while j >= 0 {
                    if buffer[j] > rank { return offset + j }
                    rank -= buffer[j]
                    j -= 1
                }
            } else {
                for j in 0..<buffer.count {
                    if buffer[j] > rank { return offset + j }
                    rank -= buffer[j]
                }
            }
            return nil
        }
    }

    /// Adds every bucket of `other` to `self`. - Complexity: O(other's occupied span).
    public mutating func merge(_ other: DenseBucketStore) {
        guard let range = other.occupiedIndices else { return }
        extend(toInclude: range.lowerBound)
        extend(toInclude: range.upperBound)
        for index in range {
            counts[index - offset] &+= other.counts[index - other.offset]
        }
        storedTotalCount &+= other.storedTotalCount
    }

    /// Grows the window to contain `index`, with a margin on the side it grows.
    @usableFromInline
    mutating func extend(toInclude index: Int) {
        if counts.isEmpty {
            offset = index - 32
            counts = [Int](repeating: 0, count: 64)
            return
        }
        let low = offset, high = offset + counts.count - 1
        guard index < low || index > high else { return }
        let margin = Swift.max(64, counts.count / 8)
        let newLow = index < low ? index - margin : low
        let newHigh = index > high ? index + margin : high
        let shift = low - newLow, kept = counts.count, total = newHigh - newLow + 1
        // The old counts are copied once and only the new margins are zeroed (not the whole
        // window first and the counts over it).
        counts = counts.withUnsafeBufferPointer { old in
            [Int](unsafeUninitializedCapacity: total) { grown, initialized in
                UnsafeMutableBufferPointer(rebasing: grown[0..<shift]).initialize(repeating: 0)
                _ = UnsafeMutableBufferPointer(rebasing: grown[shift..<(shift + kept)]).initialize(fromContentsOf: old)
                UnsafeMutableBufferPointer(rebasing: grown[(shift + kept)..<total]).initialize(repeating: 0)
                initialized = total
            }
        }
        offset = newLow
    }

    public static func == (left: DenseBucketStore, right: DenseBucketStore) -> Bool {
        guard left.totalCount == right.totalCount, left.occupiedIndices == right.occupiedIndices else { return false }
        guard let range = left.occupiedIndices else { return true }
        let leftSlots = (range.lowerBound - left.offset)...(range.upperBound - left.offset)
        let rightSlots = (range.lowerBound - right.offset)...(range.upperBound - right.offset)
        return left.counts[leftSlots] == right.counts[rightSlots]
    }
}
