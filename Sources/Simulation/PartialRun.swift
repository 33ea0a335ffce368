import Sampling
import Scenarios

/// What makes two pieces of a run pieces of the same run: the tool's version, the scenario's
/// SHA-256, the options that shape the result, the seed, the number of draws and the sampling.
public struct RunIdentity: Sendable, Equatable {
    public var toolVersion: String
    public var scenarioSHA256: String
    /// The command-line arguments of the run that shape its result, in a fixed order
    /// (the scenario path and the overrides; not `--threads`, `--progress` or `--output`).
    public var arguments: [String]
    public var seed: UInt64
    public var draws: Int
    public var sampling: SamplingMethod

    public init(toolVersion: String, scenarioSHA256: String, arguments: [String], seed: UInt64, draws: Int, sampling: SamplingMethod) {
        self.toolVersion = toolVersion
        self.scenarioSHA256 = scenarioSHA256
        self.arguments = arguments
        self.seed = seed
        self.draws = draws
        self.sampling = sampling
    }

    /// The first field in which `self` and `other` differ, as "what: this vs that", or nil.
    public func difference(from other: RunIdentity) -> String? {
        if toolVersion != other.toolVersion { return "grdp version \(toolVersion) vs \(other.toolVersion)" }
        if scenarioSHA256 != other.scenarioSHA256 { return "scenario SHA-256 \(scenarioSHA256.prefix(12))… vs \(other.scenarioSHA256.prefix(12))…" }
        if seed != other.seed { return "seed \(seed) vs \(other.seed)" }
        if draws != other.draws { return "draws \(draws) vs \(other.draws)" }
        if sampling != other.sampling { return "sampling \(sampling.rawValue) vs \(other.sampling.rawValue)" }
        if arguments != other.arguments {
            return "options '\(arguments.joined(separator: " "))' vs '\(other.arguments.joined(separator: " "))'"
        }
        return nil
    }
}

/// The mergeable state of the completed blocks of one shard of a run (or of a whole run
/// being checkpointed): each block's moments and exceedance counts, in block order, and the
/// quantile sketches of all of them.
///
/// Moments are floating-point sums whose merge is not associative, so they are kept per
/// block and replayed in global block order by `MonteCarloEngine.result(merging:model:)`:
/// the merged summary is the one a single process computes, bit for bit. Sketches and
/// counts are integers, merged in any order. The state holds O(blocks · outputs) numbers
/// (about 50 bytes per output per 4,096 draws) and O(outputs · buckets) for the sketches.
public struct PartialRun: Sendable {
    public let identity: RunIdentity
    public let shard: Shard
    /// The blocks of this shard (`shard.blocks(draws:)`).
    public let blocks: Range<Int>
    let outputCount: Int
    /// Summaries of blocks `blocks.lowerBound ..< completedEnd`, in order.
    var summaries: [BlockSummary]
    /// Sketches of the completed blocks, one per output.
    var sketches: [QuantileSketch]
    /// The report's parts that do not depend on the draws, computed by shard 1 (nil in the
    /// other shards, in checkpoints and for a dataset without them).
    public var drawIndependent: DrawIndependentResults?
    /// How far the kept-draws file had got (a checkpoint of a run with `--keep-draws`).
    public var keptDraws: KeptDrawsMark?

    /// The first block not yet simulated.
    public var completedEnd: Int { blocks.lowerBound + summaries.count }
    public var isComplete: Bool { completedEnd == blocks.upperBound }
    /// Draws of the completed blocks.
    public var completedDraws: Int {
        min(completedEnd * RunConfiguration.blockSize, identity.draws) - min(blocks.lowerBound * RunConfiguration.blockSize, identity.draws)
    }

    /// The empty state of `shard` of the run `identity` of `model`.
    public init(identity: RunIdentity, shard: Shard, model: SimulationModel) throws(SimulationError) {
        self.identity = identity
        self.shard = shard
        blocks = shard.blocks(draws: identity.draws)
        outputCount = OutputLayout(model: model).count
        summaries = []
        drawIndependent = nil
        keptDraws = nil
        do {
            sketches = try (0..<outputCount).map { _ throws(SamplingError) in try QuantileSketch(relativeAccuracy: OutputSummary.relativeAccuracy) }
        } catch {
            throw .invalidModel(error.description)
        }
    }

