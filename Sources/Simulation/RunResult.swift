import Scenarios

public struct RunResult: Sendable {
    public let model: SimulationModel
    public let layout: OutputLayout
    public let summary: RunSummary
    public let draws: Int
    public let seed: UInt64
    public let sampling: SamplingMethod
    /// Whether blocks were evaluated with one dgemm (affine model) or draw by draw.
    public let usedBlockProducts: Bool
}
