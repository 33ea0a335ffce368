import Foundation
import LinearAlgebra

/// One line of advice when OpenBLAS still runs its generic x86-64 kernel on a CPU that has wider
/// vector units (`BLASConfiguration.suggestedCoreType`): when the user set `OPENBLAS_CORETYPE`
/// to it, or `BLASKernelSelection` could not restart the process: an OpenBLAS older than the CPU
/// does not recognise it and falls back to Prescott, its SSE3 kernel, which makes the LU
/// of a large table slower (BENCHMARKS.md measures it at 3,000 sectors). The CPU's features are the `flags` line of /proc/cpuinfo
/// (Linux); elsewhere, or when it cannot be read, there is no advice.
enum BLASKernelAdvice {
    /// Tables from this many sectors get the advice on standard error: their LU is where the kernel
    /// shows (seconds at 3,000 sectors), below it the difference is a fraction of a second.
    static let largeTableSectors = 1_000

    /// The advice, nil when the kernel suits the CPU.
    static var line: String? {
        guard let suggested = BLASConfiguration.suggestedCoreType(core: BLASConfiguration.coreName, cpuFlags: BLASConfiguration.cpuFlags) else { return nil }
        return "OpenBLAS runs its generic \(BLASConfiguration.coreName) kernel on this CPU (it does not recognise it); "
            + "a newer OpenBLAS, or OPENBLAS_CORETYPE=\(suggested) in the environment, uses the faster kernel this CPU supports for large tables' LU"
    }

    /// Writes the advice to standard error as one `grdp: note:` line, when there is one.
    static func note() {
        guard let line else { return }
        FileHandle.standardError.write(Data(("grdp: note: " + line + "\n").utf8))
    }
}
