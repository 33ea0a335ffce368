import ArgumentParser
import Datasets
import Foundation
import Growth
import InputOutput
import Reporting

/// Loads accounts: a user's CSV or the embedded Hanoi 2025 accounts.
enum AccountsSource {
    static func load(path: String?, options: TableFileOptions? = nil, dataset: String? = nil) throws -> GRDPAccounts {
        if let path {
            try InputFile.check(path, role: "--accounts")
            return try GRDPAccounts.load(path: path, options: options?.fileOptions ?? .init())
        }
        return try HanoiDataset.embedded(id: dataset ?? HanoiBase.base2024.id).accounts()
    }

    /// `--sheet` only with `--accounts` (a bad command line otherwise).
    static func validate(path: String?, options: TableFileOptions) throws {
        if path == nil, options.sheet != nil { throw ValidationError("--sheet describes an --accounts workbook; give --accounts FILE or drop --sheet") }
    }

    static func check(year: Int?, _ accounts: GRDPAccounts, path: String?) throws {
        guard let year else { return }
        guard accounts.year == year else {
            throw CommandInputError("\(path ?? "embedded accounts"): the accounts are for \(accounts.year.map(String.init) ?? "an unspecified year"), not \(year); pass accounts for \(year) with --accounts")
        }
    }
}

