import Foundation
import CBLASLapack

/// What the linked BLAS/LAPACK build is and how many threads it uses.
///
/// Results differ in the last bits between OpenBLAS kernels and thread counts; the
/// engine's determinism claim holds for a fixed configuration, which this reports.
public enum BLASConfiguration {
    /// OpenBLAS's build string, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".
    public static var openBLASConfiguration: String { String(cString: openblas_get_config()) }
    /// The CPU kernel OpenBLAS selected at start-up (e.g. "Haswell").
    public static var coreName: String { String(cString: openblas_get_corename()) }
    /// Processors OpenBLAS sees.
    public static var processorCount: Int { Int(openblas_get_num_procs()) }
    /// Threads OpenBLAS currently uses for one call.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets OpenBLAS's thread count (≥ 1). With parallel workers each doing small
    /// products, one BLAS thread per worker is faster on few cores (measured on 2 cores).
    public static func setThreadCount(_ threads: Int) {
        openblas_set_num_threads(Int32(max(1, threads)))
    }

    /// The OpenBLAS kernel (`OPENBLAS_CORETYPE` value) for a CPU with these feature flags
    /// (as /proc/cpuinfo lists them), when OpenBLAS runs its generic x86-64 kernel
    /// (`Prescott`, what an OpenBLAS older than the CPU falls back to) on a CPU that has
    /// AVX-512 (`SkylakeX`: avx512f, avx512dq, avx512bw, avx512vl) or AVX2 with FMA
    /// (`Haswell`); nil otherwise.
    public static func suggestedCoreType(core: String, cpuFlags: Set<String>) -> String? {
        guard core.lowercased() == "prescott" else { return nil }
        if cpuFlags.isSuperset(of: ["avx512f", "avx512dq", "avx512bw", "avx512vl"]) { return "SkylakeX" }
        if cpuFlags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// The CPU feature flags of the first processor in /proc/cpuinfo (Linux); empty when
    /// unreadable. - Complexity: one read of /proc/cpuinfo.
    public static var cpuFlags: Set<String> {
        guard let data = FileManager.default.contents(atPath: "/proc/cpuinfo") else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// The LAPACK version reported by `ilaver`, e.g. "3.11.0".
    public static var lapackVersion: String {
        var major: LapackInt = 0, minor: LapackInt = 0, patch: LapackInt = 0
        LAPACKE_ilaver(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }
}
