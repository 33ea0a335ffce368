/// A buffer of doubles a `DrawEvaluator` writes every draw through a raw pointer, allocated
/// once (zeroed) and freed with its owner.
///
/// Why not an array: an array written inside a mutating method costs a uniqueness check per
/// call and makes Swift retain the evaluator's other arrays around the write; a draw writes
/// several of them in every step. The buffer is a reference: each worker makes its own
/// evaluator and never copies it (the same rule as for the evaluator's `economyDraw`).
/// - Complexity: O(count) to create, O(1) to reach.
final class DrawScratch {
    let values: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        values = .allocate(capacity: max(count, 0))
        values.initialize(repeating: 0)
    }

    /// A buffer holding a copy of `initial`.
    init(copying initial: [Double]) {
        values = .allocate(capacity: initial.count)
        _ = values.initialize(from: initial)
    }

    deinit { values.deallocate() }
}
