import Growth

extension GrowthReports {
    /// The plan's lines with their targets, and the growth the untargeted lines need for the
    /// headline (`UntargetedLineRequirement`): contribution = base-year share × growth.
    public static func untargetedRequirement(_ need: UntargetedLineRequirement, accounts: GRDPAccounts) -> ResultTable {
        var result = ResultTable(
            id: "plan_requirement",
            title: "The plan's sector targets and what the lines without a target need for the \(NumberText.fixed(need.headlineTargetPercent, 2))% headline",
            columns: [.init("line", "Sector"), .init("group", "Group"), .init("base_share_pct", "Base share %"),
                      .init("growth_pct", "Growth %"), .init("source", "Growth is"), .init("contribution_pp", "Contribution pp")])
        for (i, sector) in accounts.sectors.enumerated() {
            let share = accounts.baseYearShares[i]
            let growth = sector.target ?? need.requiredGrowthPercent
            result.append([.text(sector.name), .text(sector.group ?? ""), .number(share * 100, decimals: 2), .number(growth, decimals: 2),
                           .text(sector.target == nil ? "needed" : "target"), .number(share * growth, decimals: 3)])
        }
        result.append([.text("GRDP"), .text(""), .number(100, decimals: 2), .number(need.headlineTargetPercent, decimals: 2), .text("target"),
                       .number(need.headlineTargetPercent, decimals: 3)])
        result.notes.append("the targeted lines contribute \(NumberText.fixed(need.targetedContributionPercentagePoints, 3)) pp; \(need.untargetedLines.joined(separator: ", ")) (\(NumberText.fixed(need.untargetedShare * 100, 2))% of GRDP) must grow \(NumberText.fixed(need.requiredGrowthPercent, 2))% for the headline")
        return result
    }
}
