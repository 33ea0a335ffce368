/// What can go wrong building or loading a dataset: each case names the file, line or
/// key, and says how to fix it.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(path: String, line: Int, reason: String)
    case missingFact(key: String, file: String)
    case missingAssumption(id: String, file: String)
    case invalidAssumption(id: String, value: Double, reason: String)
    case infeasible(step: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case embeddedMismatch(file: String)
    case unknownDataset(id: String, known: [String])

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read (\(reason)); run `grdp data build` from the repository root or pass --sources DIR"
        case let .malformed(path, line, reason):
            return "\(path):\(line): \(reason)"
        case let .missingFact(key, file):
            return "\(file): no published figure '\(key)'; the derivation needs it (restore the row from the shared data)"
        case let .missingAssumption(id, file):
            return "\(file): no assumption '\(id)'; add a row with central, low, high, unit, distribution, reason"
        case let .invalidAssumption(id, value, reason):
            return "assumption \(id) = \(value) is invalid: \(reason)"
        case let .infeasible(step, reason):
            return "the Hanoi derivation fails at \(step): \(reason); narrow the assumption ranges"
        case let .cannotWrite(path, reason):
            return "\(path): cannot write (\(reason))"
        case let .unknownDataset(id, known):
            return "unknown dataset \"\(id)\"; the embedded datasets are: \(known.map { "\"\($0)\"" }.joined(separator: ", "))"
        case let .embeddedMismatch(file):
            return "embedded file \(file) differs from what `grdp data build` derives from data/sources; rebuild and commit it"
        }
    }
}
