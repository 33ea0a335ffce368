import ArgumentParser
import ForecastStore
import Foundation
import Reporting

/// `grdp batch MANIFEST.toml`: runs a manifest's jobs, each written to its file and recorded
/// in the store; skips those already done; a failed job does not stop the others
/// (docs/store.md).
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run a manifest of forecasts (scenario × published quarters × overrides), each written to its file and recorded in the store.",
        discussion: """
            A job whose content hash (scenario text, overrides, seed, draws, tool version) is in the store and whose output \
            file exists is skipped. Exit status: 0 when no job failed; otherwise the number of failed jobs, at most 63 \
            (1 also means a manifest error, which stops before any job and is one line on standard error). docs/store.md.
            """)

    @Argument(help: "The manifest (TOML); relative paths in it are resolved against its folder.") var manifest: String
    @Option(name: .customLong("store"), help: "The store (overrides the manifest's store).") var store: String?
    @OptionGroup var outputOptions: OutputOptions

    /// The largest exit status for failed jobs: 64 and above are the usage and internal codes.
    static let maximumFailureStatus = 63

    enum Status: String { case done, skipped, failed }

    func run() throws {
        if let output = outputOptions.output, output != "-" { try StagedFile.checkWritable(output) }
        let manifest = try BatchManifest.load(path: self.manifest)
        let storePath = store ?? manifest.store
        try StoreOptions.check(storePath)
        var table = ResultTable(
            id: "batch", title: "Batch \(self.manifest)",
            columns: [.init("job", "Job"), .init("name", "Name"), .init("status", "Status"), .init("output", "Output"),
                      .init("p_meets_target", "P(≥ target)", unit: "probability"), .init("median_growth_pct", "Median %"), .init("message", "Message")])
        var counts: [Status: Int] = [:]
        for (index, job) in manifest.jobs.enumerated() {
            let (status, message) = Self.run(job, store: storePath, manifest: manifest.path)
            counts[status, default: 0] += 1
            let headline = status == .failed ? nil : try? ForecastStore(path: storePath, mustExist: true).latestHeadline(jobHash: message.hash)
            table.append([.number(Double(index + 1), decimals: 0), .text(job.name), .text(status.rawValue), .text(job.output),
                          .value(headline?.probability, 4), .value(headline?.median, 2), .text(message.text)])
            Self.note("[\(index + 1)/\(manifest.jobs.count)] \(job.name): \(status.rawValue)\(message.text.isEmpty ? "" : " — " + message.text)")
        }
        let done = counts[.done] ?? 0, skipped = counts[.skipped] ?? 0, failed = counts[.failed] ?? 0
        let summary = "\(manifest.jobs.count) jobs: \(done) done, \(skipped) skipped, \(failed) failed"
        let report = Report(
            title: "Batch \(self.manifest)",
            headline: [("Jobs", .text(summary)), ("Store", .text(storePath))], tables: [table],
            figures: [KeyFigure("jobs", .number(Double(manifest.jobs.count), decimals: 0)), KeyFigure("done", .number(Double(done), decimals: 0)),
                      KeyFigure("skipped", .number(Double(skipped), decimals: 0)), KeyFigure("failed", .number(Double(failed), decimals: 0))],
            meta: ReportMeta(command: "batch", inputs: [try InputFile.fingerprint(role: "manifest", path: self.manifest)].compactMap { $0 }))
        try outputOptions.emit(report, inputs: "the jobs of \(self.manifest)")
        if failed > 0 {
            Self.note("grdp: batch: \(summary)")
            throw ExitCode(Int32(min(failed, Self.maximumFailureStatus)))
        }
    }

    /// Runs one job as `grdp run` would; every error becomes the job's message.
    static func run(_ job: BatchManifest.Job, store: String, manifest: String) -> (Status, (text: String, hash: String)) {
        let arguments = job.runArguments + ["--store", store, "--progress", "none"]
        let command: RunCommand
        do {
            command = try RunCommand.parse(CommandLineArguments.joiningNegativeNumbers(arguments))
        } catch {
            return (.failed, ("\(manifest):\(job.line): " + CommandLineArguments.oneLine(RunCommand.message(for: error)), ""))
        }
        var hash = ""
        do {
            hash = try command.jobHash()
            if FileManager.default.fileExists(atPath: job.output), FileManager.default.fileExists(atPath: store),
               try ForecastStore(path: store, mustExist: true).contains(jobHash: hash) {
                return (.skipped, ("already done (same content hash)", hash))
            }
            let folder = (job.output as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try command.run()
            return (.done, ("", hash))
        } catch {
            let text = UserFacingErrors.message(for: error) ?? RunCommand.message(for: error)
            return (.failed, (CommandLineArguments.oneLine(text), hash))
        }
    }

    static func note(_ line: String) {
        FileHandle.standardError.write(Data((CommandLineArguments.oneLine(line) + "\n").utf8))
    }
}
