import ArgumentParser
import Datasets
import Foundation
import Reporting

/// `grdp data`: the embedded Hanoi dataset with the provenance of every number;
/// `grdp data build` regenerates it from data/sources; `grdp data export` writes its files.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Show the embedded Hanoi dataset with provenance; rebuild or export it.",
        subcommands: [Show.self, Build.self, Export.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the dataset and where every number comes from.")
        @OptionGroup var outputOptions: OutputOptions
        func run() throws {
            var report = DatasetReports.dataset(try HanoiDataset.embedded())
            report.meta = ReportMeta(command: "data")
            try outputOptions.emit(report, inputs: "the embedded dataset")
        }
    }

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Regenerate the embedded dataset from data/sources (run from the repository root).",
            discussion: "Writes Sources/Datasets/EmbeddedHanoiData.swift; with --check, only compares and fails if it differs.")
        @Option(help: "Directory with the source files.") var sources = "data/sources"
        @Option(help: "Swift file to write.") var swiftFile = "Sources/Datasets/EmbeddedHanoiData.swift"
        @Option(help: "Default scenario to embed.") var scenario = "scenarios/hanoi-2025-plan.toml"
        @Flag(help: "Do not write: exit 1 if the file differs from what the sources give.") var check = false

        func run() throws {
            let scenarioText: String
            do { scenarioText = try String(contentsOfFile: scenario, encoding: .utf8) } catch {
                throw DatasetError.unreadable(path: scenario, reason: (error as NSError).localizedDescription)
            }
            let files = try HanoiDatasetBuilder.build(sources: HanoiDatasetBuilder.readSources(directory: sources), defaultScenario: scenarioText)
            let source = HanoiDatasetBuilder.swiftSource(files)
            if check {
                let current = try? String(contentsOfFile: swiftFile, encoding: .utf8)
                guard current == source else { throw DatasetError.embeddedMismatch(file: swiftFile) }
                print("\(swiftFile) is up to date (\(files.count) files)")
            } else {
                try AtomicFile.write(source, to: swiftFile)
                print("wrote \(swiftFile): \(files.map(\.name).joined(separator: ", "))")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the embedded CSV files to a directory.")
        @Argument(help: "Directory to write into (created when missing; files of the same name are replaced).") var directory: String
        func run() throws {
            let dataset = try HanoiDataset.embedded()
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw CommandInputError("\(directory): cannot create the directory (\((error as NSError).localizedDescription)); choose a writable path")
            }
            // All files are staged first and renamed into place together at the end.
            var staged: [StagedFile] = []
            do {
                for name in dataset.files.keys.sorted() {
                    let file = try StagedFile(path: (directory as NSString).appendingPathComponent(name))
                    staged.append(file)
                    try file.append(dataset.files[name] ?? "")
                }
                for file in staged { try file.commit() }
            } catch {
                for file in staged { file.abandon() }
                throw error
            }
            print("wrote \(dataset.files.count) files to \(directory)")
        }
    }
}
