import Foundation

/// Reads a table file into rows of cells, by what the file is: an Excel workbook
/// (`.xlsx`, `.xlsm`, or any file that is a zip container) through `XLSXWorkbook`, else
/// CSV text (UTF-8, with or without a byte-order mark) in `dialect`. The legacy Excel
/// (`.xls`, an OLE2 compound file) and OpenDocument (`.ods`) formats are refused with
/// what to save them as.
public enum TableFile {
    /// How to read a table file; the defaults suit a CSV from any locale and a workbook's first sheet.
    public struct Options: Sendable, Equatable {
        /// The worksheet of a workbook, nil for the first one.
        public var sheet: String?
        public var dialect: CSVDialect
        public init(sheet: String? = nil, dialect: CSVDialect = .automatic) {
            self.sheet = sheet
            self.dialect = dialect
        }
    }

    /// The name standard input goes by in messages, when the path is `-`.
    public static let standardInputName = "<stdin>"

    /// The file at `path`, or standard input when `path` is `-` (read to its end, named
    /// `<stdin>` in errors; a workbook is recognised by its zip signature).
    /// - Throws: `SpreadsheetError`.
    /// - Complexity: O(file size).
    public static func read(path given: String, options: Options = Options()) throws(SpreadsheetError) -> TableSheet {
        let path = given == "-" ? Self.standardInputName : given
        let data: Data
        if given == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            if let problem = InputFileKind.problem(path) { throw .unreadableFile(path: path, reason: problem) }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .unreadableFile(path: path, reason: Self.reason(error))
            }
        }
        let lowered = path.lowercased()
        let isZip = data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) || lowered.hasSuffix(".xls") {
            throw .unsupportedFormat(path: path, format: "legacy Excel (.xls)",
                                     howToFix: "save it as an Excel Workbook (.xlsx) or as CSV UTF-8 (Excel: File › Save As) and read that file")
        }
        if lowered.hasSuffix(".ods") || lowered.hasSuffix(".numbers") {
            throw .unsupportedFormat(path: path, format: lowered.hasSuffix(".ods") ? "OpenDocument (.ods)" : "Numbers (.numbers)",
                                     howToFix: "save it as an Excel Workbook (.xlsx) or as CSV (LibreOffice: File › Save As) and read that file")
        }
        if isZip || lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xlsm") {
            let workbook = try XLSXWorkbook(data: data, path: path)
            return try workbook.sheet(named: options.sheet)
        }
        if let sheet = options.sheet { throw .sheetForCSV(path: path, sheet: sheet) }
        guard let text = String(data: data, encoding: .utf8) else { throw .notText(path: path) }
        return options.dialect.sheet(text, path: path)
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedDescription
    }
}
