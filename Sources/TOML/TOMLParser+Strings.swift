/// The four TOML 1.0 string forms: "basic" (escapes), 'literal' (none), and their
/// multi-line forms `"""…"""` (with the line-ending backslash) and `'''…'''`. A newline
/// right after the opening delimiter is dropped; CRLF inside a multi-line string is
/// read as LF.
extension TOMLParser {
    /// `"…"` on one line.
    mutating func parseBasicString() throws(TOMLError) -> String {
        index += 1
        var content: [UInt8] = []
        while true {
            guard let byte = peek() else { throw syntaxError("the string is not closed; add the closing \"") }
            switch byte {
            case Self.quote:
                index += 1
                return String(decoding: content, as: UTF8.self)
            case Self.backslash:
                try parseEscape(into: &content)
            case Self.newline, Self.carriageReturn:
                throw syntaxError("the string is not closed on its line; add the closing \" or use \"\"\" for a multi-line string")
            default:
                if Self.isForbiddenControl(byte) {
                    throw syntaxError("\(describeCurrent()) is not allowed in a string; write it as an escape such as \\u0007")
                }
                content.append(byte)
                index += 1
            }
        }
    }

    /// `'…'` on one line, no escapes.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        index += 1
        let start = index
        while true {
            guard let byte = peek() else { throw syntaxError("the string is not closed; add the closing '") }
            if byte == Self.apostrophe {
                let content = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return content
            }
            if byte == Self.newline || byte == Self.carriageReturn {
                throw syntaxError("the string is not closed on its line; add the closing ' or use ''' for a multi-line string")
            }
            if Self.isForbiddenControl(byte) {
                throw syntaxError("\(describeCurrent()) is not allowed in a literal string; use a \"basic\" string with an escape")
            }
            index += 1
        }
    }

    /// `"""…"""`.
    mutating func parseMultiLineBasicString() throws(TOMLError) -> String {
        index += 3
        skipNewlineAfterOpening()
        var content: [UInt8] = []
        while true {
            guard let byte = peek() else { throw syntaxError("the multi-line string is not closed; add the closing \"\"\"") }
            switch byte {
            case Self.quote:
                if try closeQuotes(Self.quote, into: &content) { return String(decoding: content, as: UTF8.self) }
            case Self.backslash:
                if !skipLineEndingBackslash() { try parseEscape(into: &content) }
            case Self.newline:
                content.append(Self.newline)
                index += 1
            case Self.carriageReturn where peek(1) == Self.newline:
                content.append(Self.newline)
                index += 2
            default:
                if Self.isForbiddenControl(byte) {
                    throw syntaxError("\(describeCurrent()) is not allowed in a string; write it as an escape such as \\u0007")
                }
                content.append(byte)
                index += 1
            }
        }
    }

    /// `'''…'''`.
    mutating func parseMultiLineLiteralString() throws(TOMLError) -> String {
        index += 3
        skipNewlineAfterOpening()
        var content: [UInt8] = []
        while true {
            guard let byte = peek() else { throw syntaxError("the multi-line string is not closed; add the closing '''") }
            switch byte {
            case Self.apostrophe:
                if try closeQuotes(Self.apostrophe, into: &content) { return String(decoding: content, as: UTF8.self) }
            case Self.newline:
                content.append(Self.newline)
                index += 1
            case Self.carriageReturn where peek(1) == Self.newline:
                content.append(Self.newline)
                index += 2
            default:
                if Self.isForbiddenControl(byte) {
                    throw syntaxError("\(describeCurrent()) is not allowed in a literal string; use a \"basic\" string with an escape")
                }
                content.append(byte)
                index += 1
            }
        }
    }

    mutating func skipNewlineAfterOpening() {
        if peek() == Self.newline {
            index += 1
        } else if peek() == Self.carriageReturn, peek(1) == Self.newline {
            index += 2
        }
    }

    /// A run of `delimiter`s inside a multi-line string: fewer than three are content;
    /// three to five close the string, the first one or two being content.
    mutating func closeQuotes(_ delimiter: UInt8, into content: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while peek(run) == delimiter { run += 1 }
        if run < 3 {
            content.append(contentsOf: repeatElement(delimiter, count: run))
            index += run
            return false
        }
        guard run <= 5 else {
            index += 5
            throw syntaxError("too many quotes at the end of the multi-line string; escape the quotes that belong to the text")
        }
        content.append(contentsOf: repeatElement(delimiter, count: run - 3))
        index += run
        return true
    }

    /// `\` followed by optional whitespace and a line end: the backslash, the line end and
    /// all whitespace and line ends after it are dropped. Returns false (consuming
    /// nothing) when the backslash starts an ordinary escape.
    mutating func skipLineEndingBackslash() -> Bool {
        var position = index + 1
        while position < bytes.count, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
        guard position < bytes.count else { return false }
        if bytes[position] == Self.carriageReturn, position + 1 < bytes.count, bytes[position + 1] == Self.newline {
            position += 2
        } else if bytes[position] == Self.newline {
            position += 1
        } else {
            return false
        }
        index = position
        while let byte = peek() {
            if byte == Self.space || byte == Self.tab || byte == Self.newline {
                index += 1
            } else if byte == Self.carriageReturn, peek(1) == Self.newline {
                index += 2
            } else {
                break
            }
        }
        return true
    }

    /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX` (TOML 1.0 has no other escapes).
    mutating func parseEscape(into content: inout [UInt8]) throws(TOMLError) {
        let start = index
        index += 1
        guard let escape = peek() else { throw syntaxError("the string ends in a lone \\; add the closing quote") }
        index += 1
        switch escape {
        case UInt8(ascii: "b"): content.append(0x08)
        case UInt8(ascii: "t"): content.append(0x09)
        case UInt8(ascii: "n"): content.append(0x0A)
        case UInt8(ascii: "f"): content.append(0x0C)
        case UInt8(ascii: "r"): content.append(0x0D)
        case Self.quote: content.append(Self.quote)
        case Self.backslash: content.append(Self.backslash)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = escape == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let byte = peek(), let digit = Self.hexDigit(byte) else {
                    index = start
                    throw syntaxError("\\\(Character(Unicode.Scalar(escape))) needs \(digits) hexadecimal digits, e.g. \\u00E9")
                }
                value = value &* 16 &+ digit
                index += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                index = start
                throw syntaxError("U+\(Self.hex(value, width: 4)) is not a Unicode scalar value (a surrogate or above U+10FFFF)")
            }
            content.append(contentsOf: String(Character(scalar)).utf8)
        default:
            index = start
            throw syntaxError(
                "\\\(describeEscape(escape)) is not a TOML escape; use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX (or a 'literal string')")
        }
    }

    func describeEscape(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "U+" + Self.hex(UInt32(byte), width: 4)
    }

    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}
