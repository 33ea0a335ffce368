import Scenarios

public struct RunConfiguration: Sendable {
    public var draws: Int
    public var seed: UInt64
    public var sampling: SamplingMethod
    /// Worker threads (each with one BLAS thread). Results are identical for any value.
    public var threads: Int
    /// Draws per block; fixed so that results do not depend on `threads`.
    public static let blockSize = 4096
    /// Receives every draw (parameters and outputs) as CSV lines, in draw order.
    public var keptDraws: (any DrawsSink)?
    /// Called (from worker threads, serialised) with the number of draws done.
    public var progress: (@Sendable (Int) -> Void)?

    public init(draws: Int, seed: UInt64, sampling: SamplingMethod, threads: Int, keptDraws: (any DrawsSink)? = nil,
                progress: (@Sendable (Int) -> Void)? = nil) {
        self.draws = draws
        self.seed = seed
        self.sampling = sampling
        self.threads = threads
        self.keptDraws = keptDraws
        self.progress = progress
    }
}
