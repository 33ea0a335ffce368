import Datasets
import Scenarios

extension ScenarioCompiler {
    /// The demand levers' local-purchase shares and final-use taxes (`FinalDemandLeakage`) on
    /// the embedded Hanoi dataset: each share is the lever's `local_share` for the product if
    /// the scenario gives one, else the dataset's default (`FinalDemandAssumptions`: sampled
    /// as `assumptions.ID` when the dataset's assumptions are, else its central value), else 1.
    /// The rates' calibration base (`FinalUseTaxBase`) is the central table with the accounts'
    /// product-tax share. nil for a user's table (no such assumptions). O(levers · sectors).
    /// - Throws: `DatasetError` when the table cannot be calibrated; `internalInconsistency`
    ///   for an override the parser should have refused.
    static func finalDemandLeakage(
        _ scenario: Scenario, dataset: Dataset, taxLines: [Int], parameters: ParameterIndex
    ) throws -> FinalDemandLeakage? {
        guard let hanoi = dataset.hanoi, let assumptions = hanoi.finalDemand else { return nil }
        let table = dataset.table
        let shares = dataset.accounts.baseYearShares
        let productTaxShare = taxLines.reduce(0.0) { $0 + shares[$1] }
        let characteristic = try hanoi.assumptions.assumption(DerivationParameters.Key.tourismCharacteristicShare).central
        let base = try FinalUseTaxBase(
            table: table, productTaxShare: productTaxShare, tourismCharacteristicShare: characteristic, assumptions: assumptions)
        func assumptionValue(_ id: String) throws -> ParameterValue {
            let a = try assumptions.assumptions.assumption(id)
            if let index = parameters.index(of: Scenario.assumptionPrefix + id) { return .parameter(index) }
            return .constant(a.central)
        }
        var localShares: [[ParameterValue]] = [], uses: [Int] = []
        for lever in scenario.levers {
            guard case let .demand(category, _, _, _) = lever.effect,
                  let use = FinalDemandAssumptions.uses.firstIndex(of: category.rawValue) else {
                localShares.append([])
                uses.append(-1)
                continue
            }
            var row: [ParameterValue] = []
            for sector in table.sectors {
                if let override = lever.localShares.first(where: { $0.sector == sector }) {
                    row.append(try parameters.value(Scenario.localShareParameterID(lever.id, sector), override.value))
                } else if let id = FinalDemandAssumptions.localShareID(use: category.rawValue, sector: sector) {
                    row.append(try assumptionValue(id))
                } else {
                    row.append(.constant(1))
                }
            }
            localShares.append(row)
            uses.append(use)
        }
        let weights = try FinalDemandAssumptions.uses.map { use throws -> ParameterValue in
            guard let id = FinalDemandAssumptions.taxWeightID(use: use) else { return .constant(1) }
            return try assumptionValue(id)
        }
        return FinalDemandLeakage(
            localShares: localShares, useOfLever: uses, taxWeights: weights, purchases: base.purchases,
            finalUseTaxes: base.finalUseTaxes, intermediateTaxPerValueAdded: base.intermediateTaxPerValueAdded)
    }
}
