import Foundation

/// `grdp data build`: regenerates every embedded file of the Hanoi dataset from the
/// sources in data/sources (published figures, the GSO 2019 table, stated assumptions),
/// deterministically, so anyone can check that the embedded numbers are what the code
/// derives. Numbers are written with fixed decimals so the text is stable.
public enum HanoiDatasetBuilder {
    /// Source files read from the sources directory.
    public static let sourceFiles = ["grdp_facts.csv", "extra_facts.csv", "grdp_history.csv", NationalTable2019.fileName, DatasetAssumptions.fileName, HanoiBase.base2025.assumptionsFile, File.finalDemandAssumptions]

    public enum File {
        public static let table = "hanoi_io_2024.csv"
        public static let accounts = "hanoi_accounts_2025.csv"
        public static let quarterlyWeights = "hanoi_quarterly_weights.csv"
        public static let targets = "hanoi_targets_2025.csv"
        public static let assumptions = DatasetAssumptions.fileName
        public static let provenance = "provenance.csv"
        /// Source files embedded verbatim, so that the Monte Carlo can re-derive the table
        /// for sampled assumptions from a binary copied alone.
        public static let facts = "grdp_facts.csv"
        public static let extraFacts = "extra_facts.csv"
        /// Hanoi's and Vietnam's growth, targets and investment 2010–2026, every release with
        /// its date (the forecast's estimation and back-test read it).
        public static let history = "grdp_history.csv"
        public static let nationalTable = NationalTable2019.fileName
        /// The default scenario (`grdp run` with no file).
        public static let defaultScenario = "hanoi-2025-plan.toml"
        /// Local-purchase shares and final-use tax weights of the levers' spending
        /// (`FinalDemandAssumptions`), shared by both base years; embedded as stated.
        public static let finalDemandAssumptions = FinalDemandAssumptions.fileName
        public static let all = [table, accounts, quarterlyWeights, targets, assumptions, provenance, facts, extraFacts, history, nationalTable, defaultScenario]
            + [HanoiBase.base2025.tableFile, HanoiBase.base2025.accountsFile, HanoiBase.base2025.targetsFile, HanoiBase.base2025.assumptionsFile]
            + [finalDemandAssumptions]
    }

    /// Reads the sources from a directory.
    public static func readSources(directory: String) throws(DatasetError) -> [String: String] {
        var texts: [String: String] = [:]
        for name in sourceFiles {
            let path = (directory as NSString).appendingPathComponent(name)
            do { texts[name] = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
            }
        }
        return texts
    }

