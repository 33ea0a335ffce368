import Foundation
import LinearAlgebra
import Sampling
import Scenarios

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
