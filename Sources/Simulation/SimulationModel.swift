import InputOutput
import Sampling
import Scenarios

/// A value the model takes per draw: a constant, or uncertain parameter number `index`.
public enum ParameterValue: Sendable, Equatable {
    case constant(Double)
    case parameter(Int)

    @inlinable
    package func value(_ theta: UnsafeBufferPointer<Double>) -> Double {
        switch self {
        case let .constant(value): value
        case let .parameter(index): theta[index]
        }
    }
}

/// One uncertain input of the simulation: its id (the scenario key path, e.g.
/// `levers.tourism.amount`) and its distribution.
public struct ParameterSpecification: Sendable, Equatable {
    public let id: String
    public let distribution: Distribution
    public init(id: String, distribution: Distribution) {
        self.id = id
        self.distribution = distribution
    }
}

/// A policy lever, ready to evaluate.
public struct SimulationLever: Sendable, Equatable {
    public enum Effect: Sendable, Equatable {
        /// Final demand `amount` (the scenario's amount unit) spread over sectors by `direction`
        /// (weights summing to the factor from that unit to the table's: 1 for the same unit).
        case demand(direction: [Double], amount: ParameterValue, exportsGrowthPP: ParameterValue?)
        /// Percentage points added to a sector's growth.
        case growthShift(sector: Int, shift: ParameterValue)
        /// Relative increase of the supplier's regional purchase coefficients to the buyers.
        case localSourcing(supplier: Int, buyers: [Int], increase: ParameterValue)
        /// Percent price change of a sector, read as a CPI effect.
        case costShock(sector: Int, priceChange: ParameterValue)

        /// The lever's kind, in the scenario's vocabulary.
        public var kind: LeverKind {
            switch self {
            case .demand: .demand
            case .growthShift: .growth
            case .localSourcing: .localSourcing
            case .costShock: .costShock
            }
        }
    }

    public let id: String
    public let name: String
    /// Demand-side column it is reported under: a demand lever's category, `supply` for the others.
    public let category: ContributionCategory
    public let effect: Effect
    /// Share of the annual effect falling in each quarter (sums to 1), or nil for the base
    /// quarterly weights (an even effect on growth).
    public let quarters: [Double]?

    public init(id: String, name: String, category: ContributionCategory, effect: Effect, quarters: [Double]?) {
        self.id = id
        self.name = name
        self.category = category
        self.effect = effect
        self.quarters = quarters
    }
}

/// Where a draw's economy comes from.
public enum EconomySource: Sendable {
    /// A fixed table and accounts shares (a user's files, or the embedded dataset at its central values).
    case fixed(EconomyCoefficients, shares: [Double])
    /// The dataset's derivation re-run per draw (`SampledEconomy`: the embedded Hanoi kernel
    /// today); `assumptionParameters` maps each sampled assumption id to its parameter index.
    case sampled(SampledEconomy, assumptionParameters: [(id: String, index: Int)])
}

