/// Numbers parsed straight from the bytes of a CSV field, with the same result as
/// `NumberText.parse` on the field's text, bit for bit.
///
/// The fast path is Clinger's (1990, "How to read floating point numbers accurately",
/// PLDI): a decimal significand w of at most 19 digits with w ≤ 2⁵³ and a power of ten
/// 10^|e| ≤ 10²² are both exact doubles, so w·10^e (or w / 10^−e) is one correctly rounded
/// IEEE operation, the value any correctly rounding parser (`strtod`, Swift's
/// `Double(_:)`) returns. It takes `[+-]digits[.digits][e[+-]digits]` with the file's
/// decimal mark (a decimal comma needs digits on both sides, as `NumberText.parse` does).
/// Everything else (more digits, larger exponents, grouped thousands, `nan`, `inf`, hex)
/// goes to `NumberText.parse` on the field's text, which is today's reading itself.
/// - Complexity: O(length), no allocation on the fast path.
public enum DecimalBytes {
    /// Exact powers of ten, 10⁰ … 10²² (each literal is exact in binary64), as constants.
    static let powersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]
    /// 10⁰ … 10⁷ as integers.
    static let integerPowersOfTen: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]

    /// The reading of `field` (its bytes, already trimmed) with decimal mark `mark`.
    public static func reading(_ field: UnsafeBufferPointer<UInt8>, decimalMark mark: Character) -> NumberReading {
        if field.isEmpty { return .empty }
        let markByte: UInt8 = mark == "," ? 0x2C : 0x2E
        if let value = fastValue(field, mark: markByte) { return .number(value) }
        let text = String(decoding: field, as: UTF8.self)
        guard let value = NumberText.parse(text, decimalMark: mark) else { return .notANumber(text) }
        return .number(value)
    }

    /// Clinger's fast path, nil when the text is outside it (then the caller falls back).
    @inline(__always)
    static func fastValue(_ field: UnsafeBufferPointer<UInt8>, mark: UInt8) -> Double? {
        let (value, end) = fastPrefix(field, from: 0, mark: mark)
        return end == field.count ? value : nil
    }

    /// Clinger's fast path on the number that starts at `start` in `bytes`: its value (nil
    /// when the text there is outside the fast path) and where the number's text ends. The
    /// text from `start` to that end reads as `fastValue` reads it, so a caller that finds
    /// the field ending there (a separator, a line end) has the field's value in one pass.
    ///
    /// The common spelling, `[+-]d…d[.d…d]` with at most 7 digits on each side and no
    /// exponent, eight bytes ahead in the buffer, reads each digit run in one 64-bit load
    /// (`digitRun`) without a branch per digit; the significand is then the same integer
    /// (at most 14 digits, so under Clinger's 19) and the exponent minus the fraction digits,
    /// so the value is the same. Anything else is read by `fastPrefixByteByByte`.
    @inline(__always)
    static func fastPrefix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, mark: UInt8) -> (value: Double?, end: Int) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return fastPrefixByteByByte(bytes, from: start, mark: mark) }
        var i = start
        var negative = false
        if i < count, bytes[i] == 0x2D || bytes[i] == 0x2B {
            negative = bytes[i] == 0x2D
            i += 1
        }
        guard i + 8 <= count else { return fastPrefixByteByByte(bytes, from: start, mark: mark) }
        let (integer, integerDigits) = digitRun(UnsafeRawPointer(base + i))
        guard integerDigits < 8 else { return fastPrefixByteByByte(bytes, from: start, mark: mark) }
        i += integerDigits
        var significand = integer
        var fractionDigits = 0
        if i < count, bytes[i] == mark {
            i += 1
            guard i + 8 <= count else { return fastPrefixByteByByte(bytes, from: start, mark: mark) }
            let (fraction, digits) = digitRun(UnsafeRawPointer(base + i))
            guard digits < 8, digits > 0 || mark != 0x2C else { return fastPrefixByteByByte(bytes, from: start, mark: mark) }
            significand = significand &* integerPowersOfTen[digits] &+ fraction
            fractionDigits = digits
            i += digits
        }
        guard mark == 0x2C ? integerDigits > 0 : integerDigits + fractionDigits > 0,
              i >= count || (bytes[i] != 0x65 && bytes[i] != 0x45)
        else { return fastPrefixByteByByte(bytes, from: start, mark: mark) }
        return (scaled(significand, exponent: -fractionDigits, negative: negative), i)
    }

    /// The run of ASCII digits at the start of the 8 bytes at `p`: its length (0…8) and, for
    /// fewer than 8, its value. SWAR: x = bytes − '0' byte-wise; a byte is not a digit when x
    /// or x + 0x76 has its high bit set, and the first such byte ends the run (a borrow or
    /// carry only moves to later bytes); the run's bytes are moved to the top of the word
    /// (leading zeros below) and combined pairwise by three multiplications (Lemire's
    /// eight-digit conversion, as in simdjson).
    @inline(__always)
    static func digitRun(_ p: UnsafeRawPointer) -> (value: UInt64, length: Int) {
        let x = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) &- 0x3030_3030_3030_3030
        let nonDigit = (x | (x &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080
        let length = nonDigit.trailingZeroBitCount >> 3
        guard length > 0, length < 8 else { return (0, length) }
        var v = x << UInt64(8 * (8 - length))
        v = ((v & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return (v, length)
    }

    /// Clinger's fast path read one byte at a time: the reading `fastPrefix` shortens.
    static func fastPrefixByteByByte(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, mark: UInt8) -> (value: Double?, end: Int) {
        let count = bytes.count
        var i = start
        var negative = false
        if i < count, bytes[i] == 0x2D || bytes[i] == 0x2B {
            negative = bytes[i] == 0x2D
            i += 1
        }
        var significand: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var integerDigits = 0
        while i < count, case let d = bytes[i] &- 0x30, d < 10 {
            if significand != 0 || d != 0 {
                guard significantDigits < 19 else { return (nil, i) }
                significand = significand &* 10 &+ UInt64(d)
                significantDigits += 1
            }
            integerDigits += 1
            i += 1
        }
        var fractionDigits = 0
        var hasMark = false
        if i < count, bytes[i] == mark {
            hasMark = true
            i += 1
            while i < count, case let d = bytes[i] &- 0x30, d < 10 {
                if significand != 0 || d != 0 {
                    guard significantDigits < 19 else { return (nil, i) }
                    significand = significand &* 10 &+ UInt64(d)
                    significantDigits += 1
                }
                exponent -= 1
                fractionDigits += 1
                i += 1
            }
        }
        if mark == 0x2C {
            guard integerDigits > 0, !hasMark || fractionDigits > 0 else { return (nil, i) }
        } else {
            guard integerDigits + fractionDigits > 0 else { return (nil, i) }
        }
        if i < count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            var exponentNegative = false
            if i < count, bytes[i] == 0x2D || bytes[i] == 0x2B {
                exponentNegative = bytes[i] == 0x2D
                i += 1
            }
            var written = 0, digits = 0
            while i < count, case let d = bytes[i] &- 0x30, d < 10 {
                guard digits < 4 else { return (nil, i) }
                written = written * 10 + Int(d)
                digits += 1
                i += 1
            }
            guard digits > 0 else { return (nil, i) }
            exponent += exponentNegative ? -written : written
        }
        return (scaled(significand, exponent: exponent, negative: negative), i)
    }

    /// ±w·10^e when it is exact in one rounding (Clinger's conditions), else nil.
    @inline(__always)
    static func scaled(_ significand: UInt64, exponent: Int, negative: Bool) -> Double? {
        var value: Double
        if significand == 0 {
            value = 0
        } else {
            guard significand <= 1 << 53 else { return nil }
            value = Double(significand)
            if exponent >= 0 {
                if exponent <= 22 {
                    value *= powersOfTen[exponent]
                } else {
                    // w·10^(e−22) still an exact integer below 2⁵³, then one rounding by 10²².
                    guard exponent <= 22 + 15 else { return nil }
                    let (widened, overflow) = significand.multipliedReportingOverflow(by: UInt64(powersOfTen[exponent - 22]))
                    guard !overflow, widened <= 1 << 53 else { return nil }
                    value = Double(widened) * powersOfTen[22]
                }
            } else {
                guard exponent >= -22 else { return nil }
                value /= powersOfTen[-exponent]
            }
        }
        return negative ? -value : value
    }
}
