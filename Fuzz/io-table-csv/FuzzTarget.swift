// libFuzzer target: the input-output table CSV reader and what `grdp io` does with a table
// (validation, the Leontief model, multipliers, writing the table back).
//
// Invariants checked beyond "no crash, no hang": a table that reads back must write out
// (`csvText()`) to CSV that reads back again with the same sectors and outputs.
import Foundation
import InputOutput

@_cdecl("LLVMFuzzerTestOneInput")
public func ioTableCSVFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let table = try? IOTable(csv: text, path: "fuzz.csv") else { return 0 }
    _ = table.balanceReport
    let valid = (try? table.validate(tolerance: 1e-6, acceptImbalance: true)) != nil
    let written = table.csvText()
    guard let again = try? IOTable(csv: written, path: "written.csv") else {
        fatalError("a table that was read cannot be read back from its own CSV:\n\(written)")
    }
    guard again.sectors == table.sectors, again.output == table.output else {
        fatalError("the written table differs from the table read: \(table.sectors) \(table.output) vs \(again.sectors) \(again.output)")
    }
    if valid, table.sectorCount <= 40, let model = try? LeontiefModel(table: table) {
        _ = try? Multipliers(model: model)
        _ = try? Linkages(model: model)
    }
    return 0
}
