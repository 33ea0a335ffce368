/// The embedded Hanoi datasets, one per base year: the base year's published structure
/// weights the plan year's growth (plan year = base year + 1).
///
/// - `hanoi-2024`: 2024 structure, 2025 plan (the default scenario's dataset).
/// - `hanoi-2025`: the published 2025 structure (agriculture, industry & construction,
///   services, product taxes) with the 2024 derivation's proportions inside each group,
///   2025 visitor spending for tourism, and the 2026 plan.
public enum HanoiBase: String, CaseIterable, Sendable {
    case base2024 = "hanoi-2024"
    case base2025 = "hanoi-2025"

    /// The scenario-file name of the dataset (`scenario.dataset`).
    public var id: String { rawValue }
    public var baseYear: Int { self == .base2024 ? 2024 : 2025 }
    /// The year whose growth the dataset's accounts and targets describe.
    public var planYear: Int { baseYear + 1 }

    /// The dataset a scenario or command names, nil when unknown.
    public init?(id: String) { self.init(rawValue: id) }

    /// The embedded files that differ by base year.
    public var tableFile: String { "hanoi_io_\(baseYear).csv" }
    public var accountsFile: String { "hanoi_accounts_\(planYear).csv" }
    public var targetsFile: String { "hanoi_targets_\(planYear).csv" }
    /// The 2025 base adds `population_growth_2025` to the 2024 base's assumptions, so it has
    /// its own file; the 2024 base keeps `assumptions.csv` (its sampled parameters unchanged).
    public var assumptionsFile: String { self == .base2024 ? DatasetAssumptions.fileName : "assumptions_2025.csv" }

    /// One line for reports: "embedded Hanoi dataset (2024 base, 2025 plan)".
    public var summary: String { "embedded Hanoi dataset (\(baseYear) base, \(planYear) plan)" }
}
