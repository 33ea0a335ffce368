import Foundation
import Sampling

/// Merges block results strictly in block order (so floating-point sums are the same for
/// any thread count), writes kept draws in order, and holds back workers that run too far
/// ahead, so pending results stay bounded.
final class OrderedMerger: @unchecked Sendable {
    private let condition = NSCondition()
    private var nextToClaim = 0
    private var nextToMerge = 0
    private var pending: [Int: BlockResult] = [:]
    private var total: RunSummary
    private var error: Error?
    private var done = 0
    private let writer: DrawsWriter?
    private let maxAhead: Int
    private let progress: (@Sendable (Int) -> Void)?

    init(total: RunSummary, writer: DrawsWriter?, maxAhead: Int, progress: (@Sendable (Int) -> Void)?) {
        self.total = total
        self.writer = writer
        self.maxAhead = maxAhead
        self.progress = progress
    }

    func claimBlock(count: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while error == nil, nextToClaim < count, nextToClaim - nextToMerge >= maxAhead { condition.wait() }
        guard error == nil, nextToClaim < count else { return nil }
        defer { nextToClaim += 1 }
        return nextToClaim
    }

    func submit(block: Int, _ result: BlockResult) {
        condition.lock()
        defer { condition.unlock() }
        pending[block] = result
        while let ready = pending.removeValue(forKey: nextToMerge) {
            do {
                try total.merge(block: ready.summary)
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

    func finish() throws(SimulationError) -> RunSummary {
        condition.lock()
        defer { condition.unlock() }
        if let error {
            if let error = error as? SimulationError { throw error }
            throw .invalidModel("\(error)")
        }
        return total
    }
}
