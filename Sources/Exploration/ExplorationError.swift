/// Errors of the planner's questions (sensitivity, goal-seek, discovery): a lever, output or
/// target the model does not have, or a goal the levers cannot reach. Each says how to fix it.
public enum ExplorationError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownLever(String, known: [String])
    case unknownOutput(String, known: [String])
    case unknownParameter(String, known: [String])
    case unreachable(String)
    case invalidRequest(String)

    public var description: String {
        switch self {
        case let .unknownLever(id, known):
            return "lever '\(id)' is not sampled in this scenario; use one of: \(known.joined(separator: ", "))"
        case let .unknownOutput(name, known):
            return "output '\(name)' is not computed by this scenario; use a --keep-draws column name such as \(known.prefix(8).joined(separator: ", "))…"
        case let .unknownParameter(id, known):
            return "parameter '\(id)' is not sampled in this scenario; use one of: \(known.joined(separator: ", "))"
        case let .unreachable(reason): return reason
        case let .invalidRequest(reason): return reason
        }
    }
}
