import InputOutput
import Scenarios

extension ScenarioCompiler {
    /// The scenario's levers with sector indices and their values' place in the draw. A demand
    /// lever's amount is stated in `amount_unit`; its direction carries the factor to the
    /// table's unit (`amountConversion`). O(levers · sectors).
    /// - Throws: `invalidModel` for an amount unit that is not money or cannot be converted;
    ///   `internalInconsistency` for a sector the validation should have refused.
    static func levers(_ scenario: Scenario, dataset: Dataset, parameters: ParameterIndex) throws -> [SimulationLever] {
        let table = dataset.table
        let amountToTable = try amountConversion(scenario, dataset: dataset)
        var levers: [SimulationLever] = []
        for lever in scenario.levers {
            func sector(_ name: String) throws -> Int {
                guard let index = table.sectors.firstIndex(of: name) else {
                    throw SimulationError.internalInconsistency("\(scenario.path): lever '\(lever.id)' names sector '\(name)', which the table does not hold, after validation")
                }
                return index
            }
            func leverValue(_ field: String, _ uncertain: UncertainValue) throws -> ParameterValue {
                try parameters.value(Scenario.leverParameterID(lever.id, field), uncertain)
            }
            let effect: SimulationLever.Effect
            var category = ContributionCategory.supply
            switch lever.effect {
            case let .demand(demandCategory, weights, amount, exportsPP):
                var direction = [Double](repeating: 0, count: table.sectorCount)
                for (name, weight) in weights { direction[try sector(name)] += weight * amountToTable }
                effect = .demand(direction: direction, amount: try leverValue("amount", amount),
                                 exportsGrowthPP: try exportsPP.map { try leverValue("exports_growth_pp", $0) })
                category = ContributionCategory(demandCategory)
            case let .growth(name, shift):
                effect = .growthShift(sector: try sector(name), shift: try leverValue("shift", shift))
            case let .localSourcing(supplier, buyers, increase):
                effect = .localSourcing(supplier: try sector(supplier), buyers: try (buyers ?? table.sectors).map(sector),
                                        increase: try leverValue("increase", increase))
            case let .costShock(name, change):
                effect = .costShock(sector: try sector(name), priceChange: try leverValue("price_change", change))
            }
            levers.append(SimulationLever(id: lever.id, name: lever.name, category: category, effect: effect, quarters: lever.quarters))
        }
        return levers
    }

    /// The factor that turns a demand lever's amount (in the scenario's `amount_unit`,
    /// billion VND by default) into the table's unit: a power of ten between units of
    /// the same currency (`MonetaryUnit`), 1 when the table states no unit (amounts are
    /// then taken in the table's units, which `dataset` notes).
    /// - Throws: `invalidModel` when the amount unit is not a money unit, or the two
    ///   units cannot be converted; the message names both.
    static func amountConversion(_ scenario: Scenario, dataset: Dataset) throws -> Double {
        let hasDemandLever = scenario.levers.contains { $0.kind == .demand }
        guard MonetaryUnit(scenario.amountUnit) != nil else {
            throw SimulationError.invalidModel("\(scenario.path): scenario.amount_unit '\(scenario.amountUnit)' is not a money unit; write e.g. \"billion VND\" or \"million VND\"")
        }
        guard hasDemandLever, let tableUnit = dataset.tableUnit else { return 1 }
        do {
            return try MonetaryUnit.conversion(from: scenario.amountUnit, "\(scenario.path): lever amounts (scenario.amount_unit)",
                                               to: tableUnit, "the table \(scenario.tablePath ?? "embedded Hanoi 2024")")
        } catch {
            throw SimulationError.invalidModel(error.description)
        }
    }
}
