import LinearAlgebra
import Testing

@Suite("BLAS configuration")
struct BLASConfigurationTests {
    /// The kernel advice: only OpenBLAS's generic fallback (Prescott) on a CPU with AVX-512
    /// (all four of avx512f/dq/bw/vl, what OpenBLAS's SkylakeX kernel uses) or AVX2 with FMA
    /// (Haswell) gets a suggestion; a kernel OpenBLAS chose for the CPU gets none.
    @Test("A kernel is suggested only for the Prescott fallback on a CPU with AVX2 or AVX-512")
    func suggestedCoreType() {
        let avx512: Set<String> = ["sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl"]
        #expect(BLASConfiguration.suggestedCoreType(core: "Prescott", cpuFlags: avx512) == "SkylakeX")
        #expect(BLASConfiguration.suggestedCoreType(core: "Prescott", cpuFlags: ["sse2", "avx", "avx2", "fma", "avx512f"]) == "Haswell")
        #expect(BLASConfiguration.suggestedCoreType(core: "Prescott", cpuFlags: ["sse2", "sse3", "avx"]) == nil)
        #expect(BLASConfiguration.suggestedCoreType(core: "SkylakeX", cpuFlags: avx512) == nil)
        #expect(BLASConfiguration.suggestedCoreType(core: "Haswell", cpuFlags: avx512) == nil)
    }
}
