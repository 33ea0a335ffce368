/// The Philox4x32 counter-based random bijection (Salmon, Moraes, Dror & Shaw 2011,
/// "Parallel random numbers: as easy as 1, 2, 3", SC'11; reference implementation
/// Random123 `philox4x32`).
///
/// A block maps a 128-bit counter and a 64-bit key to 128 random bits with no state:
/// draw `i` of stream `s` is a pure function of `(seed, s, i)`, so any block of draws can
/// be computed on any thread, in any order, with bit-identical results.
///
/// One round, with counter words (c₀, c₁, c₂, c₃) and key (k₀, k₁):
///
///     (hi₀, lo₀) = M₀ · c₀        (32×32 → 64-bit product, M₀ = 0xD2511F53)
///     (hi₁, lo₁) = M₁ · c₂        (M₁ = 0xCD9E8D57)
///     c ← (hi₁ ⊕ c₁ ⊕ k₀, lo₁, hi₀ ⊕ c₃ ⊕ k₁, lo₀)
///
/// and between rounds the key takes a Weyl step k ← (k₀ + W₀, k₁ + W₁) mod 2³² with
/// W₀ = 0x9E3779B9 (golden ratio), W₁ = 0xBB67AE85 (√3 − 1). Philox4x32-10 (10 rounds)
/// is the recommended variant (it passes BigCrush with a safety margin); the known-answer
/// vectors of Random123 (`tests/kat_vectors`) are reproduced in the tests.
///
/// ```swift
/// let bits = Philox4x32.block(counter: [0, 0, 0, 0], key: [0, 0])
/// // bits == [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]
/// ```
///
/// - Complexity: O(rounds): 2 widening multiplies and 4 xors per round, no memory.
public enum Philox4x32: Sendable {
    /// Round multiplier for words 0 and 1.
    public static let multiplier0: UInt32 = 0xD251_1F53
    /// Round multiplier for words 2 and 3.
    public static let multiplier1: UInt32 = 0xCD9E_8D57
    /// Weyl key increment for key word 0 (golden ratio · 2³²).
    public static let weylIncrement0: UInt32 = 0x9E37_79B9
    /// Weyl key increment for key word 1 ((√3 − 1) · 2³²).
    public static let weylIncrement1: UInt32 = 0xBB67_AE85
    /// The number of rounds of the recommended variant, Philox4x32-10.
    public static let standardRounds: Int = 10

    /// Philox4x32-10 of `counter` under `key`: 128 random bits.
    /// - Complexity: O(1) (10 rounds).
    public static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>) -> SIMD4<UInt32> {
        let (a, b, c, d) = tenRounds(counter.x, counter.y, counter.z, counter.w, key.x, key.y)
        return SIMD4(a, b, c, d)
    }

    /// Philox4x32-R of `counter` under `key` with a chosen number of rounds (7 and 10 have
    /// published known answers; fewer than 7 is not crush-resistant). A negative `rounds`
    /// counts as 0 (the counter is returned unchanged).
    /// - Complexity: O(rounds).
    public static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>, rounds: Int) -> SIMD4<UInt32> {
        var (c0, c1, c2, c3) = (counter.x, counter.y, counter.z, counter.w)
        var (k0, k1) = (key.x, key.y)
        var round = 0
        while round < rounds {
            if round > 0 {
                k0 &+= weylIncrement0
                k1 &+= weylIncrement1
            }
            (c0, c1, c2, c3) = singleRound(c0, c1, c2, c3, k0, k1)
            round += 1
        }
        return SIMD4(c0, c1, c2, c3)
    }

    /// Philox4x32-10 on scalar words: the allocation-free core used by the hot paths.
    /// - Complexity: O(1).
    @inline(__always)
    public static func tenRounds(
        _ c0: UInt32, _ c1: UInt32, _ c2: UInt32, _ c3: UInt32, _ k0: UInt32, _ k1: UInt32
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        var (x0, x1, x2, x3) = singleRound(c0, c1, c2, c3, k0, k1)
        var (key0, key1) = (k0, k1)
        for _ in 1..<10 {
            key0 &+= weylIncrement0
            key1 &+= weylIncrement1
            (x0, x1, x2, x3) = singleRound(x0, x1, x2, x3, key0, key1)
        }
        return (x0, x1, x2, x3)
    }

    /// One Philox4x32 round (Random123 `_philox4x32round`).
    @inline(__always)
    static func singleRound(
        _ c0: UInt32, _ c1: UInt32, _ c2: UInt32, _ c3: UInt32, _ k0: UInt32, _ k1: UInt32
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        let product0 = UInt64(multiplier0) &* UInt64(c0)
        let product1 = UInt64(multiplier1) &* UInt64(c2)
        let hi0 = UInt32(truncatingIfNeeded: product0 >> 32), lo0 = UInt32(truncatingIfNeeded: product0)
        let hi1 = UInt32(truncatingIfNeeded: product1 >> 32), lo1 = UInt32(truncatingIfNeeded: product1)
        return (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0)
    }
}
