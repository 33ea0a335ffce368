import Dispatch
import Foundation
import LinearAlgebra
import Sampling

/// Evaluates a compiled scenario model at rows of independent input uniforms chosen by the
/// caller (a Sobol' design, a Morris trajectory, a goal-seek on common random numbers), with the
/// engine's own pipeline: the Gaussian copula on the correlated parameters (u → z = Φ⁻¹(u) →
/// L·z → Φ), the inverse CDFs (`ParameterTransform`), the netting groups (`LeverNetting`), optional adjustments of the parameter
/// values, then the outputs — one dgemm per chunk when the model is affine (`AffineMap`), the
/// `DrawEvaluator` row by row otherwise. Rows are cut into chunks of 4,096 shared among worker
/// threads; each output lands at a fixed place, so results do not depend on the thread count.
///
/// With the engine's plain Monte Carlo uniforms (`sampledUniforms(rows:seed:)`) and no
/// adjustments, row t gives exactly draw t of `grdp run --sampling monte-carlo`.
/// - Complexity: O(rows · (k + outputs)) plus the per-row model solves when not affine.
public struct ModelEvaluation: Sendable {
    public let model: SimulationModel
    public let layout: OutputLayout
    let affine: AffineMap?
    let quantileTables: [TabulatedQuantile?]

    /// A change to one parameter's sampled value, after its inverse CDF.
    public struct Adjustment: Sendable, Equatable {
        public enum Change: Sendable, Equatable {
            /// Hold the parameter at this value.
            case set(Double)
            /// Add this amount (a shift of its distribution).
            case shift(Double)
            /// Multiply by this factor (a proportional scale of its distribution).
            case scale(Double)
        }
        public let parameter: Int
        public let change: Change
        public init(parameter: Int, change: Change) {
            self.parameter = parameter
            self.change = change
        }
    }

    /// The evaluated rows: the chosen outputs (output-major: output o of row t at
    /// `outputs[o * rows + t]`) and, when asked for, the parameter values (row-major, rows × k).
    public struct Rows: Sendable {
        public let rows: Int
        public let outputs: [Double]
        public let parameters: [Double]?
        /// Output number `o` (in the order asked for) over all rows.
        public func output(_ o: Int) -> ArraySlice<Double> { outputs[(o * rows)..<((o + 1) * rows)] }
    }

    public init(model: SimulationModel) throws(SimulationError) {
        self.model = model
        self.layout = OutputLayout(model: model)
        self.affine = model.isAffine ? try AffineMap(model: model, layout: layout) : nil
        self.quantileTables = QuantileTables.tables(for: model.parameters)
    }

    /// The engine's plain Monte Carlo uniforms for draws 0..<rows (row-major, rows × k): stream j
    /// of `CounterRandomStream(seed:stream:)` for parameter j, as `MonteCarloEngine` draws them.
    public func sampledUniforms(rows: Int, seed: UInt64) -> [Double] {
        Self.sampledUniforms(rows: rows, streams: (0..<model.parameters.count).map { UInt64($0) }, seed: seed)
    }

    /// Plain Monte Carlo uniforms with an explicit stream for each parameter (row-major, rows × k).
    public static func sampledUniforms(rows: Int, streams: [UInt64], seed: UInt64) -> [Double] {
        let k = streams.count
        var result = [Double](repeating: 0, count: rows * k)
        var column = [Double](repeating: 0, count: rows)
        for (j, stream) in streams.enumerated() {
            CounterRandomStream(seed: seed, stream: stream).fill(&column, firstIndex: 0)
            for t in 0..<rows { result[t * k + j] = column[t] }
        }
        return result
    }

