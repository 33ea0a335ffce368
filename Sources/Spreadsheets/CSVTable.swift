/// A CSV file held as its bytes with an index of its records, for tables too large to
/// hold as a `String` per cell (an input-output table of 3,000 sectors has 9 million
/// cells): one pass reads the structure (each record's line, offset and number of
/// fields, its first field as text, the header, the comments; an open quote is an error),
/// and the numbers of a record are parsed from its bytes when asked
/// (`numbers(row:cells:into:)`), straight into the caller's buffer.
///
/// It reads the same records as `CSVDialect.sheet` on the same text (`sheet()` gives that
/// very `TableSheet`). Memory: the file's bytes and O(records) of index.
/// - Complexity: O(bytes) for the index, O(bytes of the record) per row of numbers.
public struct CSVTable: Sendable {
    /// One data record: its physical line, where it starts, its number of fields and first field.
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let offset: Int
        public let cellCount: Int
        public let label: String
    }

    public let path: String
    public let dialect: CSVDialect
    public var decimalMark: Character { dialect.decimalMark ?? "." }
    /// The first data record's fields as text.
    public let header: [String]
    public let headerLine: Int
    let headerOffset: Int
    /// The data records after the header.
    public let rows: [Row]
    public let comments: [SheetComment]
    let bytes: [UInt8]

    /// Indexes `bytes` (UTF-8, checked) in `dialect`, detecting its nil parts as `CSVDialect.resolved(for:)` does.
    /// - Throws: `notText` for bytes that are not UTF-8; `unterminatedQuote` at the line and column the quote opened.
    public init(bytes: [UInt8], path: String, dialect requested: CSVDialect = .automatic) throws(SpreadsheetError) {
        guard Self.isUTF8(bytes) else { throw .notText(path: path) }
        var dialect = requested
        if dialect.separator == nil { dialect.separator = CSVDialect.detectedSeparator(prefix: Self.textPrefix(bytes)) }
        if dialect.separator == .comma, dialect.decimalMark == nil { dialect.decimalMark = "." }
        let separator = (dialect.separator ?? .comma).scalar
        var evidence = dialect.decimalMark == nil ? DecimalMarkEvidence() : nil
        var header: [String] = []
        var headerLine = 0, headerOffset = 0
        var rows: [Row] = []
        var comments: [SheetComment] = []
        let scanned: Result<Void, DelimitedBytes.UnterminatedQuote> = bytes.withUnsafeBufferPointer { buffer in
            var reader = DelimitedBytes(bytes: buffer, separator: separator)
            do throws(DelimitedBytes.UnterminatedQuote) {
                while true {
                    // After the header, a plain record is indexed without splitting it into fields
                    // (unless the decimal mark is still to be decided from the fields).
                    if headerLine != 0, evidence == nil, let plain = reader.nextPlain(in: buffer) {
                        rows.append(Row(line: plain.line, offset: plain.offset, cellCount: plain.fieldCount,
                                        label: String(decoding: UnsafeBufferPointer(rebasing: buffer[plain.first]), as: UTF8.self)))
                        continue
                    }
                    guard let record = try reader.next(in: buffer) else { break }
                    switch record {
                    case let .comment(line, text):
                        comments.append(SheetComment(number: line, text: text))
                    case let .data(line, offset):
                        if evidence != nil { evidence?.collect(reader, buffer) }
                        if headerLine == 0 {
                            header = reader.fields.map { reader.text(of: $0, in: buffer) }
                            headerLine = line
                            headerOffset = offset
                        } else {
                            rows.append(Row(line: line, offset: offset, cellCount: reader.fields.count,
                                            label: reader.text(of: reader.fields[0], in: buffer)))
                        }
                    }
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case let .failure(open) = scanned {
            throw .unterminatedQuote(at: CellLocation(path: path, row: open.line, column: open.column))
        }
        if let evidence { dialect.decimalMark = evidence.mark }
        self.path = path
        self.dialect = dialect
        self.header = header
        self.headerLine = headerLine
        self.headerOffset = headerOffset
        self.rows = rows
        self.comments = comments
        self.bytes = bytes
    }

    /// Where cell `cell` (0-based) of data row `row` is; the header when `row` is nil.
    public func location(row: Int?, cell: Int? = nil) -> CellLocation {
        CellLocation(path: path, row: row.map { rows[$0].line } ?? headerLine, column: cell.map { $0 + 1 })
    }

    /// Parses cells `1..<cells` of data row `row` into `values[1..<cells]` (0 for an empty
    /// cell, NaN for text that is not a number, whose text goes to `problems`); cells past
    /// the row's end are left as they are. `values.count` must be at least `cells`.
    public func numbers(row: Int, cells: Int, into values: inout [Double], problems: inout [(cell: Int, text: String)]) {
        problems.removeAll(keepingCapacity: true)
        let entry = rows[row]
        let mark = decimalMark
        let separator = UInt8(truncatingIfNeeded: (dialect.separator ?? .comma).scalar.value)
        bytes.withUnsafeBufferPointer { buffer in
            let plain = values.withUnsafeMutableBufferPointer { out in
                Self.plainNumbers(buffer, from: entry.offset, cells: cells, separator: separator,
                                  mark: mark == "," ? 0x2C : 0x2E, into: out)
            }
            if plain { return }
            var reader = DelimitedBytes(separator: separator, offset: entry.offset, line: entry.line)
            // The index pass read this record without error, so no quote is open here.
            guard (try? reader.scanRecord(buffer)) != nil else { return }
            let fields = reader.fields
            let last = min(cells, fields.count)
            guard last > 1 else { return }
            values.withUnsafeMutableBufferPointer { out in
                for k in 1..<last {
                    switch reader.withBytes(of: fields[k], in: buffer, { DecimalBytes.reading($0, decimalMark: mark) }) {
                    case .empty: out[k] = 0
                    case let .number(value): out[k] = value
                    case let .notANumber(text):
                        out[k] = .nan
                        problems.append((k, text))
                    }
                }
            }
        }
    }

    /// The record at `offset` read in one pass when it is plain: a first field without quotes,
    /// then fields that are empty or one number on `DecimalBytes`' fast path, each between
    /// optional blanks. Cells `1..<cells` go to `out` as `numbers(row:cells:into:problems:)`
    /// writes them (0 for an empty cell; cells past the record's end left as they are). False,
    /// with some cells possibly written, for anything else (a quote, text, grouped digits, a
    /// byte-order mark, a long significand): the caller then reads the record field by field,
    /// which writes every one of those cells again.
    /// - Complexity: O(bytes of the record up to cell `cells`).
    static func plainNumbers(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int, cells: Int, separator: UInt8, mark: UInt8,
                             into out: UnsafeMutableBufferPointer<Double>) -> Bool {
        let count = buffer.count
        @inline(__always) func isBlank(_ b: UInt8) -> Bool { b == 0x20 || (b == 0x09 && separator != 0x09) }
        @inline(__always) func endsField(_ b: UInt8) -> Bool { b == separator || b == 0x0A || b == 0x0D }
        var p = offset
        while p < count, !endsField(buffer[p]) {
            if buffer[p] == 0x22 { return false }
            p += 1
        }
        var k = 1
        while k < cells {
            guard p < count, buffer[p] == separator else { return true }  // the record has ended
            p += 1
            while p < count, isBlank(buffer[p]) { p += 1 }
            if p == count || endsField(buffer[p]) {
                out[k] = 0
            } else {
                let (value, end) = DecimalBytes.fastPrefix(buffer, from: p, mark: mark)
                guard let value else { return false }
                p = end
                while p < count, isBlank(buffer[p]) { p += 1 }
                guard p == count || endsField(buffer[p]) else { return false }
                out[k] = value
            }
            k += 1
        }
        return true
    }

    /// The whole table as text cells: the same sheet as `CSVDialect.sheet` on the file's text.
    public func sheet() -> TableSheet {
        var sheetRows: [SheetRow] = []
        bytes.withUnsafeBufferPointer { buffer in
            let separator = UInt8(truncatingIfNeeded: (dialect.separator ?? .comma).scalar.value)
            let lines = [(headerLine, -1)] + rows.enumerated().map { ($1.line, $0) }
            for (line, index) in lines where line > 0 {
                let offset = index < 0 ? headerOffset : rows[index].offset
                var reader = DelimitedBytes(separator: separator, offset: offset, line: line)
                guard (try? reader.scanRecord(buffer)) != nil else { continue }
                sheetRows.append(SheetRow(number: line, cells: reader.fields.map { .text(reader.text(of: $0, in: buffer)) }))
            }
        }
        return TableSheet(path: path, decimalMark: decimalMark, comments: comments, rows: sheetRows)
    }

    /// Whether `bytes` are UTF-8: ASCII eight bytes at a time, the rest by the standard library.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        let ascii = bytes.withUnsafeBytes { raw -> Bool in
            var i = 0
            let count = raw.count
            while i + 8 <= count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < count {
                if raw[i] & 0x80 != 0 { return false }
                i += 1
            }
            return true
        }
        return ascii || String(validating: bytes, as: UTF8.self) != nil
    }

    /// The text of the first 20,000 characters (what separator detection looks at), from as few bytes as it takes.
    static func textPrefix(_ bytes: [UInt8]) -> String {
        var length = min(bytes.count, 100_000)
        while true {
            var end = length
            while end < bytes.count, end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // a scalar boundary
            let text = String(decoding: bytes[..<end], as: UTF8.self)
            if end >= bytes.count || text.count > 20_002 { return String(text.prefix(20_000)) }
            length = min(bytes.count, length * 4)
        }
    }
}

