extension Philox4x32 {
    /// One Philox4x32 round on four blocks at once, lane j of every word belonging to block j:
    /// the same arithmetic as `singleRound`, lane by lane. The 32 × 32 → 64-bit products of four
    /// lanes are two `pmuludq` on baseline x86-64 (SSE2), so a round of four blocks costs about
    /// the instructions of two scalar rounds.
    /// - Complexity: O(1).
    @inline(__always)
    static func singleRound(
        _ c0: SIMD4<UInt32>, _ c1: SIMD4<UInt32>, _ c2: SIMD4<UInt32>, _ c3: SIMD4<UInt32>, _ k0: UInt32, _ k1: UInt32
    ) -> (SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>, SIMD4<UInt32>) {
        let (hi0, lo0) = wideProduct(c0, multiplier0)
        let (hi1, lo1) = wideProduct(c2, multiplier1)
        return (hi1 ^ c1 ^ SIMD4(repeating: k0), lo1, hi0 ^ c3 ^ SIMD4(repeating: k1), lo0)
    }

    /// The high and low words of `multiplier · value`, lane by lane (exact 64-bit products).
    @inline(__always)
    static func wideProduct(_ value: SIMD4<UInt32>, _ multiplier: UInt32) -> (high: SIMD4<UInt32>, low: SIMD4<UInt32>) {
        let product = SIMD4<UInt64>(truncatingIfNeeded: value) &* SIMD4<UInt64>(repeating: UInt64(multiplier))
        return (SIMD4<UInt32>(truncatingIfNeeded: product &>> 32), SIMD4<UInt32>(truncatingIfNeeded: product))
    }
}

extension Philox4x32.LeadingWordRun {
    /// `firstTwoWords` of four first words at once (lane j: `x[j]`): bit for bit the scalar
    /// results, with the rounds on four lanes (`Philox4x32.singleRound` on SIMD4).
    /// - Complexity: O(1).
    @inline(__always)
    func firstTwoWords(_ x: SIMD4<UInt32>) -> (SIMD4<UInt32>, SIMD4<UInt32>) {
        let p = Philox4x32.wideProduct(x, Philox4x32.multiplier0)
        let q = Philox4x32.wideProduct(p.high ^ SIMD4(repeating: round1Word2Mask), Philox4x32.multiplier1)
        var (x0, x1, x2, x3) = (
            q.high ^ SIMD4(repeating: round2Word0Mask), q.low, p.low ^ SIMD4(repeating: round2Word2Mask), SIMD4(repeating: round2Word3))
        var (key0, key1) = (round3Key0, round3Key1)
        (x0, x1, x2, x3) = Philox4x32.singleRound(x0, x1, x2, x3, key0, key1)
        for _ in 3..<10 {
            key0 &+= Philox4x32.weylIncrement0
            key1 &+= Philox4x32.weylIncrement1
            (x0, x1, x2, x3) = Philox4x32.singleRound(x0, x1, x2, x3, key0, key1)
        }
        return (x0, x1)
    }
}

extension CounterRandomStream {
    /// `openUnitInterval` on four lanes: the same bit trick, (0x3FF0…0 | m) − (1 − 2⁻⁵³) with
    /// m = high·2²⁰ + low/2¹², exact in every lane.
    /// - Complexity: O(1).
    @inline(__always)
    static func openUnitInterval(_ high: SIMD4<UInt32>, _ low: SIMD4<UInt32>) -> SIMD4<Double> {
        let m = (SIMD4<UInt64>(truncatingIfNeeded: high) &<< 20) | (SIMD4<UInt64>(truncatingIfNeeded: low) &>> 12)
        let bits = SIMD4<UInt64>(repeating: 0x3FF0_0000_0000_0000) | m
        let one = SIMD4(Double(bitPattern: bits[0]), Double(bitPattern: bits[1]), Double(bitPattern: bits[2]), Double(bitPattern: bits[3]))
        return one - SIMD4(repeating: 1 - 0x1p-53)
    }
}
