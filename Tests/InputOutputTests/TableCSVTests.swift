import Foundation
import InputOutput
import LinearAlgebra
import Spreadsheets
import TestSupport
import Testing

/// Reading, writing and validating tables in the documented CSV layout
/// (docs/io-table-format.md). Every validation error is raised by a malformed file.
@Suite("IO table CSV and validation")
struct TableCSVTests {
    static let valid = """
        # Miller & Blair (2009) Table 2.3 with a value-added split
        sector,agriculture,manufacturing,households,exports,total
        agriculture,150,500,200,150,1000
        manufacturing,200,100,1000,700,2000
        compensation,300,800,,,
        operating_surplus,350,600,,,
        output,1000,2000,,,
        employment,20,30,,,
        """

    @Test("A valid file loads into the documented blocks")
    func loads() throws {
        let table = try IOTable(csv: Self.valid, path: "t.csv")
        #expect(table.sectors == ["agriculture", "manufacturing"])
        #expect(table.intermediate == (try Matrix(rows: [[150, 500], [200, 100]])))
        #expect(table.finalDemandColumns.map(\.kind) == [.households, .exports])
        #expect(table.primaryInputRows.map(\.kind) == [.compensation, .operatingSurplus])
        #expect(table.output == [1000, 2000])
        #expect(table.satellite("employment") == [20, 30])
        #expect(table.valueAddedLevels == [650, 1400])
        try table.validate()
        #expect(table == (try TableFixtures.millerBlair()))
    }

    @Test("Write then read is exact, including awkward numbers")
    func roundTrip() throws {
        let table = try TableFixtures.randomProductive(sectors: 9, seed: 99)
        let reread = try IOTable(csv: table.csvText(), path: "round.csv")
        #expect(reread == table)
    }

    /// The shipped GSO-style aliases: CONS, GC, GFCF, INVNT, EXPO, IMPO, VALU, LAB, OUTPUT.
    @Test("GSO/OECD column and row names are recognised")
    func aliases() throws {
        let text = """
            row\\col,A,B,CONS,GC,GFCF,INVNT,EXPO,IMPO,TOTAL_output
            A,10,20,30,0,5,0,40,-5,100
            B,20,30,50,20,40,0,50,-10,200
            TXS,2,4,,,,,,,
            VALU,68,146,,,,,,,
            LAB,30,60,,,,,,,
            OUTPUT,100,200,,,,,,,
            """
        let table = try IOTable(csv: text, path: "gso.csv")
        #expect(table.finalDemandColumns.map(\.kind) == [.households, .government, .grossFixedCapitalFormation, .inventories, .exports, .imports])
        #expect(table.valueAddedLevels == [68, 146])  // VALU is the total; LAB is its breakdown
        try table.validate()
    }

    static func error(_ text: String) -> InputOutputError? {
        do {
            let table = try IOTable(csv: text, path: "bad.csv")
            try table.validate()
            return nil
        } catch {
            return error
        }
    }

    @Test("Ragged row names its line")
    func ragged() {
        let bad = Self.valid.replacingOccurrences(of: "manufacturing,200,100,1000,700,2000", with: "manufacturing,200,100,1000,2000")
        #expect(Self.error(bad) == .raggedRow(at: .init(path: "bad.csv", row: 4), expected: 6, actual: 5))
        #expect(Self.error(bad)?.description.hasPrefix("bad.csv:4:") == true)
    }

    @Test("Non-numeric and non-finite cells name line and column")
    func nonNumeric() {
        let text = Self.valid.replacingOccurrences(of: "agriculture,150,500", with: "agriculture,150,5O0")
        #expect(Self.error(text) == .nonNumericCell(at: .init(path: "bad.csv", row: 3, column: 3), column: "manufacturing", text: "5O0"))
        let nan = Self.valid.replacingOccurrences(of: "agriculture,150,500", with: "agriculture,nan,500")
        #expect(Self.error(nan) == .nonFiniteCell(at: .init(path: "bad.csv", row: 3, column: 2), column: "agriculture"))
        let inf = Self.valid.replacingOccurrences(of: "compensation,300", with: "compensation,inf")
        #expect(Self.error(inf) == .nonFiniteCell(at: .init(path: "bad.csv", row: 5, column: 2), column: "agriculture"))
    }

    /// Employment counts persons or jobs; other satellites (e.g. emissions) may be negative.
    @Test("Negative employment names its cell; another negative satellite is kept")
    func negativeSatellite() throws {
        let employment = Self.valid.replacingOccurrences(of: "employment,20,30", with: "employment,20,-3")
        #expect(Self.error(employment) == .negativeEmployment(at: .init(path: "bad.csv", row: 8, column: 3), sector: "manufacturing", value: -3))
        let emissions = Self.valid.replacingOccurrences(of: "employment,20,30", with: "satellite:co2,20,-3")
        #expect(try IOTable(csv: emissions, path: "t.csv").satellite("co2") == [20, -3])
    }

