import Simulation

/// A finished run's outputs as the run report reads them: each output's summary by its
/// layout index, its quantiles, and the cells of a band (mean, P5, P50, P95) or a range
/// (mean, P5, P95), in percentage points at 3 decimals.
struct RunOutputs {
    let result: RunResult
    var model: SimulationModel { result.model }
    var layout: OutputLayout { result.layout }
    var summary: RunSummary { result.summary }

    init(_ result: RunResult) { self.result = result }

    func output(_ index: Int) -> OutputSummary { summary.outputs[index] }
    func q(_ index: Int, _ p: Double) -> Double? { output(index).quantile(p) }

    /// Mean, P5, P50 and P95 of output `index` (pp, 3 decimals).
    func band(_ index: Int) -> [Cell] {
        [.number(output(index).moments.mean, decimals: 3), .value(q(index, 0.05), 3), .value(q(index, 0.5), 3), .value(q(index, 0.95), 3)]
    }

    /// Mean, P5 and P95 of output `index` (pp, 3 decimals).
    func range(_ index: Int) -> [Cell] {
        [.number(output(index).moments.mean, decimals: 3), .value(q(index, 0.05), 3), .value(q(index, 0.95), 3)]
    }
}
