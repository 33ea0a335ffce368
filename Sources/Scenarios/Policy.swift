/// A policy: values the planner chooses, kept apart from the uncertainties the Monte Carlo
/// samples (as EMA Workbench keeps levers apart from uncertainties). A scenario declares its
/// policies as `[[policy]]` tables, each a name and the keys it sets, written as `--set`
/// assignments:
///
/// ```toml
/// [[policy]]
/// name = "Faster disbursement"
/// set = ["levers.public_investment.amount.mode=45000", "levers.public_investment.amount.max=60000"]
/// ```
///
/// `grdp run` ignores the policies (it runs the scenario as written); `grdp experiment` runs
/// the scenario under each policy on the same draws. A policy's result is the run of the
/// scenario with the same assignments given as `--set`.
public struct Policy: Sendable {
    public let name: String
    public let description: String?
    /// The assignments, laid over the scenario in order.
    public let overrides: [ScenarioOverride]
    /// The line of the policy's `[[policy]]` header.
    public let line: Int
}
