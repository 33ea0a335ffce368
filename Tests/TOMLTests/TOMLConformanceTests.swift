import Foundation
import Testing
@testable import TOML

/// The toml-test conformance suite (github.com/toml-lang/toml-test), as shipped by
/// Debian's golang-github-burntsushi-toml-dev (its copy of the suite is the one
/// BurntSushi/toml 1.2.0 tests itself against). Expected values are the suite's own
/// `valid/*.json` files, in toml-test's tagged JSON; every `invalid/*.toml` must give a
/// `TOMLError` (a crash would end the test process, a hang would time it out).
///
/// `TOML_TEST_DIR` may point at another copy of the suite's `tests` folder. When the
/// files are missing the tests are skipped, except under CI (CI=true), where they fail:
/// `make test` installs the package.
@Suite("toml-test conformance suite")
struct TOMLConformanceTests {
    static let defaultDirectory = "/usr/share/gocode/src/github.com/BurntSushi/toml/internal/toml-test/tests"
    static var directory: String { ProcessInfo.processInfo.environment["TOML_TEST_DIR"] ?? defaultDirectory }
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Files of the suite that are not TOML 1.0, with the reason. The list is the one the
    /// suite gives for version 1.0.0 (`internal/toml-test/version.go` in the same package).
    static let notTOML10: [String: String] = [
        "valid/string/escape-esc.toml": "\\e is an escape of TOML 1.1, not 1.0",
    ]

    /// The `.toml` files under `valid` or `invalid`, relative to the suite's folder, sorted.
    static func files(_ kind: String) -> [String] {
        let root = directory + "/" + kind
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".toml") { result.append(kind + "/" + path) }
        }
        return result.sorted()
    }

    static func bytes(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: directory + "/" + relative).map { [UInt8]($0) }
    }

    /// Run when the files are here, and always under CI (where missing files fail).
    static var runs: Bool { isCI || !files("valid").isEmpty }

    /// Whether the suite is here; records a failure under CI when it is not.
    static func suitePresent(_ kind: String) -> Bool {
        if !files(kind).isEmpty { return true }
        if isCI {
            Issue.record("the toml-test files are missing from \(directory); install golang-github-burntsushi-toml-dev")
        }
        return false
    }

    @Test("every valid document parses to the value of its JSON file", .enabled(if: runs, "toml-test files not installed"))
    func validDocuments() throws {
        guard Self.suitePresent("valid") else { return }
        var checked = 0
        for file in Self.files("valid") where Self.notTOML10[file] == nil {
            let jsonFile = String(file.dropLast(5)) + ".json"
            guard let text = Self.bytes(file), let json = Self.bytes(jsonFile) else {
                Issue.record("\(file): cannot read it or its JSON file")
                continue
            }
            let expected = try JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed])
            do {
                let document = try TOMLDocument.parse(utf8: text)
                var differences: [String] = []
                TaggedJSON.compare(.table(document.root), expected, at: "", into: &differences)
                #expect(differences.isEmpty, "\(file): \(differences.prefix(5).joined(separator: "; "))")
            } catch {
                Issue.record("\(file): rejected: \(error)")
            }
            checked += 1
        }
        // The package's copy holds 100 valid files; one is TOML 1.1.
        #expect(checked == Self.files("valid").count - Self.notTOML10.count)
        #expect(checked >= 99)
    }

    @Test("every invalid document gives one located error", .enabled(if: runs, "toml-test files not installed"))
    func invalidDocuments() throws {
        guard Self.suitePresent("invalid") else { return }
        var checked = 0
        for file in Self.files("invalid") {
            guard let text = Self.bytes(file) else {
                Issue.record("\(file): cannot read it")
                continue
            }
            do {
                _ = try TOMLDocument.parse(utf8: text)
                Issue.record("\(file): accepted, but it is not valid TOML 1.0")
            } catch {
                let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).count
                #expect(error.location.line >= 1 && error.location.line <= lines, "\(file): \(error)")
                #expect(error.location.column >= 1, "\(file): \(error)")
                #expect(!error.description.contains("\n"), "\(file): one line: \(error)")
            }
            checked += 1
        }
        // The package's copy holds 234 invalid files.
        #expect(checked >= 234)
    }

    @Test("the files skipped as TOML 1.1 are in the suite and are rejected as 1.0", .enabled(if: runs, "toml-test files not installed"))
    func skippedFiles() throws {
        guard Self.suitePresent("valid") else { return }
        for file in Self.notTOML10.keys.sorted() {
            let text = try #require(Self.bytes(file), "\(file) is listed as skipped but is not in the suite")
            #expect(throws: TOMLError.self, "\(file): \(Self.notTOML10[file] ?? "")") {
                try TOMLDocument.parse(utf8: text)
            }
        }
    }
}