    /// Appends the next blocks' summaries (in order) and their sketches.
    mutating func append(_ next: [BlockSummary], sketches more: [QuantileSketch]) throws(SimulationError) {
        summaries.append(contentsOf: next)
        do {
            for o in sketches.indices { try sketches[o].merge(more[o]) }
        } catch {
            throw .invalidModel(error.description)
        }
    }
}

extension BlockSummary: MergeableState {
    func encode(into writer: inout StateWriter) {
        writer.append(moments.count)
        for m in moments { writer.append(m) }
        writer.append(meetsTarget)
        for counter in [exportsMeetTarget, consumerPricesAtOrAboveCeiling, atOrAbovePublishedOutcome] {
            writer.append(counter != nil)
            if let counter { writer.append(counter) }
        }
    }

    init(from reader: inout StateReader) throws(SamplingError) {
        let m = try reader.count(atMost: PartialRun.maximumOutputs)
        moments = []
        moments.reserveCapacity(m)
        for _ in 0..<m { moments.append(try RunningMoments(from: &reader)) }
        meetsTarget = try ExceedanceCounter(from: &reader)
        func optional(_ reader: inout StateReader) throws(SamplingError) -> ExceedanceCounter? {
            try reader.bool() ? try ExceedanceCounter(from: &reader) : nil
        }
        exportsMeetTarget = try optional(&reader)
        consumerPricesAtOrAboveCeiling = try optional(&reader)
        atOrAbovePublishedOutcome = try optional(&reader)
    }
}

extension PartialRun {
    /// More outputs than any model has (a bound for reading a corrupt length).
    static let maximumOutputs = 1 << 20

    /// The state as bytes (identity, shard, blocks, summaries, sketches, then the draw-independent
    /// results and the kept-draws mark when present): 64-bit words.
    public func encoded() -> [UInt8] {
        var writer = StateWriter()
        writer.append(identity.toolVersion)
        writer.append(identity.scenarioSHA256)
        writer.append(identity.arguments.count)
        for argument in identity.arguments { writer.append(argument) }
        writer.append(identity.seed)
        writer.append(identity.draws)
        writer.append(identity.sampling.rawValue)
        writer.append(shard.index)
        writer.append(shard.count)
        writer.append(outputCount)
        writer.append(summaries.count)
        for summary in summaries { writer.append(summary) }
        for sketch in sketches { writer.append(sketch) }
        writer.append(drawIndependent != nil)
        if let drawIndependent { writer.append(drawIndependent) }
        writer.append(keptDraws != nil)
        if let keptDraws {
            for value in [keptDraws.fileBytes, Int(keptDraws.fileCRC32), keptDraws.textBytes, Int(keptDraws.textCRC32)] { writer.append(value) }
        }
        return writer.bytes
    }

    /// Reads `encoded()`'s bytes. - Throws: `corruptState` for bytes that end early, hold
    /// an impossible value or have bytes left over.
    public init(encoded bytes: [UInt8]) throws(SamplingError) {
        var reader = StateReader(bytes)
        let toolVersion = try reader.string()
        let scenarioSHA256 = try reader.string()
        let argumentCount = try reader.count(atMost: 10_000)
        var arguments: [String] = []
        for _ in 0..<argumentCount { arguments.append(try reader.string()) }
        let seed = try reader.word()
        let draws = try reader.count(atMost: Scenario.maximumDraws)
        let samplingName = try reader.string()
        guard let sampling = SamplingMethod(rawValue: samplingName) else { throw .corruptState("an unknown sampling '\(samplingName)'") }
        identity = RunIdentity(toolVersion: toolVersion, scenarioSHA256: scenarioSHA256, arguments: arguments, seed: seed, draws: draws, sampling: sampling)
        let index = try reader.int(), count = try reader.int()
        do { shard = try Shard(index: index, count: count) } catch { throw .corruptState(error.description) }
        blocks = shard.blocks(draws: draws)
        outputCount = try reader.count(atMost: Self.maximumOutputs)
        let completed = try reader.count(atMost: blocks.count)
        summaries = []
        summaries.reserveCapacity(completed)
        for _ in 0..<completed {
            let summary = try BlockSummary(from: &reader)
            guard summary.moments.count == outputCount else { throw .corruptState("a block of \(summary.moments.count) outputs, not \(outputCount)") }
            summaries.append(summary)
        }
        sketches = []
        for _ in 0..<outputCount { sketches.append(try QuantileSketch(from: &reader)) }
        drawIndependent = try reader.bool() ? try DrawIndependentResults(from: &reader) : nil
        if try reader.bool() {
            let fileBytes = try reader.count(atMost: Int.max), fileCRC32 = try reader.count(atMost: Int(UInt32.max))
            let textBytes = try reader.count(atMost: Int.max), textCRC32 = try reader.count(atMost: Int(UInt32.max))
            keptDraws = KeptDrawsMark(fileBytes: fileBytes, fileCRC32: UInt32(fileCRC32), textBytes: textBytes, textCRC32: UInt32(textCRC32))
        } else {
            keptDraws = nil
        }
        guard reader.isAtEnd else { throw .corruptState("bytes left over after the state") }
    }
}

