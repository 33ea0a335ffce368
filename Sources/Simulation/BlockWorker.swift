import LinearAlgebra
import Sampling

/// One worker's buffers and evaluator, reused across its blocks.
///
/// A block goes through five steps, each a method working on the same buffers:
/// `drawUniforms` → `correlate` → `transformToParameters` → `evaluateOutputs` →
/// `summarise` (and `formatKeptDraws` when draws are kept).
/// - Complexity: O(count · (k + m)) per block plus the outputs' cost (one dgemm of
///   count × m × k when affine, else one evaluator call per draw).
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
    /// The sketches' bucket indices by cell of the values' bits (shared by this worker's
    /// sketches, which have one relative accuracy).
    var indexCells: BucketIndexCells
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
        indexCells = sketches.first.map { BucketIndexCells(for: $0) } ?? BucketIndexCells(disabledForMultiplier: 0)
        transform = ParameterTransform(
            parameters: context.model.parameters, tables: context.quantileTables, correlated: context.model.correlation?.indices ?? [])
    }

    /// Simulates block `block` (draws block·4096 ..< min((block + 1)·4096, draws)).
    mutating func run(block: Int) throws(SimulationError) -> BlockResult {
        let first = block * RunConfiguration.blockSize
        let count = min(RunConfiguration.blockSize, context.configuration.draws - first)
        try drawUniforms(first: first, count: count)
        try correlate(count: count)
        transformToParameters(count: count)
        try evaluateOutputs(first: first, count: count)
        let summary = try summarise(count: count)
        let text = context.configuration.keptDraws != nil ? formatKeptDraws(first: first, count: count) : nil
        return BlockResult(summary: summary, drawsText: text, draws: count)
    }

    /// Step 1: uniforms, parameter by parameter, into θ (k × count, column per draw), from
    /// the Latin hypercube or the counter-based stream of parameter j.
    mutating func drawUniforms(first: Int, count: Int) throws(SimulationError) {
        let k = context.model.parameters.count
        if let hypercube = context.hypercube {
            // Each dimension's uniforms go straight into θ's row j (stride k), with no copy.
            do {
                try theta.withUnsafeMutableBufferPointer { th throws(SamplingError) in
                    for j in 0..<k {
                        try hypercube.fill(UnsafeMutableBufferPointer(rebasing: th[j...]), stride: k, count: count, dimension: j, firstDraw: first)
                    }
                }
            } catch {
                throw .invalidModel(error.description)
            }
            return
        }
        for j in 0..<k {
            let stream = CounterRandomStream(seed: context.configuration.seed, stream: UInt64(j))
            uniforms.withUnsafeMutableBufferPointer { u in
                stream.fill(UnsafeMutableBufferPointer(rebasing: u[0..<count]), firstIndex: UInt64(first / 2))
            }
            for t in 0..<count { theta[j + k * t] = uniforms[t] }
        }
    }

    /// Step 2: the Gaussian copula on the correlated parameters: u → z = Φ⁻¹(u) → L·z → Φ (or z
    /// itself for a parameter whose inverse CDF takes the normal score, `ParameterTransform`).
    mutating func correlate(count: Int) throws(SimulationError) {
        guard let correlation = context.model.correlation else { return }
        try CopulaStep.apply(
            correlation, parameterCount: context.model.parameters.count, count: count, takesNormalScore: transform.takesNormalScore,
            theta: &theta, normals: &normals)
    }

    /// Step 3: the inverse CDFs, uniforms → parameter values, in place in θ; then the netting
    /// groups' member amounts (`LeverNetting`).
    mutating func transformToParameters(count: Int) {
        let k = context.model.parameters.count
        guard k > 0 else { return }
        let netting = context.model.netting
        theta.withUnsafeMutableBufferPointer { th in
            transform.apply(th.baseAddress!, parameters: k, draws: count)
            netting.apply(th.baseAddress!, parameters: k, draws: count)
        }
    }

    /// Step 4: the outputs, output-major (Yᵀ: count × m with leading dimension b): one dgemm
    /// Yᵀ = 1·cᵀ + Θᵀ·Mᵀ for an affine model, else the draw evaluator for each draw.
    mutating func evaluateOutputs(first: Int, count: Int) throws(SimulationError) {
        let b = RunConfiguration.blockSize
        let k = context.model.parameters.count
        let m = context.layout.count
        if let affine = context.affine {
            // Each output's intercept over the block's draws, one contiguous run per output.
            outputs.withUnsafeMutableBufferPointer { y in
                affine.intercept.withUnsafeBufferPointer { intercept in
                    for o in 0..<min(m, intercept.count) {
                        UnsafeMutableBufferPointer(rebasing: y[(b * o)..<(b * o + count)]).update(repeating: intercept[o])
                    }
                }
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
            // The buffers are taken once for the block, not once per draw; draw t's outputs go
            // down column t of the output-major block by a pointer stepping one row (b values).
            try theta.withUnsafeBufferPointer { th throws(SimulationError) in
                try drawOutputs.withUnsafeMutableBufferPointer { y throws(SimulationError) in
                    try outputs.withUnsafeMutableBufferPointer { all throws(SimulationError) in
                        for t in 0..<count {
                            try evaluator.evaluate(
                                theta: UnsafeBufferPointer(rebasing: th[(k * t)..<(k * t + k)]), into: y, draw: first + t)
                            guard var cell = all.baseAddress.map({ $0 + t }) else { continue }
                            for o in 0..<m {
                                cell.pointee = y[o]
                                cell += b
                            }
                        }
                    }
                }
            }
        }
    }

    /// Step 5: the block's moments and exceedance counts (returned, merged in block order)
    /// and this worker's quantile sketches (integer counts, merged in any order).
    mutating func summarise(count: Int) throws(SimulationError) -> BlockSummary {
        let b = RunConfiguration.blockSize
        let m = context.layout.count
        var summary: BlockSummary
        do { summary = try BlockSummary(outputs: m, model: context.model) } catch { throw .invalidModel(error.description) }
        let layout = context.layout
        outputs.withUnsafeBufferPointer { y in
            func values(of o: Int) -> UnsafeBufferPointer<Double> { UnsafeBufferPointer(rebasing: y[(b * o)..<(b * o + count)]) }
            // Four outputs' moments side by side (`BlockMoments`), the same bits as one by one.
            if let base = y.baseAddress { summary.moments = BlockMoments.moments(of: base, rowStride: b, outputs: m, count: count) }
            for o in 0..<m {
                let values = values(of: o)
                let moments = summary.moments[o]
                // Finite extremes mean a block without NaN or ±∞, whose extremes the sketch
                // takes from the moments' scan instead of comparing every value again.
                if moments.minimum.isFinite && moments.maximum.isFinite {
                    sketches[o].insert(finiteBlock: values, minimum: moments.minimum, maximum: moments.maximum, cells: &indexCells)
                } else {
                    sketches[o].insert(block: values, cells: &indexCells)
                }
            }
            summary.meetsTarget.insert(block: values(of: layout.grdp))
            summary.atOrAbovePublishedOutcome?.insert(block: values(of: layout.grdp))
            if let e = layout.exports { summary.exportsMeetTarget?.insert(block: values(of: e)) }
            if let c = layout.consumerPrices { summary.consumerPricesAtOrAboveCeiling?.insert(block: values(of: c)) }
        }
        return summary
    }

    /// The kept draws of the block as CSV lines: draw number, parameters, outputs.
    func formatKeptDraws(first: Int, count: Int) -> String {
        let b = RunConfiguration.blockSize
        let k = context.model.parameters.count
        let m = context.layout.count
        var lines = ""
        lines.reserveCapacity(count * (k + m) * 12)
        for t in 0..<count {
            var cells: [String] = [String(first + t)]
            for j in 0..<k { cells.append(DrawsWriter.format(theta[j + k * t])) }
            for o in 0..<m { cells.append(DrawsWriter.format(outputs[t + b * o])) }
            lines += cells.joined(separator: ",") + "\n"
        }
        return lines
    }
}
