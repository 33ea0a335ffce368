import Datasets
import InputOutput
import Scenarios

extension ScenarioCompiler {
    /// What each draw evaluates the levers on: the Hanoi kernel re-deriving the table from the
    /// sampled assumptions (embedded dataset, assumptions sampled), else the fixed coefficients
    /// of the table with the base-year shares. O(n³) once (the kernel's or the table's factorisation).
    static func economy(
        _ scenario: Scenario, dataset: Dataset, derivation: HanoiTableDerivation?, parameters: ParameterIndex, sampleAssumptions: Bool
    ) throws -> EconomySource {
        if sampleAssumptions, let hanoi = dataset.hanoi, let derivation {
            let sampled = SampledEconomy(try HanoiEconomyKernel(derivation: derivation), central: try hanoi.assumptions.centralParameters())
            return .sampled(sampled, assumptionParameters: parameters.assumptions)
        }
        return .fixed(try InputOutputError.at(scenario.tablePath ?? "embedded Hanoi 2024 table") { try EconomyCoefficients(table: dataset.table) },
                      shares: dataset.accounts.baseYearShares)
    }
}
