import Scenarios

extension ScenarioCompiler {
    /// The scenario's `[netting.ID]` groups with their members' places in θ (`LeverNetting`).
    /// The parser has checked the members (demand levers of the file, one group each).
    /// - Throws: `internalInconsistency` when a member's amount has no place in θ (a bug).
    /// - Complexity: O(groups · members).
    static func netting(_ scenario: Scenario, parameters: ParameterIndex) throws -> LeverNetting {
        var groups: [LeverNetting.Group] = []
        for group in scenario.netting {
            var members: [Int] = []
            for id in group.levers {
                let parameterID = Scenario.leverParameterID(id, "amount")
                guard let index = parameters.index(of: parameterID) else {
                    throw SimulationError.internalInconsistency("\(scenario.path): netting.\(group.id): the amount of lever '\(id)' has no place among the sampled parameters")
                }
                members.append(index)
            }
            let total = try parameters.value(NettingGroup.totalParameterID(group.id), group.total)
            groups.append(LeverNetting.Group(id: group.id, total: total, members: members, leverIDs: group.levers))
        }
        return LeverNetting(groups: groups)
    }
}