/// What the decimal mark of a CSV in a non-comma dialect is, field by field, as
/// `CSVDialect.resolved(for:)` decides it: a comma when some field is a decimal-comma
/// number and none a decimal-point one. Reads a field as text only when its bytes could
/// change the decision.
struct DecimalMarkEvidence {
    var commaNumbers = 0
    var pointNumbers = 0
    var mark: Character { commaNumbers > 0 && pointNumbers == 0 ? "," : "." }

    mutating func collect(_ reader: DelimitedBytes, _ buffer: UnsafeBufferPointer<UInt8>) {
        guard pointNumbers == 0 else { return }
        for field in reader.fields.dropFirst() {
            let (digit, commas, points) = reader.withBytes(of: field, in: buffer) { bytes -> (Bool, Bool, Int) in
                var digit = false, commas = false, points = 0
                for b in bytes {
                    if b >= 0x30, b <= 0x39 { digit = true } else if b == 0x2C { commas = true } else if b == 0x2E { points += 1 }
                }
                return (digit, commas, points)
            }
            guard digit else { continue }
            if commas || points > 1 {
                if commaNumbers == 0, NumberText.parse(reader.text(of: field, in: buffer), decimalMark: ",") != nil { commaNumbers += 1 }
            } else if points == 1 {
                let text = reader.text(of: field, in: buffer)
                if Double(text) != nil, !CSVDialect.looksGrouped(text) {
                    pointNumbers += 1
                    return
                }
            }
        }
    }
}
