import TOML

/// A demand lever's local-purchase share of one product, as the scenario overrides it:
/// `local_share = { industry = 0.4 }` or `{ industry = { dist = "triangular", … } }`. The
/// share of the lever's spending on `sector` (at basic prices, after product taxes) that is
/// bought from Hanoi's producers; the rest leaks (imports from abroad and from other
/// provinces). A value in [0, 1] everywhere the distribution reaches.
public struct LocalShareOverride: Sendable, Equatable {
    public let sector: String
    public let value: UncertainValue

    public init(sector: String, value: UncertainValue) {
        self.sector = sector
        self.value = value
    }
}

extension Scenario {
    /// The parameter id of lever `lever`'s local share of `sector`: `levers.ID.local_share.SECTOR`.
    public static func localShareParameterID(_ lever: String, _ sector: String) -> String {
        TOMLKeyLocator.path(["levers", lever, "local_share", sector])
    }
}

extension ScenarioParser {
    /// `local_share = { SECTOR = value, … }` of a demand lever: each value a number or an
    /// uncertain value whose reachable range (`Scenario.reachableRange`) lies in [0, 1]; each
    /// sector once (the sectors themselves are checked against the dataset in `validate`).
    /// - Throws: `ScenarioError` at `levers.ID.local_share.SECTOR` for a value outside [0, 1],
    ///   at `levers.ID.local_share` for an empty or non-table value.
    func localShares(_ value: TOMLValue, at path: String) throws(ScenarioError) -> [LocalShareOverride] {
        let shares = try table(value, at: path, expected: "an inline table of sector = local share, e.g. { industry = 0.3, construction = 0.9 }")
        var list: [LocalShareOverride] = []
        for sector in shares.keys {
            guard let shareValue = shares[sector] else { continue }
            let key = TOMLKeyLocator.path(path, sector)
            let uncertain = try uncertainValue(shareValue, at: key).value
            let range = Scenario.reachableRange(uncertain)
            guard range.lower >= 0, range.upper <= 1 else {
                throw error(key, "local share can reach \(range.lower < 0 ? "below 0" : "above 1"); a local-purchase share must lie in [0, 1] (give a number in [0, 1] or a bounded distribution within 0 and 1, such as triangular or beta)")
            }
            list.append(LocalShareOverride(sector: sector, value: uncertain))
        }
        guard !list.isEmpty else {
            throw error(path, "local_share is empty; give sector = share pairs, e.g. { industry = 0.3 }, or omit it for the dataset's defaults")
        }
        return list
    }
}