    /// Builds all embedded files (name → text) from the source texts and the default
    /// scenario's text: the 2024 base's files, the shared ones, then the 2025 base's.
    public static func build(sources: [String: String], defaultScenario: String) throws(DatasetError) -> [(name: String, text: String)] {
        func source(_ name: String) throws(DatasetError) -> String {
            guard let text = sources[name] else { throw .unreadable(path: name, reason: "not among the sources") }
            return text
        }
        let facts = try PublishedFacts(files: [("grdp_facts.csv", try source("grdp_facts.csv")), ("extra_facts.csv", try source("extra_facts.csv"))])
        // The 2026 plan is published only in the history file.
        let planFacts = try PublishedFacts(files: [
            ("grdp_facts.csv", try source("grdp_facts.csv")), ("extra_facts.csv", try source("extra_facts.csv")),
            ("grdp_history.csv", try source("grdp_history.csv")),
        ])
        let assumptionsText = try source(DatasetAssumptions.fileName)
        let assumptions = try DatasetAssumptions(csv: assumptionsText)
        var provenance = ProvenanceBuilder(facts: facts, assumptions: assumptions)
        let base2024 = try baseFiles(.base2024, facts: facts, planFacts: planFacts, sources: sources, provenance: &provenance)
        let base2025 = try baseFiles(.base2025, facts: facts, planFacts: planFacts, sources: sources, provenance: &provenance)

        // The levers' local-purchase shares and final-use tax weights (shared), as stated.
        let finalDemandText = try source(File.finalDemandAssumptions)
        for assumption in try DatasetAssumptions(csv: finalDemandText, path: File.finalDemandAssumptions).assumptions {
            for column in ["central", "low", "high"] {
                provenance.assumption(File.finalDemandAssumptions, row: assumption.id, column: column, assumption)
            }
        }

        // Quarterly weights (shared: fitted on 2024 and 2025).
        let quarterlyText = try quarterlyWeights(facts: facts, provenance: &provenance)

        // The sources themselves, verbatim.
        provenance.verbatim(File.facts, detail: "published figures; each row carries its own original_source, cited_via_url and article_date")
        provenance.verbatim(File.extraFacts, detail: "published figures transcribed from grdp_facts_notes.md; each row carries its own original_source, cited_via_url and article_date")
        provenance.verbatim(File.history, detail: "published Hanoi and Vietnam growth, targets and investment 2010–2026 (first releases, estimates and revisions tagged in original_source); each row carries its own original_source, cited_via_url and article_date; the quotes are in grdp_history_notes.md")
        provenance.verbatim(File.nationalTable, detail: "General Statistics Office of Viet Nam, input-output table 2019 (million VND), reduced to 6 sectors by schultkr/DGE-METRIC-VietNam (commit 65c17d0); see data/sources/README.md")
        return [
            (File.table, base2024.table), (File.accounts, base2024.accounts), (File.quarterlyWeights, quarterlyText),
            (File.targets, base2024.targets), (File.assumptions, base2024.assumptions), (File.provenance, provenance.provenance.csvText),
            (File.facts, lineFeeds(try source(File.facts))), (File.extraFacts, lineFeeds(try source(File.extraFacts))),
            (File.history, lineFeeds(try source(File.history))),
            (File.nationalTable, lineFeeds(try source(File.nationalTable))), (File.defaultScenario, lineFeeds(defaultScenario)),
            (HanoiBase.base2025.tableFile, base2025.table), (HanoiBase.base2025.accountsFile, base2025.accounts),
            (HanoiBase.base2025.targetsFile, base2025.targets), (HanoiBase.base2025.assumptionsFile, base2025.assumptions),
            (File.finalDemandAssumptions, lineFeeds(finalDemandText)),
        ]
    }

    /// The files of one base year: table, accounts, targets and assumptions, with their provenance.
    static func baseFiles(
        _ base: HanoiBase, facts: PublishedFacts, planFacts: PublishedFacts, sources: [String: String], provenance: inout ProvenanceBuilder
    ) throws(DatasetError) -> (table: String, accounts: String, targets: String, assumptions: String) {
        guard let assumptionsText = sources[base.assumptionsFile] else { throw .unreadable(path: base.assumptionsFile, reason: "not among the sources") }
        guard let nationalCSV = sources[NationalTable2019.fileName] else { throw .unreadable(path: NationalTable2019.fileName, reason: "not among the sources") }
        let assumptions = try DatasetAssumptions(csv: assumptionsText, path: base.assumptionsFile)
        let derivation = try HanoiTableDerivation(nationalCSV: nationalCSV, facts: facts, base: base)
        let central = try assumptions.centralParameters()
        let structure = try derivation.structure(central)
        let table = try derivation.table(central, structure: structure)

        // 1. The input-output table.
        let tableText = table.csvText(decimals: 3, comments: base == .base2024 ? [
            "Hanoi input-output table 2024, 7 sectors, billion VND at current prices.",
            "Derived by `grdp data build` (Sources/Datasets/HanoiTableDerivation.swift) from the GSO 2019 national table,",
            "Hanoi's published 2024 structure and the assumptions in assumptions.csv; see provenance.csv.",
        ] : [
            "Hanoi input-output table 2025, 7 sectors, billion VND at current prices.",
            "Derived by `grdp data build` (Sources/Datasets/HanoiTableDerivation.swift) from the GSO 2019 national table,",
            "Hanoi's published 2025 structure (2024 proportions inside each published group) and the assumptions in",
            "assumptions_2025.csv; see provenance.csv.",
        ])
        let rowDetail = base == .base2024
            ? "row of the derived table: national 2019 coefficients → domestic flows (import proportionality) → FLQ regionalisation on value added → split by Hanoi weights (construction and tourism sales re-specified) → scaled to Hanoi 2024 value added"
            : "row of the derived table: national 2019 coefficients → domestic flows (import proportionality) → FLQ regionalisation on value added (relative size of 2024) → split by Hanoi's 2025 weights (construction and tourism sales re-specified) → scaled to Hanoi 2025 value added (GRDP 1,430 trn × 179.2/163.5 per-capita ratio × (1 + population_growth_2025))"
        for sector in table.sectors {
            provenance.derived(base.tableFile, row: sector, column: "*", detail: rowDetail, range: nil)
        }
        for row in table.primaryInputRows.map(\.label) + ["output"] {
            provenance.derived(base.tableFile, row: row, column: "*", detail: "primary inputs and output of the derived table (same derivation); value added by sector varies with the assumptions within the ranges given for the accounts' base values", range: nil)
        }

        // 2. The GRDP accounts of the plan year; 3. the other plan targets.
        // The 2024 base reads only grdp_facts.csv and extra_facts.csv, as before the 2025 base existed.
        let baseFacts = base == .base2024 ? facts : planFacts
        let accountsText = try accounts(base: base, structure: structure, facts: baseFacts, derivation: derivation, assumptions: assumptions, provenance: &provenance)
        let targetsText = try targets(base: base, facts: baseFacts, provenance: &provenance)

        // 4. Assumptions, embedded as they are stated.
        for assumption in assumptions.assumptions {
            for column in ["central", "low", "high"] {
                provenance.assumption(base.assumptionsFile, row: assumption.id, column: column, assumption)
            }
        }
        return (tableText, accountsText, targetsText, assumptionsText)
    }

