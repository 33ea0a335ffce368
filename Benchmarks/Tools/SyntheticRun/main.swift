// One Monte Carlo run of the synthetic benchmark model with a chosen number of sectors, for
// the scaling tables of BENCHMARKS.md ("Scaling of run"): the engine as `grdp run` drives it
// (Latin hypercube, seed 2025, streaming summaries, nothing kept), timed from the model's
// construction to the summary. Time it with /usr/bin/time -v for the peak memory:
//
//   swift run -c release --scratch-path .build-mcbench synthetic-run SECTORS DRAWS [THREADS]
import Foundation
import LinearAlgebra
import Simulation
import SyntheticModels

// As `grdp` does: OpenBLAS's kernel for this CPU when the linked OpenBLAS does not know it.
BLASKernelSelection.restartIfNeeded()

let arguments = Array(CommandLine.arguments.dropFirst())
guard (2...3).contains(arguments.count), let sectors = Int(arguments[0]), sectors >= 8,
      let draws = Int(arguments[1]), draws >= 1, let threads = Int(arguments.count == 3 ? arguments[2] : "1"), threads >= 1 else {
    FileHandle.standardError.write(Data("usage: synthetic-run SECTORS (≥ 8) DRAWS (≥ 1) [THREADS, default 1]\n".utf8))
    exit(64)
}
do {
    let start = Date()
    let model = try SyntheticModel.make(sectors: sectors, levers: 10)
    let built = Date()
    let configuration = RunConfiguration(draws: draws, seed: 2025, sampling: .latinHypercube, threads: threads)
    let result = try MonteCarloEngine.run(model: model, configuration: configuration)
    let done = Date()
    print(String(format: "sectors %d draws %d threads %d parameters %d outputs %d model %.3f s run %.3f s",
                 sectors, draws, threads, model.parameters.count, result.layout.count,
                 built.timeIntervalSince(start), done.timeIntervalSince(built)))
    // FNV-1a over every output's mean, variance and 5th, 50th and 95th percentiles (bit
    // patterns) and the target's exceedance count: equal digests mean the same summary, so a
    // rewrite of the engine can be checked bit for bit on this model.
    var digest: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ word: UInt64) { for byte in 0..<8 { digest = (digest ^ ((word >> (8 * UInt64(byte))) & 0xFF)) &* 0x100_0000_01B3 } }
    for output in result.summary.outputs {
        mix(output.moments.mean.bitPattern)
        mix(output.moments.variance.bitPattern)
        for q in [0.05, 0.5, 0.95] { mix((output.quantile(q) ?? .nan).bitPattern) }
    }
    mix(UInt64(result.summary.meetsTarget.count))
    print(String(format: "summary digest %016llx", digest))
} catch {
    FileHandle.standardError.write(Data("synthetic-run: error: \(error)\n".utf8))
    exit(1)
}
