/// A problem in a scenario file, with what a user needs to fix it: the file, the line,
/// the key path (e.g. `levers.tourism.amount.sd`) and a message that says what is wrong
/// and how to fix it.
///
/// `description` is one line, `file:line: key: what is wrong; how to fix`, e.g.
///
///     plan.toml:41: levers.tourism.amount.sd: standard deviation is -5.0; it must be zero or positive
///
/// The line is nil only when the problem has no place in the file (a required table that
/// is missing altogether, a file that cannot be read); the key is empty only when the
/// problem concerns no key (a syntax error the parser could not attribute).
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The scenario file as it was named to `Scenario.load(path:)` or `Scenario.parse(_:path:)`.
    public let file: String
    /// The 1-based line of the offending key (for a missing key: of the table that lacks it).
    public let line: Int?
    /// The key path, as in the spec: `scenario.draws`, `levers.ID.amount.sd`,
    /// `correlation.matrix`, `baseline."other services"` (non-bare keys quoted).
    public let key: String
    /// What is wrong; how to fix it.
    public let message: String

    public init(file: String, line: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        // A value set on the command line: `--set levers.a.amount: …` (no file, no line).
        if file == ScenarioSources.commandLineName, line == nil {
            return "\(file) \(key.isEmpty ? "" : key + ": ")" + message
        }
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !key.isEmpty { text += key + ": " }
        return text + message
    }
}
