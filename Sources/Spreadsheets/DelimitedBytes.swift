/// The byte-level form of `DelimitedText`: the same records, fields, trimming, comments,
/// blank lines and line numbers, read from UTF-8 bytes without a `String` per field.
/// A field is a span of the input bytes, or of a scratch buffer when it was quoted
/// (quotes removed, `""` unescaped). A quote left open at the end of the input is an
/// error at the line and column where it opened (`DelimitedText` ends the field there).
/// - Complexity: O(bytes) per pass, O(fields of one record) of memory.
public struct DelimitedBytes {
    /// A field of the current record: bytes `start..<end` of the input, or of `scratch` when `copied`.
    public struct Field: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var copied: Bool
        public var isEmpty: Bool { start == end }
    }

    /// What `next` found: a data record (its fields are in `fields`) or a comment.
    public enum Record: Equatable {
        case data(line: Int, offset: Int)
        case comment(line: Int, text: String)
    }

    /// An open quote at the end of the input: its line and field (1-based).
    public struct UnterminatedQuote: Error, Equatable {
        public let line: Int
        public let column: Int
    }

    static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, space: UInt8 = 0x20, tab: UInt8 = 0x09

    public let separator: UInt8
    /// Where the next record starts, and its physical line.
    public private(set) var position: Int
    public private(set) var line: Int
    public private(set) var fields: [Field] = []
    public private(set) var scratch: [UInt8] = []

    /// A reader over `bytes` from their start (a UTF-8 byte-order mark skipped).
    public init(bytes: UnsafeBufferPointer<UInt8>, separator: Unicode.Scalar) {
        self.separator = UInt8(truncatingIfNeeded: separator.value)
        self.position = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        self.line = 1
    }

    /// A reader of the one record that starts at `offset` on `line` (to read it again).
    public init(separator: UInt8, offset: Int, line: Int) {
        self.separator = separator
        self.position = offset
        self.line = line
    }

    /// The bytes of a field of the current record.
    @inline(__always)
    public func withBytes<R>(of field: Field, in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if field.copied {
            return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.start..<field.end])) }
        }
        return body(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
    }

    /// A field's text.
    public func text(of field: Field, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        withBytes(of: field, in: bytes) { String(decoding: $0, as: UTF8.self) }
    }

    /// The next record that is not blank, nil at the end of the input.
    public mutating func next(in bytes: UnsafeBufferPointer<UInt8>) throws(UnterminatedQuote) -> Record? {
        while position < bytes.count {
            let start = position, startLine = line
            var q = position
            while q < bytes.count, bytes[q] == Self.space || bytes[q] == Self.tab { q += 1 }
            if q < bytes.count, bytes[q] == 0x23 {  // '#': a comment runs to the end of its physical line
                var end = position
                while end < bytes.count, bytes[end] != Self.cr, bytes[end] != Self.lf { end += 1 }
                position = end
                skipLineEnd(bytes)
                let raw = trimmed(start, end, bytes)
                let body = raw.lowerBound < raw.upperBound && bytes[raw.lowerBound] == 0x23 ? raw.lowerBound + 1 : raw.lowerBound
                let text = trimmed(body, raw.upperBound, bytes)
                return .comment(line: startLine, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self))
            }
            try scanRecord(bytes)
            if fields.contains(where: { !$0.isEmpty }) { return .data(line: startLine, offset: start) }
        }
        return nil
    }

    /// A plain data record at `position`, read without splitting it into fields: its line,
    /// offset, number of fields and first field (trimmed), and the reader moved past it, as
    /// `next` would read it. Plain: no quote, `#` or 0xEF byte (a byte-order mark's first byte)
    /// and some byte that is neither a separator nor a blank. Nil for anything else, the reader
    /// left where it was (then `next` reads the record). After the first field the record is
    /// read eight bytes at a time (`WideByteScan.plainStretch`), its last bytes one by one.
    /// - Complexity: O(bytes of the record), no allocation.
    mutating func nextPlain(in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, offset: Int, fieldCount: Int, first: Range<Int>)? {
        let count = bytes.count
        let start = position
        var p = start
        var separators = 0
        var firstEnd = -1
        var content = false
        while p < count {
            let b = bytes[p]
            if b == separator {
                separators += 1
                if firstEnd < 0 {
                    // Past the first field, the bulk of the record eight bytes at a time.
                    firstEnd = p
                    let stretch = WideByteScan.plainStretch(bytes, from: p + 1, separator: separator)
                    separators += stretch.separators
                    content = content || stretch.content
                    p = stretch.end
                    continue
                }
            } else if b == Self.lf || b == Self.cr {
                break
            } else if b == Self.quote || b == 0x23 || b == 0xEF {
                return nil
            } else if b != Self.space, b != Self.tab {
                content = true
            }
            p += 1
        }
        guard content else { return nil }
        let first = trimmed(start, firstEnd < 0 ? p : firstEnd, bytes)
        let startLine = line
        position = p
        skipLineEnd(bytes)
        return (startLine, start, separators + 1, first)
    }

    /// Reads the fields of the record at `position` into `fields`, and moves past its end.
    public mutating func scanRecord(_ bytes: UnsafeBufferPointer<UInt8>) throws(UnterminatedQuote) {
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        let count = bytes.count
        var p = position
        while true {
            let fieldStart = p
            var copied = false
            var copyStart = 0
            while p < count {
                let b = bytes[p]
                if b == separator || b == Self.cr || b == Self.lf { break }
                if b == Self.quote, copied ? isBlank(scratch, copyStart, scratch.count) : isBlank(bytes, fieldStart, p) {
                    if copied {
                        scratch.removeSubrange(copyStart...)
                    } else {
                        copied = true
                        copyStart = scratch.count
                    }
                    p = try quoted(bytes, from: p + 1, openLine: line)
                    continue
                }
                if copied { scratch.append(b) }
                p += 1
            }
            if copied {
                let span = scratch.withUnsafeBufferPointer { trimmed(copyStart, $0.count, $0) }
                fields.append(Field(start: span.lowerBound, end: span.upperBound, copied: true))
            } else {
                let span = trimmed(fieldStart, p, bytes)
                fields.append(Field(start: span.lowerBound, end: span.upperBound, copied: false))
            }
            if p < count, bytes[p] == separator {
                p += 1
                continue
            }
            position = p
            skipLineEnd(bytes)
            return
        }
    }

    /// Copies a quoted section into `scratch` up to its closing quote; returns the position after it.
    private mutating func quoted(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, openLine: Int) throws(UnterminatedQuote) -> Int {
        var p = start
        let count = bytes.count
        while p < count {
            let c = bytes[p]
            if c == Self.quote {
                if p + 1 < count, bytes[p + 1] == Self.quote {
                    scratch.append(Self.quote)
                    p += 2
                    continue
                }
                return p + 1
            }
            if c == Self.lf || (c == Self.cr && !(p + 1 < count && bytes[p + 1] == Self.lf)) { line += 1 }
            scratch.append(c)
            p += 1
        }
        throw UnterminatedQuote(line: openLine, column: fields.count + 1)
    }

    /// Past CRLF, CR or LF at `position` (counting the line), or nothing at the end of the input.
    private mutating func skipLineEnd(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard position < bytes.count else { return }
        if bytes[position] == Self.cr, position + 1 < bytes.count, bytes[position + 1] == Self.lf { position += 1 }
        position += 1
        line += 1
    }

    /// Spaces (and tabs when the separator is not a tab) trimmed at both ends, byte-order marks at the start.
    @inline(__always)
    func trimmed(_ start: Int, _ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = start, upper = end
        while lower < upper {
            if isSpace(bytes[lower]) {
                lower += 1
            } else if upper - lower >= 3, bytes[lower] == 0xEF, bytes[lower + 1] == 0xBB, bytes[lower + 2] == 0xBF {
                lower += 3
            } else {
                break
            }
        }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    @inline(__always)
    func isSpace(_ b: UInt8) -> Bool { b == Self.space || (b == Self.tab && separator != Self.tab) }

    func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        trimmed(start, end, bytes).isEmpty
    }

    func isBlank(_ buffer: [UInt8], _ start: Int, _ end: Int) -> Bool {
        buffer.withUnsafeBufferPointer { trimmed(start, end, $0).isEmpty }
    }
}
