// libFuzzer target: argument parsing of the whole `grdp` command tree, without running any
// command (`CommandLineMain.parse`, the path `grdp` itself takes before `run()`).
//
// The input is split at NUL bytes and line breaks into at most 12 arguments. Invariant: a
// usage error is one printable line (no line break survives `printable`).
import Foundation
import GRDPCommands

@_cdecl("LLVMFuzzerTestOneInput")
public func commandLineFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let arguments = text.split(omittingEmptySubsequences: false) { $0 == "\0" || $0 == "\n" }.prefix(12).map(String.init)
    switch CommandLineMain.parse(arguments) {
    case let .usageError(line):
        let printed = CommandLineMain.printable(line)
        if printed.contains(where: \.isNewline) { fatalError("a usage error spans several lines: \(printed)") }
    case .command, .helpOrVersion: break
    }
    return 0
}
