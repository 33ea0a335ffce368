/// Integers, floats and date-times (TOML 1.0 §Integer, §Float, §Offset Date-Time …).
///
/// A value that starts with four digits and `-` is a date, with two digits and `:` a
/// time; anything else starting with a digit, a sign, `i` or `n` is read as one token of
/// `[0-9A-Za-z_.+-]` and checked against the integer and float grammars.
extension TOMLParser {
    static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 0x30 && byte <= 0x39
    }

    mutating func parseNumberOrDateTime() throws(TOMLError) -> StoredValue {
        if Self.isDigit(peek()), Self.isDigit(peek(1)) {
            if peek(2) == UInt8(ascii: ":") { return .dateTime(try parseDateTime()) }
            if Self.isDigit(peek(2)), Self.isDigit(peek(3)), peek(4) == UInt8(ascii: "-") { return .dateTime(try parseDateTime()) }
        }
        let start = index
        while let byte = peek(), Self.isBareKeyByte(byte) || byte == Self.dot || byte == UInt8(ascii: "+") { index += 1 }
        let token = Array(bytes[start..<index])
        if let value = Self.number(token) { return value }
        index = start
        throw syntaxError(
            "\"\(String(decoding: token, as: UTF8.self))\" is not a TOML number; write e.g. 42, -1_000, 0x2A, 3.14, 1e6, inf or nan (no leading zeros, _ only between digits)")
    }

    /// The integer or float that `token` spells, or nil.
    static func number(_ token: [UInt8]) -> StoredValue? {
        guard let first = token.first else { return nil }
        let hasSign = first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        let negative = first == UInt8(ascii: "-")
        let body = hasSign ? Array(token.dropFirst()) : token
        if body == Array("inf".utf8) { return .float(negative ? -.infinity : .infinity) }
        if body == Array("nan".utf8) { return .float(.nan) }
        if !hasSign, body.count > 2, body[0] == UInt8(ascii: "0") {
            let radix: UInt64? = switch body[1] {
            case UInt8(ascii: "x"): 16
            case UInt8(ascii: "o"): 8
            case UInt8(ascii: "b"): 2
            default: nil
            }
            if let radix {
                return prefixedInteger(Array(body[2...]), radix: radix).map { .integer($0) }
            }
        }
        let isFloat = body.contains(Self.dot) || body.contains(UInt8(ascii: "e")) || body.contains(UInt8(ascii: "E"))
        return isFloat ? float(token, body: body) : decimalInteger(body, negative: negative)
    }

    /// Digits with single `_` between them: the digits, or nil.
    static func digits(_ bytes: ArraySlice<UInt8>, where isDigit: (UInt8) -> Bool) -> [UInt8]? {
        guard let first = bytes.first, let last = bytes.last, isDigit(first), isDigit(last) else { return nil }
        var result: [UInt8] = []
        var previousUnderscore = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                if previousUnderscore { return nil }
                previousUnderscore = true
            } else if isDigit(byte) {
                result.append(byte)
                previousUnderscore = false
            } else {
                return nil
            }
        }
        return result
    }

    static func prefixedInteger(_ body: [UInt8], radix: UInt64) -> Int64? {
        guard let digits = digits(body[...], where: { hexDigit($0).map { UInt64($0) < radix } ?? false }) else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(hexDigit(digit) ?? 0))
            if overflow || carry { return nil }
            value = sum
        }
        return value <= UInt64(Int64.max) ? Int64(value) : nil
    }

    static func decimalInteger(_ body: [UInt8], negative: Bool) -> StoredValue? {
        guard let digits = digits(body[...], where: { isDigit($0) }) else { return nil }
        if digits.count > 1, digits[0] == UInt8(ascii: "0") { return nil }
        var magnitude: UInt64 = 0
        for digit in digits {
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(digit - 0x30))
            if overflow || carry { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return .integer(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))
        }
        return magnitude <= UInt64(Int64.max) ? .integer(Int64(magnitude)) : nil
    }

    /// `dec-int ( exp / frac [ exp ] )`, frac = "." zero-prefixable-int, exp = e [+-] digits.
    static func float(_ token: [UInt8], body: [UInt8]) -> StoredValue? {
        var end = body.count
        var exponent: [UInt8] = []
        if let e = body.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            var start = e + 1
            var sign: [UInt8] = []
            if start < body.count, body[start] == UInt8(ascii: "+") || body[start] == UInt8(ascii: "-") {
                sign = [body[start]]
                start += 1
            }
            guard let digits = digits(body[start...], where: { isDigit($0) }) else { return nil }
            exponent = [UInt8(ascii: "e")] + sign + digits
            end = e
        }
        var fraction: [UInt8] = []
        var integerEnd = end
        if let point = body[..<end].firstIndex(of: dot) {
            guard let digits = digits(body[(point + 1)..<end], where: { isDigit($0) }) else { return nil }
            fraction = [dot] + digits
            integerEnd = point
        }
        guard let integer = digits(body[..<integerEnd], where: { isDigit($0) }),
              integer.count == 1 || integer[0] != UInt8(ascii: "0") else { return nil }
        let sign: [UInt8] = token.first == UInt8(ascii: "-") ? [UInt8(ascii: "-")] : []
        let text = String(decoding: sign + integer + fraction + exponent, as: UTF8.self)
        return Double(text).map { .float($0) }
    }

    // MARK: Date-times

    /// `n` digits as a number, or nil.
    mutating func fixedDigits(_ count: Int) -> Int? {
        var value = 0
        for offset in 0..<count {
            guard let byte = peek(offset), Self.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += count
        return value
    }

    mutating func expectByte(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    /// full-date [ (T / space) partial-time [ offset ] ] or partial-time alone.
    mutating func parseDateTime() throws(TOMLError) -> TOMLDateTime {
        let start = index
        let hint = "write dates as 1979-05-27, times as 07:32:00 (seconds required), date-times as 1979-05-27T07:32:00Z"
        func invalid(_ what: String) -> TOMLError {
            index = start
            return syntaxError("\(what); \(hint)")
        }
        var date: TOMLDateTime.LocalDate?
        if peek(2) != UInt8(ascii: ":") {
            guard let year = fixedDigits(4), expectByte(UInt8(ascii: "-")), let month = fixedDigits(2),
                  expectByte(UInt8(ascii: "-")), let day = fixedDigits(2) else { throw invalid("malformed date") }
            guard (1...12).contains(month) else { throw invalid("month \(month) does not exist") }
            guard day >= 1, day <= TOMLDateTime.daysIn(month: month, year: year) else {
                throw invalid("day \(day) does not exist in month \(month) of \(year)")
            }
            date = TOMLDateTime.LocalDate(year: year, month: month, day: day)
            let delimiter = peek()
            let hasTime = delimiter == UInt8(ascii: "T") || delimiter == UInt8(ascii: "t")
                || (delimiter == Self.space && Self.isDigit(peek(1)) && Self.isDigit(peek(2)) && peek(3) == UInt8(ascii: ":"))
            guard hasTime else { return TOMLDateTime(date: date, time: nil, offsetMinutes: nil) }
            index += 1
        }
        guard let hour = fixedDigits(2), expectByte(UInt8(ascii: ":")), let minute = fixedDigits(2),
              expectByte(UInt8(ascii: ":")), let second = fixedDigits(2) else { throw invalid("malformed time") }
        guard hour <= 23, minute <= 59, second <= 60 else {
            throw invalid("\(hour):\(minute):\(second) is not a time of day")
        }
        var fraction = ""
        if peek() == Self.dot {
            index += 1
            let fractionStart = index
            while Self.isDigit(peek()) { index += 1 }
            guard index > fractionStart else { throw invalid("a decimal point in the seconds needs digits after it") }
            fraction = String(decoding: bytes[fractionStart..<index], as: UTF8.self)
        }
        let time = TOMLDateTime.LocalTime(hour: hour, minute: minute, second: second, fraction: fraction)
        guard date != nil else { return TOMLDateTime(date: nil, time: time, offsetMinutes: nil) }
        var offset: Int?
        if peek() == UInt8(ascii: "Z") || peek() == UInt8(ascii: "z") {
            index += 1
            offset = 0
        } else if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
            let sign = peek() == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = fixedDigits(2), expectByte(UInt8(ascii: ":")), let minutes = fixedDigits(2) else {
                throw invalid("malformed time offset")
            }
            guard hours <= 23, minutes <= 59 else { throw invalid("offset \(hours):\(minutes) does not exist") }
            offset = sign * (hours * 60 + minutes)
        }
        return TOMLDateTime(date: date, time: time, offsetMinutes: offset)
    }
}
