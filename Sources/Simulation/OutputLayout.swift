/// The per-draw outputs of a model, in a fixed order, with names for reports and for
/// `--keep-draws` columns.
public struct OutputLayout: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case grdpGrowth
        case lineContribution(Int)
        case lineGrowth(Int)
        case groupContribution(Int)
        case leverContribution(Int)
        case categoryContribution(Int)
        case baselineContribution
        case quarterGrowth(Int)
        case exportsGrowth
        case consumerPrices
        /// The national factor's contribution through the export column (demand from the rest
        /// of Vietnam and abroad), and through local demand moving with the national cycle.
        case nationalDemandContribution
        case nationalCycleContribution
    }

    public let kinds: [Kind]
    public let names: [String]
    public let grdp = 0
    public let lineContributions: Range<Int>
    public let lineGrowth: Range<Int>
    public let groupContributions: Range<Int>
    public let leverContributions: Range<Int>
    public let categoryContributions: Range<Int>
    public let baselineContribution: Int
    public let quarters: Range<Int>
    public let exports: Int?
    public let consumerPrices: Int?
    /// National factor outputs (estimated baselines with a national factor only).
    public let nationalDemand: Int?
    public let nationalCycle: Int?

    public var count: Int { kinds.count }

    public init(model: SimulationModel) {
        var kinds: [Kind] = [.grdpGrowth]
        var names = ["grdp_growth"]
        func block(_ count: Int, _ make: (Int) -> (Kind, String)) -> Range<Int> {
            let start = kinds.count
            for i in 0..<count {
                let (kind, name) = make(i)
                kinds.append(kind)
                names.append(name)
            }
            return start..<kinds.count
        }
        lineContributions = block(model.lines.count) { (.lineContribution($0), "contribution_pp.\(model.lines[$0])") }
        lineGrowth = block(model.lines.count) { (.lineGrowth($0), "growth_pct.\(model.lines[$0])") }
        groupContributions = block(model.groups.count) { (.groupContribution($0), "group_contribution_pp.\(model.groups[$0])") }
        leverContributions = block(model.levers.count) { (.leverContribution($0), "lever_contribution_pp.\(model.levers[$0].id)") }
        categoryContributions = block(SimulationModel.demandCategories.count) {
            (.categoryContribution($0), "demand_contribution_pp.\(SimulationModel.demandCategories[$0].rawValue)")
        }
        baselineContribution = kinds.count
        kinds.append(.baselineContribution)
        names.append("baseline_contribution_pp")
        quarters = block(4) { (.quarterGrowth($0), "grdp_growth_pct.Q\($0 + 1)") }
        if model.exportsBaseline != nil {
            exports = kinds.count
            kinds.append(.exportsGrowth)
            names.append("exports_growth_pct")
        } else {
            exports = nil
        }
        if model.cpiBaseline != nil {
            consumerPrices = kinds.count
            kinds.append(.consumerPrices)
            names.append("cpi_pct")
        } else {
            consumerPrices = nil
        }
        if model.baselineDynamics?.model.hasNationalFactor == true {
            nationalDemand = kinds.count
            kinds.append(.nationalDemandContribution)
            names.append("national_demand_contribution_pp")
            nationalCycle = kinds.count
            kinds.append(.nationalCycleContribution)
            names.append("national_cycle_local_contribution_pp")
        } else {
            nationalDemand = nil
            nationalCycle = nil
        }
        self.kinds = kinds
        self.names = names
    }
}
