/// Values: `val = string / boolean / array / inline-table / date-time / float / integer`
/// (TOML 1.0 ABNF), dispatched on the first byte.
extension TOMLParser {
    mutating func parseValue() throws(TOMLError) -> StoredValue {
        guard let byte = peek() else { throw syntaxError("expected a value after =, found the end of the file") }
        switch byte {
        case Self.quote:
            if peek(1) == Self.quote, peek(2) == Self.quote { return .string(try parseMultiLineBasicString()) }
            return .string(try parseBasicString())
        case Self.apostrophe:
            if peek(1) == Self.apostrophe, peek(2) == Self.apostrophe { return .string(try parseMultiLineLiteralString()) }
            return .string(try parseLiteralString())
        case Self.openBracket:
            return try parseArray()
        case Self.openBrace:
            return try parseInlineTable()
        case UInt8(ascii: "t"):
            return try parseKeyword("true", .boolean(true))
        case UInt8(ascii: "f"):
            return try parseKeyword("false", .boolean(false))
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "i"), UInt8(ascii: "n"):
            return try parseNumberOrDateTime()
        default:
            throw syntaxError(
                "expected a value, found \(describeCurrent()); write a string in quotes, a number, true/false, a date, [an array] or {an inline table}")
        }
    }

    mutating func parseKeyword(_ word: StaticString, _ value: StoredValue) throws(TOMLError) -> StoredValue {
        let expected = word.withUTF8Buffer { Array($0) }
        guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            throw syntaxError("expected a value, found \(describeCurrent()); booleans are written true or false (lower case)")
        }
        index += expected.count
        return value
    }

    mutating func enterNesting() throws(TOMLError) {
        guard nesting < TOMLDocument.maximumNesting else {
            throw .nestingTooDeep(here(), limit: TOMLDocument.maximumNesting)
        }
        nesting += 1
    }

    /// `[ value, value, … ]`: newlines and comments allowed between elements, a trailing
    /// comma allowed, element types may differ.
    mutating func parseArray() throws(TOMLError) -> StoredValue {
        try enterNesting()
        index += 1
        var elements: [Slot] = []
        while true {
            try skipBlankLinesAndComments()
            if peek() == Self.closeBracket {
                index += 1
                break
            }
            let location = here()
            elements.append(Slot(value: try parseValue(), location: location))
            try skipBlankLinesAndComments()
            if peek() == Self.comma {
                index += 1
            } else if peek() == Self.closeBracket {
                index += 1
                break
            } else {
                throw syntaxError("expected , or ] after an array element, found \(describeCurrent())")
            }
        }
        nesting -= 1
        arrays.append(ArrayNode(isArrayOfTables: false, elements: elements))
        return .array(arrays.count - 1)
    }

    /// `{ key = value, … }` on one line, no trailing comma (TOML 1.0); closed once read.
    mutating func parseInlineTable() throws(TOMLError) -> StoredValue {
        try enterNesting()
        index += 1
        let table = newTable(.inline)
        skipWhitespace()
        if peek() == Self.closeBrace {
            index += 1
        } else {
            while true {
                try parseKeyValue(into: table)
                skipWhitespace()
                if peek() == Self.comma {
                    index += 1
                    skipWhitespace()
                    if peek() == Self.closeBrace {
                        throw syntaxError("an inline table may not end with a comma (TOML 1.0); remove it")
                    }
                } else if peek() == Self.closeBrace {
                    index += 1
                    break
                } else {
                    throw syntaxError(
                        "expected , or } in the inline table, found \(describeCurrent()); an inline table must be written on one line")
                }
            }
        }
        nesting -= 1
        return .table(table)
    }
}
