/// Where each key of a TOML document is defined: a map from key path to line, column and
/// order of appearance.
///
/// TOMLKit (toml++) reports positions for syntax errors only, and hands back a table's keys
/// in its own order, so this small scanner reads the text once more and records, for every
/// key path, the place where it first appears:
///
/// - `[a.b]` headers define `a` and `a.b` (the first time either is seen);
/// - `[[x]]` headers define `x` and the element `x[n]` (n counts from 0 per array, so
///   `[[x.y]]` under the second `[[x]]` is `x[1].y[0]`);
/// - `k.l = v` dotted keys define each prefix (`k`, `k.l`) relative to the current table;
/// - values are scanned too: array elements are `path[i]`, inline-table keys (nested
///   inline tables included) `path.key`, and strings, multi-line strings and multi-line
///   arrays are skipped over as values, so their inner lines are never read as keys;
/// - comments are ignored everywhere.
///
/// Path components that are not bare keys (`A-Za-z0-9_-`) are written quoted, as in TOML:
/// `sectors."other services"` (see `component(_:)`), so a path names one key unambiguously.
///
/// The locator is meant for text that TOMLKit has already accepted; on invalid text it
/// still terminates and records what it can, but positions may then be incomplete.
///
/// ```swift
/// let locator = TOMLKeyLocator("[levers.tourism]\namount = { dist = \"normal\", mean = 1, sd = 2 }\n")
/// locator.line(of: "levers.tourism.amount.sd")   // 2
/// ```
///
/// - Complexity: O(n) in the length of the text, one pass.
public struct TOMLKeyLocator: Sendable, Equatable {
    /// Where a key path is first defined.
    public struct Location: Sendable, Equatable, Hashable, Comparable {
        /// 1-based line.
        public let line: Int
        /// 1-based column, in Unicode scalars.
        public let column: Int
        /// 0-based rank of this path among all recorded paths, in order of appearance.
        public let ordinal: Int

        public init(line: Int, column: Int, ordinal: Int) {
            self.line = line
            self.column = column
            self.ordinal = ordinal
        }

        /// Order of appearance in the text.
        public static func < (left: Location, right: Location) -> Bool { left.ordinal < right.ordinal }
    }

    /// Every recorded key path and where it is first defined.
    public let locations: [String: Location]
    /// Every recorded key path, in order of appearance.
    public let paths: [String]
    /// The `[header]` and `[[header]]` lines, increasing, and the table path each opens.
    let headerLines: [Int]
    let headerPaths: [String]

    /// Scans `text`. Never fails.
    public init(_ text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.run()
        locations = scanner.locations
        paths = scanner.paths
        headerLines = scanner.headerLines
        headerPaths = scanner.headerPaths
    }

    /// The location of `path`, or nil if it is not defined in the text.
    public func location(of path: String) -> Location? { locations[path] }

    /// The line of `path`, or nil if it is not defined in the text.
    public func line(of path: String) -> Int? { locations[path]?.line }

    /// The line of `path`, or of its nearest ancestor that is defined (a missing key is
    /// reported at the table that lacks it); nil if no ancestor is defined.
    public func nearestLine(of path: String) -> Int? {
        var current: String? = path
        while let candidate = current {
            if let line = locations[candidate]?.line { return line }
            current = Self.parent(of: candidate)
        }
        return nil
    }

    /// The path of the table that keys on `line` belong to: the one opened by the last
    /// `[header]` at or before it ("" for the root table before any header).
    public func tablePath(atLine line: Int) -> String {
        var result = ""
        for (headerLine, path) in zip(headerLines, headerPaths) {
            guard headerLine <= line else { break }
            result = path
        }
        return result
    }

    // MARK: Paths

    /// A key as a path component: itself if it is a non-empty bare key (`A-Za-z0-9_-`),
    /// otherwise a TOML basic string (`"other services"`, with `"` and `\` escaped).
    public static func component(_ key: String) -> String {
        if !key.isEmpty, key.utf8.allSatisfy(isBareKeyByte) { return key }
        var quoted = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    /// `parent.key` (or `key` when parent is empty), with `key` written by `component(_:)`.
    public static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? component(key) : parent + "." + component(key)
    }

    /// The path of keys `keys` from the root, e.g. `path(["levers", "tourism"])`.
    public static func path(_ keys: [String]) -> String {
        keys.reduce("") { path($0, $1) }
    }

    /// The path without its last component (`a.b[2]` → `a.b`, `a."x.y"` → `a`), or nil
    /// for a single component.
    public static func parent(of path: String) -> String? {
        var lastSeparator: String.Index?
        var inQuotes = false, escaped = false
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if inQuotes {
                if escaped { escaped = false }
                else if character == "\\" { escaped = true }
                else if character == "\"" { inQuotes = false }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "." || character == "[" {
                lastSeparator = index
            }
            index = path.index(after: index)
        }
        guard let lastSeparator, lastSeparator > path.startIndex else { return nil }
        return String(path[..<lastSeparator])
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte == 0x2D
    }
}