extension StateWriter {
    mutating func append(_ text: String) {
        let utf8 = Array(text.utf8)
        append(utf8.count)
        var i = 0
        while i < utf8.count {
            var word: UInt64 = 0
            for j in 0..<8 where i + j < utf8.count { word |= UInt64(utf8[i + j]) << (8 * UInt64(j)) }
            append(word)
            i += 8
        }
    }
}

extension StateReader {
    mutating func string() throws(SamplingError) -> String {
        let length = try count(atMost: 1 << 20)
        var utf8: [UInt8] = []
        utf8.reserveCapacity(length)
        var remaining = length
        while remaining > 0 {
            let word = try word()
            for j in 0..<min(8, remaining) { utf8.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(j)))) }
            remaining -= min(8, remaining)
        }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw .corruptState("a text that is not UTF-8") }
        return text
    }
}

extension PartialRun {
    /// The states sorted by shard, after checking that they are every shard of one run,
    /// once each, all finished. Each refusal is one line naming the file.
    static func checkedForMerge(_ parts: [(source: String, state: PartialRun)]) throws(SimulationError) -> [(source: String, state: PartialRun)] {
        guard let first = parts.first else { throw .cannotMerge("no shard to merge; give the files written by grdp run --shard K/N --partial FILE") }
        var bySlot: [Int: String] = [:]
        for (source, state) in parts {
            if let difference = state.identity.difference(from: first.state.identity) {
                throw .cannotMerge("\(source): not a shard of the same run as \(first.source) (\(difference)); merge the shards of one run only")
            }
            guard state.shard.count == first.state.shard.count else {
                throw .cannotMerge("\(source): shard \(state.shard) of \(state.shard.count), but \(first.source) is one of \(first.state.shard.count) shards; merge the shards of one split only")
            }
            if let other = bySlot[state.shard.index] {
                throw .cannotMerge("\(source): shard \(state.shard) is also given as \(other); give each shard once")
            }
            bySlot[state.shard.index] = source
            guard state.isComplete else {
                throw .cannotMerge("\(source): shard \(state.shard) is unfinished (\(state.summaries.count) of \(state.blocks.count) blocks, a checkpoint); finish it by rerunning its grdp run command")
            }
        }
        let count = first.state.shard.count
        if let missing = (1...count).first(where: { bySlot[$0] == nil }) {
            throw .cannotMerge("shard \(missing)/\(count) is missing (\(bySlot.count) of \(count) given); run it with grdp run --shard \(missing)/\(count) --partial FILE and merge every shard")
        }
        return parts.sorted { $0.state.shard.index < $1.state.shard.index }
    }

    /// Checks that a checkpoint read from `source` belongs to the run `identity`, shard
    /// `shard`, so that continuing it gives that run's result.
    /// - Throws: `cannotResume`, one line naming what differs.
    public func checkResumable(as identity: RunIdentity, shard: Shard, source: String) throws(SimulationError) {
        if let difference = self.identity.difference(from: identity) {
            throw .cannotResume("\(source): the checkpoint is of another run (\(difference)); delete it or give another --checkpoint file")
        }
        guard self.shard == shard else {
            throw .cannotResume("\(source): the checkpoint is of shard \(self.shard), this run is shard \(shard); delete it or give another --checkpoint file")
        }
    }
}
