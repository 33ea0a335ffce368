/// The transformations of a table before it is analysed, always in this order (each step
/// optional): aggregate by a concordance, split one sector, regionalise with location
/// quotients, rebalance the intermediate flows to new totals.
///
/// 1. Aggregation: Z* = S·Z·Sᵀ with the 0/1 concordance matrix S (Miller & Blair 2009, §4.3);
///    `IOTable.aggregated(by:)`.
/// 2. Disaggregation: proportional split of one sector (Lindner et al. 2012);
///    `IOTable.disaggregating(sector:into:)`.
/// 3. Regionalisation: rᵢⱼ = min(LQᵢⱼ, 1)·aᵢⱼ by SLQ, CILQ, FLQ or AFLQ (Flegg & Tohmo 2013)
///    from regional sector sizes read from a `sector,size` file; `IOTable.regionalized`.
/// 4. Balancing: RAS, or GRAS with negative entries, to `sector,row_total,column_total`
///    targets, the table rebuilt on the new Z (Miller & Blair 2009, §7.4);
///    `IOTable.rebalanced`.
///
/// The side files of steps 3 and 4 are read against the sectors the earlier steps leave, so
/// a concordance may rename the sectors the sizes then refer to.
/// - Complexity: O(n²) per step, plus O(iterations · n²) for balancing.
public struct IOTablePipeline: Sendable {
    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Which steps run, and their inputs. `source` names a step's input in errors (e.g. the
    /// command-line flag that asked for it): errors reading a side file are placed at
    /// `source`, errors of the transformation at `source FILE`.
    public struct Configuration: Sendable {
        public var aggregation: Aggregation?
        public var disaggregation: Disaggregation?
        public var regionalisation: Regionalisation?
        public var balancing: Balancing?

        public init(aggregation: Aggregation? = nil, disaggregation: Disaggregation? = nil,
                    regionalisation: Regionalisation? = nil, balancing: Balancing? = nil) {
            self.aggregation = aggregation
            self.disaggregation = disaggregation
            self.regionalisation = regionalisation
            self.balancing = balancing
        }
    }

    /// Aggregation by the concordance CSV at `concordancePath` (`sector,group`).
    public struct Aggregation: Sendable {
        public let concordancePath: String
        public let source: String
        public init(concordancePath: String, source: String = "aggregation") {
            self.concordancePath = concordancePath
            self.source = source
        }
    }

    /// One sector split into weighted parts.
    public struct Disaggregation: Sendable {
        public let split: SectorSplit
        public let source: String
        public init(split: SectorSplit, source: String = "disaggregation") {
            self.split = split
            self.source = source
        }
    }

    /// Regionalisation with the regional sector sizes at `sizesPath` (`sector,size`), in
    /// `measure`, by `method`.
    public struct Regionalisation: Sendable {
        public let sizesPath: String
        public let measure: SectorSizeMeasure
        public let method: LocationQuotientMethod
        public let source: String
        public init(sizesPath: String, measure: SectorSizeMeasure, method: LocationQuotientMethod, source: String = "regionalisation") {
            self.sizesPath = sizesPath
            self.measure = measure
            self.method = method
            self.source = source
        }
    }

    /// Rebalancing to the targets at `targetsPath` (`sector,row_total,column_total`).
    public struct Balancing: Sendable {
        public let targetsPath: String
        public let source: String
        public init(targetsPath: String, source: String = "balancing") {
            self.targetsPath = targetsPath
            self.source = source
        }
    }

    /// A step that was applied, in order.
    public enum Step: Sendable, Equatable {
        case aggregated(concordancePath: String)
        case disaggregated(sector: String)
        case regionalised(LocationQuotientMethod)
        case rebalanced
    }

    /// The transformed table, the steps applied, and the balancing's iterations and residuals.
    public struct Result: Sendable {
        public let table: IOTable
        public let steps: [Step]
        public let balancing: BalancedMatrix?
    }

    /// Runs the configured steps on `table`.
    /// - Throws: `InputOutputError` located at the failing step's `source`.
    public func apply(to table: IOTable) throws -> Result {
        var table = table
        var steps: [Step] = []
        if let aggregation = configuration.aggregation {
            table = try Self.aggregate(table, aggregation)
            steps.append(.aggregated(concordancePath: aggregation.concordancePath))
        }
        if let disaggregation = configuration.disaggregation {
            let split = disaggregation.split
            table = try InputOutputError.at(disaggregation.source) {
                try table.disaggregating(sector: split.sector, into: split.parts.map { ($0.label, $0.weight) })
            }
            steps.append(.disaggregated(sector: split.sector))
        }
        if let regionalisation = configuration.regionalisation {
            table = try Self.regionalise(table, regionalisation)
            steps.append(.regionalised(regionalisation.method))
        }
        var balanced: BalancedMatrix?
        if let balancing = configuration.balancing {
            let (rebalanced, result) = try Self.rebalance(table, balancing)
            table = rebalanced
            balanced = result
            steps.append(.rebalanced)
        }
        return Result(table: table, steps: steps, balancing: balanced)
    }

    static func aggregate(_ table: IOTable, _ step: Aggregation) throws -> IOTable {
        let concordance = try InputOutputError.at(step.source) { try Concordance.load(path: step.concordancePath) }
        return try InputOutputError.at("\(step.source) \(step.concordancePath)") { try table.aggregated(by: concordance) }
    }

    static func regionalise(_ table: IOTable, _ step: Regionalisation) throws -> IOTable {
        let sizes = try InputOutputError.at(step.source) {
            try SectorValueFile.load(path: step.sizesPath, sectors: table.sectors, columns: 1)
        }
        return try InputOutputError.at("\(step.source) \(step.sizesPath)") {
            try table.regionalized(regionalSizes: sizes.map { $0[0] }, measure: step.measure, method: step.method)
        }
    }

    static func rebalance(_ table: IOTable, _ step: Balancing) throws -> (IOTable, BalancedMatrix) {
        let targets = try InputOutputError.at(step.source) {
            try SectorValueFile.load(path: step.targetsPath, sectors: table.sectors, columns: 2)
        }
        return try InputOutputError.at("\(step.source) \(step.targetsPath)") {
            try table.rebalanced(rowTargets: targets.map { $0[0] }, columnTargets: targets.map { $0[1] })
        }
    }
}
