import Foundation
import Sampling

/// Merges block results strictly in block order (so floating-point sums are the same for
/// any thread count), writes kept draws in order, and holds back workers that run too far
/// ahead, so pending results stay bounded.
///
/// It hands out the blocks of `blocks` in order; with a `deadline`, it stops handing them
/// out once the deadline has passed (after at least one block), so the blocks done form a
/// prefix `blocks.lowerBound ..< end` (a checkpoint's segment). When `recording`, it keeps
/// each block's summary, in order, instead of merging its moments (a shard's state, whose
/// moments are merged later in global block order).
final class OrderedMerger: @unchecked Sendable {
    private let condition = NSCondition()
    private let blocks: Range<Int>
    private var nextToClaim: Int
    private var nextToMerge: Int
    private var pending: [Int: BlockResult] = [:]
    private var total: RunSummary
    private var recorded: [BlockSummary]?
    private var error: Error?
    private var done: Int
    private let writer: DrawsWriter?
    private let maxAhead: Int
    private let progress: (@Sendable (Int) -> Void)?
    private let deadline: ContinuousClock.Instant?
    private var stopped = false

    init(total: RunSummary, writer: DrawsWriter?, maxAhead: Int, progress: (@Sendable (Int) -> Void)?,
         blocks: Range<Int>, recording: Bool = false, deadline: ContinuousClock.Instant? = nil, doneBefore: Int = 0) {
        self.total = total
        self.writer = writer
        self.maxAhead = maxAhead
        self.progress = progress
        self.blocks = blocks
        nextToClaim = blocks.lowerBound
        nextToMerge = blocks.lowerBound
        recorded = recording ? [] : nil
        self.deadline = deadline
        done = doneBefore
    }

    func claimBlock() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while error == nil, nextToClaim < blocks.upperBound, nextToClaim - nextToMerge >= maxAhead { condition.wait() }
        if let deadline, !stopped, nextToClaim > blocks.lowerBound, ContinuousClock.now >= deadline { stopped = true }
        guard error == nil, !stopped, nextToClaim < blocks.upperBound else { return nil }
        defer { nextToClaim += 1 }
        return nextToClaim
    }

    func submit(block: Int, _ result: BlockResult) {
        condition.lock()
        defer { condition.unlock() }
        pending[block] = result
        while let ready = pending.removeValue(forKey: nextToMerge) {
            do {
                if recorded != nil {
                    recorded?.append(ready.summary)
                } else {
                    try total.merge(block: ready.summary)
                }
                if let text = ready.drawsText { try writer?.append(text) }
            } catch {
                self.error = error
            }
            done += ready.draws
            nextToMerge += 1
        }
        progress?(done)
        condition.broadcast()
    }

    /// A worker's sketches, once it has no more blocks.
    func addSketches(_ sketches: [QuantileSketch]) {
        condition.lock()
        defer { condition.unlock() }
        do { try total.merge(sketches: sketches) } catch { if self.error == nil { self.error = error } }
    }

    func fail(_ error: Error) {
        condition.lock()
        if self.error == nil { self.error = error }
        condition.broadcast()
        condition.unlock()
    }

    /// The merged summary, the recorded block summaries (when recording) and the end of the
    /// blocks done.
    func finish() throws(SimulationError) -> (total: RunSummary, recorded: [BlockSummary], end: Int) {
        condition.lock()
        defer { condition.unlock() }
        if let error {
            if let error = error as? SimulationError { throw error }
            throw .invalidModel("\(error)")
        }
        return (total, recorded ?? [], nextToMerge)
    }
}
