import Foundation
import LinearAlgebra
import Sampling
import Scenarios
import Synchronization

public struct RunConfiguration: Sendable {
    public var draws: Int
    public var seed: UInt64
    public var sampling: SamplingMethod
    /// Worker threads (each with one BLAS thread). Results are identical for any value.
    public var threads: Int
    /// Draws per block; fixed so that results do not depend on `threads`.
    public static let blockSize = 4096
    /// Receives every draw (parameters and outputs) as CSV lines, in draw order.
    public var keptDraws: (any DrawsSink)?
    /// Called (from worker threads, serialised) with the number of draws done.
    public var progress: (@Sendable (Int) -> Void)?

    public init(draws: Int, seed: UInt64, sampling: SamplingMethod, threads: Int, keptDraws: (any DrawsSink)? = nil,
                progress: (@Sendable (Int) -> Void)? = nil) {
        self.draws = draws
        self.seed = seed
        self.sampling = sampling
        self.threads = threads
        self.keptDraws = keptDraws
        self.progress = progress
    }
}

public struct RunResult: Sendable {
    public let model: SimulationModel
    public let layout: OutputLayout
    public let summary: RunSummary
    public let draws: Int
    public let seed: UInt64
    public let sampling: SamplingMethod
    /// Whether blocks were evaluated with one dgemm (affine model) or draw by draw.
    public let usedBlockProducts: Bool
}

/// The Monte Carlo runner (see ARCHITECTURE.md, "Data flow of the main job").
///
/// Draws are cut into fixed blocks of 4,096. For each block: uniforms from the counter-based
/// generator (or the Latin hypercube), the Gaussian copula on correlated parameters,
/// inverse-CDF transforms into parameter values, then the outputs — one dgemm
/// Y = c·1ᵀ + M·Θ for an affine model (M and c are probed from the draw evaluator itself, so
/// both paths share one implementation of the economics), or the draw evaluator for each draw
/// when the model changes with the draw (sampled dataset assumptions, local sourcing). Each
/// block's summary is merged in block order, so results are bit-identical for any number of
/// threads, and memory does not depend on the number of draws.
/// - Complexity: O(draws · (k + outputs)) plus the per-draw model solves when not affine.
public enum MonteCarloEngine {
    public static func run(model: SimulationModel, configuration: RunConfiguration) throws(SimulationError) -> RunResult {
        guard configuration.draws >= 1 else { throw .invalidModel("draws must be at least 1") }
        let layout = OutputLayout(model: model)
        let k = model.parameters.count
        let blockSize = RunConfiguration.blockSize
        let blockCount = (configuration.draws + blockSize - 1) / blockSize
        let hypercube: LatinHypercube?
        do {
            hypercube = configuration.sampling == .latinHypercube && k > 0
                ? try LatinHypercube(seed: configuration.seed, drawCount: configuration.draws, dimensions: k) : nil
        } catch {
            throw .invalidModel(error.description)
        }
        let affine = try model.isAffine ? AffineMap(model: model, layout: layout) : nil
        let writer = try configuration.keptDraws.map { sink throws(SimulationError) in
            try DrawsWriter(sink: sink, header: model.parameters.map(\.id) + layout.names)
        }
        let merger: OrderedMerger
        do {
            merger = OrderedMerger(total: try RunSummary(layout: layout, model: model), writer: writer,
                                   maxAhead: max(2, configuration.threads) * 2, progress: configuration.progress)
        } catch {
            throw .invalidModel(error.description)
        }
        let threads = max(1, min(configuration.threads, blockCount))
        let previousBLASThreads = BLASConfiguration.threadCount
        BLASConfiguration.setThreadCount(1)
        defer { BLASConfiguration.setThreadCount(previousBLASThreads) }

        // Costly inverse CDFs (beta, PERT) are tabulated once; every worker copies the tables.
        let tables = model.parameters.map { parameter -> TabulatedQuantile? in
            switch parameter.distribution.family {
            case .pert, .beta: TabulatedQuantile(parameter.distribution)
            default: nil
            }
        }
        let context = WorkerContext(
            model: model, layout: layout, configuration: configuration, hypercube: hypercube, affine: affine, quantileTables: tables)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var worker: BlockWorker
            do { worker = try BlockWorker(context: context) } catch {
                merger.fail(error)
                return
            }
            while let block = merger.claimBlock(count: blockCount) {
                do {
                    let result = try worker.run(block: block)
                    merger.submit(block: block, result)
                } catch {
                    merger.fail(error)
                    return
                }
            }
            merger.addSketches(worker.sketches)
        }
        let summary = try merger.finish()
        return RunResult(model: model, layout: layout, summary: summary, draws: configuration.draws,
                         seed: configuration.seed, sampling: configuration.sampling, usedBlockProducts: affine != nil)
    }
}

