import Foundation
import Growth
import Testing

/// Reading and writing accounts files in the documented CSV format.
@Suite("GRDP accounts CSV")
struct AccountsCSVTests {
    static let hanoi = """
        # region: Hanoi
        # base_year: 2024
        # year: 2025
        # unit: % of GRDP (current prices)
        # grdp_target: 8
        # source: Thong ke TP Ha Noi; HĐND resolution 25 Feb 2025
        Sector, Group ,BASE_VALUE,target,q1,q2,q3,base q1,base-q2,base_q3,base_q4
        agriculture,agriculture,1.909,3.1,3.34,3.18,3.89,,,,
        industry,industry_construction,13.968,7.0,,,,,,,
        construction,industry_construction,8.822,8.9,,,,,,,
        services,services,65.6,8.6,8.58,8.80,8.83,15,16,17,18
        product_taxes,taxes,9.701,5.7,,,,,,,
        """

    @Test("A file with metadata, notes, any header case and order loads")
    func loads() throws {
        let accounts = try GRDPAccounts(csv: Self.hanoi, path: "hanoi.csv")
        #expect(accounts.region == "Hanoi")
        #expect(accounts.baseYear == 2024)
        #expect(accounts.year == 2025)
        #expect(accounts.unit == "% of GRDP (current prices)")
        #expect(accounts.grdpTarget == 8)
        #expect(accounts.notes == ["source: Thong ke TP Ha Noi; HĐND resolution 25 Feb 2025"])
        #expect(accounts.sectorNames == ["agriculture", "industry", "construction", "services", "product_taxes"])
        #expect(accounts.groups == ["agriculture", "industry_construction", "services", "taxes"])
        #expect(accounts.groupIndexOfSector == [0, 1, 1, 2, 3])
        #expect(accounts.sectors[0].quarterlyGrowth == [3.34, 3.18, 3.89])
        #expect(accounts.sectors[1].quarterlyGrowth.isEmpty)
        #expect(accounts.sectors[3].baseQuarterValues == [15, 16, 17, 18])
        #expect(accounts.sectors[3].growth == nil)
        #expect(try accounts.sectorIndex("SERVICES") == 3)
        // Shares: baseValue / Σ baseValue; tolerance 1e-15 (one division each).
        let total = 1.909 + 13.968 + 8.822 + 65.6 + 9.701
        #expect(abs(accounts.baseYearShares[3] - 65.6 / total) <= 1e-15)
        #expect(abs(accounts.baseYearShares.reduce(0, +) - 1) <= 1e-15)
        #expect(accounts == (try GRDPAccounts(csv: Self.hanoi.replacingOccurrences(of: "\n", with: "\r\n"), path: "crlf.csv")))
    }

    @Test("Write then read is exact, including awkward numbers and names")
    func roundTrip() throws {
        let accounts = try GRDPAccounts(
            region: "Đà Nẵng, Vietnam", baseYear: 2023, year: 2024, unit: "billion VND", grdpTarget: 0.1 + 0.2,
            sectors: [
                SectorAccount(name: "agri, forestry \"and\" fishery", group: "agriculture", baseValue: 1e-300,
                              target: -1.0 / 3, growth: 2.47, quarterlyGrowth: [1e-5, 999.999999999999]),
                SectorAccount(name: "#1 services", baseValue: 65.6, growth: 6.76,
                              quarterlyGrowth: [7.66, 6.51, 6.92, 7.85], baseQuarterValues: [0.1, 0.2, 0.3, 0.4]),
                SectorAccount(name: "taxes", group: "taxes", baseValue: 9.701),
            ],
            notes: ["provenance line one\nline two", "", "# hashed"])
        let text = accounts.csvText()
        let reread = try GRDPAccounts(csv: text, path: "round.csv")
        #expect(reread == accounts)
        #expect(reread.csvText() == text)
        #expect(accounts.notes == ["provenance line one", "line two", "", "# hashed"])
    }

    @Test("The writer emits only columns that hold a value and whole numbers without .0")
    func minimalWriter() throws {
        let accounts = try GRDPAccounts(region: "", sectors: [
            SectorAccount(name: "a", baseValue: 1), SectorAccount(name: "b", baseValue: 3),
        ])
        #expect(accounts.csvText() == "sector,base_value\na,1\nb,3\n")
    }

    @Test("load(path:) reads a file from disk")
    func loadsFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-accounts-\(UInt64.random(in: 0...UInt64.max)).csv")
        try Self.hanoi.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try GRDPAccounts.load(path: url.path) == (try GRDPAccounts(csv: Self.hanoi, path: "x")))
    }

    @Test("withGrowth replaces the growth column and keeps the structure")
    func withGrowth() throws {
        let accounts = try Fixtures.hanoiPlan2025()
        let scenario = try accounts.withGrowth([1, 2, 3, 4, 5])
        #expect(try scenario.growthVector() == [1, 2, 3, 4, 5])
        #expect(scenario.baseYearShares == accounts.baseYearShares)
        #expect(throws: GrowthError.lengthMismatch(name: "sector growth", expected: 5, actual: 2)) { try accounts.withGrowth([1, 2]) }
    }
}
