import Foundation
import Growth
import Spreadsheets
import TestSupport
import Testing

/// Accounts from a workbook and from a semicolon CSV with decimal commas read the same as
/// the comma CSV; errors name the sheet and cell.
@Suite("GRDP accounts from workbooks and CSV dialects")
struct AccountsSourceTests {
    static let csv = """
        # region: Test
        # grdp_target: 8
        sector,group,base_value,target,growth
        agriculture,agriculture,1.909,3.1,3.55
        services,services,65.6,8.6,8.5
        product_taxes,taxes,9.701,5.7,6.04
        """

    @Test("The same accounts as comma CSV, semicolon CSV with decimal commas and .xlsx are equal")
    func threeFormats() throws {
        let expected = try GRDPAccounts(csv: Self.csv, path: "a.csv")
        let semicolon = "\u{FEFF}" + Self.csv.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ".", with: ",")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let csvURL = WorkbookWriter.temporaryURL("a.csv")
        let workbookURL = WorkbookWriter.temporaryURL("a.xlsx")
        defer { for url in [csvURL, workbookURL] { try? FileManager.default.removeItem(at: url) } }
        try Data(semicolon.utf8).write(to: csvURL)
        var rows: [[WorkbookWriter.Cell]] = [[.inline("# region: Test")], [.inline("# grdp_target: 8")]]
        rows += WorkbookWriter.cells(CSVRecordsForTests.rows(Self.csv))
        try WorkbookWriter.write([("Accounts", rows)], to: workbookURL)
        #expect(try GRDPAccounts.load(path: csvURL.path) == expected)
        #expect(try GRDPAccounts.load(path: workbookURL.path) == expected)
    }

    @Test("A bad cell of a workbook is named by sheet and cell")
    func cellError() throws {
        let workbookURL = WorkbookWriter.temporaryURL("a.xlsx")
        defer { try? FileManager.default.removeItem(at: workbookURL) }
        let rows = CSVRecordsForTests.rows(Self.csv.replacingOccurrences(of: "services,65.6,8.6", with: "services,65.6,8.6%"))
        try WorkbookWriter.write([("Accounts", WorkbookWriter.cells(rows))], to: workbookURL, origin: (1, 3))
        let error = GrowthError.nonNumericCell(at: FileLocation(path: workbookURL.path, line: 3, column: 6, sheet: "Accounts"),
                                               column: "target", sector: "services", text: "8.6%")
        #expect(throws: error) { try GRDPAccounts.load(path: workbookURL.path) }
        #expect(error.description.hasPrefix("\(workbookURL.path):Accounts!F3: "))
    }
}

/// The data rows of a CSV text (comments dropped), as cell texts.
enum CSVRecordsForTests {
    static func rows(_ text: String) -> [[String]] {
        CSVDialect.comma.sheet(text, path: "").rows.map { $0.cells.map(\.text) }
    }
}