    /// Text with CRLF line ends turned into LF: a Swift string literal normalises them, so
    /// embedded files must not carry them (the shared facts file is CRLF).
    static func lineFeeds(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }

    /// The Swift source that embeds the files (`EmbeddedHanoiData.swift`).
    public static func swiftSource(_ files: [(name: String, text: String)]) -> String {
        var out = """
            // Generated by `grdp data build` from data/sources. Do not edit: change the sources or
            // the derivation (Sources/Datasets) and rebuild. A test checks that this file is what
            // the build produces.

            enum EmbeddedHanoiData {
                static let files: [String: String] = [

            """
        for (name, text) in files {
            // The newline before a multi-line literal's closing delimiter is not part of the string,
            // so one is added to keep the text's own final newline.
            out += "        \"\(name)\": #\"\"\"\n" + text + "\n\"\"\"#,\n"
        }
        out += "    ]\n}\n"
        return out
    }

    /// For a derived quantity, its value at each assumption's low and high end (others
    /// central): the range reported in provenance.
    static func assumptionRanges(
        derivation: HanoiTableDerivation, assumptions: DatasetAssumptions,
        _ quantity: (DerivationParameters) throws(DatasetError) -> [Double]
    ) throws(DatasetError) -> (low: [Double], high: [Double]) {
        let central = try assumptions.centralParameters()
        var low = try quantity(central), high = low
        for assumption in assumptions.assumptions {
            for value in [assumption.low, assumption.high] {
                var p = central
                try p.set(assumption.id, to: value)
                let values = try quantity(p)
                for k in values.indices {
                    low[k] = min(low[k], values[k])
                    high[k] = max(high[k], values[k])
                }
            }
        }
        return (low, high)
    }

    static func format(_ value: Double, _ decimals: Int = 6) -> String { String(format: "%.\(decimals)f", value) }

