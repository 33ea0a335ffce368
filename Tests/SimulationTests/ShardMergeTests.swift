import Foundation
import Sampling
import Scenarios
import Testing
@testable import Simulation

/// Splitting a run into shards and resuming it: the merged summary must equal the
/// single-process one exactly (no tolerance: moments are replayed in block order, sketches and
/// counts are integers), for any number of shards and threads.
@Suite("Shards, merge and checkpoints")
struct ShardMergeTests {
    /// 7 blocks and a partial eighth: shards of 0, 1 and several blocks all occur below.
    static let draws = 7 * RunConfiguration.blockSize + 1_000

    static func identity(seed: UInt64 = 11, draws: Int = ShardMergeTests.draws) -> RunIdentity {
        RunIdentity(toolVersion: "test", scenarioSHA256: "0123456789abcdef", arguments: ["--draws", String(draws)], seed: seed, draws: draws,
                    sampling: .monteCarlo)
    }

    static func configuration(threads: Int, seed: UInt64 = 11, sampling: SamplingMethod = .monteCarlo) -> RunConfiguration {
        RunConfiguration(draws: draws, seed: seed, sampling: sampling, threads: threads)
    }

    static func shards(_ count: Int, model: SimulationModel, threads: Int) throws -> [(source: String, state: PartialRun)] {
        try (1...count).map { k in
            var state = try PartialRun(identity: identity(), shard: Shard(index: k, count: count), model: model)
            try MonteCarloEngine.continueRun(&state, model: model, configuration: configuration(threads: threads))
            return (source: "shard-\(k)", state: state)
        }
    }

    @Test("The shards' blocks partition the run's blocks: contiguous, in order, sizes within one block",
          arguments: [1, 2, 3, 7, 8, 13])
    func partition(count: Int) throws {
        let total = Shard.blockCount(draws: Self.draws)
        let ranges = try (1...count).map { try Shard(index: $0, count: count).blocks(draws: Self.draws) }
        #expect(ranges.first?.lowerBound == 0)
        #expect(ranges.last?.upperBound == total)
        for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        let sizes = ranges.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
    }

    @Test("Merging 1, 2, 3 and 7 shards gives the single process's summary exactly, at 1, 2 and 3 threads",
          arguments: [1, 2, 3, 7], [1, 2, 3])
    func mergeIdentity(shardCount: Int, threads: Int) throws {
        let model = try linearModel()
        let single = try MonteCarloEngine.run(model: model, configuration: Self.configuration(threads: 2))
        let parts = try Self.shards(shardCount, model: model, threads: threads)
        let merged = try MonteCarloEngine.result(merging: parts.reversed(), model: model)
        #expect(merged.summary == single.summary)
        for (a, b) in zip(merged.summary.outputs, single.summary.outputs) {
            #expect(a.moments.mean.bitPattern == b.moments.mean.bitPattern)
            #expect(a.moments.sumOfSquaredDeviations.bitPattern == b.moments.sumOfSquaredDeviations.bitPattern)
            #expect(a.quantile(0.05) == b.quantile(0.05) && a.quantile(0.95) == b.quantile(0.95))
        }
        #expect(merged.draws == single.draws && merged.seed == single.seed)
    }

    @Test("A state survives its encoding bit for bit, and checkpointed segments merge into the same summary")
    func encodingAndSegments() throws {
        let model = try linearModel()
        let single = try MonteCarloEngine.run(model: model, configuration: Self.configuration(threads: 2))
        var state = try PartialRun(identity: Self.identity(), shard: .whole, model: model)
        var checkpoints = 0
        // A 1 ns interval: every segment is one block, so each block is a checkpoint.
        try MonteCarloEngine.continueRun(&state, model: model, configuration: Self.configuration(threads: 2), checkpointInterval: .nanoseconds(1)) { saved in
            checkpoints += 1
            let decoded = try PartialRun(encoded: saved.encoded())
            #expect(decoded.encoded() == saved.encoded())
        }
        #expect(checkpoints == Shard.blockCount(draws: Self.draws))
        let decoded = try PartialRun(encoded: state.encoded())
        #expect(try MonteCarloEngine.result(merging: [("checkpoint", decoded)], model: model).summary == single.summary)
    }

