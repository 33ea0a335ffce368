import Foundation
import LinearAlgebra
import Sampling

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
///
/// A run can also be split into shards (`continueRun` on a `PartialRun`), checkpointed and
/// resumed, then merged (`result(merging:model:)`) into the same bits (docs/scale-out.md).
/// - Complexity: O(draws · (k + outputs)) plus the per-draw model solves when not affine.
public enum MonteCarloEngine {
    public static func run(model: SimulationModel, configuration: RunConfiguration) throws(SimulationError) -> RunResult {
        guard configuration.draws >= 1 else { throw .invalidModel("draws must be at least 1") }
        let setup = try Setup(model: model, configuration: configuration)
        let blockCount = Shard.blockCount(draws: configuration.draws)
        let previousBLASThreads = BLASConfiguration.threadCount
        BLASConfiguration.setThreadCount(1)
        defer { BLASConfiguration.setThreadCount(previousBLASThreads) }
        let (summary, _, _) = try simulate(blocks: 0..<blockCount, setup: setup, total: try setup.emptySummary(), recording: false)
        return RunResult(model: model, layout: setup.layout, summary: summary, draws: configuration.draws,
                         seed: configuration.seed, sampling: configuration.sampling, usedBlockProducts: setup.context.affine != nil)
    }

    /// Simulates the blocks of `partial`'s shard that it has not done yet, in segments:
    /// with `checkpoint`, a segment ends once `checkpointInterval` has passed and `checkpoint`
    /// receives the state of every block done so far (also after the last segment).
    /// Blocks are simulated exactly as by `run`, so merging the state gives the same bits.
    /// - Throws: `invalidModel` when `configuration` is not the run `partial` belongs to.
    public static func continueRun(
        _ partial: inout PartialRun, model: SimulationModel, configuration: RunConfiguration,
        checkpointInterval: Duration = .seconds(5), checkpoint: ((PartialRun) throws -> Void)? = nil
    ) throws(SimulationError) {
        guard configuration.draws == partial.identity.draws, configuration.seed == partial.identity.seed,
              configuration.sampling == partial.identity.sampling else {
            throw .invalidModel("the run's draws, seed or sampling differ from the state it continues")
        }
        let setup = try Setup(model: model, configuration: configuration)
        guard setup.layout.count == partial.outputCount else { throw .invalidModel("the state has \(partial.outputCount) outputs, the model \(setup.layout.count)") }
        let previousBLASThreads = BLASConfiguration.threadCount
        BLASConfiguration.setThreadCount(1)
        defer { BLASConfiguration.setThreadCount(previousBLASThreads) }
        repeat {
            let remaining = partial.completedEnd..<partial.blocks.upperBound
            if !remaining.isEmpty {
                let deadline = checkpoint != nil ? ContinuousClock.now.advanced(by: checkpointInterval) : nil
                let (total, recorded, _) = try simulate(
                    blocks: remaining, setup: setup, total: try setup.emptySummary(), recording: true, deadline: deadline,
                    doneBefore: partial.completedDraws)
                try partial.append(recorded, sketches: total.outputs.map(\.sketch))
            }
            if let checkpoint {
                do { try checkpoint(partial) } catch let error as SimulationError { throw error } catch { throw .invalidModel("\(error)") }
            }
        } while !partial.isComplete
    }

    /// The run's result from the states of all its shards (any order): each block's moments
    /// merged in global block order and every sketch and count added, which is what `run`
    /// computes in one process, bit for bit.
    /// - Throws: `cannotMerge`, naming the source, for states of different runs, shard
    ///   counts that differ, a shard given twice or missing, or an unfinished shard.
    /// - Complexity: O(blocks · outputs + outputs · buckets · shards).
    public static func result(merging parts: [(source: String, state: PartialRun)], model: SimulationModel) throws(SimulationError) -> RunResult {
        let ordered = try PartialRun.checkedForMerge(parts)
        let layout = OutputLayout(model: model)
        guard let first = ordered.first else { throw .cannotMerge("no shard to merge") }
        var total: RunSummary
        do { total = try RunSummary(layout: layout, model: model) } catch { throw .invalidModel(error.description) }
        for (source, state) in ordered {
            guard state.outputCount == layout.count else {
                throw .cannotMerge("\(source): the state has \(state.outputCount) outputs, the scenario \(layout.count); merge with the scenario the shards ran")
            }
            do {
                for block in state.summaries { try total.merge(block: block) }
                try total.merge(sketches: state.sketches)
            } catch {
                throw .cannotMerge("\(source): \(error.description)")
            }
        }
        let identity = first.state.identity
        return RunResult(model: model, layout: layout, summary: total, draws: identity.draws, seed: identity.seed,
                         sampling: identity.sampling, usedBlockProducts: model.isAffine)
    }

    /// What every segment of one run shares.
    struct Setup {
        let layout: OutputLayout
        let context: WorkerContext
        let writer: DrawsWriter?
        let model: SimulationModel

        init(model: SimulationModel, configuration: RunConfiguration) throws(SimulationError) {
            self.model = model
            let layout = OutputLayout(model: model)
            self.layout = layout
            let k = model.parameters.count
            let hypercube: LatinHypercube?
            do {
                hypercube = configuration.sampling == .latinHypercube && k > 0
                    ? try LatinHypercube(seed: configuration.seed, drawCount: configuration.draws, dimensions: k) : nil
            } catch {
                throw .invalidModel(error.description)
            }
            let affine = try model.isAffine ? AffineMap(model: model, layout: layout) : nil
            writer = try configuration.keptDraws.map { sink throws(SimulationError) in
                try DrawsWriter(sink: sink, header: model.parameters.map(\.id) + layout.names)
            }
            // Costly inverse CDFs (beta, PERT) are tabulated once a process; every worker copies the tables.
            let tables = QuantileTables.tables(for: model.parameters)
            context = WorkerContext(
                model: model, layout: layout, configuration: configuration, hypercube: hypercube, affine: affine, quantileTables: tables)
        }

        func emptySummary() throws(SimulationError) -> RunSummary {
            do { return try RunSummary(layout: layout, model: model) } catch { throw .invalidModel(error.description) }
        }
    }

    /// Simulates `blocks` on the configured number of workers and merges them into `total`
    /// in block order (or records each block's summary, when `recording`).
    static func simulate(
        blocks: Range<Int>, setup: Setup, total: RunSummary, recording: Bool, deadline: ContinuousClock.Instant? = nil, doneBefore: Int = 0
    ) throws(SimulationError) -> (total: RunSummary, recorded: [BlockSummary], end: Int) {
        let configuration = setup.context.configuration
        let merger = OrderedMerger(total: total, writer: setup.writer, maxAhead: max(2, configuration.threads) * 2,
                                   progress: configuration.progress, blocks: blocks, recording: recording, deadline: deadline,
                                   doneBefore: doneBefore)
        let threads = max(1, min(configuration.threads, blocks.count))
        let context = setup.context
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var worker: BlockWorker
            do { worker = try BlockWorker(context: context) } catch {
                merger.fail(error)
                return
            }
            while let block = merger.claimBlock() {
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
        return try merger.finish()
    }
}