    static func accounts(
        base: HanoiBase, structure: HanoiStructure, facts: PublishedFacts, derivation: HanoiTableDerivation,
        assumptions: DatasetAssumptions, provenance: inout ProvenanceBuilder
    ) throws(DatasetError) -> String {
        let ranges = try assumptionRanges(derivation: derivation, assumptions: assumptions) { p throws(DatasetError) in
            try derivation.structure(p).sharesPercent
        }
        let lines = HanoiSector.allCases.map { ($0.rawValue, $0.planGroup, $0.publishedAggregate) }
            + [(HanoiSector.productTaxesLine, "taxes", "product_taxes_less_subsidies")]
        let planGroupFact: [String: String] = [
            "agriculture": "agriculture_forestry_fishery", "industry": "industry", "construction": "construction",
            "services": "services", "taxes": "product_taxes_less_subsidies",
        ]
        let file = base.accountsFile, year = base.planYear, baseYear = base.baseYear
        let headlineFact = try facts.fact("Hanoi", year, "PLAN", "grdp_growth_target", "total")
        let headline = format(headlineFact.value ?? 0, 2)
        let description = base == .base2024 ? """
            # Base values: Hanoi's 2024 structure derived in Sources/Datasets/HanoiStructure.swift; targets: the 2025 plan;
            # growth and q1..q4: published 2025 actuals of the aggregate each sector belongs to (sector detail is not published).
            """ : """
            # Base values: Hanoi's published 2025 structure, split as derived in Sources/Datasets/HanoiStructure.swift;
            # targets: the 2026 plan (no product-tax target was published: `grdp contrib` shows what product taxes need);
            # growth and q1..q4: no 2026 actuals are published in the sources.
            """
        var text = """
            # region: Hanoi
            # base_year: \(baseYear)
            # year: \(year)
            # unit: percent of \(baseYear) GRDP at current prices
            # grdp_target: \(headline)
            \(description)
            sector,group,base_value,target,growth,q1,q2,q3,q4

            """
        provenance.source(file, row: "#grdp_target", column: "value", value: headline, headlineFact)
        for (key, value) in [("#base_year", "\(baseYear)"), ("#year", "\(year)")] {
            provenance.derived(file, row: key, column: "value", value: value, detail: "the dataset's base year (latest published structure) and plan year", range: nil)
        }
        for (k, (sector, group, aggregate)) in lines.enumerated() {
            let share = structure.sharesPercent[k]
            let targetFact = try? facts.fact("Hanoi", year, "PLAN", "va_growth_target", planGroupFact[group] ?? group)
            let growthFact = try? facts.fact("Hanoi", year, "FY", "va_growth", aggregate)
            if base == .base2024, targetFact == nil || growthFact == nil {
                throw .missingFact(key: "Hanoi/\(year)/PLAN or FY/va_growth…/\(aggregate)", file: "grdp_facts.csv or extra_facts.csv")
            }
            var quarters: [String] = []
            for q in 1...4 {
                guard let fact = try? facts.fact("Hanoi", year, "Q\(q)", "va_growth", aggregate), fact.value != nil else { break }
                quarters.append(format(fact.value ?? 0, 2))
                provenance.source(file, row: sector, column: "q\(q)", value: quarters.last ?? "", fact)
            }
            while quarters.count < 4 { quarters.append("") }
            let targetText = targetFact.map { format($0.value ?? 0, 2) } ?? ""
            let growthText = growthFact.map { format($0.value ?? 0, 2) } ?? ""
            let cells = [sector, group, format(share), targetText, growthText] + quarters
            text += cells.joined(separator: ",") + "\n"
            provenance.derived(
                file, row: sector, column: "base_value", value: format(share),
                detail: base == .base2024 ? structureDetail(sector) : structureDetail2025(sector), range: (ranges.low[k], ranges.high[k]))
            if let targetFact { provenance.source(file, row: sector, column: "target", value: targetText, targetFact) }
            if let growthFact { provenance.source(file, row: sector, column: "growth", value: growthText, growthFact) }
        }
        return text
    }

    static func structureDetail(_ sector: String) -> String {
        switch sector {
        case "agriculture": "remainder 100 − services 65.6 − industry & construction 22.79, times agriculture_share_of_remainder_2024"
        case "industry": "industry & construction 22.79 × (0.82/6.20)/(1.34/6.21) (implied 2024 base weights), less electricity; includes mining and water"
        case "electricity": "industry × (6.20 − 5.82)/((9.48 − 5.82) + r·(10.32 − 5.82)), r = water_to_electricity_ratio (2024 growth of industry, manufacturing, electricity, water)"
        case "construction": "industry & construction 22.79 × (1 − (0.82/6.20)/(1.34/6.21))"
        case "trade": "services 65.6 × (0.85/8.58)/(4.72/7.14) (implied 2024 base weights of wholesale & retail within services)"
        case "tourism": "visitor spending 2024 (134.46 trn ÷ 1.215) × tourism_characteristic_share × tourism_va_ratio ÷ GRDP 1,430 trn"
        case "other_services": "services 65.6 − trade − tourism"
        default: "remainder 100 − services 65.6 − industry & construction 22.79, times (1 − agriculture_share_of_remainder_2024)"
        }
    }

    static func structureDetail2025(_ sector: String) -> String {
        switch sector {
        case "agriculture": "published 2025 structure: agriculture, forestry and fishery 1.86"
        case "industry", "electricity", "construction": "industry & construction 22.25 (published 2025) × this sector's 2024 share of industry & construction (2024 derivation: \(structureDetail(sector)))"
        case "trade": "services 66.44 (published 2025) × trade's 2024 share of services (0.85/8.58)/(4.72/7.14)"
        case "tourism": "visitor spending 2025 (134.46 trn) × tourism_characteristic_share × tourism_va_ratio ÷ GRDP 2025 (1,430 × 179.2/163.5 × (1 + population_growth_2025))"
        case "other_services": "services 66.44 − trade − tourism"
        default: "published 2025 structure: product taxes less subsidies 9.45"
        }
    }

