import Foundation
import Testing

/// No function, initializer or closure-valued property body in Sources/ is longer than 80 lines
/// (docs/ARCHITECTURE.md: the engine in steps a reader can follow). A body is measured from the
/// line of its declaration to the line of its closing brace, with braces counted outside string
/// literals and comments. `FunctionLengthTests.exceptions` lists the bodies that are still longer,
/// each with its length today: the test fails when one grows or a new one appears, and when a
/// listed one is fixed (so the list shrinks with the code).
@Suite("Function length")
struct FunctionLengthTests {
    static let limit = 80

    /// "file:function" → lines today. Only parsers of file formats whose sections are labelled
    /// (`// MARK:`) are here; nothing else may be.
    static let exceptions: [String: Int] = [
        // Parsers of file formats, one pass over the records.
        "Spreadsheets/DelimitedText.swift:scalarRecords": 102,
        "Growth/GRDPAccounts+CSV.swift:init": 104,
        "Scenarios/ScenarioParser+Values.swift:uncertainValue": 86,
    ]

    struct Body: CustomStringConvertible {
        let file: String
        let name: String
        let lines: Int
        var key: String { "\(file):\(name)" }
        var description: String { "\(key) (\(lines) lines)" }
    }

    /// Every `func`/`init` body of a Swift source, with its length in lines. O(characters).
    static func bodies(in text: String, file: String) -> [Body] {
        var result: [Body] = []
        var stack: [(name: String?, line: Int)] = []
        var pending: (name: String, line: Int)?
        var inBlockComment = false
        var inMultilineString = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
            if inMultilineString {
                if trimmed.hasSuffix("\"\"\"") || trimmed.hasPrefix("\"\"\"") { inMultilineString = false }
                continue
            }
            if trimmed.hasPrefix("//") { continue }
            if pending == nil, let name = declaredName(trimmed) { pending = (name, line) }
            var chars = Array(rawLine)
            var i = 0
            var inString = false
            while i < chars.count {
                let c = chars[i]
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                if inBlockComment {
                    if c == "*", next == "/" { inBlockComment = false; i += 1 }
                } else if inString {
                    if c == "\\" { i += 1 } else if c == "\"" { inString = false }
                } else if c == "/", next == "/" {
                    break
                } else if c == "/", next == "*" {
                    inBlockComment = true; i += 1
                } else if c == "\"" {
                    if i + 2 < chars.count, chars[i + 1] == "\"", chars[i + 2] == "\"" {
                        let rest = String(chars[(i + 3)...])
                        if !rest.contains("\"\"\"") { inMultilineString = true }
                        chars = Array(chars[..<i]); break
                    }
                    inString = true
                } else if c == "{" {
                    stack.append((pending?.name, pending?.line ?? line))
                    pending = nil
                } else if c == "}" {
                    if let open = stack.popLast(), let name = open.name {
                        result.append(Body(file: file, name: name, lines: line - open.line + 1))
                    }
                }
                i += 1
            }
        }
        return result
    }

    /// The name of a function or initializer declared on this line, if any.
    static func declaredName(_ line: String) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "<" })
        if let f = words.firstIndex(of: "func"), f + 1 < words.count { return String(words[f + 1]) }
        if words.contains(where: { $0 == "init" || $0.hasPrefix("init?") }) { return "init" }
        return nil
    }

    static func sourceBodies() throws -> [Body] {
        let root = GRDPBinary.repositoryRoot.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var bodies: [Body] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift", !url.lastPathComponent.hasPrefix("Embedded") else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            bodies += Self.bodies(in: try String(contentsOf: url, encoding: .utf8), file: relative)
        }
        return bodies
    }

    @Test("No function in Sources/ is longer than 80 lines, except the listed ones")
    func noLongFunctions() throws {
        let long = try Self.sourceBodies().filter { $0.lines > Self.limit }
        let unexpected = long.filter { body in Self.exceptions[body.key].map { body.lines > $0 } ?? true }
        #expect(unexpected.isEmpty, "longer than \(Self.limit) lines: \(unexpected.map(\.description).sorted().joined(separator: "; "))")
        let fixed = Self.exceptions.keys.filter { key in !long.contains { $0.key == key } }
        #expect(fixed.isEmpty, "no longer too long, remove from the exceptions: \(fixed.sorted())")
    }

    @Test("The measure finds a long body and ignores braces in strings and comments")
    func measureCanFail() {
        let body = (1...85).map { _ in "    x += 1 // }" }.joined(separator: "\n")
        let text = "func long() {\n\(body)\n    let s = \"}{\"\n}\nfunc short() { }\n"
        let bodies = Self.bodies(in: text, file: "T.swift")
        #expect(bodies.map(\.name) == ["long", "short"])
        #expect(bodies.first?.lines == 88)
    }
}
