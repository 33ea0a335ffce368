import Sampling
import Testing

@Suite("RunningMoments")
struct RunningMomentsTests {
    @Test("small data set by closed form")
    func closedForm() {
        // Closed form: {2, 4, 4, 4, 5, 5, 7, 9} has mean 5, Σ(x − 5)² = 32, so population
        // variance 4 and sample variance 32/7; exact or 1e-15 relative.
        var moments = RunningMoments()
        moments.insert(contentsOf: [2, 4, 4, 4, 5, 5, 7, 9])
        #expect(moments.count == 8)
        #expect(moments.mean == 5)
        #expect(relativeError(moments.populationVariance, 4) <= 1e-15)
        #expect(relativeError(moments.variance, 32.0 / 7) <= 1e-15)
        #expect(moments.minimum == 2 && moments.maximum == 9)
    }

    @Test("large offset does not cancel (Welford)")
    func stability() {
        // Closed form: 1e9 + {4, 7, 13, 16} has sample variance 30 (the textbook example of
        // catastrophic cancellation for the naive Σx² formula); tolerance 1e-9 relative.
        var moments = RunningMoments()
        moments.insert(contentsOf: [4, 7, 13, 16].map { 1e9 + $0 })
        #expect(relativeError(moments.variance, 30) <= 1e-9)
    }

    @Test("merging split streams equals the single stream", arguments: [1, 2, 7])
    func mergeEqualsSingle(parts: Int) {
        // Counts, min and max exact; mean and variance within 1e-12 relative (Chan et al.'s
        // formula rounds differently from Welford's sequential updates).
        let values = standardNormals(seed: 4, stream: 0, count: 10_000).map { 3 + 2 * $0 }
        var single = RunningMoments()
        single.insert(contentsOf: values)
        var merged = RunningMoments()
        let size = values.count / parts + 1
        for start in stride(from: 0, to: values.count, by: size) {
            var part = RunningMoments()
            part.insert(contentsOf: values[start..<min(start + size, values.count)])
            merged.merge(part)
        }
        #expect(merged.count == single.count)
        #expect(merged.minimum == single.minimum && merged.maximum == single.maximum)
        #expect(relativeError(merged.mean, single.mean) <= 1e-12)
        #expect(relativeError(merged.variance, single.variance) <= 1e-12)
    }

    @Test("block insertion (two-pass) agrees with one-by-one Welford insertion")
    func blockEqualsSequential() {
        // Two algorithms for the same quantities: counts and extremes exact, mean and
        // variance within 1e-12 relative (rounding differs).
        let values = standardNormals(seed: 6, stream: 2, count: 4096).map { 100 + 3 * $0 }
        var block = RunningMoments()
        block.insert(contentsOf: values)
        var sequential = RunningMoments()
        for x in values { sequential.insert(x) }
        #expect(block.count == sequential.count)
        #expect(block.minimum == sequential.minimum && block.maximum == sequential.maximum)
        #expect(relativeError(block.mean, sequential.mean) <= 1e-12)
        #expect(relativeError(block.variance, sequential.variance) <= 1e-12)
    }

    @Test("NaN propagates instead of vanishing")
    func nanPropagates() {
        // By design (documented): a NaN draw must be visible in the summary.
        var single = RunningMoments()
        single.insert(1); single.insert(.nan)
        #expect(single.mean.isNaN)
        var block = RunningMoments()
        block.insert(contentsOf: [1, .nan, 3])
        #expect(block.mean.isNaN && block.variance.isNaN && block.minimum.isNaN)
    }

    @Test("empty summaries: neutral for merge, zero variance")
    func empty() {
        // Exact.
        var moments = RunningMoments()
        #expect(moments.count == 0 && moments.variance == 0 && moments.standardErrorOfMean == 0)
        var other = RunningMoments()
        other.insert(3)
        moments.merge(RunningMoments())
        #expect(moments.count == 0)
        moments.merge(other)
        #expect(moments == other)
        other.merge(RunningMoments())
        #expect(other.count == 1 && other.mean == 3)
    }
}
