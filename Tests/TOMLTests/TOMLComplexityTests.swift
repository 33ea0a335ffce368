import Testing
@testable import TOML

/// Size and time bounds: the parser is linear in the length of the text (issue: a header
/// of 100,000 dotted keys used to take quadratic time and gigabytes). The time bound is
/// generous for a debug build on a loaded machine; quadratic work on these sizes
/// (10¹⁰ steps) would take minutes.
@Suite("TOML parser: linear time, bounded recursion")
struct TOMLComplexityTests {
    static let keyCount = 100_000

    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try work()
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    @Test("a header of 100,000 dotted keys parses in linear time to 100,000 nested tables")
    func deepHeader() throws {
        let text = "[" + Array(repeating: "k", count: Self.keyCount).joined(separator: ".") + "]\nleaf = 1\n"
        var document: TOMLDocument?
        let elapsed = try Self.seconds { document = try TOMLDocument.parse(text) }
        var table = try #require(document?.root)
        var depth = 0
        while let child = table["k"]?.table {
            table = child
            depth += 1
        }
        #expect(depth == Self.keyCount)
        #expect(table["leaf"]?.integer == 1)
        #expect(elapsed < 10, "took \(elapsed) s")
    }

    @Test("a key of 100,000 dotted parts, and its redefinition error, in linear time")
    func deepDottedKey() throws {
        let key = Array(repeating: "k", count: Self.keyCount).joined(separator: ".")
        let text = key + " = 1\n" + key + " = 2\n"
        let elapsed = Self.seconds {
            guard case let .redefinition(location, keys, _)? = Self.error(text) else {
                Issue.record("the second definition was accepted")
                return
            }
            #expect(location.line == 2)
            #expect(keys.count == Self.keyCount)
        }
        #expect(elapsed < 10, "took \(elapsed) s")
    }

    static func error(_ text: String) -> TOMLError? {
        do {
            _ = try TOMLDocument.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("doubling the input at most about doubles the time (linear, not quadratic)")
    func doubling() throws {
        func text(_ count: Int) -> String {
            "[" + Array(repeating: "\"k\"", count: count).joined(separator: " . ") + "]\n"
                + (0..<count).map { "a\($0) = [{ x = \"\\u00E9\" }, 1.5]" }.joined(separator: "\n")
        }
        let small = text(5_000), large = text(20_000)
        // The fastest of three runs, so that a pause of the machine does not count.
        var smallTime = Double.infinity, largeTime = Double.infinity
        for _ in 0..<3 {
            smallTime = min(smallTime, try Self.seconds { _ = try TOMLDocument.parse(small) })
            largeTime = min(largeTime, try Self.seconds { _ = try TOMLDocument.parse(large) })
        }
        // Linear: 4× the input, about 4× the time; quadratic would be 16×. 10× leaves room for noise.
        #expect(largeTime < 10 * smallTime, "5,000: \(smallTime) s, 20,000: \(largeTime) s")
    }

    @Test("arrays and inline tables nested deeper than the limit are an error, not a stack overflow", arguments: ["[", "{a="])
    func deepValues(opening: String) {
        let text = "v = " + String(repeating: opening, count: 100_000)
        guard case let .nestingTooDeep(location, limit)? = Self.error(text) else {
            Issue.record("no nesting error: \(String(describing: Self.error(text)))")
            return
        }
        #expect(limit == TOMLDocument.maximumNesting)
        #expect(location.line == 1)
    }

    @Test("values nested exactly to the limit parse")
    func nestingAtLimit() throws {
        let depth = TOMLDocument.maximumNesting
        let text = "v = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try #require(try TOMLDocument.parse(text).root["v"])
        var levels = 0
        while let array = value.array {
            levels += 1
            guard let first = array.first else { break }
            value = first
        }
        #expect(levels == depth)
    }
}