// MARK: - Scanner

extension TOMLKeyLocator {
    /// A single forward pass over the UTF-8 bytes. Every loop advances at least one byte
    /// per iteration, so malformed input cannot make it spin.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0
        var locations: [String: Location] = [:]
        var paths: [String] = []
        /// The number of elements seen so far of each array of tables (by resolved path).
        var arrayTableCounts: [String: Int] = [:]
        /// The resolved path of the table that the current `[header]` opened.
        var tablePrefix = ""
        var headerLines: [Int] = []
        var headerPaths: [String] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        // Byte constants.
        static let newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20, tab: UInt8 = 0x09
        static let hash: UInt8 = 0x23, openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
        static let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D, comma: UInt8 = 0x2C
        static let equals: UInt8 = 0x3D, dot: UInt8 = 0x2E, quote: UInt8 = 0x22, apostrophe: UInt8 = 0x27
        static let backslash: UInt8 = 0x5C

        var isAtEnd: Bool { index >= bytes.count }
        func peek(_ offset: Int = 0) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        mutating func advance() {
            guard index < bytes.count else { return }
            if bytes[index] == Self.newline {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }

        mutating func advance(_ count: Int) {
            for _ in 0..<count { advance() }
        }

        /// The current position; the column counts Unicode scalars (UTF-8 lead bytes).
        func currentLocation(ordinal: Int) -> Location {
            var column = 1
            var position = lineStart
            while position < index {
                if bytes[position] & 0xC0 != 0x80 { column += 1 }
                position += 1
            }
            return Location(line: line, column: column, ordinal: ordinal)
        }

        mutating func record(_ path: String, at location: Location) {
            guard locations[path] == nil else { return }
            locations[path] = Location(line: location.line, column: location.column, ordinal: paths.count)
            paths.append(path)
        }

        mutating func skipSpaces() {
            while let byte = peek(), byte == Self.space || byte == Self.tab { advance() }
        }

        mutating func skipComment() {
            while let byte = peek(), byte != Self.newline { advance() }
        }

        /// Spaces, tabs, newlines and comments (inside arrays and inline tables).
        mutating func skipBlank() {
            while let byte = peek() {
                if byte == Self.space || byte == Self.tab || byte == Self.newline || byte == Self.carriageReturn {
                    advance()
                } else if byte == Self.hash {
                    skipComment()
                } else {
                    return
                }
            }
        }

        mutating func skipToEndOfLine() {
            while let byte = peek(), byte != Self.newline {
                // A string or an array that starts on this line may run past it.
                if byte == Self.quote || byte == Self.apostrophe {
                    skipString()
                } else if byte == Self.hash {
                    skipComment()
                } else {
                    advance()
                }
            }
        }

        // MARK: Document

        mutating func run() {
            while !isAtEnd {
                let start = index
                skipSpaces()
                guard let byte = peek() else { break }
                switch byte {
                case Self.newline, Self.carriageReturn:
                    advance()
                case Self.hash:
                    skipComment()
                case Self.openBracket:
                    header()
                    skipToEndOfLine()
                default:
                    keyValue(prefix: tablePrefix)
                    skipToEndOfLine()
                }
                if index == start { advance() }
            }
        }

        /// `[a.b]` or `[[a.b]]`.
        mutating func header() {
            let location = currentLocation(ordinal: 0)
            advance()
            let isArrayOfTables = peek() == Self.openBracket
            if isArrayOfTables { advance() }
            skipSpaces()
            let keys = keyParts()
            skipSpaces()
            guard !keys.isEmpty else { return }
            var resolved = ""
            for (position, key) in keys.enumerated() {
                resolved = TOMLKeyLocator.path(resolved, key)
                if position == keys.count - 1 && isArrayOfTables {
                    let count = arrayTableCounts[resolved, default: 0]
                    arrayTableCounts[resolved] = count + 1
                    record(resolved, at: location)
                    resolved += "[\(count)]"
                } else if let count = arrayTableCounts[resolved] {
                    // A table inside the latest element of an array of tables.
                    record(resolved, at: location)
                    resolved += "[\(count - 1)]"
                }
                record(resolved, at: location)
            }
            tablePrefix = resolved
            headerLines.append(location.line)
            headerPaths.append(resolved)
            if peek() == Self.closeBracket { advance() }
            if isArrayOfTables, peek() == Self.closeBracket { advance() }
        }

        /// `k.l = value`, relative to `prefix`.
        mutating func keyValue(prefix: String) {
            let location = currentLocation(ordinal: 0)
            let keys = keyParts()
            guard !keys.isEmpty else { return }
            var path = prefix
            for key in keys {
                path = TOMLKeyLocator.path(path, key)
                record(path, at: location)
            }
            skipSpaces()
            guard peek() == Self.equals else { return }
            advance()
            skipSpaces()
            value(path: path)
        }

        /// A key made of simple keys separated by dots: bare, "basic" or 'literal'.
        mutating func keyParts() -> [String] {
            var keys: [String] = []
            while true {
                skipSpaces()
                guard let byte = peek() else { break }
                if byte == Self.quote {
                    keys.append(basicString())
                } else if byte == Self.apostrophe {
                    keys.append(literalString())
                } else if TOMLKeyLocator.isBareKeyByte(byte) {
                    let start = index
                    while let next = peek(), TOMLKeyLocator.isBareKeyByte(next) { advance() }
                    keys.append(String(decoding: bytes[start..<index], as: UTF8.self))
                } else {
                    break
                }
                skipSpaces()
                guard peek() == Self.dot else { break }
                advance()
            }
            return keys
        }

        // MARK: Values

        mutating func value(path: String) {
            guard let byte = peek() else { return }
            switch byte {
            case Self.quote, Self.apostrophe:
                skipString()
            case Self.openBracket:
                array(path: path)
            case Self.openBrace:
                inlineTable(path: path)
            default:
                // Numbers, booleans, dates: up to the next delimiter.
                while let next = peek(), next != Self.comma, next != Self.closeBracket, next != Self.closeBrace,
                      next != Self.hash, next != Self.newline, next != Self.carriageReturn {
                    advance()
                }
            }
        }

        mutating func array(path: String) {
            advance()
            var element = 0
            while true {
                skipBlank()
                guard let byte = peek() else { return }
                if byte == Self.closeBracket {
                    advance()
                    return
                }
                let start = index
                let elementPath = path + "[\(element)]"
                record(elementPath, at: currentLocation(ordinal: 0))
                value(path: elementPath)
                skipBlank()
                if peek() == Self.comma {
                    advance()
                    element += 1
                } else if index == start {
                    advance()  // not a value: skip it rather than loop
                }
            }
        }

        mutating func inlineTable(path: String) {
            advance()
            while true {
                skipBlank()
                guard let byte = peek() else { return }
                if byte == Self.closeBrace {
                    advance()
                    return
                }
                if byte == Self.comma {
                    advance()
                    continue
                }
                let start = index
                keyValue(prefix: path)
                if index == start { advance() }
            }
        }

        // MARK: Strings

        /// Skips any string at the current position: basic, literal or multi-line.
        mutating func skipString() {
            guard let byte = peek() else { return }
            if peek(1) == byte, peek(2) == byte {
                multiLineString(delimiter: byte)
            } else if byte == Self.quote {
                _ = basicString()
            } else {
                _ = literalString()
            }
        }

        /// `"""…"""` or `'''…'''`: newlines inside are content. Up to two quotes may stand
        /// right before the closing delimiter (`""""a"""""` is valid TOML), so a run of
        /// three to five quotes closes the string.
        mutating func multiLineString(delimiter: UInt8) {
            advance(3)
            while let byte = peek() {
                if byte == Self.backslash && delimiter == Self.quote {
                    advance(2)
                } else if byte == delimiter && peek(1) == delimiter && peek(2) == delimiter {
                    var run = 0
                    while peek() == delimiter, run < 5 {
                        advance()
                        run += 1
                    }
                    return
                } else {
                    advance()
                }
            }
        }

        /// A single-line basic string, decoded (escapes `\b \t \n \f \r \e \" \\ \xHH
        /// \uXXXX \UXXXXXXXX`).
        mutating func basicString() -> String {
            advance()
            var decoded: [UInt8] = []
            while let byte = peek(), byte != Self.newline {
                if byte == Self.quote {
                    advance()
                    break
                }
                if byte != Self.backslash {
                    decoded.append(byte)
                    advance()
                    continue
                }
                advance()
                guard let escape = peek() else { break }
                advance()
                switch escape {
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "e"): decoded.append(0x1B)
                case UInt8(ascii: "x"): appendScalar(hexDigits: 2, to: &decoded)
                case UInt8(ascii: "u"): appendScalar(hexDigits: 4, to: &decoded)
                case UInt8(ascii: "U"): appendScalar(hexDigits: 8, to: &decoded)
                default: decoded.append(escape)  // \" and \\ (and anything else, verbatim)
                }
            }
            return String(decoding: decoded, as: UTF8.self)
        }

        mutating func appendScalar(hexDigits: Int, to decoded: inout [UInt8]) {
            var value: UInt32 = 0
            for _ in 0..<hexDigits {
                guard let byte = peek(), let digit = Self.hexValue(byte) else { break }
                value = value &* 16 &+ digit
                advance()
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 0x30...0x39: UInt32(byte - 0x30)
            case 0x41...0x46: UInt32(byte - 0x41 + 10)
            case 0x61...0x66: UInt32(byte - 0x61 + 10)
            default: nil
            }
        }

        /// A single-line literal string (no escapes).
        mutating func literalString() -> String {
            advance()
            let start = index
            while let byte = peek(), byte != Self.apostrophe, byte != Self.newline { advance() }
            let content = String(decoding: bytes[start..<index], as: UTF8.self)
            if peek() == Self.apostrophe { advance() }
            return content
        }
    }
}
