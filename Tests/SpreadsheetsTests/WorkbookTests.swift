import Foundation
import Spreadsheets
import TestSupport
import Testing

/// Excel workbooks written by `WorkbookWriter` and read back through `TableFile`.
@Suite("Excel workbooks")
struct WorkbookTests {
    @Test("Shared strings, inline strings, numbers and cached formula values; the first sheet by default")
    func reads() throws {
        let url = WorkbookWriter.temporaryURL("book.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try WorkbookWriter.write([
            ("Notes", [[.inline("# unit: million VND")], [.shared("sector"), .shared("a")], [.shared("a"), .number(1.25)]]),
            ("IO", [[.shared("sector"), .inline("a & b")], [.shared("x"), .formula("1+2", cached: 3)], [.empty, .number(-0.5)]]),
        ], to: url, origin: (2, 2))
        let first = try TableFile.read(path: url.path)
        #expect(first.sheet == "Notes")
        #expect(first.comments == [SheetComment(number: 2, text: "unit: million VND")])
        #expect(first.rows.map(\.cells) == [[.text("sector"), .text("a")], [.text("a"), .number(1.25)]])
        let io = try TableFile.read(path: url.path, options: .init(sheet: "io"))
        #expect(io.sheet == "IO")
        #expect(io.firstColumn == 2)
        #expect(io.rows.map(\.cells) == [[.text("sector"), .text("a & b")], [.text("x"), .number(3)], [.text(""), .number(-0.5)]])
        #expect(io.location(row: io.rows[1], cell: 1).description == "\(url.path):IO!C3")
    }

    @Test("A missing sheet names the sheets there are")
    func sheetNotFound() throws {
        let url = WorkbookWriter.temporaryURL("book.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try WorkbookWriter.write([("IO", [[.shared("sector")]]), ("VA", [[.shared("x")]])], to: url)
        #expect(throws: SpreadsheetError.sheetNotFound(path: url.path, sheet: "Table", available: ["IO", "VA"])) {
            try TableFile.read(path: url.path, options: .init(sheet: "Table"))
        }
        let message = SpreadsheetError.sheetNotFound(path: "b.xlsx", sheet: "Table", available: ["IO", "VA"]).description
        #expect(message == "b.xlsx: no sheet 'Table'; the workbook's sheets are 'IO', 'VA'; pass one of them with --sheet")
    }

    @Test("A formula saved without its value is an error at its cell")
    func formulaWithoutValue() throws {
        let url = WorkbookWriter.temporaryURL("book.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try WorkbookWriter.write([("IO", [[.shared("sector"), .shared("a")], [.shared("a"), .formula("SUM(B1:B2)", cached: nil)]])], to: url)
        #expect(throws: SpreadsheetError.formulaWithoutValue(at: CellLocation(path: url.path, sheet: "IO", row: 2, column: 2), formula: "SUM(B1:B2)")) {
            try TableFile.read(path: url.path)
        }
    }

    @Test("A damaged workbook, a shared string it lacks, and text that is not UTF-8 are errors naming the file and cell")
    func damaged() throws {
        let directory = WorkbookWriter.temporaryURL("dir")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let notZip = directory.appendingPathComponent("t.xlsx")
        try Data("sector,a\n".utf8).write(to: notZip)
        do {
            _ = try TableFile.read(path: notZip.path)
            Issue.record("a text file named .xlsx was read")
        } catch {
            guard case let .malformedWorkbook(path, part, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == notZip.path && part == "(zip container)")
            #expect(error.description.hasSuffix("open it in Excel or LibreOffice and save it again as .xlsx"))
        }
        let badIndex = directory.appendingPathComponent("b.xlsx")
        try WorkbookWriter.write([("IO", [[.shared("sector"), .sharedIndex(7)]])], to: badIndex)
        #expect(throws: SpreadsheetError.badSharedString(at: CellLocation(path: badIndex.path, sheet: "IO", row: 1, column: 2), index: "7")) {
            try TableFile.read(path: badIndex.path)
        }
        let latin1 = directory.appendingPathComponent("l.csv")
        try Data([0x73, 0x65, 0x63, 0x74, 0x6F, 0x72, 0x2C, 0xE9, 0x0A]).write(to: latin1)  // "sector,é" in Latin-1
        #expect(throws: SpreadsheetError.notText(path: latin1.path)) { try TableFile.read(path: latin1.path) }
    }

    @Test(".xls and .ods files are refused with what to save them as; --sheet on a CSV is refused")
    func unsupported() throws {
        let directory = WorkbookWriter.temporaryURL("dir")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let xls = directory.appendingPathComponent("t.xls").path
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: URL(fileURLWithPath: xls))
        let ods = directory.appendingPathComponent("t.ods").path
        try Data("PK".utf8).write(to: URL(fileURLWithPath: ods))
        let csv = directory.appendingPathComponent("t.csv").path
        try Data("sector,a\na,1\n".utf8).write(to: URL(fileURLWithPath: csv))
        do {
            _ = try TableFile.read(path: xls)
            Issue.record("an .xls file was read")
        } catch {
            #expect(error.description.hasPrefix("\(xls): legacy Excel (.xls) files are not read; save it as an Excel Workbook (.xlsx)"))
        }
        do {
            _ = try TableFile.read(path: ods)
            Issue.record("an .ods file was read")
        } catch {
            #expect(error.description.hasPrefix("\(ods): OpenDocument (.ods) files are not read; save it as an Excel Workbook (.xlsx) or as CSV"))
        }
        #expect(throws: SpreadsheetError.sheetForCSV(path: csv, sheet: "IO")) { try TableFile.read(path: csv, options: .init(sheet: "IO")) }
    }
}
