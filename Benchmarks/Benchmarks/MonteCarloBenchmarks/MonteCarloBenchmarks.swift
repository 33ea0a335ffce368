// Monte Carlo throughput: whole `MonteCarloEngine.run` calls (sampling, copula, inverse CDFs,
// model evaluation, streaming summaries) on the default Hanoi 2025 plan and on a synthetic
// 200-sector model with 10 demand levers, with 1 and 2 worker threads. `numpy_montecarlo.py`
// runs the same models and draws in NumPy; BENCHMARKS.md ("Monte Carlo throughput") records
// both and how to run them.
import Benchmark
import Datasets
import Foundation
import Scenarios
import Simulation
import SyntheticModels

/// Draws per run of each model.
let defaultPlanDraws = 100_000
let syntheticDraws = 100_000
let threadCounts = [1, 2]

/// Draws per second of wall clock, measured around each run (the harness's own wall clock
/// gives the time per run; this turns it into the rate the requirement is stated in).
let drawsPerSecond = BenchmarkMetric.custom("draws per second", polarity: .prefersLarger, useScalingFactor: false)

func configuration(maxIterations: Int) -> Benchmark.Configuration {
    .init(metrics: [.wallClock, drawsPerSecond], timeUnits: .milliseconds, warmupIterations: 1,
          maxDuration: .seconds(20), maxIterations: maxIterations)
}

/// The default run: the embedded Hanoi 2025 plan as `grdp run` compiles it (dataset
/// assumptions sampled, so every draw re-derives the Hanoi table and re-solves it).
func defaultPlanModel() throws -> SimulationModel {
    let scenario = try Scenario.parse(HanoiDataset.embedded().defaultScenario, path: "embedded hanoi-2025-plan.toml")
    let dataset = try ScenarioCompiler.dataset(for: scenario)
    return try ScenarioCompiler.compile(scenario, dataset: dataset)
}

/// Runs the engine once per iteration and records draws per second.
func timeRuns(_ benchmark: Benchmark, model: SimulationModel, draws: Int, threads: Int) {
    let configuration = RunConfiguration(draws: draws, seed: 2025, sampling: .latinHypercube, threads: threads)
    for _ in benchmark.scaledIterations {
        do {
            let start = ContinuousClock.now
            let result = try MonteCarloEngine.run(model: model, configuration: configuration)
            let elapsed = ContinuousClock.now - start
            blackHole(result.summary.meetsTarget)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            benchmark.measurement(drawsPerSecond, Int((Double(draws) / seconds).rounded()))
        } catch {
            benchmark.error("\(error)")
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    for threads in threadCounts {
        Benchmark("Default plan draws=\(defaultPlanDraws) threads=\(threads)", configuration: configuration(maxIterations: 15),
                  closure: { benchmark, model in
            timeRuns(benchmark, model: model, draws: defaultPlanDraws, threads: threads)
        }, setup: { try defaultPlanModel() })

        Benchmark("Synthetic 200 sectors 10 levers draws=\(syntheticDraws) threads=\(threads)", configuration: configuration(maxIterations: 7),
                  closure: { benchmark, model in
            timeRuns(benchmark, model: model, draws: syntheticDraws, threads: threads)
        }, setup: { try SyntheticModel.make(sectors: 200, levers: 10) })
    }
}
