import Foundation
import LinearAlgebra
import Testing
import GRDPCommands

/// The start-up choice of OpenBLAS's kernel (`BLASKernelSelection`): a restart with
/// `OPENBLAS_CORETYPE` only when OpenBLAS fell back to Prescott on a CPU with wider vector
/// units and the user chose nothing; once; never against the user's choice.
@Suite("OpenBLAS kernel selection at start-up")
struct BLASKernelSelectionTests {
    static let avx512: Set<String> = ["sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl"]
    static let dynamic = "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Prescott MAX_THREADS=64"

    @Test("Prescott on an AVX-512 or AVX2 CPU, nothing set: restart with the CPU's kernel")
    func restart() {
        #expect(BLASKernelSelection.decision(core: "Prescott", configuration: Self.dynamic, cpuFlags: Self.avx512, environment: [:])
            == .restart(coreType: "SkylakeX"))
        #expect(BLASKernelSelection.decision(core: "Prescott", configuration: Self.dynamic, cpuFlags: ["sse2", "avx", "avx2", "fma"], environment: ["HOME": "/root"])
            == .restart(coreType: "Haswell"))
    }

    @Test("A kernel OpenBLAS chose for the CPU, a CPU without AVX2, or a build without DYNAMIC_ARCH: keep")
    func keepWhenNothingToGain() {
        #expect(BLASKernelSelection.decision(core: "SkylakeX", configuration: Self.dynamic, cpuFlags: Self.avx512, environment: [:]) == .keep)
        #expect(BLASKernelSelection.decision(core: "Haswell", configuration: Self.dynamic, cpuFlags: Self.avx512, environment: [:]) == .keep)
        #expect(BLASKernelSelection.decision(core: "Prescott", configuration: Self.dynamic, cpuFlags: ["sse2", "sse3", "avx"], environment: [:]) == .keep)
        #expect(BLASKernelSelection.decision(core: "Prescott", configuration: "OpenBLAS 0.3.21 NO_LAPACKE NO_AFFINITY Prescott MAX_THREADS=64",
                                             cpuFlags: Self.avx512, environment: [:]) == .keep)
    }

    @Test("The user's OPENBLAS_CORETYPE wins, whatever its value")
    func userChoice() {
        for value in ["Prescott", "SkylakeX", "Haswell", ""] {
            #expect(BLASKernelSelection.decision(core: "Prescott", configuration: Self.dynamic, cpuFlags: Self.avx512,
                                                 environment: ["OPENBLAS_CORETYPE": value]) == .keep)
        }
    }

    @Test("The restarted process is recognised (no second restart); a kernel changed by the user since is theirs")
    func restartedOnce() {
        let restarted = ["OPENBLAS_CORETYPE": "SkylakeX", "GRDP_CHOSEN_OPENBLAS_CORETYPE": "SkylakeX"]
        #expect(BLASKernelSelection.decision(core: "SkylakeX", configuration: Self.dynamic, cpuFlags: Self.avx512, environment: restarted)
            == .restarted(coreType: "SkylakeX"))
        // Even if the library ignored the variable and still runs Prescott: never a loop.
        #expect(BLASKernelSelection.decision(core: "Prescott", configuration: Self.dynamic, cpuFlags: Self.avx512, environment: restarted)
            == .restarted(coreType: "SkylakeX"))
        #expect(BLASKernelSelection.decision(core: "Prescott", configuration: Self.dynamic, cpuFlags: Self.avx512,
                                             environment: ["OPENBLAS_CORETYPE": "Prescott", "GRDP_CHOSEN_OPENBLAS_CORETYPE": "SkylakeX"]) == .keep)
        #expect(BLASKernelSelection.decision(core: "Prescott", configuration: Self.dynamic, cpuFlags: Self.avx512,
                                             environment: ["GRDP_CHOSEN_OPENBLAS_CORETYPE": "SkylakeX"]) == .keep)
    }

    /// On this machine: what the binary reports must follow from what OpenBLAS picks in this
    /// (never restarted) test process and the CPU's flags. The test sets no variable; when the
    /// environment it inherited sets OPENBLAS_CORETYPE, the user's choice must be reported.
    @Test("grdp info reports the kernel grdp chose when OpenBLAS does not know the CPU, and OpenBLAS's otherwise")
    func binaryReportsTheChoice() throws {
        let outcome = try GRDPBinary.run(["info", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let headline = try #require(json["headline"] as? [String: Any])
        let core = try #require(headline["openblas_core"] as? String)
        let chooser = try #require(headline["openblas_core_chosen_by"] as? String)
        let ownCore = BLASConfiguration.coreName
        if ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != nil {
            #expect(chooser == "the user (OPENBLAS_CORETYPE)")
            #expect(core == ownCore)
        } else if BLASConfiguration.openBLASConfiguration.contains("DYNAMIC_ARCH"),
                  let suggested = BLASConfiguration.suggestedCoreType(core: ownCore, cpuFlags: BLASConfiguration.cpuFlags) {
            #expect(core.lowercased() == suggested.lowercased())
            #expect(chooser.hasPrefix("grdp (OPENBLAS_CORETYPE=\(suggested):"))
            #expect(!outcome.standardOutput.contains("\"Note\""))
        } else {
            #expect(chooser == "OpenBLAS")
            #expect(core == ownCore)
        }
    }
}
