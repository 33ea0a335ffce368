import Foundation
import Reporting
import Testing
@testable import GRDPCommands

/// The whole default report — `grdp run` with no arguments (the embedded Hanoi 2025 plan, its
/// seed 2025 and 100,000 draws, Latin hypercube) in text, CSV, JSON and Markdown, and
/// `grdp report` (the HTML page with its tornado) — compared with the checked-in files in
/// Tests/Expected/default-run. Any change to the engine, the compiler or the renderers that moves
/// a byte of the default report fails here; `scripts/update-expected.sh` regenerates the files
/// from the binary when a change of output is intended (review the diff before committing it).
///
/// The report is built in process by the commands' own functions (`RunCommand.report`,
/// `ReportCommand.document`) from one simulation; the expected files come from the binary, so the
/// test also checks that the commands print exactly what these functions build.
///
/// Comparison, and why:
/// - **text, Markdown, HTML: byte for byte.** Every number they print is rounded (1–2 decimals,
///   SVG coordinates to 1–2 decimals, three significant digits in the input table), far above the
///   last-bit differences between OpenBLAS kernels or thread counts (results are bit-identical for
///   any `--threads` on one machine; docs/ARCHITECTURE.md, numerical rules).
/// - **CSV, JSON: the text between numbers byte for byte, each number within a relative
///   1e-9** (|a − b| ≤ 1e-9 · max(1, |a|, |b|)). These print the shortest round-trip form of a
///   Double (17 significant digits), whose last digits may move between BLAS kernels; 1e-9 is
///   six orders above a few ulps accumulated over the model's sums and far below any change of
///   the model (the smallest reported step, one draw in 100,000, is 1e-5).
/// - **The tool version is masked**: the files hold `@TOOL_VERSION@` where the JSON `meta` and the
///   HTML page print `ReportMeta.toolVersion`, so a release does not rewrite them. The output has
///   no timestamp, host name or path outside the repository, so nothing else is masked.
@Suite("Default report against its expected files", .serialized)
struct DefaultReportExpectedTests {
    static let directory = GRDPBinary.repositoryRoot.appendingPathComponent("Tests/Expected/default-run")
    static let versionMask = "@TOOL_VERSION@"

    /// How a format's output is compared with its expected file.
    enum Comparison: Sendable { case exact, numbersWithinTolerance }

    /// One rendered output: the expected file's name, the rendered text and how it is compared.
    struct Output: Sendable, CustomTestStringConvertible {
        let file: String
        let text: String
        let comparison: Comparison
        var testDescription: String { file }
    }

    /// The default run and report, rendered once for all formats (one simulation).
    static let rendered: Result<[Output], any Error> = Result {
        let command = try ReportCommand.parse([])
        let simulated = try command.simulation.simulate(command: "run")
        let (report, document) = try command.document(simulated)
        return [
            Output(file: "run.txt", text: report.rendered(as: .text), comparison: .exact),
            Output(file: "run.csv", text: report.rendered(as: .csv), comparison: .numbersWithinTolerance),
            Output(file: "run.json", text: report.rendered(as: .json), comparison: .numbersWithinTolerance),
            Output(file: "run.md", text: report.rendered(as: .markdown), comparison: .exact),
            Output(file: "report.html", text: try HTMLReport.render(document), comparison: .exact),
        ]
    }

    static let files = ["run.txt", "run.csv", "run.json", "run.md", "report.html"]

    @Test("The default report matches its expected file", arguments: files)
    func matchesExpected(_ file: String) throws {
        let outputs = try Self.rendered.get()
        let output = try #require(outputs.first { $0.file == file })
        let expectedURL = Self.directory.appendingPathComponent(file)
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            .replacingOccurrences(of: Self.versionMask, with: ReportMeta.toolVersion)
        let difference = switch output.comparison {
        case .exact: ExpectedText.firstDifference(output.text, expected)
        case .numbersWithinTolerance: ExpectedText.firstDifference(output.text, expected, relativeTolerance: 1e-9)
        }
        #expect(difference == nil, "\(file): \(difference ?? "") — if the change is intended, run scripts/update-expected.sh and review the diff")
    }