    @Test("A run continued from a half-done state ends as the uninterrupted run (Latin hypercube too)")
    func resume() throws {
        let model = try linearModel()
        for sampling in [SamplingMethod.monteCarlo, .latinHypercube] {
            var identity = Self.identity()
            identity.sampling = sampling
            let configuration = Self.configuration(threads: 2, sampling: sampling)
            let single = try MonteCarloEngine.run(model: model, configuration: configuration)
            var state = try PartialRun(identity: identity, shard: .whole, model: model)
            struct Stop: Error {}
            var saved: PartialRun?
            do {
                try MonteCarloEngine.continueRun(&state, model: model, configuration: configuration, checkpointInterval: .nanoseconds(1)) { s in
                    saved = s
                    if s.completedEnd >= 3 { throw Stop() }
                }
            } catch {}
            var resumed = try PartialRun(encoded: #require(saved).encoded())
            #expect(resumed.completedEnd == 3)
            try MonteCarloEngine.continueRun(&resumed, model: model, configuration: configuration)
            #expect(try MonteCarloEngine.result(merging: [("resumed", resumed)], model: model).summary == single.summary)
        }
    }

    @Test("Refusals: another run, another split, a shard twice, a shard missing, an unfinished shard; each names the file")
    func refusals() throws {
        let model = try linearModel()
        let parts = try Self.shards(3, model: model, threads: 1)
        func message(_ given: [(source: String, state: PartialRun)]) -> String? {
            do {
                _ = try MonteCarloEngine.result(merging: given, model: model)
                return nil
            } catch {
                return error.description
            }
        }
        var otherSeed = try PartialRun(identity: Self.identity(seed: 12), shard: Shard(index: 2, count: 3), model: model)
        try MonteCarloEngine.continueRun(&otherSeed, model: model, configuration: Self.configuration(threads: 1, seed: 12))
        #expect(message([parts[0], ("b", otherSeed), parts[2]])
            == "b: not a shard of the same run as shard-1 (seed 12 vs 11); merge the shards of one run only")
        let ofTwo = try Self.shards(2, model: model, threads: 1)
        #expect(message([parts[0], ofTwo[1]]) == "shard-2: shard 2/2 of 2, but shard-1 is one of 3 shards; merge the shards of one split only")
        #expect(message([parts[0], parts[1], ("again", parts[1].state), parts[2]]) == "again: shard 2/3 is also given as shard-2; give each shard once")
        #expect(message([parts[0], parts[2]])
            == "shard 2/3 is missing (2 of 3 given); run it with grdp run --shard 2/3 --partial FILE and merge every shard")
        let unfinished = try PartialRun(identity: Self.identity(), shard: Shard(index: 2, count: 3), model: model)
        #expect(message([parts[0], ("cp", unfinished), parts[2]])
            == "cp: shard 2/3 is unfinished (0 of 3 blocks, a checkpoint); finish it by rerunning its grdp run command")
        #expect(throws: SimulationError.cannotResume("cp: the checkpoint is of another run (seed 11 vs 12); delete it or give another --checkpoint file")) {
            try unfinished.checkResumable(as: Self.identity(seed: 12), shard: Shard(index: 2, count: 3), source: "cp")
        }
        #expect(throws: SimulationError.cannotResume("cp: the checkpoint is of shard 2/3, this run is shard 1/1; delete it or give another --checkpoint file")) {
            try unfinished.checkResumable(as: Self.identity(), shard: .whole, source: "cp")
        }
        #expect(throws: SimulationError.invalidShard("shard 4/3: K/N needs 1 ≤ K ≤ N ≤ 1000000")) { try Shard(index: 4, count: 3) }
    }

    @Test("Corrupt state bytes are refused, never trapped on: every truncation and a bad length")
    func corruptBytes() throws {
        let model = try linearModel()
        let bytes = try Self.shards(2, model: model, threads: 1)[0].state.encoded()
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            #expect(throws: SamplingError.self) { try PartialRun(encoded: Array(bytes[0..<cut])) }
        }
        #expect(throws: SamplingError.self) { try PartialRun(encoded: bytes + [0]) }
    }
}
