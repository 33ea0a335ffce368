// libFuzzer target: the GRDP accounts CSV reader and the growth accounting run on it
// (`grdp contrib`, `grdp quarterly`).
import Foundation
import Growth

@_cdecl("LLVMFuzzerTestOneInput")
public func accountsCSVFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let accounts = try? GRDPAccounts(csv: text, path: "fuzz.csv") else { return 0 }
    _ = try? ContributionTable(accounts: accounts)
    _ = try? PlanConsistency(accounts: accounts, headlineTargetPercent: accounts.grdpTarget ?? 8)
    if let target = accounts.grdpTarget { _ = try? GapToTarget(accounts: accounts, targetPercent: target) }
    _ = try? accounts.remainingQuarterRequirements(fallback: .equal)
    _ = try? accounts.sectorQuarterlyWeights(fallback: .equal)
    return 0
}
