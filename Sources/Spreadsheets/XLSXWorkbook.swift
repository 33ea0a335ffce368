import Foundation
import ZIPFoundation

/// An Excel workbook (Office Open XML, ECMA-376 Part 1 §18): a zip container (read with
/// ZIPFoundation) of XML parts (read with Foundation's `XMLParser`, `XLSXParts`):
/// `xl/workbook.xml` lists the sheets in order with relationship ids,
/// `xl/_rels/workbook.xml.rels` maps the ids to worksheet parts, `xl/sharedStrings.xml`
/// holds the strings that cells refer to by index.
///
/// Cells are read as numbers (`<v>`), shared strings (`t="s"`), inline strings
/// (`t="inlineStr"`), formula strings (`t="str"`), booleans and error values (as text);
/// a formula cell is read through its cached value, and one saved without a value is an
/// error naming its cell. Styles (dates, number formats) are not applied: numbers are read as stored.
public struct XLSXWorkbook {
    public let path: String
    /// Sheet names in workbook order, with their part paths inside the container.
    public let sheets: [(name: String, part: String)]
    let archive: Archive
    let sharedStrings: [String]

    /// - Throws: `malformedWorkbook` when the container or its workbook parts cannot be read.
    public init(data: Data, path: String) throws(SpreadsheetError) {
        self.path = path
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .malformedWorkbook(path: path, part: "(zip container)", reason: "not a zip archive: \(error)")
        }
        guard archive["xl/workbook.xml"] != nil else {
            throw .malformedWorkbook(path: path, part: "xl/workbook.xml", reason: "missing: the file is a zip archive but not an Excel workbook")
        }
        let workbook = try XLSXParts.workbookSheets(Self.part("xl/workbook.xml", in: archive, path: path), path: path)
        let relationships = try XLSXParts.relationships(Self.part("xl/_rels/workbook.xml.rels", in: archive, path: path), path: path)
        var sheets: [(name: String, part: String)] = []
        for (name, id) in workbook {
            guard let target = relationships[id] else {
                throw .malformedWorkbook(path: path, part: "xl/_rels/workbook.xml.rels", reason: "no target for sheet '\(name)' (\(id))")
            }
            sheets.append((name, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target))
        }
        self.sheets = sheets
        sharedStrings = archive["xl/sharedStrings.xml"] == nil
            ? [] : try XLSXParts.sharedStrings(Self.part("xl/sharedStrings.xml", in: archive, path: path), path: path)
    }

    /// The sheet called `name` (exact, else the only case-insensitive match), or the
    /// first sheet when `name` is nil, as rows of cells.
    /// - Throws: `sheetNotFound` listing the workbook's sheets; cell errors with their A1 reference.
    public func sheet(named name: String?) throws(SpreadsheetError) -> TableSheet {
        let names = sheets.map(\.name)
        let index: Int?
        if let name {
            let folded = names.indices.filter { names[$0].lowercased() == name.lowercased() }
            index = names.firstIndex(of: name) ?? (folded.count == 1 ? folded[0] : nil)
        } else {
            index = sheets.isEmpty ? nil : 0
        }
        guard let index else { throw .sheetNotFound(path: path, sheet: name ?? "(first)", available: names) }
        let (sheetName, part) = sheets[index]
        let cells = try XLSXParts.worksheetCells(Self.part(part, in: archive, path: path), path: path, sheet: sheetName)
        return try grid(cells, sheet: sheetName)
    }

    /// Lays the sheet's cells out as dense rows from the leftmost to the rightmost used column.
    func grid(_ cells: [XLSXParts.Cell], sheet: String) throws(SpreadsheetError) -> TableSheet {
        var byRow: [Int: [Int: SheetCell]] = [:]
        var firstColumn = Int.max, lastColumn = 0
        for cell in cells {
            let location = CellLocation(path: path, sheet: sheet, row: cell.row, column: cell.column)
            let value: SheetCell
            switch cell.type {
            case "s":
                guard let k = Int(cell.value), sharedStrings.indices.contains(k) else {
                    throw .badSharedString(at: location, index: cell.value)
                }
                value = .text(sharedStrings[k])
            case "inlineStr", "str", "e":
                value = .text(cell.inline ?? cell.value)
            case "b":
                value = .text(cell.value == "1" ? "TRUE" : "FALSE")
            default:
                if cell.value.isEmpty, let formula = cell.formula, !formula.isEmpty {
                    throw .formulaWithoutValue(at: location, formula: formula)
                }
                if cell.value.isEmpty { continue }
                value = Double(cell.value).map(SheetCell.number) ?? .text(cell.value)
            }
            if case let .text(text) = value, text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            byRow[cell.row, default: [:]][cell.column] = value
            firstColumn = min(firstColumn, cell.column)
            lastColumn = max(lastColumn, cell.column)
        }
        var rows: [SheetRow] = []
        var comments: [SheetComment] = []
        for number in byRow.keys.sorted() {
            guard let row = byRow[number] else { continue }
            let dense = (firstColumn...lastColumn).map { column -> SheetCell in
                guard let cell = row[column] else { return .text("") }
                if case let .text(text) = cell { return .text(text.trimmingCharacters(in: .whitespaces)) }
                return cell
            }
            if case let .text(first)? = dense.first(where: { !$0.isEmpty }), first.hasPrefix("#") {
                comments.append(SheetComment(number: number, text: first.dropFirst().trimmingCharacters(in: .whitespaces)))
            } else {
                rows.append(SheetRow(number: number, cells: dense))
            }
        }
        return TableSheet(path: path, sheet: sheet, firstColumn: rows.isEmpty && comments.isEmpty ? 1 : firstColumn,
                          decimalMark: ".", comments: comments, rows: rows)
    }

    static func part(_ name: String, in archive: Archive, path: String) throws(SpreadsheetError) -> Data {
        guard let entry = archive[name] else { throw .malformedWorkbook(path: path, part: name, reason: "missing") }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw .malformedWorkbook(path: path, part: name, reason: "\(error)")
        }
        return data
    }
}
