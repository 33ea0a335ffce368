import Spreadsheets
import TestSupport
import Testing

/// The byte-level reader (`DelimitedBytes`, `CSVTable`, `DecimalBytes`) against the
/// text reader it replaces for large tables (`CSVDialect.sheet`, `NumberText.parse`):
/// the same records, cells and numbers, bit for bit.
@Suite("CSV read from bytes")
struct CSVTableTests {
    static func table(_ text: String, _ dialect: CSVDialect = .automatic) throws -> CSVTable {
        try CSVTable(bytes: Array(text.utf8), path: "t.csv", dialect: dialect)
    }

    /// Every cell of a data row parsed from bytes, as `NumberReading`s.
    static func readings(_ table: CSVTable, row: Int) -> [NumberReading] {
        let width = table.rows[row].cellCount
        var values = [Double](repeating: -1, count: width)
        var problems: [(cell: Int, text: String)] = []
        table.numbers(row: row, cells: width, into: &values, problems: &problems)
        return (1..<width).map { k in
            if let problem = problems.first(where: { $0.cell == k }) { return .notANumber(problem.text) }
            return .number(values[k])
        }
    }

    static let awkward: [String] = [
        "sector,a,b\nx,1,2\n",
        "\u{FEFF}# unit: billion VND\r\nsector;\"a;b\";c\r\n\r\nx;1,5;2\r\n",
        "sector,\"a \"\"quoted\"\" name\",b\nx,  1.5 ,\t2\n",
        "sector,\"multi\nline\",b\r\nx,\"3\",\"\"\ny,,\n",
        "  # indented comment\nsector,a\n,,\n\"\",\"\"\nx,\"1\"2\n",
        "sector\ta\tb\nx\t 1,5\t2\ny\t\t\n",
        "sector,a\rx,1\ry,2",
        "sector,a\nx, \"  padded  \" ,\ny,\"a\" \"b\",\n",
        "sector,a\n\u{FEFF}x,\u{FEFF}1\n# trailing comment with \"quote\"\n",
        "sector,a,b\nx,1e3,-2.5E-2\ny,nan,inf\nz,0x1p3,12abc\n",
        "sector,\"open\n",
    ]

    @Test("The same records and cells as the text reader", arguments: awkward.indices)
    func sameRecords(index: Int) throws {
        let text = Self.awkward[index]
        let expected = CSVDialect.automatic.sheet(text, path: "t.csv")
        do {
            let sheet = try Self.table(text).sheet()
            #expect(sheet == expected)
        } catch let error as SpreadsheetError {
            // Only an open quote differs: the text reader ends the field at the end of the file.
            #expect(error == .unterminatedQuote(at: CellLocation(path: "t.csv", row: 1, column: 2)))
            #expect(text.hasSuffix("\"open\n"))
        }
    }

