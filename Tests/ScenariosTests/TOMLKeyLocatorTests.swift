import Testing
import TOML
@testable import Scenarios

/// The expected lines below are read off the document: its line numbers are written in the
/// comment at the end of each line (the document is valid TOML 1.0).
@Suite("TOMLKeyLocator")
struct TOMLKeyLocatorTests {
    static func locator(_ text: String) throws -> TOMLKeyLocator {
        TOMLKeyLocator(root: try TOMLDocument.parse(text).root)
    }

    static let document = """
        # [not.a.table] in a comment                                     1
        title = "x # not a comment = [nor.a.table]"                     # 2
        [scenario]                                                      # 3
        name = \"\"\"
        fake = 1
        [not.a.header]
        \"\"\"
        "quoted key" = 1                                                # 8
        a.b."c.d" = 2                                                   # 9
        [levers.tourism]                                                # 10
        amount = { dist = "normal", mean = 1.0, sd = 2.0, nested = { x = 1 } }  # 11
        matrix = [                                                      # 12
          [1, 2],  # a comment inside an array                            13
          [3, 4],                                                       # 14
          "]#{ not = key }",                                            # 15
        ]                                                               # 16
        lit = '''
        key = 3
        '''
        [[x]]                                                           # 20
        k = 1                                                           # 21
        [[x.y]]                                                         # 22
        z = 1                                                           # 23
        [[x]]                                                           # 24
        k = 2                                                           # 25
        [x.sub]                                                         # 26
        w = 3                                                           # 27
        [[x.y]]                                                         # 28
        inline = [{ p = 1 }, { p = 2 }]                                 # 29
        'literal key' = "\\"quoted\\" value with ' and = "               # 30
        """

    @Test("every key path maps to its defining line", arguments: [
        ("title", 2), ("scenario", 3), ("scenario.name", 4), ("scenario.\"quoted key\"", 8),
        ("scenario.a", 9), ("scenario.a.b", 9), ("scenario.a.b.\"c.d\"", 9),
        ("levers", 10), ("levers.tourism", 10), ("levers.tourism.amount", 11), ("levers.tourism.amount.dist", 11),
        ("levers.tourism.amount.sd", 11), ("levers.tourism.amount.nested.x", 11),
        ("levers.tourism.matrix", 12), ("levers.tourism.matrix[0]", 13), ("levers.tourism.matrix[0][1]", 13),
        ("levers.tourism.matrix[1]", 14), ("levers.tourism.matrix[1][0]", 14), ("levers.tourism.matrix[2]", 15),
        ("levers.tourism.lit", 17),
        ("x", 20), ("x[0]", 20), ("x[0].k", 21), ("x[0].y", 22), ("x[0].y[0]", 22), ("x[0].y[0].z", 23),
        ("x[1]", 24), ("x[1].k", 25), ("x[1].sub", 26), ("x[1].sub.w", 27), ("x[1].y[0]", 28),
        ("x[1].y[0].inline", 29), ("x[1].y[0].inline[1].p", 29), ("x[1].y[0].\"literal key\"", 30),
    ])
    func definingLine(path: String, line: Int) throws {
        #expect(try Self.locator(Self.document).line(of: path) == line)
    }

    @Test("text inside strings, multi-line strings and comments is never read as a key", arguments: [
        "fake", "scenario.fake", "not", "not.a.header", "not.a.table", "nor", "levers.tourism.key",
        "levers.tourism.matrix[3]", "levers.tourism.not", "x[2]", "x[1].y[1]",
    ])
    func notAKey(path: String) throws {
        #expect(try Self.locator(Self.document).line(of: path) == nil)
    }

