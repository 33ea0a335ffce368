import Testing
@testable import TOML

/// Hand-written documents whose values and errors follow from the TOML 1.0 specification
/// (https://toml.io/en/v1.0.0); each expected line and column is counted in the text.
@Suite("TOML parser")
struct TOMLParserTests {
    static func root(_ text: String) throws -> TOMLTable { try TOMLDocument.parse(text).root }

    static func error(_ text: String) -> TOMLError? {
        do {
            _ = try TOMLDocument.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("values of every type", arguments: [
        ("a = \"x\\ty\\u00E9\\U0001F600\"", TOMLValueSummary.string("x\ty\u{E9}\u{1F600}")),
        ("a = 'C:\\path'", .string("C:\\path")),
        ("a = \"\"\"\nline 1\nline 2\\\n    joined\"\"\"", .string("line 1\nline 2joined")),
        ("a = '''\n  raw \\n '''", .string("  raw \\n ")),
        ("a = \"\"\"\"\"quoted\"\"\"\"\"", .string("\"\"quoted\"\"")),
        ("a = 0xDEAD_beef", .integer(0xDEAD_BEEF)), ("a = 0o755", .integer(0o755)), ("a = 0b1101", .integer(13)),
        ("a = -9_223_372_036_854_775_808", .integer(Int64.min)), ("a = +17", .integer(17)),
        ("a = 6.626e-34", .float(6.626e-34)), ("a = -1_0.5E+0_1", .float(-105)), ("a = -inf", .float(-.infinity)),
        ("a = true", .boolean(true)),
        ("a = 1979-05-27T00:32:00.999999-07:00", .dateTime("1979-05-27T00:32:00.999999-07:00")),
        ("a = 1979-05-27 07:32:00z", .dateTime("1979-05-27T07:32:00Z")),
        ("a = 2024-02-29", .dateTime("2024-02-29")), ("a = 23:59:60.5", .dateTime("23:59:60.5")),
    ])
    func values(text: String, expected: TOMLValueSummary) throws {
        let value = try #require(try Self.root(text)["a"])
        #expect(TOMLValueSummary(value) == expected)
    }

    @Test("nan is a float that is not equal to itself")
    func nan() throws {
        #expect(try Self.root("a = nan\nb = -nan")["a"]?.float?.isNaN == true)
    }

    @Test("tables, dotted keys and arrays of tables build one tree, keys in file order")
    func tree() throws {
        let root = try Self.root("""
            z = 1
            a.b.c = 2
            a.b.d = 3
            [t]
            x = { y.z = 4 }
            [[t.list]]
            n = 1
            [t.list.sub]
            s = "first"
            [[t.list]]
            n = 2
            [a.b.e]
            f = 5
            """)
        #expect(root.keys == ["z", "a", "t"])
        #expect(root["a"]?.table?["b"]?.table?.keys == ["c", "d", "e"])
        let list = try #require(root["t"]?.table?["list"]?.array)
        #expect(list.count == 2 && list.isArrayOfTables)
        #expect(list[0].table?["sub"]?.table?["s"]?.string == "first")
        #expect(list[1].table?["n"]?.integer == 2)
        #expect(list.location(at: 1) == TOMLLocation(line: 10, column: 1))
        #expect(root["t"]?.table?["x"]?.table?["y"]?.table?["z"]?.integer == 4)
        #expect(root["a"]?.table?["b"]?.table?.location(of: "d") == TOMLLocation(line: 3, column: 5))
    }

    @Test("the inputs that made toml++ abort give a located error", arguments: [
        ("[", 1, 2), ("[[", 1, 3), ("[.x]", 1, 2), ("[@x]", 1, 2), ("a = [\u{2028}]", 1, 6), ("a = [1,\u{85}]", 1, 8),
        ("x = 1\n[a.]", 2, 4), ("[a]]", 1, 4), ("[[a]", 1, 4), ("[ [a]]", 1, 3),
    ])
    func formerCrashes(text: String, line: Int, column: Int) {
        let error = Self.error(text)
        #expect(error?.location == TOMLLocation(line: line, column: column), "\(String(describing: error))")
    }

    @Test("redefinitions are errors at the second definition, naming the full key", arguments: [
        ("[a]\nx = 1\n[a]", 3, ["a"]),
        ("a = 1\na = 2", 2, ["a"]),
        ("[t]\na.b = 1\n[t.a]", 3, ["t", "a"]),                  // a table made by dotted keys, reopened by a header
        ("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", 4, ["a", "b"]),       // dotted keys cannot add to a header's table
        ("a = { b = 1 }\n[a]", 2, ["a"]),                        // inline tables are complete
        ("a = { b = 1 }\na.c = 2", 2, ["a"]),
        ("a = { b = { c = 1 }, b.d = 2 }", 1, ["a", "b"]),
        ("a = [1]\n[[a]]", 2, ["a"]),                            // a static array is not an array of tables
        ("[[a]]\n[a]", 2, ["a"]),
        ("[a]\nb = 1\n[a.b]", 3, ["a", "b"]),
    ])
    func redefinition(text: String, line: Int, key: [String]) {
        guard case let .redefinition(location, found, _)? = Self.error(text) else {
            Issue.record("not a redefinition error: \(String(describing: Self.error(text)))")
            return
        }
        #expect(location.line == line)
        #expect(found == key)
    }

    @Test("what TOML 1.0 allows around redefinition", arguments: [
        "[a.b]\nx = 1\n[a]\ny = 2",                  // a super-table after its sub-table
        "[fruit]\napple.color = 1\n[fruit.apple.texture]\nsmooth = true",  // a sub-table of a dotted-key table
        "[[a]]\n[a.b]\n[[a]]\n[a.b]",                // the same sub-table in two elements
        "a.b = 1\na.c = 2",
    ])
    func allowed(text: String) throws {
        _ = try TOMLDocument.parse(text)
    }

    @Test("syntax errors at their place", arguments: [
        ("a = 01", 1, 5), ("a = 1__0", 1, 5), ("a = 0x", 1, 5), ("a = 9223372036854775808", 1, 5), ("a = 1.", 1, 5),
        ("a = .5", 1, 5), ("a = 1e", 1, 5), ("a = +0x1", 1, 5), ("a = \"\\x41\"", 1, 6), ("a = \"\\e\"", 1, 6),
        ("a = \"\\uD800\"", 1, 6), ("a = 2023-02-29", 1, 5), ("a = 24:00:00", 1, 5), ("a = 07:32", 1, 5),
        ("a = { b = 1, }", 1, 14), ("a = { b = 1\n}", 1, 12), ("a = \"x\ny\"", 1, 7), ("a = 1 b = 2", 1, 7),
        ("a = \"\u{7F}\"", 1, 6), ("# \u{1}", 1, 3), ("a = 1\r", 1, 6), ("\"\"\"k\"\"\" = 1", 1, 1), ("a = TRUE", 1, 5),
        ("ok = 1\né = 2", 2, 1),
    ])
    func syntaxError(text: String, line: Int, column: Int) {
        guard case let .syntax(location, message)? = Self.error(text) else {
            Issue.record("not a syntax error: \(String(describing: Self.error(text)))")
            return
        }
        #expect(location == TOMLLocation(line: line, column: column), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test("messages name line-breaking and invisible characters by code point, never print them", arguments: [
        ("a = [\u{2028}]", "U+2028"), ("a = \u{85}", "U+0085"), ("a = \u{FEFF}", "U+FEFF"),
        ("\"x\u{2028}\" = 1\n\"x\u{2028}\" = 2", "\"x\\u2028\""), ("\"\\u0001\" = 1\n\"\\u0001\" = 2", "\"\\u0001\""),
    ])
    func printableMessages(text: String, named: String) {
        let message = Self.error(text)?.message ?? ""
        #expect(message.contains(named), "\(message)")
        #expect(!message.unicodeScalars.contains { !TOMLParser.isPrintable($0) }, "\(message.debugDescription)")
    }

    @Test("invalid UTF-8 is an error at its line and column")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("a = 1\nb = \"é".utf8) + [0xC3, 0x28, 0x22]
        do {
            _ = try TOMLDocument.parse(utf8: bytes)
            Issue.record("accepted")
        } catch {
            #expect(error.location == TOMLLocation(line: 2, column: 7))
        }
    }

    @Test("a byte-order mark at the start is skipped")
    func byteOrderMark() throws {
        #expect(try TOMLDocument.parse(utf8: [0xEF, 0xBB, 0xBF] + Array("a = 1".utf8)).root["a"]?.integer == 1)
    }
}

/// A comparable summary of a scalar value, for parameterised tests.
enum TOMLValueSummary: Equatable, Sendable, CustomTestStringConvertible {
    case string(String), integer(Int64), float(Double), boolean(Bool), dateTime(String), other

    init(_ value: TOMLValue) {
        switch value {
        case let .string(text): self = .string(text)
        case let .integer(number): self = .integer(number)
        case let .float(number): self = .float(number)
        case let .boolean(flag): self = .boolean(flag)
        case let .dateTime(dateTime): self = .dateTime(dateTime.description)
        default: self = .other
        }
    }

    var testDescription: String { "\(self)" }
}
