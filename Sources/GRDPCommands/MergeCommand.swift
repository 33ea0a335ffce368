import ArgumentParser
import Reporting
import Simulation

/// `grdp merge FILE…`: the report of a run split with `grdp run --shard K/N --partial FILE`,
/// byte for byte the single-process `grdp run` of the same scenario, seed, draws and options
/// (docs/scale-out.md). The files record the run's options; the scenario is read again and
/// must have the SHA-256 the shards ran.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shards of a split run (grdp run --shard K/N --partial FILE) into the run's report.",
        discussion: """
            Every shard of one run, in any order. The report is the one grdp run gives in one process \
            (same bytes for the same --format); run merge from the directory the shards ran in when the \
            scenario path is relative.
            """)

    @Argument(help: "The shards' files (grdp run --partial FILE), each shard once.") var files: [String]
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        if let output = outputOptions.output, output != "-" { try StagedFile.checkWritable(output) }
        let parts = try files.map { (source: $0, state: try PartialRunFile.read($0)) }
        guard let first = parts.first else { throw ValidationError("give the shards' files") }
        var command: RunCommand
        do { command = try RunCommand.parse(first.state.identity.arguments) } catch {
            throw CommandInputError("\(first.source): the recorded options '\(first.state.identity.arguments.joined(separator: " "))' do not parse in this grdp (\(RunCommand.message(for: error))); rerun the shards with this grdp")
        }
        command.outputOptions = outputOptions
        let report = try command.makeReport(engine: { model, identity in
            if let difference = first.state.identity.difference(from: identity) {
                throw SimulationError.cannotMerge("\(first.source): the shards' run and this grdp's differ (\(difference)); merge with the grdp version and scenario file the shards ran")
            }
            return try MonteCarloEngine.result(merging: parts, model: model)
        }, drawIndependent: parts.first { $0.state.shard.index == 1 }?.state.drawIndependent)
        try outputOptions.emit(report, inputs: "the merged shards \(files.joined(separator: ", "))")
    }
}
