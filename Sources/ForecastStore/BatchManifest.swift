import Foundation
import TOML

/// A batch manifest (`grdp batch MANIFEST.toml`, docs/store.md): the store, defaults and a
/// list of jobs, each a scenario × published-quarters vintage × overrides with its output
/// file. Relative paths are resolved against the manifest's folder. Parsed with the
/// project's TOML parser; every error names the manifest, the line and the key.
public struct BatchManifest: Sendable, Equatable {
    public struct Job: Sendable, Equatable {
        /// The job's name (default: `job N`).
        public var name: String
        /// The manifest line of the job's `[[job]]` header.
        public var line: Int
        /// The scenario file (resolved), or nil for the embedded Hanoi plan.
        public var scenario: String?
        /// `Q1=7.41,Q2=8.13`, as `--actual` takes it; nil: the scenario's own.
        public var actual: String?
        /// `--set` values, e.g. `national.growth=7.5`.
        public var settings: [String]
        public var baselineModel: String?
        public var draws: Int64?
        public var seed: Int64?
        public var sampling: String?
        /// The output file (resolved).
        public var output: String
        /// text, csv, json or markdown; nil: from the output's extension.
        public var format: String?

        /// The `grdp run` arguments of the job (without `--store` and progress).
        public var runArguments: [String] {
            var arguments: [String] = scenario.map { [$0] } ?? []
            if let actual { arguments += ["--actual", actual] }
            for setting in settings { arguments += ["--set", setting] }
            if let baselineModel { arguments += ["--baseline-model", baselineModel] }
            if let draws { arguments += ["--draws", String(draws)] }
            if let seed { arguments += ["--seed", String(seed)] }
            if let sampling { arguments += ["--sampling", sampling] }
            if let format { arguments += ["--format", format] }
            arguments += ["--output", output]
            return arguments
        }
    }

    public var path: String
    /// The store every job is recorded in (resolved).
    public var store: String
    public var jobs: [Job]

    static let jobKeys = ["name", "scenario", "actual", "set", "baseline_model", "draws", "seed", "sampling", "output", "format"]
    static let formats = ["text", "csv", "json", "markdown"]

    /// Reads and parses the manifest at `path`. O(size of the file).
    public static func load(path: String) throws(ForecastStoreError) -> BatchManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .manifest(path: path, line: 0, message: "cannot read the manifest; check the path")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws(ForecastStoreError) -> BatchManifest {
        let document: TOMLDocument
        do { document = try TOMLDocument.parse(text) } catch {
            throw .manifest(path: path, line: error.location.line, message: error.message)
        }
        let folder = (path as NSString).deletingLastPathComponent
        func resolve(_ file: String) -> String {
            file.hasPrefix("/") || folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file)
        }
        let root = document.root
        func line(_ table: TOMLTable, _ key: String) -> Int { table.location(of: key)?.line ?? 0 }
        for key in root.keys where !["store", "defaults", "job"].contains(key) {
            throw .manifest(path: path, line: line(root, key), message: "unknown key '\(key)'; a manifest has store, [defaults] and [[job]] tables")
        }
        var store = resolve("forecasts.sqlite")
        if let value = root["store"] {
            guard let text = value.string, !text.isEmpty else {
                throw .manifest(path: path, line: line(root, "store"), message: "store must be a file name in quotes, e.g. store = \"forecasts.sqlite\"")
            }
            store = resolve(text)
        }
        var defaults: TOMLTable?
        if let value = root["defaults"] {
            guard let table = value.table else { throw .manifest(path: path, line: line(root, "defaults"), message: "defaults must be a table: [defaults]") }
            defaults = table
        }
        guard let jobsValue = root["job"], let jobs = jobsValue.array, jobs.isArrayOfTables || jobs.allSatisfy({ $0.table != nil }) else {
            throw .manifest(path: path, line: line(root, "job"), message: "no jobs; add one [[job]] table per forecast, with at least output = \"FILE\"")
        }
        var parsed: [Job] = []
        for index in jobs.indices {
            guard let table = jobs[index].table else { continue }
            parsed.append(try job(table, defaults: defaults, number: index + 1, line: jobs.location(at: index).line, path: path, resolve: resolve))
        }
        var outputs: [String: Int] = [:]
        for job in parsed {
            if let first = outputs[job.output] {
                throw .manifest(path: path, line: job.line, message: "job '\(job.name)' writes \(job.output), as the job at line \(first) does; give each job its own output")
            }
            outputs[job.output] = job.line
        }
        return BatchManifest(path: path, store: store, jobs: parsed)
    }

    private static func job(_ table: TOMLTable, defaults: TOMLTable?, number: Int, line jobLine: Int, path: String,
                            resolve: (String) -> String) throws(ForecastStoreError) -> Job {
        for source in [defaults, table].compactMap({ $0 }) {
            for key in source.keys where !jobKeys.contains(key) {
                throw .manifest(path: path, line: source.location(of: key)?.line ?? jobLine,
                                message: "unknown key '\(key)'; a job takes \(jobKeys.joined(separator: ", "))")
            }
        }
        /// The value of `key` in the job, else in [defaults], with the line it came from.
        func value(_ key: String) -> (TOMLValue, Int)? {
            if let v = table[key] { return (v, table.location(of: key)?.line ?? jobLine) }
            if let defaults, let v = defaults[key] { return (v, defaults.location(of: key)?.line ?? jobLine) }
            return nil
        }
        func string(_ key: String) throws(ForecastStoreError) -> String? {
            guard let (v, line) = value(key) else { return nil }
            guard let text = v.string else { throw .manifest(path: path, line: line, message: "\(key) must be a string in quotes") }
            return text
        }
        func integer(_ key: String, _ range: ClosedRange<Int64>) throws(ForecastStoreError) -> Int64? {
            guard let (v, line) = value(key) else { return nil }
            guard let number = v.integer, range.contains(number) else {
                throw .manifest(path: path, line: line, message: "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        var settings: [String] = []
        if let (v, line) = value("set") {
            guard let array = v.array, array.allSatisfy({ $0.string != nil }) else {
                throw .manifest(path: path, line: line, message: "set must be a list of strings, e.g. set = [\"national.growth=7.5\"]")
            }
            settings = array.compactMap(\.string)
        }
        guard let output = try string("output"), !output.isEmpty else {
            throw .manifest(path: path, line: jobLine, message: "job \(number) has no output; add output = \"FILE\" (its format follows the extension .json .csv .md .txt)")
        }
        let format = try string("format")
        if let format, !formats.contains(format) {
            throw .manifest(path: path, line: value("format")?.1 ?? jobLine, message: "format '\(format)' is not one of \(formats.joined(separator: ", "))")
        }
        return Job(name: try string("name") ?? "job \(number)", line: jobLine, scenario: try string("scenario").map(resolve),
                   actual: try string("actual"), settings: settings, baselineModel: try string("baseline_model"),
                   draws: try integer("draws", 1...Int64(Int32.max)), seed: try integer("seed", 0...Int64.max), sampling: try string("sampling"),
                   output: resolve(output), format: format)
    }
}
