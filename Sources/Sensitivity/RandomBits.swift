import Sampling

/// Random 32-bit words as a pure function of (seed, stream, index), from Philox4x32-10
/// (Salmon et al. 2011): the scrambles, bootstrap resamples and trajectories of this module
/// are reproducible from their seed alone, whatever the thread count.
struct RandomBits: Sendable {
    let seed: UInt64

    /// Word `index` of stream `stream`.
    /// - Complexity: O(1) (one Philox block per four words).
    func word(stream: UInt64, index: UInt64) -> UInt32 {
        let block = index / 4
        let counter = SIMD4<UInt32>(UInt32(truncatingIfNeeded: block), UInt32(truncatingIfNeeded: block >> 32),
                                    UInt32(truncatingIfNeeded: stream), UInt32(truncatingIfNeeded: stream >> 32))
        let key = SIMD2<UInt32>(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        return Philox4x32.block(counter: counter, key: key)[Int(index % 4)]
    }

    /// A uniform integer in 0..<bound (bound ≥ 1), by Lemire's multiply-shift (bias below 2⁻³² · bound).
    func integer(below bound: Int, stream: UInt64, index: UInt64) -> Int {
        Int((UInt64(word(stream: stream, index: index)) &* UInt64(bound)) >> 32)
    }

    /// A uniform in (0, 1) with 32 bits.
    func uniform(stream: UInt64, index: UInt64) -> Double {
        (Double(word(stream: stream, index: index)) + 0.5) / 4_294_967_296.0
    }
}
