/// A small RFC 4180 reader with a choice of separator (comma, semicolon or tab): fields
/// may be double-quoted with `""` as an escaped quote and may then hold separators and
/// line breaks. A UTF-8 byte-order mark at the start is skipped; line ends may be LF,
/// CRLF or CR. Blank lines are dropped; lines whose first non-space character is `#` are
/// comments (kept with their text). Fields are trimmed of spaces and tabs (tabs only
/// when they are not the separator).
///
/// Written here rather than taken from a CSV package because error messages need the
/// physical line number of each record, which the available packages do not report.
/// - Complexity: O(characters).
public enum DelimitedText {
    /// One record with the physical line it starts on (1-based).
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
        /// For a comment line: its text after `#`, trimmed; nil for a data record.
        public let comment: String?
    }

    /// `s` without leading spaces (and a BOM) or trailing ones; most fields have nothing to
    /// trim and are returned without a copy.
    static func trimmed(_ s: String, spaces: Set<Unicode.Scalar>) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
              spaces.contains(first) || first == "\u{FEFF}" || spaces.contains(last) else { return s }
        var view = Substring(s).unicodeScalars[...]
        while let first = view.first, spaces.contains(first) || first == "\u{FEFF}" { view.removeFirst() }
        while let last = view.last, spaces.contains(last) { view.removeLast() }
        return String(String.UnicodeScalarView(view))
    }

    public static func records(_ text: String, separator: Unicode.Scalar = ",") -> [Record] {
        recordsFromBytes(text, separator: separator) ?? scalarRecords(text, separator: separator)
    }

    /// The records read one Unicode scalar at a time (the reference for `recordsFromBytes`,
    /// and the reader of a text whose last quote is left open).
    static func scalarRecords(_ text: String, separator: Unicode.Scalar) -> [Record] {
        // MARK: State of the scan (the record, field and line being read)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var raw = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var atRecordStart = true
        var isComment = false
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let spaces: Set<Unicode.Scalar> = separator == "\t" ? [" "] : [" ", "\t"]

        // MARK: Ending a record (a comment, a blank line dropped, or fields)
        func trimmed(_ s: String) -> String { Self.trimmed(s, spaces: spaces) }
        func endRecord() {
            fields.append(trimmed(field))
            let blank = fields.allSatisfy(\.isEmpty) && !isComment
            if isComment {
                var body = Substring(trimmed(raw))
                if body.first == "#" { body = body.dropFirst() }
                records.append(Record(line: recordLine, fields: [], comment: trimmed(String(body))))
            } else if !blank {
                records.append(Record(line: recordLine, fields: fields, comment: nil))
            }
            fields = []
            field = ""
            raw = ""
            atRecordStart = true
            isComment = false
        }

        // MARK: The scan, one scalar at a time
        while let scalar = scalars.popFirst() {
            // MARK: Record start: its line, and whether it is a comment
            if atRecordStart {
                recordLine = line
                atRecordStart = false
                let firstNonSpace = scalar == " " || scalar == "\t" ? (scalars.first { $0 != " " && $0 != "\t" } ?? scalar) : scalar
                isComment = firstNonSpace == "#"
            }
            // MARK: Comment line
            if isComment {
                // A comment runs to the end of its physical line, quotes and all.
                switch scalar {
                case "\r":
                    if scalars.first == "\n" { scalars.removeFirst() }
                    endRecord()
                    line += 1
                case "\n":
                    endRecord()
                    line += 1
                default:
                    raw.unicodeScalars.append(scalar)
                }
                continue
            }
            // MARK: Inside a quoted field (doubled quotes, embedded line ends)
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && scalars.first != "\n") { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            // MARK: Unquoted: quote opening, separator, line ends, field text
            switch scalar {
            case "\"" where trimmed(field).isEmpty:
                field = ""
                inQuotes = true
            case separator:
                fields.append(trimmed(field))
                field = ""
            case "\r":
                if scalars.first == "\n" { scalars.removeFirst() }
                endRecord()
                line += 1
            case "\n":
                endRecord()
                line += 1
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        // MARK: A last record without a line end
        if !atRecordStart { endRecord() }
        return records
    }
}