/// toml-test's tagged JSON: a table is an object, an array an array, and every other
/// value `{"type": "integer", "value": "42"}` (types string, integer, float, bool,
/// datetime, datetime-local, date-local, time-local).
enum TaggedJSON {
    static func isTagged(_ object: [String: Any]) -> Bool {
        object.count == 2 && object["type"] is String && object["value"] is String
    }

    /// Appends to `differences` every place where `value` and `expected` differ. Floats
    /// are compared as numbers (nan equals nan), date-times as their normalised RFC 3339
    /// form (the expected text is read by the same date-time grammar; trailing zeros of
    /// the fraction of a second are dropped on both sides).
    static func compare(_ value: TOMLValue, _ expected: Any, at path: String, into differences: inout [String]) {
        func differ(_ what: String) { differences.append("\(path.isEmpty ? "(root)" : path): \(what)") }
        switch value {
        case let .table(table):
            guard let object = expected as? [String: Any], !isTagged(object) else { return differ("a table, expected \(expected)") }
            if Set(table.keys) != Set(object.keys) {
                differ("keys \(table.keys.sorted()), expected \(object.keys.sorted())")
            }
            for key in table.keys {
                guard let child = table[key], let expectedChild = object[key] else { continue }
                compare(child, expectedChild, at: path + "." + key, into: &differences)
            }
        case let .array(array):
            guard let list = expected as? [Any] else { return differ("an array, expected \(expected)") }
            guard list.count == array.count else { return differ("\(array.count) elements, expected \(list.count)") }
            for (position, element) in array.enumerated() {
                compare(element, list[position], at: path + "[\(position)]", into: &differences)
            }
        default:
            guard let object = expected as? [String: Any], isTagged(object),
                  let type = object["type"] as? String, let text = object["value"] as? String else {
                return differ("a scalar \(value), expected \(expected)")
            }
            if let problem = scalarDifference(value, type: type, text: text) { differ(problem) }
        }
    }

    static func scalarDifference(_ value: TOMLValue, type: String, text: String) -> String? {
        switch (value, type) {
        case let (.string(string), "string"):
            return string == text ? nil : "string \(string.debugDescription), expected \(text.debugDescription)"
        case let (.integer(integer), "integer"):
            return Int64(text) == integer ? nil : "integer \(integer), expected \(text)"
        case let (.float(number), "float"):
            let expected: Double? = switch text {
            case "nan", "+nan", "-nan": .nan
            case "inf", "+inf": .infinity
            case "-inf": -.infinity
            default: Double(text)
            }
            guard let expected else { return "unreadable expected float \(text)" }
            if expected.isNaN { return number.isNaN ? nil : "float \(number), expected nan" }
            return number == expected ? nil : "float \(number), expected \(text)"
        case let (.boolean(flag), "bool"):
            return String(flag) == text ? nil : "boolean \(flag), expected \(text)"
        case let (.dateTime(dateTime), "datetime"), let (.dateTime(dateTime), "datetime-local"),
             let (.dateTime(dateTime), "date-local"), let (.dateTime(dateTime), "time-local"):
            let kinds: [String: TOMLDateTime.Kind] = [
                "datetime": .offsetDateTime, "datetime-local": .localDateTime, "date-local": .localDate, "time-local": .localTime,
            ]
            guard dateTime.kind == kinds[type] else { return "\(dateTime.kind), expected \(type)" }
            guard let expected = try? TOMLDocument.parse("v = " + text).root["v"]?.dateTime else {
                return "unreadable expected date-time \(text)"
            }
            return normalised(dateTime) == normalised(expected) ? nil : "date-time \(dateTime), expected \(text)"
        default:
            return "\(value), expected a \(type) \(text)"
        }
    }

    static func normalised(_ dateTime: TOMLDateTime) -> String {
        guard let time = dateTime.time else { return dateTime.description }
        var fraction = time.fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let trimmed = TOMLDateTime.LocalTime(hour: time.hour, minute: time.minute, second: time.second, fraction: fraction)
        return TOMLDateTime(date: dateTime.date, time: trimmed, offsetMinutes: dateTime.offsetMinutes).description
    }
}
