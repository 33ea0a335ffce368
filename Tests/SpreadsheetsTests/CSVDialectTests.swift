import Spreadsheets
import Testing

/// CSV dialects as Excel writes them in English (`,` `.`), Vietnamese and European
/// (`;` `,`) locales, and as a copied range (tab), with byte-order marks and CRLF.
@Suite("CSV dialects")
struct CSVDialectTests {
    @Test("The separator and decimal mark are detected from the header and data rows",
          arguments: [
            ("sector,a,b\na,1.5,2\nb,3,4\n", CSVDialect.Separator.comma, Character(".")),
            ("sector;a;b\na;1,5;2\nb;3;4\n", .semicolon, ","),
            ("sector;a;b\na;1.5;2\nb;3;4\n", .semicolon, "."),
            ("sector\ta\tb\na\t1,5\t2\nb\t3\t4\n", .tab, ","),
            ("sector;a;b\na;1.234,5;2\nb;3;4\n", .semicolon, ","),
            ("sector;a;b\na;1.234.567;2\nb;3;1.234\n", .semicolon, ","),
            ("sector;a;b\na;1.234;2\nb;3;4\n", .semicolon, "."),
          ])
    func detects(text: String, separator: CSVDialect.Separator, mark: Character) {
        let dialect = CSVDialect.automatic.resolved(for: text)
        #expect(dialect.separator == separator)
        #expect(dialect.decimalMark == mark)
    }

    /// Expected values are the decimal numbers written in each string (exact: each
    /// parses to the same `Double` as its decimal-point spelling).
    @Test("Decimal-comma numbers, with grouping by points or spaces",
          arguments: [("1,5", 1.5), ("-0,25", -0.25), ("1.234,5", 1234.5), ("1 234 567,125", 1_234_567.125), ("12", 12), ("1.234", 1234), ("1e3", 1000), ("1,25e-05", 1.25e-05), ("-inf", -Double.infinity)])
    func decimalComma(text: String, value: Double) {
        #expect(NumberText.parse(text, decimalMark: ",") == value)
    }

    @Test("Malformed decimal-comma numbers are not numbers", arguments: ["1,2,3", "12.34", "1.23,4", "abc", "1,", ",5x", "1,5x"])
    func notNumbers(text: String) {
        #expect(NumberText.parse(text, decimalMark: ",") == nil)
    }

    @Test("A byte-order mark, CRLF line ends, quotes and comments")
    func bomAndCRLF() {
        let text = "\u{FEFF}# unit: billion VND\r\nsector;\"a;b\";c\r\n\r\nx;1,5;2\r\n"
        let sheet = CSVDialect.automatic.sheet(text, path: "t.csv")
        #expect(sheet.comments == [SheetComment(number: 1, text: "unit: billion VND")])
        #expect(sheet.rows.map(\.number) == [2, 4])
        #expect(sheet.rows[0].cells == [.text("sector"), .text("a;b"), .text("c")])
        #expect(sheet.number(sheet.rows[1].cells[1]) == .number(1.5))
        #expect(sheet.decimalMark == ",")
    }

    @Test("Dialect names for --csv-dialect")
    func names() {
        #expect(CSVDialect(name: "semicolon:decimal-comma") == CSVDialect(separator: .semicolon, decimalMark: ","))
        #expect(CSVDialect(name: "comma") == .comma)
        #expect(CSVDialect(name: "auto") == .automatic)
        #expect(CSVDialect(name: "comma:decimal-comma") == nil)
        #expect(CSVDialect(name: "pipe") == nil)
    }

    @Test("A1 references: columns, quoted sheet names and whole rows")
    func a1() {
        #expect(CellLocation.columnLetters(1) == "A")
        #expect(CellLocation.columnLetters(27) == "AA")
        #expect(CellLocation.columnLetters(16384) == "XFD")
        #expect(CellLocation.columnNumber("XFD") == 16384)
        #expect(CellLocation(path: "b.xlsx", sheet: "IO table", row: 3, column: 2).description == "b.xlsx:'IO table'!B3")
        #expect(CellLocation(path: "b.xlsx", sheet: "IO", row: 3).description == "b.xlsx:IO!3:3")
        #expect(CellLocation(path: "t.csv", row: 3, column: 2).description == "t.csv:3:2")
    }
}
