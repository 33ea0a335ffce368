import ArgumentParser
import Foundation
import Reporting
import Scenarios
import Simulation

/// `--shard K/N`, `--partial FILE`, `--checkpoint FILE` of `grdp run`: a run split over
/// processes or resumed after a kill (docs/scale-out.md). The engine's state and its merge
/// live in Simulation (`PartialRun`, `MonteCarloEngine.continueRun`), the file in Reporting
/// (`PartialRunFile`); this only reads the options and the array job's environment.
struct ScaleOutOptions: ParsableArguments {
    @Option(help: "Simulate only shard K of N of the run's blocks: K/N (1-based), or auto (auto/N) from the array job's environment (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX). Needs --partial.")
    var shard: String?

    @Option(help: "Write the shard's mergeable state to this file (for grdp merge) instead of a report.")
    var partial: String?

    @Option(help: "Save the state of the completed blocks to this file every few seconds (atomically); rerun the same command to continue from it.")
    var checkpoint: String?

    @Option(help: "Seconds between checkpoints (default 5).")
    var checkpointInterval: Double = 5

    func validate() throws {
        if shard != nil, partial == nil { throw ValidationError("--shard needs --partial FILE, the file grdp merge reads") }
        if let partial, partial == "-" { throw ValidationError("--partial needs a file name (the state is written atomically, not to standard output)") }
        if let checkpoint, checkpoint == "-" { throw ValidationError("--checkpoint needs a file name") }
        if let partial, let checkpoint, StagedFile.sameTarget(partial, checkpoint) {
            throw ValidationError("--partial and --checkpoint name the same file '\(partial)'; give two different files")
        }
        guard checkpointInterval.isFinite, checkpointInterval >= 0.1, checkpointInterval <= 86_400 else {
            throw ValidationError("--checkpoint-interval must be between 0.1 and 86400 seconds")
        }
        if let shard { _ = try Self.parseShard(shard, environment: ProcessInfo.processInfo.environment) }
    }

    /// The shard to run (1/1 without `--shard`).
    func resolvedShard() throws -> Shard {
        guard let shard else { return .whole }
        return try Self.parseShard(shard, environment: ProcessInfo.processInfo.environment)
    }

