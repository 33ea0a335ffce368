/// The reader behind `TOMLDocument.parse`: a cursor over the UTF-8 bytes, the table
/// store being built, and the document-level grammar (expressions, keys, headers and the
/// table rules of TOML 1.0). Values are in `TOMLParser+Values.swift`, strings in
/// `TOMLParser+Strings.swift`, numbers and date-times in `TOMLParser+Scalars.swift`.
///
/// Every loop consumes at least one byte per iteration or exits, so the parser ends on
/// any input; positions are turned into line and column only when a key, an element or
/// an error needs one, by a cursor that only moves forward (amortised O(1)).
struct TOMLParser {
    let bytes: [UInt8]
    var index = 0
    /// Offsets of the first byte of every line.
    let lineStarts: [Int]

    var tables: [TableNode] = [TableNode(origin: .header)]
    var arrays: [ArrayNode] = []
    /// The table that `key = value` lines go into (the last header's).
    var current = 0
    /// The keys of the last header, from the root (for error messages).
    var currentPath: [String] = []
    /// The keys leading into the inline tables being read, below `currentPath`.
    var valuePath: [String] = []
    /// How many arrays and inline tables enclose the position.
    var nesting = 0

    // Incremental location cursor.
    var cursorOffset = 0, cursorLine = 0, cursorColumn = 1

