import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parsers of the XML parts of an Excel workbook that grdp reads (ECMA-376 Part 1):
/// the sheet list, the relationships, the shared strings and a worksheet's cells.
/// Each is a SAX pass with Foundation's `XMLParser`. Element names are matched without
/// their namespace prefix. - Complexity: O(part size).
enum XLSXParts {
    /// One `<c>` element of a worksheet: position, `t` attribute, `<v>` text, inline
    /// string text and formula.
    struct Cell {
        let row: Int
        let column: Int
        let type: String
        let value: String
        let inline: String?
        let formula: String?
    }

    /// `<sheet name=".." r:id=".."/>` in workbook order.
    static func workbookSheets(_ data: Data, path: String) throws(SpreadsheetError) -> [(name: String, id: String)] {
        let collector = ElementCollector { name, attributes in
            name == "sheet" ? [attributes["name"] ?? "", attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value ?? ""] : nil
        }
        try run(collector, on: data, path: path, part: "xl/workbook.xml")
        return collector.items.map { ($0[0], $0[1]) }
    }

    /// `<Relationship Id=".." Target=".."/>`: id → target.
    static func relationships(_ data: Data, path: String) throws(SpreadsheetError) -> [String: String] {
        let collector = ElementCollector { name, attributes in
            name == "Relationship" ? [attributes["Id"] ?? "", attributes["Target"] ?? ""] : nil
        }
        try run(collector, on: data, path: path, part: "xl/_rels/workbook.xml.rels")
        return Dictionary(collector.items.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
    }

    /// The `<si>` items: the text of their `<t>` elements (rich-text runs concatenated,
    /// phonetic `<rPh>` runs left out).
    static func sharedStrings(_ data: Data, path: String) throws(SpreadsheetError) -> [String] {
        let reader = SharedStringReader()
        try run(reader, on: data, path: path, part: "xl/sharedStrings.xml")
        return reader.strings
    }

    static func worksheetCells(_ data: Data, path: String, sheet: String) throws(SpreadsheetError) -> [Cell] {
        let reader = WorksheetReader()
        try run(reader, on: data, path: path, part: "worksheet '\(sheet)'") { reader.problem }
        return reader.cells
    }

    /// Parses `data` with `delegate`; `problem` is what the delegate found wrong when it stopped the parse.
    static func run(_ delegate: XMLParserDelegate, on data: Data, path: String, part: String,
                    problem: () -> String? = { nil }) throws(SpreadsheetError) {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            let reason = problem() ?? parser.parserError.map { "\($0.localizedDescription) at line \(parser.lineNumber)" } ?? "invalid XML"
            throw .malformedWorkbook(path: path, part: part, reason: reason)
        }
    }

    static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }
}

/// Collects one item per element that `pick` selects from its attributes.
private final class ElementCollector: NSObject, XMLParserDelegate {
    let pick: (String, [String: String]) -> [String]?
    var items: [[String]] = []
    init(pick: @escaping (String, [String: String]) -> [String]?) { self.pick = pick }
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if let item = pick(XLSXParts.localName(elementName), attributeDict) { items.append(item) }
    }
}

private final class SharedStringReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inItem = false, inText = false, inPhonetic = false
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch XLSXParts.localName(elementName) {
        case "si": inItem = true; current = ""
        case "rPh": inPhonetic = true
        case "t": inText = inItem && !inPhonetic
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XLSXParts.localName(elementName) {
        case "si": strings.append(current); inItem = false
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

private final class WorksheetReader: NSObject, XMLParserDelegate {
    var cells: [XLSXParts.Cell] = []
    var problem: String?
    var rowNumber = 0
    var nextColumn = 1
    // The cell being read.
    var inCell = false
    var column = 0, type = "", value = "", inline = "", formula = ""
    var hasInline = false, hasFormula = false
    var text: String?  // the element whose characters are being collected: "v", "t", "f"

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch XLSXParts.localName(elementName) {
        case "row":
            rowNumber = attributeDict["r"].flatMap(Int.init) ?? rowNumber + 1
            nextColumn = 1
        case "c":
            inCell = true
            type = attributeDict["t"] ?? "n"
            value = ""; inline = ""; formula = ""; hasInline = false; hasFormula = false
            column = nextColumn
            if let reference = attributeDict["r"] {
                let letters = reference.prefix { $0.isLetter }
                guard let number = CellLocation.columnNumber(letters.uppercased()[...]) else {
                    problem = "cell reference '\(reference)' is not in A1 notation"
                    parser.abortParsing()
                    return
                }
                column = number
                if let row = Int(reference.dropFirst(letters.count)) { rowNumber = row }
            }
        case "v" where inCell: text = "v"
        case "f" where inCell: text = "f"; hasFormula = true
        case "t" where inCell: text = "t"; hasInline = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XLSXParts.localName(elementName) {
        case "c":
            cells.append(XLSXParts.Cell(row: rowNumber, column: column, type: type,
                                        value: value.trimmingCharacters(in: .whitespacesAndNewlines),
                                        inline: hasInline ? inline : nil, formula: hasFormula ? formula : nil))
            inCell = false
            nextColumn = column + 1
        case "v", "f", "t": text = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch text {
        case "v": value += string
        case "f": formula += string
        case "t": inline += string
        default: break
        }
    }
}
