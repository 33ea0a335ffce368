/// Everything that can go wrong reading a table file before its content is interpreted:
/// the file itself, its format, the workbook's parts and sheets. `description` is one
/// line: what, where (file, sheet, cell) and how to fix it.
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    /// Not UTF-8 text (and not a workbook).
    case notText(path: String)
    /// A format grdp does not read (`.xls`, `.ods`, `.numbers`): what to save it as.
    case unsupportedFormat(path: String, format: String, howToFix: String)
    /// The zip container or one of its XML parts is damaged.
    case malformedWorkbook(path: String, part: String, reason: String)
    case sheetNotFound(path: String, sheet: String, available: [String])
    /// `--sheet` given for a CSV file.
    case sheetForCSV(path: String, sheet: String)
    /// A formula cell saved without its value.
    case formulaWithoutValue(at: CellLocation, formula: String)
    /// A shared-string index beyond the workbook's string table.
    case badSharedString(at: CellLocation, index: String)
    /// A CSV field's opening quote that no quote closes before the end of the file.
    case unterminatedQuote(at: CellLocation)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the file (\(reason)); check the path and permissions"
        case let .notText(path):
            return "\(path): not UTF-8 text; save the table as CSV UTF-8 (Excel: File › Save As › CSV UTF-8) or as an .xlsx workbook"
        case let .unsupportedFormat(path, format, howToFix):
            return "\(path): \(format) files are not read; \(howToFix)"
        case let .malformedWorkbook(path, part, reason):
            return "\(path): the workbook's part \(part) cannot be read (\(reason)); open it in Excel or LibreOffice and save it again as .xlsx"
        case let .sheetNotFound(path, sheet, available):
            return "\(path): no sheet '\(sheet)'; the workbook's sheets are \(available.map { "'\($0)'" }.joined(separator: ", ")); pass one of them with --sheet"
        case let .sheetForCSV(path, sheet):
            return "\(path): --sheet '\(sheet)' applies to .xlsx workbooks, and this file is CSV; drop --sheet"
        case let .formulaWithoutValue(at, formula):
            return "\(at): the formula =\(formula) has no saved value; open the workbook in Excel or LibreOffice, let it calculate and save it, or paste the values"
        case let .unterminatedQuote(at):
            return "\(at): this quoted field has no closing quote, so the rest of the file would be one cell; add the closing \" (a quote inside a quoted field is written \"\")"
        case let .badSharedString(at, index):
            return "\(at): refers to shared string \(index), which the workbook does not have; open it in Excel or LibreOffice and save it again"
        }
    }
}