    @Test("The comparison fails on a changed digit, line or number beyond the tolerance")
    func comparisonCanFail() {
        #expect(ExpectedText.firstDifference("a 1.25\nb\n", "a 1.25\nb\n") == nil)
        #expect(ExpectedText.firstDifference("a 1.25\nb\n", "a 1.26\nb\n") != nil)
        #expect(ExpectedText.firstDifference("a 1.25\n", "a 1.25\nb\n") != nil)
        #expect(ExpectedText.firstDifference("sha 767e808a", "sha 767e808a", relativeTolerance: 1e-9) == nil)
        #expect(ExpectedText.firstDifference("sha 767e808a", "sha 767e809a", relativeTolerance: 1e-9) != nil)
        #expect(ExpectedText.firstDifference("x,9.165991508053970", "x,9.165991508053971", relativeTolerance: 1e-9) == nil)
        #expect(ExpectedText.firstDifference("x,9.1659915", "x,9.1659916", relativeTolerance: 1e-9) != nil)
        #expect(ExpectedText.firstDifference("x,9.1659915", "y,9.1659915", relativeTolerance: 1e-9) != nil)
        #expect(ExpectedText.firstDifference("x,1,2", "x,1", relativeTolerance: 1e-9) != nil)
    }
}

/// Compares a rendered output with its expected text and names the first difference.
enum ExpectedText {
    /// The first differing line (1-based) with both versions, or nil when equal byte for byte.
    static func firstDifference(_ actual: String, _ expected: String) -> String? {
        guard actual != expected else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) {
            let left = index < a.count ? String(a[index]) : "<end of output>"
            let right = index < e.count ? String(e[index]) : "<end of file>"
            if left != right { return "line \(index + 1): got '\(left)', expected '\(right)'" }
        }
        return "the outputs differ in their line endings"
    }

    /// As above, but each number (`-?digits[.digits][e±digits]`) may differ by a relative
    /// `relativeTolerance`: |a − b| ≤ tolerance · max(1, |a|, |b|). The text between numbers is
    /// compared byte for byte. O(length of the texts).
    static func firstDifference(_ actual: String, _ expected: String, relativeTolerance: Double) -> String? {
        let a = pieces(actual), e = pieces(expected)
        for index in 0..<max(a.count, e.count) {
            guard index < a.count, index < e.count else {
                return "the outputs have \(a.count) and \(e.count) text and number pieces; first difference: \(firstDifference(actual, expected) ?? "")"
            }
            switch (a[index], e[index]) {
            case let (.text(x), .text(y)) where x == y: continue
            // The same literal is equal even when it parses to infinity (a hash such as 767e808).
            case let (.number(_, x), .number(_, y)) where x == y: continue
            case let (.number(x, _), .number(y, _)) where abs(x - y) <= relativeTolerance * max(1, abs(x), abs(y)): continue
            default:
                let context = firstDifference(actual, expected) ?? ""
                return "\(a[index].text) against \(e[index].text) (tolerance \(relativeTolerance)); \(context)"
            }
        }
        return nil
    }

    enum Piece {
        case text(String)
        case number(Double, String)
        var text: String {
            switch self {
            case let .text(text): "'\(text)'"
            case let .number(_, text): text
            }
        }
    }

    /// The text split into runs of non-numeric text and numbers.
    static func pieces(_ text: String) -> [Piece] {
        let pattern = try? NSRegularExpression(pattern: #"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?"#)
        let source = text as NSString
        var result: [Piece] = []
        var position = 0
        for match in pattern?.matches(in: text, range: NSRange(location: 0, length: source.length)) ?? [] {
            if match.range.location > position {
                result.append(.text(source.substring(with: NSRange(location: position, length: match.range.location - position))))
            }
            let literal = source.substring(with: match.range)
            result.append(Double(literal).map { .number($0, literal) } ?? .text(literal))
            position = match.range.location + match.range.length
        }
        if position < source.length { result.append(.text(source.substring(from: position))) }
        return result
    }
}
