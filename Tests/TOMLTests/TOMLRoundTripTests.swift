import PropertyBased
import Testing
@testable import TOML

/// Property: a generated document, written out as TOML text by `TOMLTestWriter`, parses
/// back to the same tree. The generator draws keys that need quoting (spaces, dots,
/// quotes, backslashes, non-ASCII, the empty key), strings with every kind of character
/// that must be escaped, integers over the whole Int64 range in four bases, floats from
/// their bit patterns (so subnormals, -0.0, inf and nan occur), all four date-time kinds,
/// nested arrays of mixed types, and tables written as [headers], [[arrays of tables]],
/// inline tables and dotted keys. The expected tree is the generated one.
@Suite("TOML round trip (property-based)")
struct TOMLRoundTripTests {
    @Test("write, parse, compare")
    func roundTrip() async {
        await propertyCheck(count: 500, input: TOMLModel.documents) { document in
            let text = TOMLTestWriter.document(document)
            do {
                let parsed = try TOMLDocument.parse(text)
                let difference = TOMLModel.difference(.table(parsed.root), .table(document, .header), at: "")
                #expect(difference == nil, "\(difference ?? "")\n\(text)")
            } catch {
                Issue.record("\(error)\n\(text)")
            }
        }
    }

    @Test("every prefix of a written document parses or gives an error inside the text")
    func truncated() async {
        await propertyCheck(count: 300, input: TOMLModel.documents, Gen.int(in: 0...10_000)) { document, cut in
            let bytes = Array(TOMLTestWriter.document(document).utf8)
            let prefix = Array(bytes.prefix(bytes.isEmpty ? 0 : cut % (bytes.count + 1)))
            do throws(TOMLError) {
                _ = try TOMLDocument.parse(utf8: prefix)
            } catch {
                let lines = prefix.split(separator: 0x0A, omittingEmptySubsequences: false).count
                #expect(error.location.line >= 1 && error.location.line <= lines, "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
    }
}

/// The generated document: a tree of values, each table carrying how it is written.
indirect enum TOMLModel: Sendable {
    enum TableStyle: CaseIterable, Sendable { case header, inline, dotted }
    enum StringStyle: CaseIterable, Sendable { case basic, literal, multiLineBasic, multiLineLiteral }
    enum IntegerStyle: CaseIterable, Sendable { case decimal, grouped, hexadecimal, octal, binary }

    case string(String, StringStyle)
    case integer(Int64, IntegerStyle)
    case float(Double)
    case boolean(Bool)
    case dateTime(TOMLDateTime)
    case array([TOMLModel], ofTables: Bool)
    case table([(key: String, value: TOMLModel)], TableStyle)

    /// Random documents of up to 3 levels of nesting.
    static let documents = Generator<[(key: String, value: TOMLModel)], Shrink.None<[(key: String, value: TOMLModel)]>> { rng in
        var random = RandomSource(generator: rng)
        let document = random.entries(depth: 3, inline: false)
        rng = random.generator
        return document
    }

    /// Where `value` differs from `model`, or nil (styles are ignored; floats are compared
    /// bit for bit, every nan equal to every nan).
    static func difference(_ value: TOMLValue, _ model: TOMLModel, at path: String) -> String? {
        switch (value, model) {
        case let (.string(found), .string(expected, _)):
            return found == expected ? nil : "\(path): \(found.debugDescription) ≠ \(expected.debugDescription)"
        case let (.integer(found), .integer(expected, _)):
            return found == expected ? nil : "\(path): \(found) ≠ \(expected)"
        case let (.float(found), .float(expected)):
            let same = found.isNaN ? expected.isNaN : found.bitPattern == expected.bitPattern
            return same ? nil : "\(path): \(found) ≠ \(expected)"
        case let (.boolean(found), .boolean(expected)):
            return found == expected ? nil : "\(path): \(found) ≠ \(expected)"
        case let (.dateTime(found), .dateTime(expected)):
            return found == expected ? nil : "\(path): \(found) ≠ \(expected)"
        case let (.array(found), .array(expected, _)):
            guard found.count == expected.count else { return "\(path): \(found.count) elements ≠ \(expected.count)" }
            for (position, element) in expected.enumerated() {
                if let difference = difference(found[position], element, at: "\(path)[\(position)]") { return difference }
            }
            return nil
        case let (.table(found), .table(expected, _)):
            guard Set(found.keys) == Set(expected.map(\.key)), found.count == expected.count else {
                return "\(path): keys \(found.keys) ≠ \(expected.map(\.key))"
            }
            for (key, element) in expected {
                guard let child = found[key] else { return "\(path): no \(key)" }
                if let difference = difference(child, element, at: "\(path).\(key)") { return difference }
            }
            return nil
        default:
            return "\(path): \(value) is not \(model)"
        }
    }
}

/// Draws the parts of a `TOMLModel` from the property checker's generator.
struct RandomSource {
    var generator: any SeededRandomNumberGenerator

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < probability }
    mutating func pick<T>(_ options: [T]) -> T { options[int(0...(options.count - 1))] }

    /// Characters chosen to hit every rule: bare-key characters, characters that force
    /// quoting or escaping, control characters, and multi-byte UTF-8 (U+2028 and U+0085
    /// among them).
    static let alphabet: [Unicode.Scalar] = Array("abcXYZ019_-".unicodeScalars) + [
        " ", ".", "=", "#", "[", "]", "{", "}", ",", "\"", "'", "\\", "\t", "\n", "\r", "\u{0}", "\u{8}", "\u{C}", "\u{1B}",
        "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "é", "ß", "中", "\u{2028}", "\u{FEFF}", "\u{1F600}", "\u{10FFFF}",
    ]

    mutating func text(maximumLength: Int, bare: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        let source = bare ? Array("abcXYZ019_-".unicodeScalars) : Self.alphabet
        for _ in 0..<int(0...maximumLength) { scalars.append(pick(source)) }
        return String(scalars)
    }

    mutating func key() -> String {
        chance(0.6) ? text(maximumLength: 6, bare: true) : text(maximumLength: 6, bare: false)
    }

    mutating func entries(depth: Int, inline: Bool) -> [(key: String, value: TOMLModel)] {
        var entries: [(key: String, value: TOMLModel)] = []
        var seen = Set<String>()
        for _ in 0..<int(0...5) {
            let key = key()
            guard seen.insert(key).inserted else { continue }
            entries.append((key, value(depth: depth, inline: inline)))
        }
        return entries
    }

    mutating func value(depth: Int, inline: Bool) -> TOMLModel {
        switch int(0...(depth > 0 ? 10 : 5)) {
        case 0: return .string(text(maximumLength: 12, bare: false), pick(TOMLModel.StringStyle.allCases))
        case 1:
            let magnitude = pick([Int64.max, Int64(Int32.max), 999, 9])
            return .integer(Int64.random(in: (magnitude == Int64.max ? Int64.min : -magnitude)...magnitude, using: &generator),
                            pick(TOMLModel.IntegerStyle.allCases))
        case 2:
            let special: [Double] = [.infinity, -.infinity, .nan, 0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1]
            return .float(chance(0.3) ? pick(special) : Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator)))
        case 3: return .boolean(chance(0.5))
        case 4: return .dateTime(dateTime())
        case 5: return .array((0..<int(0...3)).map { _ in value(depth: 0, inline: true) }, ofTables: false)
        case 6: return .array((0..<int(0...3)).map { _ in value(depth: depth - 1, inline: true) }, ofTables: false)
        case 7 where !inline, 9 where !inline:
            let elements = (0..<int(1...3)).map { _ in TOMLModel.table(entries(depth: depth - 1, inline: false), .header) }
            return .array(elements, ofTables: true)
        default:
            let style = inline ? .inline : pick(TOMLModel.TableStyle.allCases)
            return .table(entries(depth: depth - 1, inline: inline || style != .header), style)
        }
    }

    mutating func dateTime() -> TOMLDateTime {
        let year = int(0...9999), month = int(1...12)
        let date = TOMLDateTime.LocalDate(year: year, month: month, day: int(1...TOMLDateTime.daysIn(month: month, year: year)))
        let fraction = String((0..<int(0...9)).map { _ in pick(Array("0123456789")) })
        let time = TOMLDateTime.LocalTime(hour: int(0...23), minute: int(0...59), second: int(0...60), fraction: fraction)
        switch int(0...3) {
        case 0: return TOMLDateTime(date: date, time: time, offsetMinutes: int(-1439...1439))
        case 1: return TOMLDateTime(date: date, time: time, offsetMinutes: nil)
        case 2: return TOMLDateTime(date: date, time: nil, offsetMinutes: nil)
        default: return TOMLDateTime(date: nil, time: time, offsetMinutes: nil)
        }
    }
}