/// Outputs as an affine map of the parameters, y = c + M·θ, probed from the evaluator:
/// c = y(0), column j of M = y(eⱼ) − y(0). Exact up to rounding when the model is affine.
struct AffineMap: Sendable {
    let intercept: [Double]
    /// M, outputs × parameters, column-major.
    let slopes: [Double]

    init(model: SimulationModel, layout: OutputLayout) throws(SimulationError) {
        var evaluator = try DrawEvaluator(model: model)
        let k = model.parameters.count, m = layout.count
        var theta = [Double](repeating: 0, count: k)
        var intercept = [Double](repeating: 0, count: m)
        try evaluator.evaluateArrays(theta: theta, into: &intercept)
        var slopes = [Double](repeating: 0, count: m * k)
        var column = [Double](repeating: 0, count: m)
        for j in 0..<k {
            theta[j] = 1
            try evaluator.evaluateArrays(theta: theta, into: &column)
            theta[j] = 0
            for o in 0..<m { slopes[o + m * j] = column[o] - intercept[o] }
        }
        self.intercept = intercept
        self.slopes = slopes
    }
}

extension DrawEvaluator {
    mutating func evaluateArrays(theta: [Double], into out: inout [Double]) throws(SimulationError) {
        try theta.withUnsafeBufferPointer { t throws(SimulationError) in
            try out.withUnsafeMutableBufferPointer { o throws(SimulationError) in try evaluate(theta: t, into: o, draw: -1) }
        }
    }
}

struct WorkerContext: Sendable {
    let model: SimulationModel
    let layout: OutputLayout
    let configuration: RunConfiguration
    let hypercube: LatinHypercube?
    let affine: AffineMap?
    let quantileTables: [TabulatedQuantile?]
}

/// What a worker hands back for one block.
struct BlockResult: Sendable {
    let summary: BlockSummary
    let drawsText: String?
    let draws: Int
}

/// One worker's buffers and evaluator, reused across its blocks.
struct BlockWorker {
    let context: WorkerContext
    var evaluator: DrawEvaluator
    var uniforms: [Double]
    var theta: [Double]
    var normals: [Double]
    /// The block's outputs, output-major: output o of draw t at [t + blockSize·o], so that
    /// each output's values over the block are contiguous for the summaries (a draw-major
    /// layout made the summaries gather with a stride of one output row per value).
    var outputs: [Double]
    /// One draw's outputs, for the draw-by-draw evaluator.
    var drawOutputs: [Double]
    /// Quantile sketches of everything this worker evaluated (merged at the end).
    var sketches: [QuantileSketch]
    /// Inverse CDFs with this worker's own storage.
    let transform: ParameterTransform

    init(context: WorkerContext) throws(SimulationError) {
        self.context = context
        self.evaluator = try DrawEvaluator(model: context.model)
        let b = RunConfiguration.blockSize
        let k = context.model.parameters.count
        uniforms = [Double](repeating: 0, count: b)
        theta = [Double](repeating: 0, count: max(k, 1) * b)
        normals = [Double](repeating: 0, count: (context.model.correlation?.indices.count ?? 0) * b)
        outputs = [Double](repeating: 0, count: context.layout.count * b)
        drawOutputs = [Double](repeating: 0, count: context.layout.count)
        do {
            sketches = try (0..<context.layout.count).map { _ throws(SamplingError) in try QuantileSketch(relativeAccuracy: OutputSummary.relativeAccuracy) }
        } catch {
            throw .invalidModel(error.description)
        }
        transform = ParameterTransform(parameters: context.model.parameters, tables: context.quantileTables)
    }