    /// Quarterly weights of the base year from the published annual and quarterly GRDP
    /// growth of 2024 and 2025, under a linear-in-quarter seasonal profile wq = 1/4 + b·(q − 2.5):
    /// annual = mean(g) + b·Σ(q − 2.5)·gq, so b is the least-squares slope over the years.
    static func quarterlyWeights(facts: PublishedFacts, provenance: inout ProvenanceBuilder) throws(DatasetError) -> String {
        var numerator = 0.0, denominator = 0.0
        for year in [2024, 2025] {
            let annual = try facts.value("Hanoi", year, "FY", "grdp_growth", "total")
            let quarters = try (1...4).map { q throws(DatasetError) in try facts.value("Hanoi", year, "Q\(q)", "grdp_growth", "total") }
            let mean = quarters.reduce(0, +) / 4
            let c = quarters.enumerated().reduce(0.0) { $0 + (Double($1.offset + 1) - 2.5) * $1.element }
            numerator += c * (annual - mean)
            denominator += c * c
        }
        let slope = numerator / denominator
        var text = """
            # Base-year quarterly weights of real GRDP (shares of the annual total), fitted to the published 2024 and
            # 2025 annual and quarterly growth of Hanoi under a linear seasonal profile w_q = 1/4 + b*(q - 2.5).
            # seasonal_slope_b: \(format(slope, 6))
            quarter,weight

            """
        provenance.derived(
            File.quarterlyWeights, row: "#seasonal_slope_b", column: "value", value: format(slope, 6),
            detail: "b = Σ_y c_y·(annual_y − mean_q g) / Σ_y c_y², c_y = Σ_q (q − 2.5)·g_q, over Hanoi 2024 and 2025 (grdp_facts.csv)", range: nil)
        for q in 1...4 {
            let weight = 0.25 + slope * (Double(q) - 2.5)
            text += "Q\(q),\(format(weight))\n"
            provenance.derived(
                File.quarterlyWeights, row: "Q\(q)", column: "weight", value: format(weight),
                detail: "least-squares seasonal slope b from Hanoi GRDP growth 2024 (6.52; 5.41, 6.80, 6.71, 7.01) and 2025 (8.16; 7.41, 8.13, 8.85, 8.15), grdp_facts.csv",
                range: nil)
        }
        return text
    }

    static func targets(base: HanoiBase, facts: PublishedFacts, provenance: inout ProvenanceBuilder) throws(DatasetError) -> String {
        let rows = base == .base2024 ? targetRows2025 : targetRows2026
        let file = base.targetsFile
        var text = base == .base2024 ? """
            # Hanoi 2025 plan targets besides sector growth, with the 2024 value they compare to where published.
            indicator,target,bound,unit,base_2024,base_unit

            """ : """
            # Hanoi 2026 plan targets besides sector growth, with the 2025 value they compare to where published.
            indicator,target,bound,unit,base_2025,base_unit

            """
        for (name, bound, key, baseKey) in rows {
            let fact = try facts.fact(key.0, key.1, key.2, key.3, key.4)
            let base = try baseKey.map { k throws(DatasetError) in try facts.fact(k.0, k.1, k.2, k.3, k.4) }
            text += [name, fact.text, bound, fact.unit, base?.text ?? "", base?.unit ?? ""].joined(separator: ",") + "\n"
            provenance.source(file, row: name, column: "target", value: fact.text, fact)
            if let base { provenance.source(file, row: name, column: file == File.targets ? "base_2024" : "base_2025", value: base.text, base) }
        }
        return text
    }

    typealias FactKey = (String, Int, String, String, String)

