import Foundation
import ZIPFoundation

/// Writes minimal Excel workbooks (.xlsx, ECMA-376) for tests: a zip container with the
/// content types, the workbook and its relationships, a shared-string table and one
/// worksheet part per sheet. Cells are numbers, shared strings, inline strings or
/// formulas with or without a cached value, so that a reader's every path is exercised
/// by a real file.
public enum WorkbookWriter {
    public enum Cell: Sendable {
        case number(Double)
        case shared(String)
        case inline(String)
        case formula(String, cached: Double?)
        /// A shared-string reference by index, whether or not the table has that string.
        case sharedIndex(Int)
        case empty
    }

    /// Writes `sheets` (name, rows starting at `A1` unless `origin` moves them) to `url`.
    public static func write(_ sheets: [(name: String, rows: [[Cell]])], to url: URL, origin: (row: Int, column: Int) = (1, 1)) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let k = stringIndex[text] { return k }
            strings.append(text)
            stringIndex[text] = strings.count - 1
            return strings.count - 1
        }
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var parts: [(String, String)] = []
        for (s, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (r, row) in sheet.rows.enumerated() {
                let rowNumber = origin.row + r
                xml += #"<row r="\#(rowNumber)">"#
                for (c, cell) in row.enumerated() {
                    let reference = columnLetters(origin.column + c) + String(rowNumber)
                    switch cell {
                    case let .number(value): xml += #"<c r="\#(reference)"><v>\#(value)</v></c>"#
                    case let .shared(text): xml += #"<c r="\#(reference)" t="s"><v>\#(shared(text))</v></c>"#
                    case let .inline(text): xml += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(escape(text))</t></is></c>"#
                    case let .formula(formula, cached):
                        xml += #"<c r="\#(reference)"><f>\#(escape(formula))</f>"# + (cached.map { "<v>\($0)</v>" } ?? "") + "</c>"
                    case let .sharedIndex(k): xml += #"<c r="\#(reference)" t="s"><v>\#(k)</v></c>"#
                    case .empty: break
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData></worksheet>"
            parts.append(("xl/worksheets/sheet\(s + 1).xml", xml))
        }
        var sst = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#
        for text in strings { sst += "<si><t>\(escape(text))</t></si>" }
        sst += "</sst>"
        let sheetList = sheets.enumerated().map { #"<sheet name="\#(escape($1.name))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined()
        let workbook = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\#(sheetList)</sheets></workbook>"#
        let sheetRelations = sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
        let stringsRelation = #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        let rels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(sheetRelations)\#(stringsRelation)</Relationships>"#
        let sheetTypes = sheets.indices.map { #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
        let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\#(sheetTypes)</Types>"#
        let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        let all = [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook),
                   ("xl/_rels/workbook.xml.rels", rels), ("xl/sharedStrings.xml", sst)] + parts
        for (name, text) in all {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// A table of numbers and labels as workbook cells: first row and first column are
    /// shared strings, the rest numbers (empty text → empty cell).
    public static func cells(_ rows: [[String]]) -> [[Cell]] {
        rows.map { row in row.map { text in
            if text.isEmpty { return .empty }
            if let value = Double(text) { return .number(value) }
            return .shared(text)
        } }
    }

    static func columnLetters(_ column: Int) -> String {
        var n = column, letters = ""
        while n > 0 { letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters; n = (n - 1) / 26 }
        return letters
    }

    /// A fresh path under the system's temporary directory.
    public static func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("grdp-\(UUID().uuidString)-\(name)")
    }
}
