/// One record of a CSV file with the physical line it starts on (1-based), so that
/// every validation error can name its line.
public struct CSVRecord: Sendable, Equatable {
    public let line: Int
    public let fields: [String]
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A small RFC 4180 reader: comma-separated, fields may be double-quoted with `""` as
/// an escaped quote and may then contain commas and newlines. Blank lines and lines
/// whose first non-space character is `#` are comments. Fields are trimmed of spaces.
///
/// Written here rather than taken from a CSV package because error messages need the
/// physical line number of each record, which the available packages do not report.
/// - Complexity: O(characters).
public enum CSVRecords {
    public static func parse(_ text: String) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var atRecordStart = true
        var isComment = false
        var iterator = Array(text.unicodeScalars)[...]

        func endRecord() {
            fields.append(field.trimmingSpaces())
            let blank = fields.count == 1 && fields[0].isEmpty
            if !blank && !isComment { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            atRecordStart = true
            isComment = false
        }

        while let scalar = iterator.popFirst() {
            if atRecordStart {
                recordLine = line
                atRecordStart = false
                var firstNonSpace = scalar
                if scalar == " " || scalar == "\t" {
                    firstNonSpace = iterator.first { $0 != " " && $0 != "\t" } ?? scalar
                }
                isComment = firstNonSpace == "#"
            }
            if inQuotes {
                if scalar == "\"" {
                    if iterator.first == "\"" {
                        field.unicodeScalars.append("\"")
                        iterator.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.trimmingSpaces().isEmpty:
                field = ""
                inQuotes = true
            case ",":
                fields.append(field.trimmingSpaces())
                field = ""
            case "\r":
                if iterator.first == "\n" { continue }
                endRecord()
                line += 1
            case "\n":
                endRecord()
                line += 1
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if !atRecordStart { endRecord() }
        return records
    }

    /// Quotes a field when it contains a comma, quote or newline.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{FEFF}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

import Foundation
