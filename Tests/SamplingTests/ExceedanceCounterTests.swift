import Sampling
import Testing

@Suite("ExceedanceCounter")
struct ExceedanceCounterTests {
    @Test("probability and standard error by closed form")
    func probability() throws {
        // Closed form: 3 of {7.5, 8, 8.2, 6, 9} are ≥ 8 (≥, so 8 counts): p̂ = 0.6,
        // SE = √(0.6·0.4/5); exact or 1e-15 relative.
        var counter = try ExceedanceCounter(threshold: 8)
        for x in [7.5, 8, 8.2, 6, 9] { counter.insert(x) }
        #expect(counter.count == 5 && counter.exceedances == 3)
        #expect(counter.probability == 0.6)
        #expect(relativeError(counter.standardError ?? 0, (0.24 / 5).squareRoot()) <= 1e-15)
    }

    @Test("a block gives the counts of one-by-one inserts (NaN never reaches; ±∞ thresholds)", arguments: [8, -Double.infinity, Double.infinity])
    func block(threshold: Double) throws {
        // Expected: the one-by-one counts of the same values (exact integers).
        let values: [Double] = [7.5, 8, 8.2, .nan, 6, 9, .infinity, -.infinity, 8.000000000000002, 7.999999999999999]
        var oneByOne = try ExceedanceCounter(threshold: threshold)
        for x in values { oneByOne.insert(x) }
        var byBlock = try ExceedanceCounter(threshold: threshold)
        byBlock.insert(8.5)
        values.withUnsafeBufferPointer { byBlock.insert(block: $0) }
        #expect(byBlock.count == oneByOne.count + 1)
        #expect(byBlock.exceedances == oneByOne.exceedances + (8.5 >= threshold ? 1 : 0))
        #expect(oneByOne.exceedances == (threshold == 8 ? 5 : threshold < 0 ? 9 : 1))
    }

    @Test("Wilson intervals match Newcombe (1998), Table II", arguments: [
        [81, 263, 0.2553, 0.3662], [15, 148, 0.0624, 0.1605], [0, 20, 0, 0.1611], [1, 29, 0.0061, 0.1718],
    ])
    func wilson(_ row: [Double]) throws {
        // Reference: R. G. Newcombe, "Two-sided confidence intervals for the single
        // proportion", Statistics in Medicine 17 (1998), Table II, method 3 (score interval),
        // printed to 4 decimals: tolerance 5e-5.
        var counter = try ExceedanceCounter(threshold: 1)
        for i in 0..<Int(row[1]) { counter.insert(i < Int(row[0]) ? 1 : 0) }
        let interval = try #require(counter.wilsonInterval())
        #expect(abs(interval.lowerBound - row[2]) <= 5e-5)
        #expect(abs(interval.upperBound - row[3]) <= 5e-5)
    }

    @Test("merge adds counts; different thresholds refuse to merge")
    func merge() throws {
        // Exact.
        var a = try ExceedanceCounter(threshold: 0.08)
        var b = try ExceedanceCounter(threshold: 0.08)
        a.insert(0.09); a.insert(0.07)
        b.insert(0.081)
        try a.merge(b)
        #expect(a.count == 3 && a.exceedances == 2)
        let c = try ExceedanceCounter(threshold: 0.07)
        #expect(throws: SamplingError.incompatibleMerge(name: "threshold", value: 0.08, otherValue: 0.07)) {
            try a.merge(c)
        }
        #expect(try ExceedanceCounter(threshold: 1).probability == nil)
        #expect(throws: SamplingError.self) { try ExceedanceCounter(threshold: .nan) }
    }
}
