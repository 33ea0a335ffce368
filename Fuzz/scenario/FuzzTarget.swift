// libFuzzer entry point for the scenario parser: the TOML parser on the raw bytes
// (invalid UTF-8 included), then the scenario parser on the text. Any crash, hang or
// memory error is a bug; so is a TOML error whose message spans more than one line.
import Scenarios
import TOML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        _ = try TOMLDocument.parse(utf8: bytes)
    } catch {
        // One line, and a place inside the input.
        let breaksLine = error.description.unicodeScalars.contains { "\n\r\u{B}\u{C}\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }
        if breaksLine || error.location.line < 1 || error.location.column < 1 {
            fatalError("malformed TOML error: \(error.description.debugDescription)")
        }
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    do {
        let scenario = try Scenario.parse(text, path: "fuzz.toml")
        _ = scenario.uncertainParameters
    } catch {
        _ = error.description
    }
    return 0
}
