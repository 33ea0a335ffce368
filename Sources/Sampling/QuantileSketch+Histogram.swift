extension QuantileSketch {
    /// Counts of the sketched values in the bins [edges[k], edges[k+1]), read off the
    /// buckets: each bucket's count goes to the bin holding its representative value
    /// (2γ^i/(γ + 1), within relative error α of every value in it). Values below edges[0]
    /// are counted in the first bin and values at or above the last edge in the last, so the
    /// counts add up to `count`. A value within α (relative) of an edge may land in the
    /// neighbouring bin; nothing else differs from the exact histogram. The sketch is only
    /// read, so a run's results and their bit-identity across thread counts are untouched.
    ///
    /// - Parameter edges: at least two increasing bin edges.
    /// - Returns: edges.count − 1 counts (empty when fewer than two edges are given).
    /// - Complexity: O(buckets · log bins).
    public func histogram(edges: [Double]) -> [Int] {
        guard edges.count >= 2 else { return [] }
        var counts = [Int](repeating: 0, count: edges.count - 1)
        func add(_ value: Double, _ amount: Int) {
            guard amount > 0 else { return }
            // The last edge ≤ value, by binary search; clamped to the first and last bins.
            var low = 0, high = edges.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if edges[middle] <= value { low = middle } else { high = middle - 1 }
            }
            counts[Swift.min(low, counts.count - 1)] += amount
        }
        if let indices = negativeStore.occupiedIndices {
            for index in indices { add(Swift.max(minimum, -bucketValue(index)), negativeStore.count(at: index)) }
        }
        add(0, zeroCount)
        if let indices = positiveStore.occupiedIndices {
            for index in indices { add(Swift.min(maximum, bucketValue(index)), positiveStore.count(at: index)) }
        }
        return counts
    }
}
