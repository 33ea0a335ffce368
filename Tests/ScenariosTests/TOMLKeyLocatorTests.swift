import Testing
@testable import Scenarios

/// The expected lines below are read off the document: its line numbers are written in the
/// comment at the end of each line (the document is valid TOML 1.0).
@Suite("TOMLKeyLocator")
struct TOMLKeyLocatorTests {
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
    func definingLine(path: String, line: Int) {
        #expect(TOMLKeyLocator(Self.document).line(of: path) == line)
    }

    @Test("text inside strings, multi-line strings and comments is never read as a key", arguments: [
        "fake", "scenario.fake", "not", "not.a.header", "not.a.table", "nor", "levers.tourism.key",
        "levers.tourism.matrix[3]", "levers.tourism.not", "x[2]", "x[1].y[1]",
    ])
    func notAKey(path: String) {
        #expect(TOMLKeyLocator(Self.document).line(of: path) == nil)
    }

    @Test("paths are listed in order of appearance")
    func order() {
        let locator = TOMLKeyLocator(Self.document)
        #expect(Array(locator.paths.prefix(4)) == ["title", "scenario", "scenario.name", "scenario.\"quoted key\""])
        let ordinals = locator.paths.map { locator.location(of: $0)!.ordinal }
        #expect(ordinals == Array(0..<locator.paths.count))
        let lines = locator.paths.map { locator.line(of: $0)! }
        #expect(lines == lines.sorted())
        // Inline-table keys on one line keep their left-to-right order.
        let sd = locator.location(of: "levers.tourism.amount.sd")!, mean = locator.location(of: "levers.tourism.amount.mean")!
        #expect(mean < sd)
        #expect(mean.column < sd.column)
    }

    @Test("a missing key is reported at its nearest defined ancestor")
    func nearestLine() {
        let locator = TOMLKeyLocator(Self.document)
        #expect(locator.nearestLine(of: "levers.tourism.kind") == 10)
        #expect(locator.nearestLine(of: "x[1].sub.missing") == 26)
        #expect(locator.nearestLine(of: "nowhere.at.all") == nil)
    }

    @Test("the table in effect at a line", arguments: [(1, ""), (9, "scenario"), (11, "levers.tourism"), (21, "x[0]"), (23, "x[0].y[0]"), (27, "x[1].sub"), (30, "x[1].y[0]")])
    func tablePath(line: Int, path: String) {
        #expect(TOMLKeyLocator(Self.document).tablePath(atLine: line) == path)
    }

    @Test("CRLF line endings and escaped quotes in multi-line strings")
    func crlfAndEscapes() {
        let text = "a = 1\r\nb = \"\"\"x\\\"\"\"\r\n[t]\r\n\"\"\"\r\nc = 2\r\n"
        // b's string is `x\"""` + newline…: the escaped quote does not close it, so the
        // string ends on line 4 and `c` is on line 5 of table t.
        let locator = TOMLKeyLocator(text)
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

    @Test("malformed text terminates and keeps what it can", arguments: [
        "[unclosed", "a = [1, 2", "a = {x = ", "a = \"open", "a = '''open", "= 3", "[[", "a.", "]]]", "a = [,,]",
    ])
    func malformed(text: String) {
        _ = TOMLKeyLocator(text)
    }
}