    mutating func run(block: Int) throws(SimulationError) -> BlockResult {
        let model = context.model
        let b = RunConfiguration.blockSize
        let first = block * b
        let count = min(b, context.configuration.draws - first)
        let k = model.parameters.count
        let m = context.layout.count
        // Uniforms, parameter by parameter, into θ (k × count, column per draw).
        for j in 0..<k {
            if let hypercube = context.hypercube {
                do {
                    try uniforms.withUnsafeMutableBufferPointer { u throws(SamplingError) in
                        try hypercube.fill(UnsafeMutableBufferPointer(rebasing: u[0..<count]), dimension: j, firstDraw: first)
                    }
                } catch {
                    throw .invalidModel(error.description)
                }
            } else {
                let stream = CounterRandomStream(seed: context.configuration.seed, stream: UInt64(j))
                uniforms.withUnsafeMutableBufferPointer { u in
                    stream.fill(UnsafeMutableBufferPointer(rebasing: u[0..<count]), firstIndex: UInt64(first / 2))
                }
            }
            for t in 0..<count { theta[j + k * t] = uniforms[t] }
        }
        // Gaussian copula on the correlated parameters: u → z = Φ⁻¹(u) → L·z → Φ.
        if let (indices, copula) = model.correlation {
            let c = indices.count
            for t in 0..<count {
                for (position, j) in indices.enumerated() { normals[position + c * t] = StandardNormal.quantile(theta[j + k * t]) }
            }
            do {
                try normals.withUnsafeMutableBufferPointer { z throws(SamplingError) in
                    try copula.correlateInPlace(UnsafeMutableBufferPointer(rebasing: z[0..<(c * count)]), draws: count)
                }
            } catch {
                throw .invalidModel(error.description)
            }
            for t in 0..<count {
                for (position, j) in indices.enumerated() { theta[j + k * t] = StandardNormal.cdf(normals[position + c * t]) }
            }
        }
        // Inverse CDFs.
        if k > 0 {
            theta.withUnsafeMutableBufferPointer { th in transform.apply(th.baseAddress!, parameters: k, draws: count) }
        }
        // Outputs, output-major (Yᵀ: count × m with leading dimension b).
        if let affine = context.affine {
            for o in 0..<m {
                let intercept = affine.intercept[o]
                for t in 0..<count { outputs[t + b * o] = intercept }
            }
            if k > 0 {
                // Yᵀ += Θᵀ·Mᵀ, with Θ (k × count) and M (m × k) as stored.
                affine.slopes.withUnsafeBufferPointer { s in
                    theta.withUnsafeBufferPointer { th in
                        outputs.withUnsafeMutableBufferPointer { y in
                            generalMatrixMultiply(
                                transposeA: .transposed, transposeB: .transposed, m: count, n: m, k: k, alpha: 1,
                                a: th.baseAddress!, leadingA: k, b: s.baseAddress!, leadingB: m,
                                beta: 1, c: y.baseAddress!, leadingC: b)
                        }
                    }
                }
            }
        } else {
            for t in 0..<count {
                try theta.withUnsafeBufferPointer { th throws(SimulationError) in
                    try drawOutputs.withUnsafeMutableBufferPointer { y throws(SimulationError) in
                        try evaluator.evaluate(
                            theta: UnsafeBufferPointer(rebasing: th[(k * t)..<(k * t + k)]), into: y, draw: first + t)
                    }
                }
                for o in 0..<m { outputs[t + b * o] = drawOutputs[o] }
            }
        }
        var summary: BlockSummary
        do { summary = try BlockSummary(outputs: m, model: model) } catch { throw .invalidModel(error.description) }
        let layout = context.layout
        outputs.withUnsafeBufferPointer { y in
            for o in 0..<m {
                let values = UnsafeBufferPointer(rebasing: y[(b * o)..<(b * o + count)])
                var moments = RunningMoments()
                moments.insert(contentsOf: values)
                summary.moments[o] = moments
                sketches[o].insert(block: values)
            }
            for t in 0..<count {
                summary.meetsTarget.insert(y[t + b * layout.grdp])
                summary.atOrAbovePublishedOutcome?.insert(y[t + b * layout.grdp])
                if let e = layout.exports { summary.exportsMeetTarget?.insert(y[t + b * e]) }
                if let c = layout.consumerPrices { summary.consumerPricesAtOrAboveCeiling?.insert(y[t + b * c]) }
            }
        }
        var text: String?
        if context.configuration.keptDraws != nil {
            var lines = ""
            lines.reserveCapacity(count * (k + m) * 12)
            for t in 0..<count {
                var cells: [String] = [String(first + t)]
                for j in 0..<k { cells.append(DrawsWriter.format(theta[j + k * t])) }
                for o in 0..<m { cells.append(DrawsWriter.format(outputs[t + b * o])) }
                lines += cells.joined(separator: ",") + "\n"
            }
            text = lines
        }
        return BlockResult(summary: summary, drawsText: text, draws: count)
    }
}

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

/// Where kept draws go: the caller's staged file (written in draw order; the caller
/// commits or abandons it once the whole command is done).
public protocol DrawsSink: AnyObject, Sendable {
    /// Appends CSV lines; throws `cannotWriteDraws` on a write error (e.g. a full disk).
    func appendDraws(_ text: String) throws(SimulationError)
}

/// Writes the header, then each block's lines, to the sink.
final class DrawsWriter: @unchecked Sendable {
    let sink: any DrawsSink

    init(sink: any DrawsSink, header: [String]) throws(SimulationError) {
        self.sink = sink
        try append((["draw"] + header).joined(separator: ",") + "\n")
    }

    static func format(_ value: Double) -> String { "\(value)" }

    func append(_ text: String) throws(SimulationError) {
        try sink.appendDraws(text)
    }
}