    /// Seeded random texts over the characters that matter to the reader (separators,
    /// quotes, line ends, spaces, `#`, a byte-order mark, digits, letters, a non-ASCII letter):
    /// 2,000 texts, each compared record by record and cell by cell.
    @Test("Random texts read the same as with the text reader")
    func randomTexts() throws {
        var generator = SplitMix64(seed: 17)
        let alphabet: [String] = [",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "#", "\u{FEFF}", "1", "2.5", "-3", "e5", "x", "é"]
        var compared = 0
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 1...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
            let expected = CSVDialect.automatic.sheet(text, path: "t.csv")
            guard let table = try? Self.table(text) else { continue }  // an open quote
            #expect(table.sheet() == expected, "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 500)
    }

    /// Numbers from bytes equal `NumberText.parse` on the same text, bit for bit, over
    /// hand-picked spellings (exponents, signs, leading and trailing zeros, 15–20 digits,
    /// the edges of the fast path: 2⁵³, 10²², 10⁻²², subnormals, overflow) and 20,000
    /// seeded random decimals.
    @Test("Numbers parse bit for bit as today", arguments: [Character("."), ","])
    func numbers(mark: Character) throws {
        var texts = ["0", "-0", "+0", "007", "1.5", "-2.25", ".5", "5.", "+.5", "1e3", "1E+3", "1e-3", "-1.5e-10", "1e", "1e+", "e3",
                     "9007199254740992", "9007199254740993", "90071992547409921", "123456789012345678", "1234567890123456789",
                     "12345678901234567890", "0.000000000000000000000000000001", "1e22", "1e23", "1e-22", "1e-23", "4.9e-324",
                     "2e-324", "1e308", "1.8e308", "1e400", "1e-400", "nan", "inf", "-inf", "infinity", "0x1p3", "1_000", "1,5",
                     "-0,25", "1.234,5", "1 234,5", "1,", ",5", "1,5e3", "12.34.56", "3.14159265358979323846", "0.1", "0.3",
                     "100000000000000000000000", "1e0022", "1e00022", "5e-0005", "-", "+", ".", "1..2", "1.2.3", "١٢"]
        var generator = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...20, using: &generator)
            var body = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            if Bool.random(using: &generator) { body.insert(contentsOf: String(mark), at: body.index(body.startIndex, offsetBy: Int.random(in: 0...digits, using: &generator))) }
            if Int.random(in: 0..<3, using: &generator) == 0 { body += "e" + String(Int.random(in: -40...40, using: &generator)) }
            texts.append((Bool.random(using: &generator) ? "-" : "") + body)
        }
        for text in texts {
            let expected = NumberText.parse(text, decimalMark: mark)
            let reading = Array(text.utf8).withUnsafeBufferPointer { DecimalBytes.reading($0, decimalMark: mark) }
            switch reading {
            case let .number(value):
                #expect(expected?.bitPattern == value.bitPattern || (expected?.isNaN == true && value.isNaN), "\(text)")
            case .notANumber:
                #expect(expected == nil, "\(text)")
            case .empty:
                Issue.record("\(text) read as empty")
            }
        }
    }

    /// A data row's numbers (`numbers(row:cells:into:problems:)`, which reads a plain record in
    /// one pass) equal `NumberText.parse` of the row's cells as the text reader splits them,
    /// bit for bit: over the awkward texts, 2,000 seeded random texts of the reader's
    /// characters, and rows of number spellings between random blanks in both dialects.
    @Test("Row numbers read in one pass equal the cells parsed one by one")
    func rowNumbersInOnePass() throws {
        func check(_ text: String, _ dialect: CSVDialect = .automatic) {
            guard let table = try? Self.table(text, dialect) else { return }  // an open quote
            let sheet = table.sheet()
            for (row, record) in sheet.rows.dropFirst().enumerated() {
                let read = Self.readings(table, row: row)
                for (k, cell) in record.cells.enumerated().dropFirst() {
                    let expected: Double? = cell.text.isEmpty ? 0 : NumberText.parse(cell.text, decimalMark: table.decimalMark)
                    switch read[k - 1] {
                    case let .number(value):
                        #expect(expected.map { $0.bitPattern == value.bitPattern || ($0.isNaN && value.isNaN) } == true, "\(text.debugDescription) cell \(k)")
                    case let .notANumber(problem):
                        #expect(expected == nil && problem == cell.text, "\(text.debugDescription) cell \(k)")
                    case .empty:
                        Issue.record("\(text.debugDescription) cell \(k) read as empty")
                    }
                }
            }
        }
        for text in Self.awkward { check(text) }
        var generator = SplitMix64(seed: 23)
        let alphabet: [String] = [",", ";", "\t", "\"", "\n", "\r\n", " ", "#", "\u{FEFF}", "1", "2.5", "-3", "e5", "x", "1,5", "."]
        for _ in 0..<2000 {
            check("sector,a,b\n" + (0..<Int.random(in: 1...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined())
        }
        let spellings = ["0", "-0", "1.5", ".5", "5.", "1e3", "1E+3", "-1.5e-10", "1e", "e3", "9007199254740993", "12345678901234567890",
                         "1e22", "1e23", "1e-23", "4.9e-324", "1e400", "nan", "-inf", "0x1p3", "1 5", "1.2.3", "-", "", "\"7\"", "١٢"]
        for (separator, mark) in [(",", "."), (";", ",")] {
            for _ in 0..<200 {
                let cells = (0..<12).map { _ -> String in
                    let blank = { [" ", "", "\t", "  "].randomElement(using: &generator) ?? "" }
                    let spelling = (spellings.randomElement(using: &generator) ?? "").replacingOccurrences(of: ".", with: mark)
                    return blank() + spelling + blank()
                }
                let header = "sector" + String(repeating: separator + "c", count: 12)
                check(header + "\nx" + separator + cells.joined(separator: separator) + "\n",
                      CSVDialect(separator: separator == "," ? .comma : .semicolon, decimalMark: Character(mark)))
            }
        }
    }

    @Test("Quoted fields, CRLF, a byte-order mark, empty cells, exponents and negatives read as numbers")
    func cells() throws {
        let table = try Self.table("\u{FEFF}sector,a,b,c,d\r\nx,\"1,5\",,-2.5e-3,\"-0\"\r\ny, 12 ,1E2,abc,\"\"\r\n")
        #expect(table.header == ["sector", "a", "b", "c", "d"])
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.rows.map(\.label) == ["x", "y"])
        // "1,5" quoted in a comma file is not a number (decimal point); "" and an empty cell are 0.
        #expect(Self.readings(table, row: 0) == [.notANumber("1,5"), .number(0), .number(-2.5e-3), .number(-0.0)])
        #expect(Self.readings(table, row: 1) == [.number(12), .number(100), .notANumber("abc"), .number(0)])
        #expect(table.location(row: 1, cell: 3) == CellLocation(path: "t.csv", row: 3, column: 4))
    }

    @Test("A decimal-comma file in semicolons is detected and read")
    func decimalComma() throws {
        let table = try Self.table("sector;a;b\nx;1,5;-2,25e1\ny;1.234,5;7\n")
        #expect(table.dialect == CSVDialect(separator: .semicolon, decimalMark: ","))
        #expect(Self.readings(table, row: 0) == [.number(1.5), .number(-22.5)])
        #expect(Self.readings(table, row: 1) == [.number(1234.5), .number(7)])
    }

    @Test("An open quote is reported where it opens, not as a ragged row")
    func unterminatedQuote() {
        let text = "sector,a,b\nx,1,2\ny,\"3,4\nz,5,6\n"
        #expect(throws: SpreadsheetError.unterminatedQuote(at: CellLocation(path: "t.csv", row: 3, column: 2))) { try Self.table(text) }
        let message = SpreadsheetError.unterminatedQuote(at: CellLocation(path: "t.csv", row: 3, column: 2)).description
        #expect(message.hasPrefix("t.csv:3:2: this quoted field has no closing quote"))
    }

    @Test("Bytes that are not UTF-8 are refused")
    func notText() {
        #expect(throws: SpreadsheetError.notText(path: "t.csv")) { try CSVTable(bytes: [0x61, 0x2C, 0xFF, 0x0A], path: "t.csv") }
    }
}
