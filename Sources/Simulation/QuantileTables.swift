import Foundation
import Sampling

/// The tabulated inverse CDFs (`TabulatedQuantile`) of the beta and PERT parameters, built
/// once per process for each distinct distribution: a run, the model variants of its report
/// (`ModelVariants`, three more runs over the same levers), the netting groups' summary and
/// `ModelEvaluation` (sensitivity, goal-seek, exploration) share them, instead of tabulating
/// every lever again in each. A table depends only on its distribution, so a shared
/// table is the same bits as a new one. The most recent `capacity` distributions are kept
/// (a goal seek or a batch can go through many).
/// - Complexity: O(capacity) comparisons per lookup; a new distribution costs its table.
final class QuantileTables: @unchecked Sendable {
    static let shared = QuantileTables()
    static let capacity = 64

    private let lock = NSLock()
    private var tables: [(distribution: Distribution, table: TabulatedQuantile?)] = []

    /// The table of `distribution` (nil when it cannot be tabulated: callers use the exact quantile).
    func table(for distribution: Distribution) -> TabulatedQuantile? {
        lock.lock()
        defer { lock.unlock() }
        if let kept = tables.first(where: { $0.distribution == distribution }) { return kept.table }
        let table = TabulatedQuantile(distribution)
        if tables.count == Self.capacity { tables.removeFirst() }
        tables.append((distribution, table))
        return table
    }

    /// The tables of `parameters`, in their order: the shared table of each beta and PERT
    /// parameter, nil for the other families (their exact inverse CDF is cheap).
    static func tables(for parameters: [ParameterSpecification]) -> [TabulatedQuantile?] {
        parameters.map { parameter in
            switch parameter.distribution.family {
            case .pert, .beta: shared.table(for: parameter.distribution)
            default: nil
            }
        }
    }
}