    /// `K/N`, `auto` or `auto/N`. With auto: Slurm's SLURM_ARRAY_TASK_ID (K = ID − MIN + 1,
    /// N = SLURM_ARRAY_TASK_COUNT; the array must be a range of step 1), a Kubernetes Indexed
    /// Job's JOB_COMPLETION_INDEX (0-based, K = index + 1; N from auto/N), or AWS Batch's
    /// AWS_BATCH_JOB_ARRAY_INDEX (0-based, K = index + 1; N from auto/N or
    /// AWS_BATCH_JOB_ARRAY_SIZE). Every problem is a usage error naming the variable.
    static func parseShard(_ text: String, environment: [String: String]) throws -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func number(_ value: String?, _ name: String) throws -> Int {
            guard let value, let n = Int(value.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--shard \(text): \(name) '\(value ?? "")' is not a whole number")
            }
            return n
        }
        func make(_ index: Int, _ count: Int, from source: String) throws -> Shard {
            do { return try Shard(index: index, count: count) } catch {
                let given = source == "K/N" ? "" : " \(source) gives \(index)/\(count), but"
                throw ValidationError("--shard \(text):\(given) K/N needs 1 ≤ K ≤ N ≤ \(Shard.maximumCount)")
            }
        }
        guard parts.first == "auto" else {
            guard parts.count == 2 else { throw ValidationError("--shard \(text): give K/N (e.g. 2/4), auto or auto/N") }
            return try make(try number(parts[0], "K"), try number(parts[1], "N"), from: "K/N")
        }
        guard parts.count <= 2 else { throw ValidationError("--shard \(text): give K/N (e.g. 2/4), auto or auto/N") }
        let given = parts.count == 2 ? try number(parts[1], "N") : nil
        if let id = environment["SLURM_ARRAY_TASK_ID"] {
            let task = try number(id, "SLURM_ARRAY_TASK_ID")
            let count = try number(environment["SLURM_ARRAY_TASK_COUNT"], "SLURM_ARRAY_TASK_COUNT")
            let minimum = try environment["SLURM_ARRAY_TASK_MIN"].map { try number($0, "SLURM_ARRAY_TASK_MIN") } ?? 1
            if let maximum = try environment["SLURM_ARRAY_TASK_MAX"].map({ try number($0, "SLURM_ARRAY_TASK_MAX") }), maximum - minimum + 1 != count {
                throw ValidationError("--shard \(text): the Slurm array \(minimum)-\(maximum) has \(count) tasks, not a range of step 1; submit with --array=1-N")
            }
            if let given, given != count {
                throw ValidationError("--shard \(text): SLURM_ARRAY_TASK_COUNT is \(count), not \(given); give --shard auto")
            }
            return try make(task - minimum + 1, count, from: "SLURM_ARRAY_TASK_ID \(task) of \(count)")
        }
        if let index = environment["JOB_COMPLETION_INDEX"] {
            guard let given else {
                throw ValidationError("--shard \(text): JOB_COMPLETION_INDEX is set but not the number of shards; give --shard auto/N with N the Job's completions")
            }
            return try make(try number(index, "JOB_COMPLETION_INDEX") + 1, given, from: "JOB_COMPLETION_INDEX")
        }
        if let index = environment["AWS_BATCH_JOB_ARRAY_INDEX"] {
            let size = try given ?? environment["AWS_BATCH_JOB_ARRAY_SIZE"].map { try number($0, "AWS_BATCH_JOB_ARRAY_SIZE") }
            guard let size else {
                throw ValidationError("--shard \(text): AWS_BATCH_JOB_ARRAY_INDEX is set but not the array size; give --shard auto/N or set AWS_BATCH_JOB_ARRAY_SIZE")
            }
            return try make(try number(index, "AWS_BATCH_JOB_ARRAY_INDEX") + 1, size, from: "AWS_BATCH_JOB_ARRAY_INDEX")
        }
        throw ValidationError("--shard \(text): none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX is set; give --shard K/N")
    }

    /// The state to continue: the checkpoint when it exists (checked to be of this run and
    /// shard), else the empty state. With kept draws (a resumable staged file), the file is
    /// started afresh or continued from the checkpoint's mark.
    func startingState(identity: RunIdentity, shard: Shard, model: SimulationModel, keptDraws: StagedFile? = nil) throws -> PartialRun {
        guard let checkpoint, FileManager.default.fileExists(atPath: checkpoint) else {
            _ = try keptDraws?.start(at: nil)
            return try PartialRun(identity: identity, shard: shard, model: model)
        }
        let state = try PartialRunFile.read(checkpoint)
        try state.checkResumable(as: identity, shard: shard, source: checkpoint)
        if let keptDraws {
            let restart = "delete it to start the run over, or leave out --keep-draws"
            if let mark = state.keptDraws {
                if let problem = try keptDraws.start(at: mark) {
                    throw SimulationError.cannotResume(state.isComplete
                        ? "\(checkpoint): the checkpoint is of a finished run whose kept draws were written already (\(keptDraws.path)); \(restart)"
                        : "\(checkpoint): \(problem); \(restart)")
                }
            } else if state.completedDraws > 0 {
                throw SimulationError.cannotResume("\(checkpoint): the checkpoint was written without --keep-draws, so its \(state.completedDraws) draws done were not kept; \(restart)")
            } else {
                _ = try keptDraws.start(at: nil)
            }
        }
        return state
    }

    /// Simulates `shard` of the run (continuing `--checkpoint` when it exists) and returns
    /// its state; the checkpoint file is rewritten atomically every `--checkpoint-interval`,
    /// with the kept draws' mark once their bytes are on disk.
    func simulate(shard: Shard, model: SimulationModel, configuration: RunConfiguration, identity: RunIdentity) throws -> PartialRun {
        let keptDraws = (configuration.keptDraws as? StagedFile).flatMap { $0.isResumable ? $0 : nil }
        var state = try startingState(identity: identity, shard: shard, model: model, keptDraws: keptDraws)
        let write: ((PartialRun) throws -> Void)? = checkpoint.map { path in
            { state in
                var state = state
                state.keptDraws = try keptDraws?.mark()
                try PartialRunFile.write(state, to: path)
            }
        }
        try MonteCarloEngine.continueRun(&state, model: model, configuration: configuration,
                                         checkpointInterval: .milliseconds(Int(checkpointInterval * 1000)), checkpoint: write)
        return state
    }
}