    @Test("keys are listed in file order, with their columns")
    func order() throws {
        let root = try TOMLDocument.parse(Self.document).root
        #expect(root.keys == ["title", "scenario", "levers", "x"])
        #expect(root["scenario"]?.table?.keys == ["name", "quoted key", "a"])
        let amount = try #require(root["levers"]?.table?["tourism"]?.table?["amount"]?.table)
        #expect(amount.keys == ["dist", "mean", "sd", "nested"])
        // Inline-table keys on one line keep their left-to-right order.
        let locator = TOMLKeyLocator(root: root)
        let sd = try #require(locator.location(of: "levers.tourism.amount.sd"))
        let mean = try #require(locator.location(of: "levers.tourism.amount.mean"))
        #expect(mean < sd)
        #expect(mean.column < sd.column)
        // Counted on line 11 of the document: `amount = { dist = "normal", mean` puts mean at column 29.
        #expect(mean.column == 29)
    }

    @Test("a missing key is reported at its nearest defined ancestor")
    func nearestLine() throws {
        let locator = try Self.locator(Self.document)
        #expect(locator.nearestLine(of: "levers.tourism.kind") == 10)
        #expect(locator.nearestLine(of: "x[1].sub.missing") == 26)
        #expect(locator.nearestLine(of: "nowhere.at.all") == nil)
    }

    @Test("CRLF line endings and escaped quotes in multi-line strings")
    func crlfAndEscapes() throws {
        let text = "a = 1\r\nb = \"\"\"x\\\"\"\"\r\n[t]\r\n\"\"\"\r\nc = 2\r\n"
        // b's string is `x\"""` + newline…: the escaped quote does not close it, so the
        // string ends on line 4 and `c` is on line 5 of table t.
        let locator = try Self.locator(text)
        #expect(locator.line(of: "a") == 1)
        #expect(locator.line(of: "b") == 2)
        #expect(locator.line(of: "t") == nil)
        #expect(locator.line(of: "c") == 5)
    }

    @Test("quoted path components", arguments: [
        ("tourism", "tourism"), ("other_services", "other_services"), ("a-b", "a-b"),
        ("other services", "\"other services\""), ("a.b", "\"a.b\""), ("", "\"\""), ("say \"hi\"", "\"say \\\"hi\\\"\""),
    ])
    func component(key: String, expected: String) {
        #expect(TOMLKeyLocator.component(key) == expected)
    }

    @Test("parents of paths", arguments: [
        ("a.b.c", "a.b"), ("a.b[2]", "a.b"), ("a[1].b", "a[1]"), ("a.\"x.y\"", "a"), ("a.\"x[0]\"", "a"),
    ])
    func parent(path: String, expected: String) {
        #expect(TOMLKeyLocator.parent(of: path) == expected)
    }

    @Test("a single component has no parent")
    func noParent() {
        #expect(TOMLKeyLocator.parent(of: "scenario") == nil)
        #expect(TOMLKeyLocator.parent(of: "\"a.b\"") == nil)
    }

    @Test("quoted and indexed paths are resolved", arguments: [
        ("baseline.\"other services\"", 2), ("baseline.\"a.b\"", 3), ("baseline.\"say \\\"hi\\\"\"", 4), ("baseline.m[1][0]", 5),
    ])
    func quotedPaths(path: String, line: Int) throws {
        // Lines counted in the text below.
        let text = "[baseline]\n\"other services\" = 1\n'a.b' = 2\n\"say \\\"hi\\\"\" = 3\nm = [[1], [2]]\n"
        #expect(try Self.locator(text).line(of: path) == line)
    }

    @Test("paths that are not paths find nothing", arguments: ["", ".", "a..b", "a[", "a[x]", "\"open", "a[99999999999999999999999]"])
    func malformedPaths(path: String) throws {
        #expect(try Self.locator("a = [1]\n").line(of: path) == nil)
    }

    @Test("malformed text is a located TOML error", arguments: [
        "[unclosed", "a = [1, 2", "a = {x = ", "a = \"open", "a = '''open", "= 3", "[[", "a.", "]]]", "a = [,,]",
    ])
    func malformed(text: String) {
        #expect(throws: TOMLError.self) { try TOMLDocument.parse(text) }
    }
}
