/// Errors of the simulation layer: a model that cannot be built or evaluated, with the
/// lever, sector or parameter concerned and how to fix it.
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidModel(String)
    case evaluationFailed(draw: Int, reason: String)
    case cannotWriteDraws(path: String, reason: String)
    /// A `--shard K/N` that is not 1 ≤ K ≤ N.
    case invalidShard(String)
    /// Shard states that are not every shard of one run (the message names the file).
    case cannotMerge(String)
    /// A checkpoint of another run (the message names the file).
    case cannotResume(String)
    /// Two parts of the program disagree (a bug, not bad input): the command line reports it
    /// as an internal error (exit 70).
    case internalInconsistency(String)

    public var description: String {
        switch self {
        case let .invalidModel(reason): return "the scenario cannot be simulated: \(reason)"
        case let .evaluationFailed(draw, reason):
            return "draw \(draw) cannot be evaluated: \(reason); narrow the ranges of the levers involved"
        case let .internalInconsistency(reason): return "internal inconsistency: \(reason)"
        case let .cannotWriteDraws(path, reason): return "\(path): cannot write the draws (\(reason)); check that the directory exists and is writable and the disk is not full"
        case let .invalidShard(reason), let .cannotMerge(reason), let .cannotResume(reason): return reason
        }
    }
}