/// `grdp contrib`: sector contributions (percentage points) to GRDP growth, the plan's
/// consistency with its headline target, the gap to target, and the demand side.
struct ContribCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contrib",
        abstract: "Sector contributions to GRDP growth in percentage points, gap to target, demand side.",
        discussion: """
            By default the Hanoi 2025 plan: each sector's target growth on the 2024 structure, and whether \
            the sector targets add up to the 8% headline. --actual uses the accounts' growth column (the \
            published 2025 actuals for Hanoi) and shows the gap to target. --accounts reads any region's \
            accounts (CSV: sector, group, base_value, target, growth, q1..q4; see docs/accounts-format.md).
            """)

    @Option(help: "GRDP accounts CSV or .xlsx (default: embedded Hanoi 2024 base / 2025 plan).") var accounts: String?
    @Option(help: "Embedded dataset: hanoi-2024 (2025 plan, the default) or hanoi-2025 (2026 plan).") var dataset: String?
    @OptionGroup var accountsFile: TableFileOptions
    @Option(help: "Year the accounts must be for (checked).") var year: Int?
    @Flag(help: "Use the accounts' growth column (actuals) instead of the targets.") var actual = false
    @Option(help: "Headline GRDP target in % (default: the accounts').") var target: Double?
    @Option(help: "Growth of final-demand categories in %, e.g. households=8,exports=7 (embedded table): their contributions.",
            transform: NamedValues.demandGrowth)
    var demandGrowth: NamedValues?
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try AccountsSource.validate(path: accounts, options: accountsFile)
        try TargetOption.check(target)
        if let dataset {
            guard accounts == nil else { throw ValidationError("--dataset names embedded accounts; give either --dataset or --accounts") }
            guard HanoiBase(id: dataset) != nil else {
                throw ValidationError("--dataset: unknown dataset '\(dataset)'; the embedded datasets are \(HanoiBase.allCases.map(\.id).joined(separator: ", "))")
            }
        }
    }

    func run() throws {
        var inputs = [accounts ?? "the embedded accounts"]
        if target != nil { inputs.append("--target") }
        if demandGrowth != nil { inputs.append("--demand-growth") }
        try outputOptions.emit(try makeReport(), inputs: inputs.joined(separator: " and "))
    }

    func makeReport() throws -> Report {
        let accounts = try AccountsSource.load(path: self.accounts, options: accountsFile, dataset: dataset)
        try AccountsSource.check(year: year, accounts, path: self.accounts)
        var tables: [ResultTable] = []
        var headline: [(key: String, value: Cell)] = [("Region", .text(accounts.region))]
        var figures: [KeyFigure] = [KeyFigure("region", .text(accounts.region))]
        if let baseYear = accounts.baseYear, let year = accounts.year { headline.append(("Base year → year", .text("\(baseYear) → \(year)"))) }
        figures.append(KeyFigure("base_year", accounts.baseYear.map(Double.init), unit: "year"))
        figures.append(KeyFigure("year", accounts.year.map(Double.init), unit: "year"))
        let headlineTarget = target ?? accounts.grdpTarget
        if actual {
            let table = try ContributionTable(accounts: accounts)
            tables.append(GrowthReports.contributions(table, title: "Contributions of the accounts' growth (actuals)"))
            headline.append(("GRDP growth", .number(table.grdpGrowthPercent, decimals: 2)))
            figures.append(KeyFigure("grdp_growth_pct", table.grdpGrowthPercent, unit: "%"))
            figures.append(KeyFigure("target_pct", headlineTarget, unit: "%"))
            if let headlineTarget {
                let gap = try GapToTarget(accounts: accounts, targetPercent: headlineTarget)
                tables.append(GrowthReports.gap(gap))
                headline.append(("Gap to target (pp)", .number(gap.gapPercentagePoints, decimals: 2)))
                figures.append(KeyFigure("gap_to_target_pp", gap.gapPercentagePoints, unit: "pp"))
            }
        } else if accounts.sectors.contains(where: { $0.target == nil }) {
            // A plan without a target for some lines (Hanoi 2026: product taxes): what they need.
            let need = try UntargetedLineRequirement(accounts: accounts, headlineTargetPercent: headlineTarget)
            tables.append(GrowthReports.untargetedRequirement(need, accounts: accounts))
            headline.append(("Targeted lines contribute (pp)", .number(need.targetedContributionPercentagePoints, decimals: 3)))
            headline.append(("Headline target", .number(need.headlineTargetPercent, decimals: 2)))
            headline.append(("\(need.untargetedLines.joined(separator: ", ")) need growth (%)", .number(need.requiredGrowthPercent, decimals: 2)))
            figures += [KeyFigure("targeted_contribution_pp", need.targetedContributionPercentagePoints, unit: "pp"),
                        KeyFigure("target_pct", need.headlineTargetPercent, unit: "%"),
                        KeyFigure("untargeted_required_growth_pct", need.requiredGrowthPercent, unit: "%")]
        } else {
            let plan = try PlanConsistency(accounts: accounts, headlineTargetPercent: headlineTarget)
            tables.append(GrowthReports.contributions(plan.contributions, title: "Contributions of the plan's sector targets"))
            headline.append(("Sector targets imply GRDP growth", .number(plan.impliedGRDPGrowthPercent, decimals: 3)))
            headline.append(("Headline target", .number(plan.headlineTargetPercent, decimals: 2)))
            headline.append(("Implied minus headline (pp)", .number(-plan.shortfallPercentagePoints, decimals: 3)))
            figures += [KeyFigure("implied_growth_pct", plan.impliedGRDPGrowthPercent, unit: "%"),
                        KeyFigure("target_pct", plan.headlineTargetPercent, unit: "%"),
                        KeyFigure("implied_minus_target_pp", -plan.shortfallPercentagePoints, unit: "pp")]
        }
        if self.accounts == nil {
            let dataset = try HanoiDataset.embedded(id: self.dataset ?? HanoiBase.base2024.id)
            let demand = try DemandContributions(model: LeontiefModel(table: dataset.table))
            tables.append(GrowthReports.demandSide(demand))
            if let demandGrowth {
                var growth = [Double](repeating: 0, count: demand.categoryCount)
                for (name, value) in demandGrowth.pairs {
                    guard let c = demand.categories.firstIndex(where: { $0.label == name }) else {
                        throw CommandInputError("--demand-growth: unknown category '\(name)'; categories are \(demand.categories.map(\.label).joined(separator: ", "))")
                    }
                    growth[c] = value
                }
                let contributions = try demand.growthContributions(categoryGrowthPercent: growth)
                var table = ResultTable(
                    id: "demand_growth", title: "Contribution of each demand category's growth to value-added growth (pp)",
                    columns: [.init("category", "Category"), .init("growth_pct", "Growth %"), .init("contribution_pp", "Contribution pp")])
                for (c, category) in contributions.categories.enumerated() {
                    table.append([.text(category), .number(contributions.categoryGrowthPercent[c], decimals: 2), .number(contributions.categoryContributionPercentagePoints[c], decimals: 3)])
                }
                table.append([.text("value added"), .number(contributions.valueAddedGrowthPercent, decimals: 3), .number(contributions.valueAddedGrowthPercent, decimals: 3)])
                tables.append(table)
            }
        }
        let inputs = [try InputFile.fingerprint(role: "accounts", path: self.accounts)].compactMap { $0 }
        return Report(title: "Growth accounting", headline: headline, tables: tables, figures: figures, meta: ReportMeta(command: "contrib", inputs: inputs))
    }
}