    /// Evaluates every row of `uniforms` (row-major, rows × k, each in (0, 1)).
    /// - Parameters:
    ///   - outputs: indices into `layout` of the outputs to return.
    ///   - adjustments: applied in order to every row's parameter values.
    ///   - keepParameters: also return the parameter values (after adjustments).
    ///   - threads: worker threads (≥ 1); results do not depend on it.
    public func evaluate(
        uniforms: [Double], outputs: [Int], adjustments: [Adjustment] = [], keepParameters: Bool = false, threads: Int = 1
    ) throws(SimulationError) -> Rows {
        let rows = try checkedRows(uniforms: uniforms, outputs: outputs, adjustments: adjustments)
        let k = model.parameters.count
        let chunk = RunConfiguration.blockSize
        let chunkCount = (rows + chunk - 1) / chunk
        let store = EvaluationStore(rows: rows, outputs: outputs.count, parameters: keepParameters ? k : 0)
        defer { store.release() }
        let previousBLASThreads = BLASConfiguration.threadCount
        BLASConfiguration.setThreadCount(1)
        defer { BLASConfiguration.setThreadCount(previousBLASThreads) }
        let workers = max(1, min(threads, chunkCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            do throws(SimulationError) {
                var worker = try EvaluationWorker(evaluation: self)
                while let c = store.claim(count: chunkCount) {
                    let first = c * chunk, count = min(chunk, rows - first)
                    try worker.evaluate(
                        uniforms: uniforms, first: first, count: count, adjustments: adjustments)
                    worker.store(into: store, outputs: outputs, rows: rows, first: first, count: count, keepParameters: keepParameters)
                }
            } catch {
                store.fail(error)
            }
        }
        if let error = store.error { throw error }
        return Rows(rows: rows, outputs: Array(store.outputs), parameters: keepParameters ? Array(store.parameters) : nil)
    }

    /// The number of rows of `uniforms`, after checking the shapes and indices of the request.
    func checkedRows(uniforms: [Double], outputs: [Int], adjustments: [Adjustment]) throws(SimulationError) -> Int {
        let k = model.parameters.count, m = layout.count
        let rows = k > 0 ? uniforms.count / k : 0
        guard k > 0, uniforms.count == rows * k, rows > 0 else {
            throw .invalidModel("the evaluation needs a whole number of rows of \(k) uniforms (got \(uniforms.count) values)")
        }
        guard outputs.allSatisfy({ $0 >= 0 && $0 < m }) else { throw .invalidModel("an output index is outside the model's \(m) outputs") }
        guard adjustments.allSatisfy({ $0.parameter >= 0 && $0.parameter < k }) else {
            throw .invalidModel("an adjustment names a parameter outside the model's \(k)")
        }
        return rows
    }
}

/// One worker thread of `ModelEvaluation.evaluate`: its buffers and evaluator, reused across
/// chunks. A chunk goes copy → `correlate` → inverse CDFs → netting → `adjust` → `evaluateOutputs`.
struct EvaluationWorker {
    let evaluation: ModelEvaluation
    var evaluator: DrawEvaluator
    let transform: ParameterTransform
    var theta: [Double]
    var normals: [Double]
    /// The chunk's outputs, output-major: output o of row t at [t + chunk·o].
    var block: [Double]
    var drawOutputs: [Double]

    init(evaluation: ModelEvaluation) throws(SimulationError) {
        self.evaluation = evaluation
        let model = evaluation.model, chunk = RunConfiguration.blockSize
        let k = model.parameters.count, m = evaluation.layout.count
        evaluator = try DrawEvaluator(model: model)
        transform = ParameterTransform(parameters: model.parameters, tables: evaluation.quantileTables, correlated: model.correlation?.indices ?? [])
        theta = [Double](repeating: 0, count: k * chunk)
        normals = [Double](repeating: 0, count: (model.correlation?.indices.count ?? 0) * chunk)
        block = [Double](repeating: 0, count: m * chunk)
        drawOutputs = [Double](repeating: 0, count: m)
    }

    /// Rows first..<first + count of `uniforms` (row-major) to outputs in `block`.
    mutating func evaluate(uniforms: [Double], first: Int, count: Int, adjustments: [ModelEvaluation.Adjustment]) throws(SimulationError) {
        let k = evaluation.model.parameters.count
        for index in 0..<(k * count) { theta[index] = uniforms[first * k + index] }
        try correlate(count: count)
        theta.withUnsafeMutableBufferPointer { th in transform.apply(th.baseAddress!, parameters: k, draws: count) }
        // Netting before the adjustments: a shift or scale of a netted lever (goal-seek) moves its
        // netted amount, i.e. adds to the plan total instead of being netted away.
        let netting = evaluation.model.netting
        theta.withUnsafeMutableBufferPointer { th in netting.apply(th.baseAddress!, parameters: k, draws: count) }
        adjust(adjustments, count: count)
        try evaluateOutputs(first: first, count: count)
    }