    /// The 2026 plan's targets besides sector growth (all in grdp_history.csv), with the 2025 value.
    static let targetRows2026: [(String, String, FactKey, FactKey?)] = [
        ("grdp_growth", "min", ("Hanoi", 2026, "PLAN", "grdp_growth_target", "total"), ("Hanoi", 2025, "FY", "grdp_growth", "total")),
        ("grdp_growth_govt_assigned", "min", ("Hanoi", 2026, "PLAN", "grdp_growth_target_govt_assigned", "total"), ("Hanoi", 2025, "FY", "grdp_growth", "total")),
        ("export_growth", "min", ("Hanoi", 2026, "PLAN", "export_growth_target", "total"), ("Hanoi", 2025, "EST", "exports", "total")),
        ("cpi", "max", ("Hanoi", 2026, "PLAN", "cpi_ceiling", "total"), ("Hanoi", 2025, "EST", "cpi_avg", "total")),
        ("social_investment", "min", ("Hanoi", 2026, "PLAN", "social_investment_target", "total"), ("Hanoi", 2025, "EST", "social_investment", "total")),
        ("public_investment_plan", "min", ("Hanoi", 2026, "PLAN", "public_investment_plan", "total"), ("Hanoi", 2025, "PLAN", "public_investment_plan", "total")),
    ]

    /// The 2025 plan's targets besides sector growth, with the 2024 value.
    static let targetRows2025: [(String, String, FactKey, FactKey?)] = [
            ("grdp_growth", "min", ("Hanoi", 2025, "PLAN", "grdp_growth_target", "total"), ("Hanoi", 2024, "FY", "grdp_growth", "total")),
            ("export_growth", "min", ("Hanoi", 2025, "PLAN", "export_growth_target", "total"), ("Hanoi", 2024, "FY", "exports", "total")),
            ("cpi", "max", ("Hanoi", 2025, "PLAN", "cpi_ceiling", "total"), ("Hanoi", 2024, "FY", "cpi_avg", "total")),
            ("social_investment", "min", ("Hanoi", 2025, "PLAN", "social_investment_target", "total"), nil),
            ("tourist_arrivals", "min", ("Hanoi", 2025, "PLAN", "tourist_arrivals_target", "total"), nil),
            ("international_arrivals", "min", ("Hanoi", 2025, "PLAN", "tourist_arrivals_target", "international"), nil),
            ("tourism_revenue", "min", ("Hanoi", 2025, "PLAN", "tourism_revenue_target", "total"), nil),
            ("public_investment_plan", "min", ("Hanoi", 2025, "PLAN", "public_investment_plan", "total"), nil),
            ("public_investment_disbursement", "min", ("Hanoi", 2025, "PLAN", "public_investment_disbursement_target", "total"), nil),
    ]
}

/// Collects provenance entries while the files are built.
struct ProvenanceBuilder {
    let facts: PublishedFacts
    let assumptions: DatasetAssumptions
    var entries: [ProvenanceEntry] = []

    var provenance: Provenance { Provenance(entries: entries) }

    mutating func source(_ file: String, row: String, column: String, value: String, _ fact: PublishedFact) {
        entries.append(ProvenanceEntry(
            file: file, row: row, column: column, value: value, kind: .source,
            reference: "\(fact.originalSource) [\(fact.file) line \(fact.line): \(fact.key)]", url: fact.url, date: fact.date,
            detail: "\(fact.indicator) \(fact.text) \(fact.unit)", low: "", high: ""))
    }

    mutating func derived(_ file: String, row: String, column: String, value: String = "", detail: String, range: (Double, Double)?) {
        entries.append(ProvenanceEntry(
            file: file, row: row, column: column, value: value, kind: .derivation,
            reference: "grdp data build (Sources/Datasets)", url: "", date: "", detail: detail,
            low: range.map { HanoiDatasetBuilder.format($0.0) } ?? "", high: range.map { HanoiDatasetBuilder.format($0.1) } ?? ""))
    }

    /// A source file embedded as it is: every cell's provenance is the file's own.
    mutating func verbatim(_ file: String, detail: String) {
        entries.append(ProvenanceEntry(
            file: file, row: "*", column: "*", value: "", kind: .source, reference: "data/sources/\(file) (verbatim copy)",
            url: "", date: "", detail: detail, low: "", high: ""))
    }

    mutating func assumption(_ file: String, row: String, column: String, _ a: DatasetAssumption) {
        let value = column == "central" ? a.central : column == "low" ? a.low : a.high
        entries.append(ProvenanceEntry(
            file: file, row: row, column: column, value: "\(value)", kind: .assumption, reference: a.id, url: "", date: "",
            detail: a.reason, low: "\(a.low)", high: "\(a.high)"))
    }
}
