import Foundation
import TOML

/// The documents a scenario was assembled from, by source number (`TOMLDocument.marked(source:)`):
/// 0 is the file named on the command line, 1, 2, … the files it `extends` in turn, and the
/// last, when there are `--set` options, the command line. Errors found after the documents
/// were merged are reported in the document that gave the offending key: `base.toml:12: key: …`,
/// or `--set key: …` for a value set on the command line.
public struct ScenarioSources: Sendable, Equatable {
    /// The file of each source (the command line's entry is `--set`).
    public internal(set) var files: [String]
    /// The source of the `--set` values, if any.
    public internal(set) var commandLineSource: Int?

    /// The name the command line's values are reported under.
    public static let commandLineName = "--set"

    init(root: String) { files = [root] }

    /// An error at `key` in the document that defines it (or its nearest defined ancestor);
    /// `lineOf` looks up another key's line (a matrix row for an error reported at the matrix).
    func error(
        at key: String, _ message: String, locator: TOMLKeyLocator, lineOf lookup: String? = nil, fallbackLine: Int? = nil
    ) -> ScenarioError {
        guard let origin = locator.nearestOrigin(of: lookup ?? key) ?? locator.nearestOrigin(of: key) else {
            return ScenarioError(file: files[0], line: fallbackLine, key: key, message: message)
        }
        if origin.source == commandLineSource {
            return ScenarioError(file: Self.commandLineName, line: nil, key: key, message: message)
        }
        let file = files.indices.contains(origin.source) ? files[origin.source] : files[0]
        return ScenarioError(file: file, line: origin.line, key: key, message: message)
    }

    /// The file whose directory a relative path given at `key` is resolved against (for a
    /// value set on the command line: the working directory, i.e. "").
    func file(of key: String, locator: TOMLKeyLocator) -> String {
        guard let origin = locator.nearestOrigin(of: key) else { return files[0] }
        if origin.source == commandLineSource { return "" }
        return files.indices.contains(origin.source) ? files[origin.source] : files[0]
    }
}

/// `--set KEY=VALUE`: one key of the scenario document replaced (or added) from the command
/// line, before the scenario is checked. KEY is a TOML dotted key (`levers.tourism.amount.mean`,
/// `baseline."other services"`), VALUE a TOML value (`1200`, `"local"`, `[0.25, 0.25, 0.25, 0.25]`,
/// `{ dist = "normal", mean = 1, sd = 2 }`); the text `KEY=VALUE` is read by the TOML parser as a
/// one-line document and laid over the scenario like a file that `extends` it (tables merged
/// key by key, any other value replaced).
///
/// Short names: `national.growth` (`scenario.national_growth`), `baseline.model`
/// (`scenario.baseline_model`), `target.growth` (`scenario.target`).
public struct ScenarioOverride: Sendable {
    /// The key as written on the command line.
    public let key: String
    /// The text as written on the command line.
    public let argument: String
    let document: TOMLDocument

    /// Short names of `[scenario]` keys, and the keys they stand for.
    public static let aliases: [(name: String, key: String)] = [
        ("national.growth", "scenario.national_growth"), ("baseline.model", "scenario.baseline_model"),
        ("target.growth", "scenario.target"),
    ]

    /// - Throws: `ScenarioError` (file `--set`, no line) when the text is not `KEY=VALUE` in
    ///   TOML syntax: a command-line error (exit 64), not a bad scenario.
    public init(_ argument: String) throws(ScenarioError) {
        func refuse(_ key: String, _ message: String) -> ScenarioError {
            ScenarioError(file: ScenarioSources.commandLineName, line: nil, key: key, message: message)
        }
        self.argument = argument
        guard let equals = argument.firstIndex(of: "=") else {
            throw refuse(argument, "expected KEY=VALUE (a TOML key and value), e.g. --set levers.tourism_visitors.amount.mean=12000")
        }
        var key = argument[..<equals].trimmingCharacters(in: .whitespaces)
        let value = argument[argument.index(after: equals)...]
        guard !key.isEmpty, !key.hasPrefix("["), !key.hasPrefix("#") else {
            throw refuse(argument, "expected KEY=VALUE with a dotted key before '=', e.g. --set scenario.target=8.5")
        }
        guard !argument.contains(where: { $0.isNewline }) else {
            throw refuse(key, "the value spans several lines; give one KEY=VALUE per --set, on one line")
        }
        if let alias = Self.aliases.first(where: { $0.name == key }) { key = alias.key }
        self.key = key
        let document: TOMLDocument
        do throws(TOMLError) {
            document = try TOMLDocument.parse(key + " =" + value)
        } catch {
            throw refuse(
                key,
                "the value is not TOML (\(error.message)); write numbers as 1200 or 7.5, text in quotes (baseline.model='\"local\"'), lists as [1, 2]")
        }
        guard !document.root.isEmpty else {
            throw refuse(key, "expected KEY=VALUE, e.g. --set scenario.target=8.5")
        }
        self.document = document
    }
}