/// `grdp quarterly --actual Q1=7.41,Q2=8.13`: what the remaining quarters need.
struct QuarterlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarterly",
        abstract: "Annual growth from quarters, and the growth the remaining quarters need for the target.",
        discussion: """
            Annual growth = Σ weight_q × quarterly y/y growth, with base-year quarterly weights (embedded: fitted \
            to Hanoi's published 2024 and 2025 quarters; or --weights). With --accounts (or the embedded \
            accounts), also each sector's requirement from its own published quarters and target.
            """)

    @Option(help: "Published quarterly GRDP growth so far, e.g. Q1=7.41,Q2=8.13 (at most three quarters; four gives the annual figure).",
            transform: QuarterValues.actual)
    var actual: QuarterValues?
    @Option(help: "GRDP growth target in % (default: the accounts').") var target: Double?
    @Option(help: "Base-year quarterly weights Q1=..,Q2=..,Q3=..,Q4=.. (sum 1).", transform: QuarterValues.weights) var weights: QuarterValues?
    @Option(help: "GRDP accounts CSV or .xlsx for the sector table (default: embedded Hanoi accounts).") var accounts: String?
    @OptionGroup var accountsFile: TableFileOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try AccountsSource.validate(path: accounts, options: accountsFile)
        try TargetOption.check(target)
    }

    func run() throws {
        var inputs = [accounts ?? "the embedded accounts"]
        if !(actual?.values.isEmpty ?? true) { inputs.append("--actual") }
        if target != nil { inputs.append("--target") }
        if weights != nil { inputs.append("--weights") }
        try outputOptions.emit(try makeReport(), inputs: inputs.joined(separator: " and "))
    }

    func makeReport() throws -> Report {
        let actualQuarters = actual?.values ?? []
        let accounts = try AccountsSource.load(path: self.accounts, options: accountsFile)
        let quarterWeights: QuarterlyWeights
        if let weights {
            do {
                quarterWeights = try QuarterlyWeights(weights.values)
            } catch {
                throw CommandInputError("--weights: \(error)")
            }
        } else {
            quarterWeights = try QuarterlyWeights(try HanoiDataset.embedded().quarterlyWeights)
        }
        guard let target = target ?? accounts.grdpTarget else {
            throw CommandInputError("no target: pass --target or accounts with a grdp_target")
        }
        var headline: [(key: String, value: Cell)] = [("Target", .number(target, decimals: 2))]
        var figures = [KeyFigure("target_pct", target, unit: "%"), KeyFigure("quarters_known", .number(Double(actualQuarters.count), decimals: 0), unit: "quarters")]
        var required: Double?
        if actualQuarters.count == 4 {
            let annual = try quarterWeights.annualGrowth(quarterlyGrowthPercent: actualQuarters)
            headline.append(("Annual growth", .number(annual, decimals: 3)))
            figures.append(KeyFigure("annual_growth_pct", annual, unit: "%"))
        } else {
            required = try quarterWeights.requiredRemainingGrowth(targetPercent: target, actualQuarterGrowthPercent: actualQuarters)
            if !actualQuarters.isEmpty {
                let soFar = try quarterWeights.cumulativeGrowth(quarterlyGrowthPercent: actualQuarters)
                headline.append(("Growth so far", .number(soFar, decimals: 3)))
                figures.append(KeyFigure("growth_so_far_pct", soFar, unit: "%"))
            }
            headline.append(("Remaining quarters need", .value(required, 3)))
            figures.append(KeyFigure("remaining_quarters_need_pct", required, unit: "%"))
        }
        var tables = [GrowthReports.quarterly(weights: quarterWeights, actual: actualQuarters, target: target, required: required)]
        // With --actual, the sectors are seen at the same point of the year: only their first
        // quarters up to the ones given are taken as known.
        let sectorAccounts = try accounts.knownThrough(quarters: actualQuarters.count)
        tables.append(GrowthReports.sectorQuarters(try sectorAccounts.remainingQuarterRequirements(fallback: quarterWeights)))
        let inputs = [try InputFile.fingerprint(role: "accounts", path: self.accounts)].compactMap { $0 }
        return Report(title: "Quarterly arithmetic", headline: headline, tables: tables, figures: figures, meta: ReportMeta(command: "quarterly", inputs: inputs))
    }
}

/// `--target`, GRDP growth in %: −100 to 1,000, as `target` in a scenario.
enum TargetOption {
    static func check(_ target: Double?) throws {
        if let target, !AssignmentList.percentRange.contains(target) {
            throw ValidationError("--target must be a growth rate between -100 and 1000 (%), got \(target)")
        }
    }
}
