import Foundation
import InputOutput
import LinearAlgebra
import Spreadsheets
import TestSupport
import Testing

/// Tables read from bytes (`IOTable(csv: CSVTable)`, the path of `IOTable.read` for CSV
/// files) against the text path (`IOTable(sheet: CSVDialect.sheet(text))`: a `String`
/// per cell, `NumberText.parse`): the same table bit for bit, the same errors.
@Suite("IO tables read from bytes")
struct TableBytesTests {
    static func byBytes(_ text: String, path: String = "t.csv") throws -> IOTable {
        try IOTable(csv: CSVTable(bytes: Array(text.utf8), path: path))
    }

    static func byText(_ text: String, path: String = "t.csv") throws -> IOTable {
        try IOTable(sheet: CSVDialect.automatic.sheet(text, path: path))
    }

    /// A generated 120-sector table written twice: in the shortest round-trip form
    /// (17-digit numbers, outside the fast path) and with 3 decimals (inside it), with
    /// CRLF line ends, a byte-order mark and quoted labels in the second. `==` on
    /// `IOTable` compares every `Double` exactly.
    @Test("A generated table reads bit for bit as by the text path", arguments: [false, true])
    func equivalence(fixedDecimals: Bool) throws {
        let table = try TableFixtures.randomProductive(sectors: 120, seed: 42)
        var text = table.csvText(decimals: fixedDecimals ? 3 : nil, comments: ["unit: billion VND"])
        if fixedDecimals {
            text = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "s7,", with: "\"s7\",")
        }
        let bytes = try Self.byBytes(text)
        #expect(bytes == (try Self.byText(text)))
        if !fixedDecimals { #expect(bytes == table) }
    }

    /// Semicolons with decimal commas, as Excel writes CSV in a Vietnamese locale.
    @Test("A decimal-comma table reads as by the text path")
    func decimalComma() throws {
        let text = """
            sector;agriculture;manufacturing;households;exports;total
            agriculture;150,5;500;200;149,5;1000
            manufacturing;200;100;1000;7e2;2000
            compensation;300;800;;;
            operating_surplus;349,5;600;;;
            output;1000;2000;;;
            """
        let table = try Self.byBytes(text)
        #expect(table == (try Self.byText(text)))
        #expect(table.intermediate[0, 0] == 150.5 && table.finalDemand[1, 1] == 700)
    }

    static let valid = """
        sector,agriculture,manufacturing,households,exports,total
        agriculture,150,500,200,150,1000
        manufacturing,200,100,1000,700,2000
        compensation,300,800,,,
        operating_surplus,350,600,,,
        output,1000,2000,,,
        """

    static func error(_ text: String) -> InputOutputError? {
        // `IOTable(csv:path:)` reads the text's bytes through `CSVTable`.
        do {
            _ = try IOTable(csv: text, path: "bad.csv")
            return nil
        } catch {
            return error
        }
    }

    /// Each malformed cell is reported at its file:line:column with its column label and
    /// text, as the text path reports it.
    @Test("Malformed numbers are located by line and column",
          arguments: [("agriculture,150,", "agriculture,1.5.0,", 2, 2, "agriculture", "1.5.0"),
                      ("1000,700,", "1000,7OO,", 3, 5, "exports", "7OO"),
                      ("compensation,300,800", "compensation,300,8e", 4, 3, "manufacturing", "8e"),
                      ("700,2000", "700,-", 3, 6, "total", "-")])
    func malformed(original: String, replacement: String, line: Int, column: Int, label: String, text cell: String) throws {
        let text = Self.valid.replacingOccurrences(of: original, with: replacement)
        let expected = InputOutputError.nonNumericCell(at: CellLocation(path: "bad.csv", row: line, column: column), column: label, text: cell)
        #expect(Self.error(text) == expected)
        #expect(throws: expected) { try Self.byText(text, path: "bad.csv") }
    }

    /// Cells past the sector columns of a primary-input or output row are not read, on either path.
    @Test("Text past the sector columns of the output row is not read")
    func unreadCells() throws {
        let text = Self.valid.replacingOccurrences(of: "output,1000,2000,,,", with: "output,1000,2000,x,,")
        #expect(try Self.byBytes(text) == (try Self.byText(text)))
    }

    @Test("Non-finite cells and ragged rows are located")
    func nonFiniteAndRagged() {
        let infinite = Self.valid.replacingOccurrences(of: "200,150,1000", with: "200,inf,1000")
        #expect(Self.error(infinite) == .nonFiniteCell(at: CellLocation(path: "bad.csv", row: 2, column: 5), column: "exports"))
        let ragged = Self.valid.replacingOccurrences(of: "compensation,300,800,,,", with: "compensation,300,800,,")
        #expect(Self.error(ragged) == .raggedRow(at: CellLocation(path: "bad.csv", row: 4), expected: 6, actual: 5))
    }

    @Test("An unterminated quote is an error where it opens")
    func unterminatedQuote() {
        let text = Self.valid.replacingOccurrences(of: "manufacturing,200,", with: "manufacturing,\"200,")
        let error = Self.error(text)
        #expect(error == .spreadsheet(.unterminatedQuote(at: CellLocation(path: "bad.csv", row: 3, column: 2))))
        #expect(error?.description.hasPrefix("bad.csv:3:2: this quoted field has no closing quote") == true)
    }

    /// `IOTable.read` on a file takes the byte path; its table equals the text path's.
    @Test("IOTable.read on a CSV file")
    func readFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-bytes-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try TableFixtures.randomProductive(sectors: 30, seed: 3)
        try table.csvText(comments: ["unit: million USD"]).write(to: url, atomically: true, encoding: .utf8)
        let loaded = try IOTable.read(path: url.path)
        #expect(loaded.table == table)
        #expect(loaded.unit == "million USD")
    }
}
