#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Choosing OpenBLAS's kernel for a CPU that the linked OpenBLAS does not recognise.
///
/// An OpenBLAS older than the CPU (Debian 12's 0.3.21 on Intel family 6 model 207, for one)
/// does not find it in its tables and runs its generic x86-64 kernel, `Prescott` (SSE3), even
/// when the CPU has AVX-512 or AVX2 with FMA. OpenBLAS picks its kernel once, when the library
/// is loaded, from `OPENBLAS_CORETYPE` if it is set; there is no call to change it later. So
/// when the kernel does not suit the CPU (`BLASConfiguration.suggestedCoreType`) and the user
/// has not set the variable, `grdp` starts itself again, once, with `OPENBLAS_CORETYPE` set to
/// the kernel the CPU supports (`SkylakeX` or `Haswell`) — what a current OpenBLAS chooses on
/// such a CPU. BENCHMARKS.md ("IO tables") measures what it changes: the LU of a 3,000-sector
/// table takes about a third less CPU time.
///
/// - The user's choice wins: with `OPENBLAS_CORETYPE` set (to anything, `Prescott` included)
///   nothing is done.
/// - The restarted process removes both variables from its environment once OpenBLAS has read
///   them, so the processes it starts (a Slurm job on another node, say) choose for their own
///   CPU.
/// - If the restart fails, the command runs on in this process with the generic kernel, and
///   `grdp info` and `grdp io` keep their note (`BLASKernelAdvice` in GRDPCommands).
/// - Called first by `grdp`'s `main`, and by the benchmark tools that run the engine as `grdp`
///   does (Benchmarks/Tools), so that they measure the same kernel.
///
/// Results differ in the last bits between kernels; the determinism claim holds for a fixed
/// configuration, which `grdp info` reports (with the kernel and who chose it).
public enum BLASKernelSelection {
    /// OpenBLAS's variable for its kernel.
    package static let coreTypeVariable = "OPENBLAS_CORETYPE"
    /// Set next to `OPENBLAS_CORETYPE` for the restarted process: the kernel grdp chose, so
    /// that the restart happens once and the choice can be reported.
    package static let chosenVariable = "GRDP_CHOSEN_OPENBLAS_CORETYPE"

    /// The kernel grdp chose for this process by restarting it, nil when OpenBLAS chose (or the
    /// user did). Set by `restartIfNeeded()`.
    public private(set) nonisolated(unsafe) static var chosenCoreType: String?

    /// Who chose the running kernel, for `grdp info`: "grdp (…)" after a restart, "the user
    /// (OPENBLAS_CORETYPE)" when the variable is set, "OpenBLAS" otherwise.
    public static var chooser: String {
        if let chosen = chosenCoreType {
            return "grdp (OPENBLAS_CORETYPE=\(chosen): the linked OpenBLAS does not recognise this CPU; set OPENBLAS_CORETYPE to choose another)"
        }
        return ProcessInfo.processInfo.environment[coreTypeVariable] != nil ? "the user (OPENBLAS_CORETYPE)" : "OpenBLAS"
    }

    /// What to do at start-up.
    package enum Decision: Equatable {
        /// Nothing: OpenBLAS's kernel suits the CPU, the user chose one, or OpenBLAS cannot
        /// be told (a build without `DYNAMIC_ARCH`).
        case keep
        /// Start again with `OPENBLAS_CORETYPE` set to this kernel.
        case restart(coreType: String)
        /// This is the restarted process: grdp chose this kernel; clear the variables.
        case restarted(coreType: String)
    }

    /// The decision for a process whose OpenBLAS runs `core`, built as `configuration`, on a
    /// CPU with `cpuFlags` (/proc/cpuinfo's `flags`), in `environment`. Pure. - Complexity: O(1).
    package static func decision(core: String, configuration: String, cpuFlags: Set<String>, environment: [String: String]) -> Decision {
        if let chosen = environment[chosenVariable] {
            // Restarted by grdp, unless the user has since set the kernel to something else.
            return environment[coreTypeVariable] == chosen ? .restarted(coreType: chosen) : .keep
        }
        guard environment[coreTypeVariable] == nil, configuration.contains("DYNAMIC_ARCH"),
              let suggested = BLASConfiguration.suggestedCoreType(core: core, cpuFlags: cpuFlags)
        else { return .keep }
        return .restart(coreType: suggested)
    }

    /// Restarts the process once with the kernel this CPU supports, when OpenBLAS fell back to
    /// its generic one and the user has not chosen (see the type's comment). Call it first in
    /// `main`, before anything is read or written: on success it does not return. The
    /// executable is /proc/self/exe with the same arguments, file descriptors and environment
    /// plus the two variables. - Complexity: one read of /proc/cpuinfo, when OpenBLAS runs Prescott.
    public static func restartIfNeeded() {
        #if os(Linux)
        let environment = ProcessInfo.processInfo.environment
        let core = BLASConfiguration.coreName
        // /proc/cpuinfo is read only when OpenBLAS runs its generic kernel or grdp restarted.
        let flags: Set<String> = core.lowercased() == "prescott" ? BLASConfiguration.cpuFlags : []
        switch decision(core: core, configuration: BLASConfiguration.openBLASConfiguration, cpuFlags: flags, environment: environment) {
        case .keep:
            return
        case let .restarted(coreType):
            // An OpenBLAS that ignored the variable still runs Prescott: then nothing was chosen.
            if core.lowercased() != "prescott" { chosenCoreType = coreType }
            unsetenv(coreTypeVariable)
            unsetenv(chosenVariable)
        case let .restart(coreType):
            setenv(coreTypeVariable, coreType, 1)
            setenv(chosenVariable, coreType, 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // Only reached when the restart failed: run on here with OpenBLAS's own kernel.
            unsetenv(coreTypeVariable)
            unsetenv(chosenVariable)
        }
        #endif
    }
}
