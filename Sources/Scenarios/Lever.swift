/// A policy lever of the scenario: one `[levers.ID]` table.
public struct Lever: Sendable {
    /// The table's key (`ID` of `[levers.ID]`): letters, digits, `_` and `-`.
    public let id: String
    /// The `name` key, or the id when no name is given.
    public let name: String
    /// What the lever does and how large it is.
    public let effect: LeverEffect
    /// The `source` (or `assumption`) text: where the magnitude comes from.
    public let reference: String
    /// True when `reference` came from `assumption`, false for `source`.
    public let referenceIsAssumption: Bool
    /// How the lever's effect is spread over Q1…Q4 (4 weights ≥ 0 summing to 1), or nil
    /// for the default (the base-year quarterly weights).
    public let quarters: [Double]?
    /// The line of the `[levers.ID]` header (or of the first `levers.ID.…` key).
    public let line: Int
    /// A demand lever's `local_share = { SECTOR = value, … }`: the share of its spending on
    /// each named product bought from Hanoi's producers, overriding the dataset's default
    /// (file order; empty: the dataset's defaults). See `LocalShareOverride`.
    public internal(set) var localShares: [LocalShareOverride] = []

    public init(
        id: String, name: String, effect: LeverEffect, reference: String, referenceIsAssumption: Bool,
        quarters: [Double]?, line: Int
    ) {
        self.id = id
        self.name = name
        self.effect = effect
        self.reference = reference
        self.referenceIsAssumption = referenceIsAssumption
        self.quarters = quarters
        self.line = line
    }

    /// The lever's kind (`kind = "…"` in the file).
    public var kind: LeverKind { effect.kind }

    /// The lever's numbers under their keys, in the fixed order of `uncertainParameters`:
    /// demand `amount`, `exports_growth_pp`; growth `shift`; local sourcing `increase`;
    /// cost shock `price_change`.
    public var valueFields: [(key: String, value: UncertainValue)] {
        switch effect {
        case let .demand(_, _, amount, exportsGrowthPP):
            var fields: [(key: String, value: UncertainValue)] = [("amount", amount)]
            if let exportsGrowthPP { fields.append(("exports_growth_pp", exportsGrowthPP)) }
            return fields
        case let .growth(_, shift): return [("shift", shift)]
        case let .localSourcing(_, _, increase): return [("increase", increase)]
        case let .costShock(_, priceChange): return [("price_change", priceChange)]
        }
    }
}

/// What a lever does and how large it is, one case per `LeverKind` (docs/scenario-format.md,
/// "`[levers.ID]`").
public enum LeverEffect: Sendable {
    /// `kind = "demand"`: a change in final demand of `amount` billion VND at base-year
    /// prices, bought from `sectors` in the given shares (file order, weights summing to 1),
    /// reported under `category`; optionally moving merchandise export growth by
    /// `exportsGrowthPP` percentage points.
    case demand(
        category: DemandCategory, sectors: [(sector: String, weight: Double)], amount: UncertainValue,
        exportsGrowthPP: UncertainValue?)
    /// `kind = "growth"`: `shift` percentage points added to `sector`'s real growth.
    case growth(sector: String, shift: UncertainValue)
    /// `kind = "local_sourcing"`: aᵢⱼ rises by `increase`·aᵢⱼ for supplier row i and the
    /// buyer columns j (nil: all sectors).
    case localSourcing(supplier: String, buyers: [String]?, increase: UncertainValue)
    /// `kind = "cost_shock"`: `sector`'s price changes by `priceChange` percent.
    case costShock(sector: String, priceChange: UncertainValue)

    /// The lever's kind.
    public var kind: LeverKind {
        switch self {
        case .demand: .demand
        case .growth: .growth
        case .localSourcing: .localSourcing
        case .costShock: .costShock
        }
    }
}

/// The demand-side column a demand lever is reported under.
public enum DemandCategory: String, Sendable, CaseIterable {
    case households
    case government
    case investment
    case exports
    /// Exports of tourism services (visitors' spending).
    case visitors
}

/// Whether the dataset's own assumptions are sampled over their ranges or held at their
/// central values (`scenario.dataset_assumptions`).
public enum DatasetAssumptionsMode: String, Sendable, CaseIterable {
    case sample
    case central
}

/// One `[baseline]` entry: an accounts line's growth without the levers.
public struct BaselineEntry: Sendable, Equatable {
    /// The accounts line (a sector id or `product_taxes`).
    public let accountsLine: String
    /// Real value-added growth in %.
    public let value: UncertainValue
    /// The `source` or `assumption` text given inside the entry's inline table, if any.
    public let reference: String?
    /// True when `reference` came from `assumption`.
    public let referenceIsAssumption: Bool
    /// The line where the entry is given.
    public let line: Int

    public init(accountsLine: String, value: UncertainValue, reference: String?, referenceIsAssumption: Bool, line: Int) {
        self.accountsLine = accountsLine
        self.value = value
        self.reference = reference
        self.referenceIsAssumption = referenceIsAssumption
        self.line = line
    }
}

/// The `[correlation]` table: a Gaussian copula over named parameters.
public struct CorrelationSpec: Sendable, Equatable {
    /// Parameter ids (`levers.ID.amount`, `baseline.SECTOR`, `assumptions.ID`, …), one per
    /// row and column of `matrix`.
    public let parameters: [String]
    /// The correlation matrix, by rows, as written.
    public let matrix: [[Double]]
    /// The line of the `matrix` key (or of `pairs`).
    public let line: Int
    /// The key the matrix was given by: `correlation.matrix`, or `correlation.pairs` when it
    /// was assembled pair by pair (errors about the matrix name it).
    public internal(set) var matrixKey = "correlation.matrix"
    /// The key that names each parameter (`correlation.parameters[i]`, or the first pair
    /// naming it, `correlation.pairs[j][0]`), for errors about the id.
    public internal(set) var parameterKeys: [String] = []

    public init(parameters: [String], matrix: [[Double]], line: Int) {
        self.parameters = parameters
        self.matrix = matrix
        self.line = line
    }
}