    init(bytes: [UInt8]) throws(TOMLError) {
        self.bytes = bytes
        lineStarts = try Self.validateUTF8(bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    // MARK: Bytes

    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
    static let hash: UInt8 = 0x23, equals: UInt8 = 0x3D, dot: UInt8 = 0x2E, comma: UInt8 = 0x2C
    static let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D, openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
    static let quote: UInt8 = 0x22, apostrophe: UInt8 = 0x27, backslash: UInt8 = 0x5C

    var isAtEnd: Bool { index >= bytes.count }

    func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte == 0x2D
    }

    /// A control character that TOML forbids outside line endings: U+0000–U+0008,
    /// U+000A–U+001F and U+007F (tab is allowed).
    static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != tab) || byte == 0x7F
    }

    /// Checks that `bytes` are UTF-8 (no overlong forms, surrogates or scalars above
    /// U+10FFFF) and returns the offset where every line starts.
    static func validateUTF8(_ bytes: [UInt8]) throws(TOMLError) -> [Int] {
        var lineStarts = [0]
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == newline { lineStarts.append(index + 1) }
                index += 1
                continue
            }
            var length = 0, lowest: UInt8 = 0x80, highest: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: length = 0
            }
            var valid = length > 0 && index + length <= count
            if valid {
                for position in 1..<length {
                    let byte = bytes[index + position]
                    let (low, high) = position == 1 ? (lowest, highest) : (0x80, 0xBF)
                    if byte < low || byte > high { valid = false; break }
                }
            }
            guard valid else {
                let line = lineStarts.count
                var column = 1
                for position in lineStarts[line - 1]..<index where bytes[position] & 0xC0 != 0x80 { column += 1 }
                throw .syntax(
                    TOMLLocation(line: line, column: column),
                    message: "the text is not valid UTF-8 (byte 0x\(String(lead, radix: 16, uppercase: true))); save the file as UTF-8")
            }
            index += length
        }
        return lineStarts
    }

    // MARK: Locations

    /// The line and column of byte `offset`. Amortised O(1) when offsets increase, as
    /// they do while parsing; O(log n + line length) otherwise.
    mutating func location(at offset: Int) -> TOMLLocation {
        if offset < cursorOffset {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            cursorLine = low
            cursorOffset = lineStarts[low]
            cursorColumn = 1
        }
        while cursorLine + 1 < lineStarts.count, lineStarts[cursorLine + 1] <= offset {
            cursorLine += 1
            cursorOffset = lineStarts[cursorLine]
            cursorColumn = 1
        }
        while cursorOffset < offset, cursorOffset < bytes.count {
            if bytes[cursorOffset] & 0xC0 != 0x80 { cursorColumn += 1 }
            cursorOffset += 1
        }
        return TOMLLocation(line: cursorLine + 1, column: cursorColumn)
    }

    mutating func here() -> TOMLLocation { location(at: index) }

    /// A syntax error at the current position.
    mutating func syntaxError(_ message: String) -> TOMLError {
        .syntax(here(), message: message)
    }

    /// The character at the current position, for messages: `"x"`, or "the end of the
    /// file", "a new line", or `U+0007` for a control character.
    func describeCurrent() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if byte == Self.newline || (byte == Self.carriageReturn && peek(1) == Self.newline) { return "a new line" }
        if byte == Self.carriageReturn { return "a carriage return (U+000D) without a line feed" }
        if byte < 0x20 || byte == 0x7F { return "the control character U+" + Self.hex(UInt32(byte), width: 4) }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: bytes[index..<end], as: UTF8.self)
        if let scalar = character.unicodeScalars.first, !Self.isPrintable(scalar) {
            return "the character U+" + Self.hex(scalar.value, width: 4)
        }
        return "\"" + character + "\""
    }

    /// False for the scalars a message must not print as themselves: controls, line and
    /// paragraph separators (U+0085, U+2028 and U+2029 break lines in some terminals),
    /// format characters such as U+FEFF, and unassigned or private-use code points.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: false
        default: true
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: Whitespace, comments, line ends

    mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
    }

    /// A comment from `#` to the end of the line (the line end itself is not consumed).
    mutating func skipComment() throws(TOMLError) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.newline { return }
            if byte == Self.carriageReturn, peek(1) == Self.newline { return }
            if Self.isForbiddenControl(byte) {
                throw syntaxError("\(describeCurrent()) is not allowed in a comment; remove it")
            }
            index += 1
        }
    }

    /// Whitespace, an optional comment, then a line end or the end of the file.
    mutating func finishLine(after what: String) throws(TOMLError) {
        skipWhitespace()
        if peek() == Self.hash { try skipComment() }
        guard let byte = peek() else { return }
        if byte == Self.newline {
            index += 1
        } else if byte == Self.carriageReturn, peek(1) == Self.newline {
            index += 2
        } else if byte == Self.carriageReturn {
            throw syntaxError("a carriage return (U+000D) must be followed by a line feed; save the file with LF or CRLF line endings")
        } else {
            throw syntaxError("found \(describeCurrent()) after \(what); put each key = value pair and each [table] header on its own line")
        }
    }

    /// Whitespace, newlines and comments (between array elements).
    mutating func skipBlankLinesAndComments() throws(TOMLError) {
        while let byte = peek() {
            if byte == Self.space || byte == Self.tab || byte == Self.newline {
                index += 1
            } else if byte == Self.carriageReturn, peek(1) == Self.newline {
                index += 2
            } else if byte == Self.hash {
                try skipComment()
            } else {
                return
            }
        }
    }

    // MARK: Document

    /// `toml = expression *( newline expression )`.
    mutating func parseDocument() throws(TOMLError) {
        while true {
            skipWhitespace()
            guard let byte = peek() else { return }
            switch byte {
            case Self.hash:
                try finishLine(after: "a comment")
            case Self.newline, Self.carriageReturn:
                try finishLine(after: "the blank line")
            case Self.openBracket:
                try parseHeader()
                try finishLine(after: "the table header")
            default:
                try parseKeyValue(into: current)
                try finishLine(after: "the value")
            }
        }
    }

    // MARK: Keys

    /// `key = simple-key *( ws "." ws simple-key )`: the simple keys and where each starts.
    mutating func parseKey() throws(TOMLError) -> [(key: String, location: TOMLLocation)] {
        var keys: [(key: String, location: TOMLLocation)] = []
        while true {
            skipWhitespace()
            let location = here()
            guard let byte = peek() else { throw syntaxError("expected a key, found the end of the file") }
            if byte == Self.quote {
                if peek(1) == Self.quote, peek(2) == Self.quote {
                    throw syntaxError("a multi-line string cannot be a key; use \"…\" or '…'")
                }
                keys.append((try parseBasicString(), location))
            } else if byte == Self.apostrophe {
                if peek(1) == Self.apostrophe, peek(2) == Self.apostrophe {
                    throw syntaxError("a multi-line string cannot be a key; use \"…\" or '…'")
                }
                keys.append((try parseLiteralString(), location))
            } else if Self.isBareKeyByte(byte) {
                let start = index
                while index < bytes.count, Self.isBareKeyByte(bytes[index]) { index += 1 }
                keys.append((String(decoding: bytes[start..<index], as: UTF8.self), location))
            } else {
                throw syntaxError(
                    "expected a key, found \(describeCurrent()); a bare key has only A-Z a-z 0-9 _ -, others must be quoted")
            }
            skipWhitespace()
            guard peek() == Self.dot else { return keys }
            index += 1
        }
    }

    static func quotedPath(_ keys: some Sequence<String>) -> String {
        keys.map { key in
            if !key.isEmpty, key.utf8.allSatisfy(isBareKeyByte) { return key }
            var quoted = "\""
            for scalar in key.unicodeScalars {
                switch scalar {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                default:
                    if !isPrintable(scalar) {
                        quoted += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, width: 8) : "\\u" + hex(scalar.value, width: 4)
                    } else {
                        quoted.unicodeScalars.append(scalar)
                    }
                }
            }
            return quoted + "\""
        }.joined(separator: ".")
    }

    // MARK: Tables

    mutating func newTable(_ origin: TableNode.Origin) -> Int {
        tables.append(TableNode(origin: origin))
        return tables.count - 1
    }

    mutating func insert(_ key: String, _ value: StoredValue, at location: TOMLLocation, into table: Int) {
        tables[table].positions[key] = tables[table].keys.count
        tables[table].keys.append(key)
        tables[table].slots.append(Slot(value: value, location: location))
    }

    func redefinition(
        _ location: TOMLLocation, _ keys: [(key: String, location: TOMLLocation)], upTo end: Int, from base: [String],
        _ message: (String) -> String
    ) -> TOMLError {
        let path = base + keys[...end].map(\.key)
        return .redefinition(location, key: path, message: message(Self.quotedPath(path)))
    }

    /// `[a.b.c]` or `[[a.b.c]]`.
    mutating func parseHeader() throws(TOMLError) {
        let headerLocation = here()
        index += 1
        let isArrayOfTables = peek() == Self.openBracket
        if isArrayOfTables { index += 1 }
        let keys = try parseKey()
        skipWhitespace()
        guard peek() == Self.closeBracket, !isArrayOfTables || peek(1) == Self.closeBracket else {
            throw syntaxError("expected \(isArrayOfTables ? "]]" : "]") to close the table header, found \(describeCurrent())")
        }
        index += isArrayOfTables ? 2 : 1

        var table = 0
        for position in 0..<(keys.count - 1) {
            let (key, location) = keys[position]
            guard let slot = tables[table].slot(key) else {
                let child = newTable(.implicit)
                insert(key, .table(child), at: location, into: table)
                table = child
                continue
            }
            switch slot.value {
            case let .table(child) where tables[child].origin != .inline:
                table = child
            case let .array(array) where arrays[array].isArrayOfTables:
                guard case let .table(child)? = arrays[array].elements.last?.value else {
                    throw redefinition(location, keys, upTo: position, from: []) { "\($0) is not a table" }
                }
                table = child
            case .table:
                throw redefinition(location, keys, upTo: position, from: []) {
                    "\($0) is an inline table (line \(slot.location.line)), which cannot be extended; move its keys into a [\($0)] table"
                }
            default:
                throw redefinition(location, keys, upTo: position, from: []) {
                    "\($0) is already defined as a value on line \(slot.location.line), so it cannot be a table; rename one of them"
                }
            }
        }

        let last = keys.count - 1
        let (key, location) = keys[last]
        currentPath = keys.map(\.key)
        if let slot = tables[table].slot(key) {
            if !isArrayOfTables, case let .table(child) = slot.value, tables[child].origin == .implicit {
                tables[child].origin = .header
                current = child
                return
            }
            if isArrayOfTables, case let .array(array) = slot.value, arrays[array].isArrayOfTables {
                let element = newTable(.header)
                arrays[array].elements.append(Slot(value: .table(element), location: headerLocation))
                current = element
                return
            }
            throw redefinition(location, keys, upTo: last, from: []) { path in
                switch slot.value {
                case let .table(child) where tables[child].origin == .dotted:
                    "table \(path) is already defined by dotted keys on line \(slot.location.line); a [header] cannot reopen it"
                case .table:
                    "table \(path) is already defined on line \(slot.location.line); each table may be defined only once"
                case let .array(array) where arrays[array].isArrayOfTables:
                    "\(path) is already an array of tables (line \(slot.location.line)); write [[\(path)]] to add an element"
                default:
                    "\(path) is already defined as a value on line \(slot.location.line); each key may be defined only once"
                }
            }
        }
        if isArrayOfTables {
            let element = newTable(.header)
            arrays.append(ArrayNode(isArrayOfTables: true, elements: [Slot(value: .table(element), location: headerLocation)]))
            insert(key, .array(arrays.count - 1), at: location, into: table)
            current = element
        } else {
            let child = newTable(.header)
            insert(key, .table(child), at: location, into: table)
            current = child
        }
    }

    /// `key = value` into `table`; dotted keys create or extend tables of their own.
    mutating func parseKeyValue(into table: Int) throws(TOMLError) {
        let keys = try parseKey()
        skipWhitespace()
        guard peek() == Self.equals else {
            throw syntaxError("expected = after the key, found \(describeCurrent()); write key = value")
        }
        index += 1
        skipWhitespace()

        var target = table
        for position in 0..<(keys.count - 1) {
            let (key, location) = keys[position]
            guard let slot = tables[target].slot(key) else {
                let child = newTable(.dotted)
                insert(key, .table(child), at: location, into: target)
                target = child
                continue
            }
            guard case let .table(child) = slot.value, tables[child].origin == .dotted else {
                throw redefinition(location, keys, upTo: position, from: currentPath + valuePath) {
                    "\($0) is already defined on line \(slot.location.line); dotted keys cannot add to it — define each key once"
                }
            }
            target = child
        }
        let last = keys.count - 1
        let (key, location) = keys[last]
        if let slot = tables[target].slot(key) {
            throw redefinition(location, keys, upTo: last, from: currentPath + valuePath) {
                "\($0) is already defined on line \(slot.location.line); each key may be defined only once"
            }
        }
        let depth = valuePath.count
        valuePath.append(contentsOf: keys.map(\.key))
        let value = try parseValue()
        valuePath.removeLast(valuePath.count - depth)
        insert(key, value, at: location, into: target)
    }
}
