import Sampling
import Scenarios

extension ScenarioCompiler {
    /// The uncertain parameters in the scenario's documented order (`Scenario.uncertainParameters`),
    /// then the dataset's assumptions (`assumptions.ID`, triangular over their stated ranges, when
    /// they are sampled), and where each one sits in the draw. O(parameters).
    struct ParameterIndex {
        private(set) var specifications: [ParameterSpecification] = []
        private var indexOfID: [String: Int] = [:]
        /// The dataset assumptions sampled in this run: their id (without the prefix) and index.
        private(set) var assumptions: [(id: String, index: Int)] = []

        init(_ scenario: Scenario, dataset: Dataset, sampleAssumptions: Bool) throws {
            for p in scenario.uncertainParameters {
                guard case let .distribution(distribution) = p.value else { continue }
                add(ParameterSpecification(id: p.id, distribution: distribution))
            }
            try addConstantNettedAmounts(scenario)
            guard sampleAssumptions, let hanoi = dataset.hanoi else { return }
            for a in hanoi.assumptions.assumptions where a.high > a.low {
                assumptions.append((a.id, specifications.count))
                add(ParameterSpecification(id: Scenario.assumptionPrefix + a.id,
                                           distribution: try .triangular(lower: a.low, mode: a.central, upper: a.high)))
            }
            // The levers' local shares and final-use tax weights: sampled like the others, read by
            // the draw evaluator (`FinalDemandLeakage`), not by the dataset's derivation.
            for a in hanoi.finalDemand?.assumptions.assumptions ?? [] where a.high > a.low {
                add(ParameterSpecification(id: Scenario.assumptionPrefix + a.id,
                                           distribution: try .triangular(lower: a.low, mode: a.central, upper: a.high)))
            }
        }

        /// A netted lever's amount is rewritten per draw, so it needs a place in θ even when the
        /// file (or `--set`) makes it a constant: a constant-distribution parameter, after the
        /// scenario's own (files without netting keep their dimensions).
        private mutating func addConstantNettedAmounts(_ scenario: Scenario) throws {
            for group in scenario.netting {
                for id in group.levers {
                    guard let lever = scenario.levers.first(where: { $0.id == id }),
                          case let .demand(_, _, amount, _) = lever.effect, amount.isConstant else { continue }
                    add(ParameterSpecification(id: Scenario.leverParameterID(id, "amount"), distribution: try Distribution(.constant(amount.mean))))
                }
            }
        }

        private mutating func add(_ specification: ParameterSpecification) {
            indexOfID[specification.id] = specifications.count
            specifications.append(specification)
        }

        /// The draw's index of the sampled parameter `id`, nil when it is not sampled.
        func index(of id: String) -> Int? { indexOfID[id] }

        /// A sampled value is found by the id `Scenario.parameters` gave it; a constant (or a
        /// distribution of the constant family) is held at its value.
        /// - Throws: `internalInconsistency` when a non-constant value has no sampled parameter
        ///   (the parser and this index disagree: a bug, not bad input).
        func value(_ id: String, _ uncertain: UncertainValue) throws -> ParameterValue {
            if let index = indexOfID[id] { return .parameter(index) }
            if uncertain.isConstant { return .constant(uncertain.mean) }
            guard let index = indexOfID[id] else {
                throw SimulationError.internalInconsistency("the uncertain value '\(id)' is not among the sampled parameters")
            }
            return .parameter(index)
        }
    }
}
