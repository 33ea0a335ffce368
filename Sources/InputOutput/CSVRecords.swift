import Spreadsheets

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

/// Comma-separated records (RFC 4180, `DelimitedText` with a comma): quoted fields,
/// a UTF-8 byte-order mark and CRLF line ends accepted; blank and `#` comment lines
/// dropped; fields trimmed of spaces. For tables in other dialects see `CSVDialect`.
/// - Complexity: O(characters).
public enum CSVRecords {
    public static func parse(_ text: String) -> [CSVRecord] {
        DelimitedText.records(text).compactMap { $0.comment == nil ? CSVRecord(line: $0.line, fields: $0.fields) : nil }
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