/// A small TOML writer for the round trip: plain keys of a table first, then its
/// [header] tables and [[arrays of tables]]; dotted-style tables as `a.b = …` lines.
enum TOMLTestWriter {
    static func document(_ entries: [(key: String, value: TOMLModel)]) -> String {
        var text = ""
        section(entries, path: [], into: &text)
        return text
    }

    static func isSection(_ value: TOMLModel) -> Bool {
        switch value {
        case .table(_, .header), .array(_, ofTables: true): true
        default: false
        }
    }

    static func section(_ entries: [(key: String, value: TOMLModel)], path: [String], into text: inout String) {
        for (key, value) in entries where !isSection(value) {
            if case let .table(children, .dotted) = value, !children.isEmpty {
                dotted(children, prefix: [key], into: &text)
            } else {
                text += self.key(key) + " = " + inlineValue(value) + "\n"
            }
        }
        for (key, value) in entries {
            switch value {
            case let .table(children, .header):
                text += "[" + (path + [key]).map(self.key).joined(separator: ".") + "]\n"
                section(children, path: path + [key], into: &text)
            case let .array(elements, ofTables: true):
                for case let .table(children, _) in elements {
                    text += "[[" + (path + [key]).map(self.key).joined(separator: " . ") + "]]\n"
                    section(children, path: path + [key], into: &text)
                }
            default:
                break
            }
        }
    }

