// The Leontief inverse and many-scenario impact solves at the sizes grdp meets:
// a provincial table (n = 50), national detail (200), an inter-regional table (1000) and
// a multi-regional one (3000). `numpy_leontief.py` times the same operations in NumPy;
// BENCHMARKS.md records both and how to run them.
import Benchmark
import InputOutput
import LinearAlgebra

/// Sector counts timed by every benchmark below.
let sectorCounts = [50, 200, 1000, 3000]
/// Final-demand scenarios solved at once by the impact benchmarks.
let demandScenarios = 1_000

/// Enough samples for a stable median without letting n = 3000 (seconds per call) take minutes.
func configuration(sectors n: Int) -> Benchmark.Configuration {
    let metrics: [BenchmarkMetric] = [.wallClock]
    switch n {
    case ..<500:
        return .init(metrics: metrics, timeUnits: .microseconds, warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 1_000)
    case ..<2_000:
        return .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 25)
    default:
        return .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 7)
    }
}

/// A model factored in setup, so that the impact benchmark times the solves alone.
struct FactoredModel: Sendable {
    let model: LeontiefModel
    let finalDemands: Matrix
}

let benchmarks: @Sendable () -> Void = {
    for n in sectorCounts {
        let config = configuration(sectors: n)
        let inputs: @Sendable () async throws -> LeontiefInputs = {
            try LeontiefInputs(sectors: n, demandScenarios: demandScenarios)
        }

        // L = (I − A)⁻¹ from I − A: factorisation included, as np.linalg.inv includes it.
        Benchmark("Inverse LU n=\(n)", configuration: config, closure: { benchmark, inputs in
            for _ in benchmark.scaledIterations {
                do {
                    let lu = try LUFactorization(of: inputs.leontiefMatrix)
                    blackHole(try lu.inverse())
                } catch {
                    benchmark.error("\(error)")
                }
            }
        }, setup: inputs)

        // The same inverse as the alternative numpy uses: dgetrs on the identity.
        Benchmark("Inverse LU solve(I) n=\(n)", configuration: config, closure: { benchmark, inputs in
            for _ in benchmark.scaledIterations {
                do {
                    let lu = try LUFactorization(of: inputs.leontiefMatrix)
                    blackHole(try lu.solve(Matrix.identity(n)))
                } catch {
                    benchmark.error("\(error)")
                }
            }
        }, setup: inputs)

        // What a caller of the model pays: A = Z·x̂⁻¹, checks, LU, productivity check, L.
        Benchmark("Inverse LeontiefModel n=\(n)", configuration: config, closure: { benchmark, inputs in
            for _ in benchmark.scaledIterations {
                do {
                    let model = try LeontiefModel(table: inputs.table)
                    blackHole(try model.leontiefInverse())
                } catch {
                    benchmark.error("\(error)")
                }
            }
        }, setup: inputs)

        // X = L·F for 1000 demand scenarios on a model factored once (dgetrs only).
        Benchmark("Impact solve k=\(demandScenarios) n=\(n)", configuration: config, closure: { (benchmark: Benchmark, state: FactoredModel) in
            for _ in benchmark.scaledIterations {
                do {
                    blackHole(try state.model.totalOutput(for: state.finalDemands))
                } catch {
                    benchmark.error("\(error)")
                }
            }
        }, setup: {
            let inputs = try await inputs()
            return FactoredModel(model: try LeontiefModel(table: inputs.table), finalDemands: inputs.finalDemands)
        })

        // Factor and solve together, the operation np.linalg.solve(I − A, F) performs.
        Benchmark("Factor+solve k=\(demandScenarios) n=\(n)", configuration: config, closure: { benchmark, inputs in
            for _ in benchmark.scaledIterations {
                do {
                    let lu = try LUFactorization(of: inputs.leontiefMatrix)
                    blackHole(try lu.solve(inputs.finalDemands))
                } catch {
                    benchmark.error("\(error)")
                }
            }
        }, setup: inputs)
    }
}
