import Testing
import Sampling

@Suite("CounterRandomStream")
struct CounterRandomStreamTests {
    @Test("draw (seed 0, stream 0, index 0) converts the Philox4x32-10 KAT block of counter 0, key 0")
    func firstDrawMatchesKnownAnswer() {
        // Exact. Words 6627e8d5 e169c58d bc57ac4c 9b00dbd8 (Random123 KAT); the doubles
        // ((w0·2²⁰ + w1/2¹²) + ½)·2⁻⁵² were computed in Python with integer arithmetic.
        let (u0, u1) = CounterRandomStream.uniforms(seed: 0, stream: 0, index: 0)
        #expect(u0 == 0.3990464708489646)
        #expect(u1 == 0.7357127844834425)
    }

    @Test("index, stream and seed land in counter words 0–1, 2–3 and key words 0–1")
    func counterLayout() {
        // Exact: with counter (243f6a88, 85a308d3, 13198a2e, 03707344) and key
        // (a4093822, 299f31d0) the block is the Random123 KAT d16cfe09 94fdcceb 5001e420 24126ea1.
        let (u0, u1) = CounterRandomStream.uniforms(
            seed: 0x299f_31d0_a409_3822, stream: 0x0370_7344_1319_8a2e, index: 0x85a3_08d3_243f_6a88)
        #expect(u0 == CounterRandomStream.openUnitInterval(0xd16c_fe09, 0x94fd_cceb))
        #expect(u1 == CounterRandomStream.openUnitInterval(0x5001_e420, 0x2412_6ea1))
    }

    @Test("the conversion stays strictly inside (0, 1)")
    func openInterval() {
        // Exact: the extreme words give (0 + ½)·2⁻⁵² = 2⁻⁵³ and (2⁵² − 1 + ½)·2⁻⁵² = 1 − 2⁻⁵³.
        #expect(CounterRandomStream.openUnitInterval(0, 0) == 0x1p-53)
        #expect(CounterRandomStream.openUnitInterval(.max, .max) == 1 - 0x1p-53)
        #expect(CounterRandomStream.openUnitInterval(.max, .max) < 1)
        #expect(CounterRandomStream.openUnitInterval(0, 0) > 0)
        // Exact: words (7fffffff, ffffffff) give m = 2⁵¹ − 1, so u = (2⁵¹ − ½)·2⁻⁵² = ½ − 2⁻⁵³.
        #expect(CounterRandomStream.openUnitInterval(0x7fff_ffff, 0xffff_ffff) == 0.5 - 0x1p-53)
    }

    @Test("fill equals the pure per-index function, for odd counts and offsets", arguments: [0, 1, 7, 64])
    func fillMatchesPureFunction(count: Int) {
        // Exact: the buffer is defined element by element by uniforms(index:).
        let stream = CounterRandomStream(seed: 99, stream: 5)
        var buffer = [Double](repeating: -1, count: count)
        stream.fill(&buffer, firstIndex: 1_000_003)
        for j in 0..<count {
            let pair = stream.uniforms(index: 1_000_003 + UInt64(j / 2))
            #expect(buffer[j] == (j % 2 == 0 ? pair.0 : pair.1))
        }
    }

    @Test("uniform mean and variance within 5 standard errors (200,000 values)")
    func uniformMoments() {
        // Closed form: mean ½, variance 1/12, fourth central moment 1/80, so
        // SE(mean) = √(1/12/n) and SE(variance) = √((1/80 − 1/144)/n). Bound: 5 SE.
        let n = 200_000
        let values = uniforms(seed: 2025, stream: 1, count: n)
        let (mean, variance, _) = sampleMoments(values)
        #expect(abs(mean - 0.5) <= 5 * (1.0 / 12 / Double(n)).squareRoot())
        #expect(abs(variance - 1.0 / 12) <= 5 * ((1.0 / 80 - 1.0 / 144) / Double(n)).squareRoot())
        #expect(values.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test("different streams and seeds are uncorrelated (|r| < 5/√n)")
    func streamsAreIndependent() {
        // Under independence the sample correlation has SE ≈ 1/√n; bound 5/√n.
        let n = 50_000
        let a = uniforms(seed: 1, stream: 0, count: n)
        let b = uniforms(seed: 1, stream: 1, count: n)
        let c = uniforms(seed: 2, stream: 0, count: n)
        func correlation(_ x: [Double], _ y: [Double]) -> Double {
            let mx = x.reduce(0, +) / Double(n), my = y.reduce(0, +) / Double(n)
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for i in 0..<n {
                sxy += (x[i] - mx) * (y[i] - my)
                sxx += (x[i] - mx) * (x[i] - mx)
                syy += (y[i] - my) * (y[i] - my)
            }
            return sxy / (sxx * syy).squareRoot()
        }
        #expect(abs(correlation(a, b)) < 5 / Double(n).squareRoot())
        #expect(abs(correlation(a, c)) < 5 / Double(n).squareRoot())
        #expect(a != b && a != c)
    }
}