    static func dotted(_ entries: [(key: String, value: TOMLModel)], prefix: [String], into text: inout String) {
        for (key, value) in entries {
            if case let .table(children, .dotted) = value, !children.isEmpty {
                dotted(children, prefix: prefix + [key], into: &text)
            } else {
                text += (prefix + [key]).map(self.key).joined(separator: ".") + " = " + inlineValue(value) + "\n"
            }
        }
    }

    static func inlineValue(_ value: TOMLModel) -> String {
        switch value {
        case let .string(string, style): self.string(string, style)
        case let .integer(integer, style): self.integer(integer, style)
        case let .float(float): float.isNaN ? "nan" : "\(float)"
        case let .boolean(flag): "\(flag)"
        case let .dateTime(dateTime): dateTime.description
        case let .array(elements, _): "[" + elements.map(inlineValue).joined(separator: ", ") + "]"
        case let .table(entries, _): "{" + entries.map { " " + key($0.key) + " = " + inlineValue($0.value) }.joined(separator: ",") + " }"
        }
    }

    static func key(_ key: String) -> String {
        if !key.isEmpty, key.utf8.allSatisfy({ TOMLParser.isBareKeyByte($0) }) { return key }
        return string(key, .basic)
    }

    static func string(_ string: String, _ style: TOMLModel.StringStyle) -> String {
        func literalSafe(newlines: Bool) -> Bool {
            string.unicodeScalars.allSatisfy {
                $0 != "'" && ($0 == "\t" || (newlines && $0 == "\n") || ($0.value >= 0x20 && $0.value != 0x7F))
            }
        }
        switch style {
        case .literal where literalSafe(newlines: false): return "'" + string + "'"
        case .multiLineLiteral where literalSafe(newlines: true): return "'''\n" + string + "'''"
        case .multiLineBasic: return "\"\"\"\n" + escaped(string, keepNewlines: true) + "\"\"\""
        default: return "\"" + escaped(string, keepNewlines: false) + "\""
        }
    }

    static func escaped(_ string: String, keepNewlines: Bool) -> String {
        var result = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += keepNewlines ? "\n" : "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u" + TOMLParser.hex(scalar.value, width: 4)
                } else if scalar.value > 0xFFFF, scalar.value % 2 == 1 {
                    result += "\\U" + TOMLParser.hex(scalar.value, width: 8)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    static func integer(_ integer: Int64, _ style: TOMLModel.IntegerStyle) -> String {
        switch style {
        case .hexadecimal where integer >= 0: "0x" + String(integer, radix: 16, uppercase: integer % 2 == 0)
        case .octal where integer >= 0: "0o" + String(integer, radix: 8)
        case .binary where integer >= 0: "0b" + String(integer, radix: 2)
        case .grouped:
            {
                let digits = Array(String(integer.magnitude))
                var grouped = ""
                for (position, digit) in digits.enumerated() {
                    if position > 0, (digits.count - position) % 3 == 0 { grouped += "_" }
                    grouped.append(digit)
                }
                return (integer < 0 ? "-" : "+") + grouped
            }()
        default: "\(integer)"
        }
    }
}
