import Sampling

/// What every worker of one run shares: the model, the run, the sampler and the tabulated
/// inverse CDFs (read-only; each worker copies the tables it writes to).
struct WorkerContext: Sendable {
    let model: SimulationModel
    let layout: OutputLayout
    let configuration: RunConfiguration
    let hypercube: LatinHypercube?
    let affine: AffineMap?
    let quantileTables: [TabulatedQuantile?]
}