    /// The Gaussian copula on the correlated parameters: u → z = Φ⁻¹(u) → L·z → Φ (or z itself
    /// for a parameter whose inverse CDF takes the normal score, `ParameterTransform`).
    mutating func correlate(count: Int) throws(SimulationError) {
        guard let correlation = evaluation.model.correlation else { return }
        try CopulaStep.apply(
            correlation, parameterCount: evaluation.model.parameters.count, count: count, takesNormalScore: transform.takesNormalScore,
            theta: &theta, normals: &normals)
    }

    /// The adjustments, in order, to every row's parameter values.
    mutating func adjust(_ adjustments: [ModelEvaluation.Adjustment], count: Int) {
        let k = evaluation.model.parameters.count
        for adjustment in adjustments {
            let j = adjustment.parameter
            switch adjustment.change {
            case let .set(value): for t in 0..<count { theta[j + k * t] = value }
            case let .shift(amount): for t in 0..<count { theta[j + k * t] += amount }
            case let .scale(factor): for t in 0..<count { theta[j + k * t] *= factor }
            }
        }
    }

    /// The outputs into `block`: Yᵀ = 1·cᵀ + Θᵀ·Mᵀ (one dgemm) when affine, else row by row.
    mutating func evaluateOutputs(first: Int, count: Int) throws(SimulationError) {
        let k = evaluation.model.parameters.count, m = evaluation.layout.count, chunk = RunConfiguration.blockSize
        if let affine = evaluation.affine {
            // Yᵀ = 1·cᵀ + Θᵀ·Mᵀ (count × m, leading dimension `chunk`).
            for o in 0..<m {
                for t in 0..<count { block[t + chunk * o] = affine.intercept[o] }
            }
            affine.slopes.withUnsafeBufferPointer { s in
                theta.withUnsafeBufferPointer { th in
                    block.withUnsafeMutableBufferPointer { y in
                        generalMatrixMultiply(
                            transposeA: .transposed, transposeB: .transposed, m: count, n: m, k: k, alpha: 1,
                            a: th.baseAddress!, leadingA: k, b: s.baseAddress!, leadingB: m,
                            beta: 1, c: y.baseAddress!, leadingC: chunk)
                    }
                }
            }
            return
        }
        for t in 0..<count {
            try theta.withUnsafeBufferPointer { th throws(SimulationError) in
                try drawOutputs.withUnsafeMutableBufferPointer { y throws(SimulationError) in
                    try evaluator.evaluate(theta: UnsafeBufferPointer(rebasing: th[(k * t)..<(k * t + k)]), into: y, draw: first + t)
                }
            }
            for o in 0..<m { block[t + chunk * o] = drawOutputs[o] }
        }
    }

    /// The chosen outputs (and the parameters when kept) of the chunk at their rows in `store`.
    func store(into store: EvaluationStore, outputs: [Int], rows: Int, first: Int, count: Int, keepParameters: Bool) {
        let chunk = RunConfiguration.blockSize, k = evaluation.model.parameters.count
        for (position, o) in outputs.enumerated() {
            for t in 0..<count { store.outputs[position * rows + first + t] = block[t + chunk * o] }
        }
        if keepParameters {
            for index in 0..<(k * count) { store.parameters[first * k + index] = theta[index] }
        }
    }
}

/// Result buffers written by the workers at disjoint places, and the chunk counter.
final class EvaluationStore: @unchecked Sendable {
    let outputs: UnsafeMutableBufferPointer<Double>
    let parameters: UnsafeMutableBufferPointer<Double>
    private let lock = NSLock()
    private var next = 0
    private(set) var error: SimulationError?

    init(rows: Int, outputs: Int, parameters: Int) {
        self.outputs = .allocate(capacity: rows * outputs)
        self.outputs.initialize(repeating: 0)
        self.parameters = .allocate(capacity: rows * parameters)
        self.parameters.initialize(repeating: 0)
    }

    func claim(count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard error == nil, next < count else { return nil }
        defer { next += 1 }
        return next
    }

    func fail(_ error: SimulationError) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }

    func release() {
        outputs.deallocate()
        parameters.deallocate()
    }
}
