import TOML

/// `[netting.ID]` tables (docs/scenario-format.md, "`[netting.ID]`"): checked against the file's
/// levers at parse time, so every problem names the key that causes it.
extension ScenarioParser {
    static let nettingKeys = ["total", "levers", "source", "assumption"]

    /// The netting groups of `value` (the root's `netting` table), in file order.
    /// - Throws: `ScenarioError` for an empty group, a member that is not a lever of the file,
    ///   a lever that is not a demand lever, a lever listed twice or in two groups, a missing
    ///   or ill-formed `total`.
    func nettingGroups(_ value: TOMLValue, levers: [Lever]) throws(ScenarioError) -> [NettingGroup] {
        let groups = try table(value, at: "netting", expected: "tables [netting.ID] with total = … and levers = [\"ID\", …]")
        var result: [NettingGroup] = []
        var groupOfLever: [String: String] = [:]
        for id in groups.keys {
            guard let groupValue = groups[id] else { continue }
            let path = TOMLKeyLocator.path("netting", id)
            let group = try table(groupValue, at: path, expected: "a table [\(path)] with total = … and levers = [\"ID\", …]")
            try checkKeys(group, at: path, allowed: Self.nettingKeys, context: "in a [netting.ID] table")
            guard let leversValue = group["levers"] else {
                throw error("\(path).levers", "missing required key; add levers = [\"ID\", …] (the demand levers that are parts of this total)")
            }
            let members = try strings(leversValue, at: "\(path).levers")
            guard !members.isEmpty else {
                throw error("\(path).levers", "the group is empty; list the demand levers that are parts of this total, or remove [\(path)]")
            }
            let demandLevers = levers.filter { $0.kind == .demand }.map(\.id)
            for (index, member) in members.enumerated() {
                let key = "\(path).levers[\(index)]"
                guard let lever = levers.first(where: { $0.id == member }) else {
                    throw error(key, "unknown lever \"\(member)\"; name a [levers.ID] of this scenario (its demand levers: \(demandLevers.joined(separator: ", ")))")
                }
                guard lever.kind == .demand else {
                    throw error(key, "lever \"\(member)\" is a \(lever.kind.rawValue) lever; only demand levers (an amount of final demand) can be netted against a total — remove it from the list")
                }
                if members[..<index].contains(member) {
                    throw error(key, "lever \"\(member)\" is listed twice; list each member once")
                }
                if let other = groupOfLever[member] {
                    throw error(key, "lever \"\(member)\" is already a member of [netting.\(other)]; a lever can be netted against one total only — remove it from one of the two groups")
                }
                groupOfLever[member] = id
            }
            guard let totalValue = group["total"] else {
                throw error("\(path).total", "missing required key; add total = … (the plan total the levers add up to, in the levers' amount unit: a number or a distribution with its source)")
            }
            let (total, totalReference) = try uncertainValue(totalValue, at: "\(path).total")
            let tableReference = try reference(in: group, at: path)
            guard let reference = totalReference ?? tableReference else {
                throw error("\(path).total", "the total has no source; add source = \"…\" or assumption = \"…\" inside total = { … } or to [\(path)]")
            }
            result.append(NettingGroup(id: id, total: total, reference: reference.text, levers: members, line: line(path)))
        }
        return result
    }
}