/// Everything a Monte Carlo run needs, compiled from a scenario and a dataset. Growth is
/// measured in % and contributions in percentage points of GRDP growth.
public struct SimulationModel: Sendable {
    /// Input-output sectors (n).
    public let sectors: [String]
    /// Accounts lines (sectors and product taxes, or a user's lines), with reporting groups.
    public let lines: [String]
    public let groups: [String]
    public let groupOfLine: [Int?]
    /// For each line, its IO sector index (nil for product taxes and lines outside the table).
    public let sectorOfLine: [Int?]
    /// Lines whose growth follows value added with the tax elasticity (group "taxes").
    public let taxLines: [Int]
    public let baseline: [ParameterValue]
    public let taxElasticity: ParameterValue
    public let levers: [SimulationLever]
    public let exportsBaseline: ParameterValue?
    public let cpiBaseline: ParameterValue?
    public let parameters: [ParameterSpecification]
    /// Correlated parameter indices and their copula.
    public let correlation: (indices: [Int], copula: GaussianCopula)?
    public let economy: EconomySource
    /// Base-year quarterly weights Q1…Q4 of GRDP (sum 1).
    public let quarterlyWeights: [Double]
    public let target: Double
    public let exportsTarget: Double?
    public let cpiCeiling: Double?
    /// GRDP growth of quarters already published (Q1 first).
    public let actualQuarters: [Double]
    /// The published GRDP growth of the simulated year, when known (a back-test).
    public let publishedOutcome: Double?
    /// The estimated baseline and the conditioning on published quarters (nil: every line's
    /// baseline as the scenario gives it, quarters replaced by the published ones).
    public let baselineDynamics: BaselineDynamics?
    /// The demand levers' local-purchase shares and final-use taxes (`FinalDemandLeakage`);
    /// nil: every lever's spending is local demand and product taxes follow value added with
    /// the tax elasticity (a user's table).
    public internal(set) var finalDemand: FinalDemandLeakage?
    /// The `[netting.ID]` groups, applied to every draw's parameters (`LeverNetting`).
    public internal(set) var netting = LeverNetting.none

    public init(
        sectors: [String], lines: [String], groups: [String], groupOfLine: [Int?], sectorOfLine: [Int?], taxLines: [Int],
        baseline: [ParameterValue], taxElasticity: ParameterValue, levers: [SimulationLever],
        exportsBaseline: ParameterValue?, cpiBaseline: ParameterValue?, parameters: [ParameterSpecification],
        correlation: (indices: [Int], copula: GaussianCopula)?, economy: EconomySource, quarterlyWeights: [Double],
        target: Double, exportsTarget: Double?, cpiCeiling: Double?, actualQuarters: [Double], publishedOutcome: Double? = nil,
        baselineDynamics: BaselineDynamics? = nil
    ) throws(SimulationError) {
        guard baseline.count == lines.count, sectorOfLine.count == lines.count, groupOfLine.count == lines.count else {
            throw .invalidModel("every accounts line needs a baseline growth")
        }
        guard quarterlyWeights.count == 4, abs(quarterlyWeights.reduce(0, +) - 1) < 1e-6, quarterlyWeights.allSatisfy({ $0 > 0 }) else {
            throw .invalidModel("quarterly weights must be 4 positive numbers summing to 1")
        }
        guard actualQuarters.count <= 3 else { throw .invalidModel("at most 3 quarters can be published before the year ends") }
        guard actualQuarters.isEmpty || baselineDynamics != nil else {
            throw .invalidModel("internal: published quarters are conditioned on through the baseline dynamics, which this model lacks")
        }
        self.sectors = sectors
        self.lines = lines
        self.groups = groups
        self.groupOfLine = groupOfLine
        self.sectorOfLine = sectorOfLine
        self.taxLines = taxLines
        self.baseline = baseline
        self.taxElasticity = taxElasticity
        self.levers = levers
        self.exportsBaseline = exportsBaseline
        self.cpiBaseline = cpiBaseline
        self.parameters = parameters
        self.correlation = correlation
        self.economy = economy
        self.quarterlyWeights = quarterlyWeights
        self.target = target
        self.exportsTarget = exportsTarget
        self.cpiCeiling = cpiCeiling
        self.actualQuarters = actualQuarters
        self.publishedOutcome = publishedOutcome
        self.baselineDynamics = baselineDynamics
    }

    /// Whether outputs are an affine function of the parameters (fixed economy, no
    /// coefficient-changing lever, constant tax elasticity): then a block of draws is one
    /// dgemm. Otherwise every draw re-solves its model.
    public var isAffine: Bool {
        if case .sampled = economy { return false }
        if case .parameter = taxElasticity { return false }
        if finalDemand?.isSampled == true { return false }
        return !levers.contains { if case .localSourcing = $0.effect { true } else { false } }
    }

    /// Demand-side columns reported, in order.
    public static let demandCategories = ContributionCategory.allCases
}