extension RunCommand {
    /// The arguments of this run that shape its result, in a fixed order: what a shard's
    /// file records and `grdp merge` parses again.
    var resultArguments: [String] {
        var arguments: [String] = []
        if let scenario { arguments.append(scenario) }
        if let draws { arguments += ["--draws", String(draws)] }
        if let seed { arguments += ["--seed", String(seed)] }
        if let sampling { arguments += ["--sampling", sampling.rawValue] }
        if centralAssumptions { arguments.append("--central-assumptions") }
        if let actual { arguments += ["--actual", actual.argument] }
        if let baselineModel { arguments += ["--baseline-model", baselineModel.rawValue] }
        for setting in settings { arguments += ["--set", setting.override.argument] }
        return arguments
    }

    func identity(of scenario: Scenario, scenarioSHA256: String) -> RunIdentity {
        RunIdentity(toolVersion: ReportMeta.toolVersion, scenarioSHA256: scenarioSHA256, arguments: resultArguments,
                    seed: scenario.seed, draws: scenario.draws, sampling: scenario.sampling)
    }

    /// The engine of this run: the whole run in one go, or through its checkpoint.
    func runEngine(model: SimulationModel, configuration: RunConfiguration, identity: RunIdentity) throws -> RunResult {
        if scaleOut.partial != nil { throw ValidationError("--shard and --partial are options of grdp run; grdp merge renders the shards' report") }
        guard scaleOut.checkpoint != nil else { return try MonteCarloEngine.run(model: model, configuration: configuration) }
        let state = try scaleOut.simulate(shard: .whole, model: model, configuration: configuration, identity: identity)
        return try MonteCarloEngine.result(merging: [(scaleOut.checkpoint ?? "", state)], model: model)
    }

    /// The staged `--keep-draws` file (gzip for a name ending in `.gz`): resumable with
    /// `--checkpoint`, opened by `ScaleOutOptions.startingState`.
    func keptDrawsFile() throws -> StagedFile? {
        try keepDraws.map { path in
            let gzip = path.lowercased().hasSuffix(".gz")
            do {
                return try scaleOut.checkpoint != nil ? StagedFile(resumable: path, gzip: gzip) : StagedFile(path: path, streaming: true, gzip: gzip)
            } catch let ReportingError.cannotWrite(_, reason) {
                throw SimulationError.cannotWriteDraws(path: path, reason: reason)
            }
        }
    }

    /// `--partial FILE`: simulates this run's shard and writes its state (no report); shard 1
    /// also computes the report's draw-independent parts, which `grdp merge` then reads.
    func runShard(to path: String) throws {
        if scenario == "-" { throw ValidationError("--partial needs a scenario file or the embedded plan (grdp merge reads it again), not standard input") }
        if outputOptions.output != nil { throw ValidationError("--partial writes the shard's state, not a report; leave out --output (grdp merge writes the report)") }
        try StagedFile.checkWritable(path)
        let shard = try scaleOut.resolvedShard()
        let compiled = try compiled()
        let identity = identity(of: compiled.scenario, scenarioSHA256: compiled.fingerprint.sha256)
        let share = shard.blocks(draws: compiled.scenario.draws)
        let shareDraws = min(share.upperBound * RunConfiguration.blockSize, compiled.scenario.draws) - min(share.lowerBound * RunConfiguration.blockSize, compiled.scenario.draws)
        let draws = try keptDrawsFile()
        do {
            let configuration = RunConfiguration(
                draws: compiled.scenario.draws, seed: compiled.scenario.seed, sampling: compiled.scenario.sampling,
                threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, keptDraws: draws,
                progress: ProgressReporter.make(progressMode, total: max(shareDraws, 1)))
            var state = try scaleOut.simulate(shard: shard, model: compiled.model, configuration: configuration, identity: identity)
            ProgressReporter.finish()
            if shard.index == 1 {
                state.drawIndependent = try DrawIndependentResults.compute(
                    compiled.scenario, dataset: compiled.dataset, model: compiled.model, configuration: configuration)
            }
            state.keptDraws = nil
            try PartialRunFile.write(state, to: path)
            try draws?.commit()
        } catch {
            draws?.abandon()
            throw error
        }
    }
}