    @Test("Duplicate and missing sector labels")
    func labels() {
        let duplicateRow = Self.valid.replacingOccurrences(of: "operating_surplus,350", with: "compensation,350")
        #expect(Self.error(duplicateRow) == .duplicateLabel(at: .init(path: "bad.csv", row: 6, column: 1), label: "compensation"))
        let duplicateColumn = Self.valid.replacingOccurrences(of: "households,exports", with: "exports,exports")
        #expect(Self.error(duplicateColumn) == .duplicateLabel(at: .init(path: "bad.csv", row: 2, column: 5), label: "exports"))
        let missingColumn = Self.valid.replacingOccurrences(of: "sector,agriculture,manufacturing", with: "sector,agriculture,mining")
        if case .sectorMismatch? = Self.error(missingColumn) {} else { Issue.record("expected sectorMismatch, got \(String(describing: Self.error(missingColumn)))") }
        let swapped = Self.valid.replacingOccurrences(of: "sector,agriculture,manufacturing", with: "sector,manufacturing,agriculture")
        if case .sectorMismatch? = Self.error(swapped) {} else { Issue.record("expected sectorMismatch for swapped order") }
        let unknownRow = Self.valid.replacingOccurrences(of: "employment,20,30", with: "mystery_row,20,30")
        #expect(Self.error(unknownRow) == .unknownRow(at: .init(path: "bad.csv", row: 8, column: 1), label: "mystery_row"))
        let unknownColumn = Self.valid.replacingOccurrences(of: "households,exports", with: "households,tourists")
        #expect(Self.error(unknownColumn) == .unknownColumn(at: .init(path: "bad.csv", row: 2, column: 5), column: "tourists"))
        #expect(Self.error("") == .emptyTable(path: "bad.csv"))
    }

    @Test("Negative flows and zero output are rejected")
    func economics() {
        let negative = Self.valid.replacingOccurrences(of: "manufacturing,200,100,1000,700,2000", with: "manufacturing,-200,100,1400,700,2000")
        #expect(Self.error(negative) == .negativeIntermediateFlow(from: "manufacturing", to: "agriculture", value: -200))
        let zero = """
            sector,a,b,exports,total
            a,0,0,0,0
            b,0,10,10,20
            value_added,0,10,,
            """
        #expect(Self.error(zero) == .zeroOutput(sector: "a"))
        let positiveImports = """
            sector,a,exports,imports,total
            a,1,10,1,12
            """
        #expect(Self.error(positiveImports) == .importsSign(path: "bad.csv", sector: "a", value: 1))
        let noOutput = "sector,a,exports\na,1,10\n"
        #expect(Self.error(noOutput) == .missingOutput(path: "bad.csv"))
        let disagree = Self.valid.replacingOccurrences(of: "output,1000,2000", with: "output,1000,2001")
        #expect(Self.error(disagree) == .outputMismatch(path: "bad.csv", sector: "manufacturing", outputRow: 2001, totalColumn: 2000))
    }

    /// Row imbalance of +10 on output 1000 is +1%: reported per sector, accepted on request.
    @Test("Imbalances report per-sector residuals and can be accepted")
    func imbalance() throws {
        let rows = Self.valid.replacingOccurrences(of: "agriculture,150,500,200,150,1000", with: "agriculture,150,500,210,150,1000")
        guard case let .imbalance(kind, residuals, _)? = Self.error(rows) else {
            Issue.record("expected imbalance")
            return
        }
        #expect(kind == .rows)
        #expect(residuals.map(\.sector) == ["agriculture"])
        #expect(abs(residuals[0].relative - 0.01) < 1e-12 && abs(residuals[0].residual - 10) < 1e-9)
        let columns = Self.valid.replacingOccurrences(of: "operating_surplus,350,600", with: "operating_surplus,350,580")
        guard case let .imbalance(columnKind, columnResiduals, _)? = Self.error(columns) else {
            Issue.record("expected column imbalance")
            return
        }
        #expect(columnKind == .columns && columnResiduals[0].sector == "manufacturing")
        #expect(abs(columnResiduals[0].relative + 0.01) < 1e-12)
        let report = try IOTable(csv: columns, path: "x.csv").validate(acceptImbalance: true)
        #expect(abs(report.largestRelativeColumnResidual - 0.01) < 1e-12)
        #expect(Self.error(columns)?.description.contains("--accept-imbalance") == true)
    }

    @Test("Quoted fields, CRLF and comments are parsed")
    func csvDetails() {
        let records = CSVRecords.parse("# c\r\na,\"b, c\",\"say \"\"hi\"\"\"\r\n\r\n  # indented comment\nd,e,f\n")
        #expect(records == [CSVRecord(line: 2, fields: ["a", "b, c", "say \"hi\""]), CSVRecord(line: 5, fields: ["d", "e", "f"])])
    }
}
