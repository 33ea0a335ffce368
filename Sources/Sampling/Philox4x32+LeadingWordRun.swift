extension Philox4x32 {
    /// Philox4x32-10 blocks of counters (x, c₁, c₂, c₃) that differ only in their first word x,
    /// under one key: the Latin hypercube's jitter, whose counter is (draw mod 2³², draw / 2³²,
    /// dimension mod 2³², dimension / 2³²), is a run of such blocks along the draws.
    ///
    /// In the first round the second product M₁·c₂ does not depend on x, and the second round's
    /// first product multiplies the first round's word 0, hi(M₁·c₂) ⊕ c₁ ⊕ k₀, which does not
    /// either. Both are computed once for the run, with the round keys, so a block costs 18 of
    /// the 20 multiplies; rounds 3–10 are the ordinary ones. Written out, with K_r the key of
    /// round r (K₁ = k) and p = M₀·x, q = M₁·(hi(p) ⊕ c₃ ⊕ K₁,₁):
    ///
    ///     after round 2: (hi(q) ⊕ lo(M₁·c₂) ⊕ K₂,₀, lo(q), hi(M₀·A) ⊕ lo(p) ⊕ K₂,₁, lo(M₀·A)),
    ///     A = hi(M₁·c₂) ⊕ c₁ ⊕ K₁,₀
    ///
    /// which is exactly what two `singleRound`s give, so the words are bit for bit those of
    /// `tenRounds` (tested on many counters and keys).
    /// - Complexity: O(1) to set up and per block.
    struct LeadingWordRun {
        /// lo(M₁·c₂) ⊕ K₂,₀: round 2's word 0 is hi(q) ⊕ this.
        let round2Word0Mask: UInt32
        /// hi(M₀·A) ⊕ K₂,₁: round 2's word 2 is lo(p) ⊕ this.
        let round2Word2Mask: UInt32
        /// lo(M₀·A), round 2's word 3 for every x.
        let round2Word3: UInt32
        /// c₃ ⊕ K₁,₁: round 1's word 2 is hi(p) ⊕ this.
        let round1Word2Mask: UInt32
        /// The key of round 3; later rounds add the Weyl increments.
        let round3Key0: UInt32
        let round3Key1: UInt32

        init(c1: UInt32, c2: UInt32, c3: UInt32, key0: UInt32, key1: UInt32) {
            let product1 = UInt64(multiplier1) &* UInt64(c2)
            let a = UInt32(truncatingIfNeeded: product1 >> 32) ^ c1 ^ key0
            let productA = UInt64(multiplier0) &* UInt64(a)
            round1Word2Mask = c3 ^ key1
            round2Word0Mask = UInt32(truncatingIfNeeded: product1) ^ (key0 &+ weylIncrement0)
            round2Word2Mask = UInt32(truncatingIfNeeded: productA >> 32) ^ (key1 &+ weylIncrement1)
            round2Word3 = UInt32(truncatingIfNeeded: productA)
            round3Key0 = key0 &+ 2 &* weylIncrement0
            round3Key1 = key1 &+ 2 &* weylIncrement1
        }

        /// Words 0 and 1 of Philox4x32-10 of (x, c₁, c₂, c₃) (words 2 and 3 are not needed by
        /// the jitter, and the last round's first product is then skipped as dead code).
        @inline(__always)
        func firstTwoWords(_ x: UInt32) -> (UInt32, UInt32) {
            let p = UInt64(multiplier0) &* UInt64(x)
            let a2 = UInt32(truncatingIfNeeded: p >> 32) ^ round1Word2Mask
            let q = UInt64(multiplier1) &* UInt64(a2)
            var (x0, x1, x2, x3) = (
                UInt32(truncatingIfNeeded: q >> 32) ^ round2Word0Mask, UInt32(truncatingIfNeeded: q),
                UInt32(truncatingIfNeeded: p) ^ round2Word2Mask, round2Word3)
            var (key0, key1) = (round3Key0, round3Key1)
            (x0, x1, x2, x3) = singleRound(x0, x1, x2, x3, key0, key1)
            for _ in 3..<10 {
                key0 &+= weylIncrement0
                key1 &+= weylIncrement1
                (x0, x1, x2, x3) = singleRound(x0, x1, x2, x3, key0, key1)
            }
            return (x0, x1)
        }
    }
}
