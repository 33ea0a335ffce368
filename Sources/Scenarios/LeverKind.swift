/// The four kinds of lever, as the scenario file names them (`kind = "…"`,
/// docs/scenario-format.md, "`[levers.ID]`"). The one vocabulary of lever kinds: the
/// scenario's `LeverEffect` and the compiled model's `SimulationLever.Effect` each report
/// theirs through `kind`.
public enum LeverKind: String, Sendable, CaseIterable {
    /// A change in final demand, bought from the given sectors.
    case demand
    /// Percentage points added to a sector's real growth.
    case growth
    /// Regional purchase coefficients of a supplier raised for its buyers.
    case localSourcing = "local_sourcing"
    /// A sector's price change, read as a CPI effect.
    case costShock = "cost_shock"

    /// Every `kind` value the file may use, in this order.
    public static let keywords = allCases.map(\.rawValue)
}
