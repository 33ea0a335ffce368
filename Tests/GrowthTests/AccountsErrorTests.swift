import Growth
import Testing

/// Every validation error, raised by a malformed file (or in-memory input) and naming
/// file:line:column. Each description must be one line.
@Suite("GRDP accounts errors")
struct AccountsErrorTests {
    /// Line 1–2 metadata, line 3 header, lines 4–5 sectors.
    static let valid = """
        # region: Test
        # year: 2025
        sector,group,base_value,target,growth,q1,q2,q3,q4,base_q1,base_q2,base_q3,base_q4
        agriculture,agriculture,2,3.1,3.5,,,,,,,,
        services,services,65.6,8.6,8.8,8.5,8.8,,,20,21,22,24
        """

    /// `valid` with 1-based line `line` replaced.
    static func replacing(line: Int, with text: String) -> String {
        var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }

    static func error(_ text: String) -> GrowthError? {
        do {
            _ = try GRDPAccounts(csv: text, path: "acc.csv")
            return nil
        } catch {
            return error
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let expected: GrowthError
        let prefix: String
        var testDescription: String { name }
    }

    static let header = "sector,group,base_value,target,growth,q1,q2,q3,q4,base_q1,base_q2,base_q3,base_q4"

    static let cases: [Case] = [
        Case(name: "unknown column",
             text: replacing(line: 3, with: "sector,group,value,target,growth,q1,q2,q3,q4,base_q1,base_q2,base_q3,base_q4"),
             expected: .unknownColumn(at: .init(path: "acc.csv", line: 3, column: 3), column: "value"), prefix: "acc.csv:3:3: "),
        Case(name: "required column absent",
             text: "sector,growth\na,1\n",
             expected: .missingColumn(at: .init(path: "acc.csv", line: 1), column: "base_value"), prefix: "acc.csv:1: "),
        Case(name: "duplicate column",
             text: "sector,base_value,Base Value\na,1,2\n",
             expected: .duplicateColumn(at: .init(path: "acc.csv", line: 1, column: 3), column: "Base Value"), prefix: "acc.csv:1:3: "),
        Case(name: "ragged row",
             text: replacing(line: 5, with: "services,services,65.6"),
             expected: .raggedRow(at: .init(path: "acc.csv", line: 5), expected: 13, actual: 3), prefix: "acc.csv:5: "),
        Case(name: "empty sector",
             text: replacing(line: 4, with: ",agriculture,2,3.1,3.5,,,,,,,,"),
             expected: .emptyCell(at: .init(path: "acc.csv", line: 4, column: 1), column: "sector", sector: ""), prefix: "acc.csv:4:1: "),
        Case(name: "empty base value",
             text: replacing(line: 4, with: "agriculture,agriculture,,3.1,3.5,,,,,,,,"),
             expected: .emptyCell(at: .init(path: "acc.csv", line: 4, column: 3), column: "base_value", sector: "agriculture"), prefix: "acc.csv:4:3: "),
        Case(name: "non-numeric cell",
             text: replacing(line: 5, with: "services,services,65.6,8.6%,8.8,8.5,8.8,,,20,21,22,24"),
             expected: .nonNumericCell(at: .init(path: "acc.csv", line: 5, column: 4), column: "target", sector: "services", text: "8.6%"),
             prefix: "acc.csv:5:4: "),
        Case(name: "non-finite cell",
             text: replacing(line: 4, with: "agriculture,agriculture,2,3.1,inf,,,,,,,,"),
             expected: .nonFiniteValue(at: .init(path: "acc.csv", line: 4, column: 5), sector: "agriculture", field: "growth", value: .infinity),
             prefix: "acc.csv:4:5: "),
        Case(name: "duplicate sector (case-insensitive)",
             text: replacing(line: 5, with: "Agriculture,services,65.6,8.6,8.8,8.5,8.8,,,20,21,22,24"),
             expected: .duplicateSector(at: .init(path: "acc.csv", line: 5, column: 1), sector: "Agriculture", firstLine: 4), prefix: "acc.csv:5:1: "),
        Case(name: "negative base value",
             text: replacing(line: 4, with: "agriculture,agriculture,-2,3.1,3.5,,,,,,,,"),
             expected: .negativeBaseValue(at: .init(path: "acc.csv", line: 4, column: 3), sector: "agriculture", value: -2), prefix: "acc.csv:4:3: "),
        Case(name: "zero total base value",
             text: "\(header)\na,,0,,,,,,,,,,\nb,,0,,,,,,,,,,\n",
             expected: .nonPositiveTotalBaseValue(at: .init(path: "acc.csv", line: 1, column: 3), total: 0), prefix: "acc.csv:1:3: "),
        Case(name: "no sectors",
             text: "# region: Test\n\(header)\n",
             expected: .noSectors(at: .init(path: "acc.csv", line: 2)), prefix: "acc.csv:2: "),
        Case(name: "empty file",
             text: "# only a comment\n",
             expected: .noSectors(at: .init(path: "acc.csv", line: 2)), prefix: "acc.csv:2: "),
        Case(name: "gap in quarterly growth",
             text: replacing(line: 5, with: "services,services,65.6,8.6,8.8,8.5,,8.9,,20,21,22,24"),
             expected: .quarterlyGap(at: .init(path: "acc.csv", line: 5, column: 8), sector: "services", missingQuarter: 2, givenQuarter: 3, value: 8.9),
             prefix: "acc.csv:5:8: "),
        Case(name: "quarterly growth without Q1",
             text: replacing(line: 4, with: "agriculture,agriculture,2,3.1,3.5,,3.2,,,,,,"),
             expected: .quarterlyGap(at: .init(path: "acc.csv", line: 4, column: 7), sector: "agriculture", missingQuarter: 1, givenQuarter: 2, value: 3.2),
             prefix: "acc.csv:4:7: "),
        Case(name: "incomplete base quarters",
             text: replacing(line: 5, with: "services,services,65.6,8.6,8.8,8.5,8.8,,,20,21,,24"),
             expected: .incompleteBaseQuarters(at: .init(path: "acc.csv", line: 5, column: 10), sector: "services", missingQuarter: 3),
             prefix: "acc.csv:5:10: "),
        Case(name: "negative base quarter",
             text: replacing(line: 5, with: "services,services,65.6,8.6,8.8,8.5,8.8,,,20,-21,22,24"),
             expected: .invalidBaseQuarter(at: .init(path: "acc.csv", line: 5, column: 11), sector: "services", quarter: 2, value: -21,
                                           reason: "base-year quarterly value added must be ≥ 0"),
             prefix: "acc.csv:5:11: "),
        Case(name: "all base quarters zero",
             text: replacing(line: 5, with: "services,services,65.6,8.6,8.8,8.5,8.8,,,0,0,0,0"),
             expected: .invalidBaseQuarter(at: .init(path: "acc.csv", line: 5, column: 10), sector: "services", quarter: 1, value: 0,
                                           reason: "all four base-year quarters are zero; give positive values or leave them all empty"),
             prefix: "acc.csv:5:10: "),
        Case(name: "sector name with a line break",
             text: replacing(line: 4, with: "\"agri\nculture\",agriculture,2,3.1,3.5,,,,,,,,"),
             expected: .invalidName(at: .init(path: "acc.csv", line: 4, column: 1), field: "sector", name: "agri\nculture"), prefix: "acc.csv:4:1: "),
        Case(name: "bad base year",
             text: replacing(line: 2, with: "# base_year: 2024a"),
             expected: .invalidMetadata(at: .init(path: "acc.csv", line: 2), key: "base_year", value: "2024a", reason: "is not a whole year; write e.g. 2024"),
             prefix: "acc.csv:2: "),
        Case(name: "year before 1900",
             text: replacing(line: 2, with: "# year: -5"),
             expected: .invalidMetadata(at: .init(path: "acc.csv", line: 2), key: "year", value: "-5",
                                        reason: "is outside 1900 … 2200; write the calendar year, e.g. 2024"),
             prefix: "acc.csv:2: "),
        Case(name: "base year not before the year",
             text: replacing(line: 1, with: "# base_year: 2025"),
             expected: .invalidMetadata(at: .init(path: "acc.csv", line: 2), key: "year", value: "2025",
                                        reason: "is not after base_year 2025; growth is measured from the base year to a later year"),
             prefix: "acc.csv:2: "),
        Case(name: "bad GRDP target",
             text: replacing(line: 2, with: "# GRDP target: eight"),
             expected: .invalidMetadata(at: .init(path: "acc.csv", line: 2), key: "grdp_target", value: "eight",
                                        reason: "is not a finite number; give the target in %, e.g. 8.0"),
             prefix: "acc.csv:2: "),
        Case(name: "metadata key twice",
             text: replacing(line: 2, with: "# region: Again"),
             expected: .invalidMetadata(at: .init(path: "acc.csv", line: 2), key: "region", value: "Again",
                                        reason: "is given twice (first on line 1); keep one line"),
             prefix: "acc.csv:2: "),
    ]

    @Test("A malformed file is rejected with file:line:column", arguments: cases)
    func malformed(_ item: Case) {
        let error = Self.error(item.text)
        #expect(error == item.expected)
        let description = error?.description ?? ""
        #expect(description.hasPrefix(item.prefix), "\(description)")
        #expect(!description.contains("\n"))
    }

    @Test("The valid base file loads (so each case above fails for its own reason)")
    func validLoads() throws {
        let accounts = try GRDPAccounts(csv: Self.valid, path: "acc.csv")
        #expect(accounts.sectorCount == 2)
        #expect(accounts.sectors[1].quarterlyGrowth == [8.5, 8.8])
    }

    @Test("An unreadable file names its path")
    func unreadable() {
        do {
            _ = try GRDPAccounts.load(path: "/nonexistent/accounts.csv")
            Issue.record("expected an error")
        } catch {
            guard case let .unreadableFile(path, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == "/nonexistent/accounts.csv")
            #expect(error.description.hasPrefix("/nonexistent/accounts.csv: cannot read"))
        }
    }

    @Test("In-memory accounts are validated the same way, naming the sector")
    func inMemory() {
        func build(_ sectors: [SectorAccount], notes: [String] = [], region: String = "R", target: Double? = nil) -> GrowthError? {
            do { _ = try GRDPAccounts(region: region, grdpTarget: target, sectors: sectors, notes: notes); return nil } catch { return error }
        }
        let a = SectorAccount(name: "a", baseValue: 1)
        #expect(build([]) == .noSectors(at: nil))
        #expect(build([a, SectorAccount(name: "A", baseValue: 2)]) == .duplicateSector(at: nil, sector: "A", firstLine: nil))
        #expect(build([SectorAccount(name: " a", baseValue: 1)]) == .invalidName(at: nil, field: "sector", name: " a"))
        #expect(build([SectorAccount(name: "a", group: "", baseValue: 1)]) == .invalidName(at: nil, field: "group", name: ""))
        #expect(build([SectorAccount(name: "a", baseValue: .nan)])?.description.contains("'base_value' of sector 'a' is nan") == true)
        #expect(build([SectorAccount(name: "a", baseValue: 1, growth: .infinity)])
                == .nonFiniteValue(at: nil, sector: "a", field: "growth", value: .infinity))
        #expect(build([SectorAccount(name: "a", baseValue: -1)]) == .negativeBaseValue(at: nil, sector: "a", value: -1))
        #expect(build([SectorAccount(name: "a", baseValue: 0)]) == .nonPositiveTotalBaseValue(at: nil, total: 0))
        #expect(build([SectorAccount(name: "a", baseValue: 1, quarterlyGrowth: [1, 2, 3, 4, 5])])
                == .invalidQuarterCount(sector: "a", field: "quarterlyGrowth", count: 5, allowed: "give the quarters so far, Q1..Qk with k ≤ 4"))
        #expect(build([SectorAccount(name: "a", baseValue: 1, baseQuarterValues: [1, 2])])
                == .invalidQuarterCount(sector: "a", field: "baseQuarterValues", count: 2, allowed: "give all four base-year quarters or none"))
        #expect(build([a], target: .nan)?.description.hasPrefix("metadata 'grdp_target' = 'nan' is not finite") == true)
        #expect(build([a], region: "Ha\nNoi")?.description.hasPrefix("metadata 'region'") == true)
        if case .invalidMetadata(nil, "year", "2020", _)? = build([a], notes: ["year: 2020"]) {} else {
            Issue.record("a note that reads as metadata must be rejected")
        }
    }

    @Test("Using accounts: missing growth, target, headline and unknown sectors are named")
    func usage() throws {
        let accounts = try GRDPAccounts(csv: Self.valid, path: "acc.csv")
        let noGrowth = try GRDPAccounts(region: "R", sectors: [SectorAccount(name: "a", baseValue: 1)])
        #expect(throws: GrowthError.missingGrowth(sector: "a")) { try ContributionTable(accounts: noGrowth) }
        #expect(throws: GrowthError.missingTarget(sector: "a")) { try PlanConsistency(accounts: noGrowth, headlineTargetPercent: 8) }
        #expect(throws: GrowthError.missingHeadlineTarget(region: "Test")) { try PlanConsistency(accounts: accounts) }
        #expect(throws: GrowthError.missingHeadlineTarget(region: "Test")) { try GapToTarget(accounts: accounts) }
        #expect(throws: GrowthError.unknownSector("mining", known: ["agriculture", "services"])) { try accounts.sectorIndex("mining") }
        #expect(throws: GrowthError.lengthMismatch(name: "sector growth", expected: 2, actual: 3)) {
            try ContributionTable(accounts: accounts, growthPercent: [1, 2, 3])
        }
        #expect(throws: GrowthError.nonFiniteArgument(name: "sector growth", value: .infinity)) {
            try ContributionTable(accounts: accounts, growthPercent: [1, .infinity])
        }
        let descriptions = [
            GrowthError.missingGrowth(sector: "a"), .missingTarget(sector: "a"), .missingHeadlineTarget(region: ""),
            .unknownSector("x", known: ["a"]), .lengthMismatch(name: "n", expected: 1, actual: 2),
            .invalidQuarterlyWeights(weights: [1], reason: "r"), .invalidRounding(halfWidth: -1),
            .degenerateSeasonalFit(slope: 0.2, reason: "r"), .nonFiniteArgument(name: "n", value: .nan),
        ].map(\.description)
        for description in descriptions { #expect(!description.contains("\n") && !description.isEmpty) }
    }
}
