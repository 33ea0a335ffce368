import Foundation
import InputOutput
import LinearAlgebra
import Spreadsheets
import TestSupport
import Testing

/// Real-world table files: the same table in three file formats, an ICIO-style
/// multi-region extract, competitive imports, the project's own GSO source file, and
/// the errors each of them can raise (with file, sheet and cell).
@Suite("IO tables from CSV dialects, workbooks, ICIO extracts and competitive imports")
struct TableSourceTests {
    static func temporaryFile(_ name: String, _ text: String) throws -> URL {
        let url = WorkbookWriter.temporaryURL(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The table as comma CSV, as semicolon CSV with decimal commas (what Excel writes in
    /// a Vietnamese or European locale, with a BOM and CRLF), and as a workbook sheet.
    @Test("One table as comma CSV, semicolon CSV with decimal commas and .xlsx gives identical multipliers")
    func threeFormats() throws {
        let table = try TableFixtures.randomProductive(sectors: 5, seed: 16)
        let comma = table.csvText()
        #expect(comma.contains("."))  // the fixture's numbers have decimals, so the decimal mark matters
        let semicolon = "\u{FEFF}" + comma.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ".", with: ",")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let commaURL = try Self.temporaryFile("t.csv", comma)
        let semicolonURL = try Self.temporaryFile("t.csv", semicolon)
        let workbookURL = WorkbookWriter.temporaryURL("t.xlsx")
        defer { for url in [commaURL, semicolonURL, workbookURL] { try? FileManager.default.removeItem(at: url) } }
        let rows = CSVRecords.parse(comma).map(\.fields)
        try WorkbookWriter.write([("Cover", [[.inline("see sheet IO")]]), ("IO", WorkbookWriter.cells(rows))], to: workbookURL, origin: (3, 2))

        let fromComma = try IOTable.read(path: commaURL.path).table
        let fromSemicolon = try IOTable.read(path: semicolonURL.path).table
        let fromWorkbook = try IOTable.read(path: workbookURL.path, options: .init(file: .init(sheet: "IO"))).table
        // Exact: each format spells the same shortest round-trip decimals.
        #expect(fromComma == table)
        #expect(fromSemicolon == table)
        #expect(fromWorkbook == table)
        let expected = try Multipliers(model: LeontiefModel(table: table))
        for read in [fromComma, fromSemicolon, fromWorkbook] {
            let multipliers = try Multipliers(model: LeontiefModel(table: read))
            #expect(multipliers.output.typeI == expected.output.typeI)
            #expect(multipliers.valueAdded.simple == expected.valueAdded.simple)
            #expect(multipliers.valueAdded.typeII == expected.valueAdded.typeII)
        }
    }

    /// Two regions (VNM, ROW) × two sectors in the ICIO layout. The VNM table in domestic
    /// flows, worked out by hand: Z = [[10, 20], [5, 30]], households [40, 100], GFCF
    /// [10, 30], exports (sales to ROW's industries and final demand) [7+3+10, 10+5+20] =
    /// [20, 35], imported inputs (ROW's rows in VNM's columns) [8+2, 12+18] = [10, 30],
    /// TLS [5, 10], VA [70, 110], output [100, 200].
    static let icio = """
        # OECD ICIO-style extract: two regions, two sectors
        V1,VNM_A,VNM_B,ROW_A,ROW_B,VNM_HFCE,VNM_GFCF,ROW_HFCE,OUT
        VNM_A,10,20,7,3,40,10,10,100
        VNM_B,5,30,10,5,100,30,20,200
        ROW_A,8,12,50,30,6,4,390,500
        ROW_B,2,18,40,100,5,5,830,1000
        TLS,5,10,20,50,,,,
        VA,70,110,373,812,,,,
        OUT,100,200,500,1000,,,,
        """
    static let vietnamByHand = """
        sector,A,B,households,gfcf,exports,total
        A,10,20,40,10,20,100
        B,5,30,100,30,35,200
        imported_inputs,10,30,,,,
        taxes_less_subsidies,5,10,,,,
        value_added,70,110,,,,
        output,100,200,,,,
        """

    /// A = [[0.1, 0.1], [0.05, 0.15]], det(I − A) = 0.9·0.85 − 0.1·0.05 = 0.76, so
    /// L = [[0.85, 0.1], [0.05, 0.9]] / 0.76: output multipliers (column sums of L)
    /// 0.9/0.76 and 1/0.76; value-added multipliers vᵀL with v = [0.7, 0.55]:
    /// (0.7·0.85 + 0.55·0.05)/0.76 = 0.6225/0.76 and (0.7·0.1 + 0.55·0.9)/0.76 = 0.565/0.76.
    /// Tolerance 1e-12: a 2×2 LU solve in double precision.
    @Test("An ICIO-style two-region extract read with --region reproduces the single-region multipliers worked out by hand")
    func region() throws {
        let url = try Self.temporaryFile("icio.csv", Self.icio)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try IOTable.read(path: url.path, options: .init(region: "VNM"))
        let table = loaded.table
        #expect(table.sectors == ["A", "B"])
        #expect(table.intermediate == (try Matrix(rows: [[10, 20], [5, 30]])))
        #expect(table.finalDemand(of: .exports) == [20, 35])
        #expect(table.primaryInput(of: .imports) == [10, 30])
        try table.validate()
        let byHand = try IOTable(csv: Self.vietnamByHand, path: "vnm.csv")
        let multipliers = try Multipliers(model: LeontiefModel(table: table))
        let expected = try Multipliers(model: LeontiefModel(table: byHand))
        let closedFormOutput = [0.9 / 0.76, 1 / 0.76], closedFormValueAdded = [0.6225 / 0.76, 0.565 / 0.76]
        for j in 0..<2 {
            #expect(abs((multipliers.output.simple[j]) - closedFormOutput[j]) < 1e-12)
            #expect(abs(multipliers.valueAdded.simple[j] - closedFormValueAdded[j]) < 1e-12)
            #expect(abs(multipliers.valueAdded.simple[j] - expected.valueAdded.simple[j]) < 1e-12)
        }
        // The region can also be stated in the file.
        let stated = try Self.temporaryFile("icio.csv", "# region: VNM\n" + Self.icio)
        defer { try? FileManager.default.removeItem(at: stated) }
        #expect(try IOTable.read(path: stated.path).table == table)
    }

    @Test("A multi-region table needs --region, and the region must exist")
    func regionErrors() throws {
        let url = try Self.temporaryFile("icio.csv", Self.icio)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: InputOutputError.regionRequired(path: url.path, regions: ["VNM", "ROW"])) { try IOTable.read(path: url.path) }
        #expect(throws: InputOutputError.regionNotFound(path: url.path, region: "THA", available: ["VNM", "ROW"])) {
            try IOTable.read(path: url.path, options: .init(region: "THA"))
        }
        // A single-region table: `# region:` names it, --region is an error.
        let single = try Self.temporaryFile("vnm.csv", "# region: Hanoi\n" + Self.vietnamByHand)
        defer { try? FileManager.default.removeItem(at: single) }
        #expect(try IOTable.read(path: single.path).table == (try IOTable(csv: Self.vietnamByHand, path: "vnm.csv")))
        let unnamed = try Self.temporaryFile("vnm.csv", Self.vietnamByHand)
        defer { try? FileManager.default.removeItem(at: unnamed) }
        #expect(throws: InputOutputError.regionNotFound(path: unnamed.path, region: "VNM", available: [])) {
            try IOTable.read(path: unnamed.path, options: .init(region: "VNM"))
        }
        let message = InputOutputError.regionNotFound(path: "icio.csv", region: "THA", available: ["VNM", "ROW"]).description
        #expect(message == "icio.csv: no region 'THA' in this multi-region table; its regions are VNM, ROW; pass one of them with --region")
        // A bad cell among the other regions' rows, summed into imported inputs, is named at its own cell.
        let bad = try Self.temporaryFile("icio.csv", Self.icio.replacingOccurrences(of: "ROW_B,2,18", with: "ROW_B,2,x18"))
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect(throws: InputOutputError.nonNumericCell(at: CellLocation(path: bad.path, row: 6, column: 3), column: "VNM_B", text: "x18")) {
            try IOTable.read(path: bad.path, options: .init(region: "VNM"))
        }
    }

    /// A domestic-flow table and its competitive version under import proportionality,
    /// worked out by hand with import shares μ = [0.2, 0.5]: competitive flows are the
    /// domestic ones / (1 − μᵢ) (Z row 1: [16, 24] → [20, 30]; row 2: [10, 30] → [20, 60];
    /// households [40, 50] → [50, 100]), exports unchanged [20, 110], imports
    /// μᵢ·(domestic use) = [0.2·100, 0.5·180] = [20, 90]; the domestic table's imported
    /// inputs Σᵢ μᵢ zᶜᵢⱼ = [0.2·20 + 0.5·20, 0.2·30 + 0.5·60] = [14, 36].
    static let competitive = """
        sector,a,b,households,exports,imports,total
        a,20,30,50,20,-20,100
        b,20,60,100,110,-90,200
        value_added,60,110,,,,
        output,100,200,,,,
        """
    static let domestic = """
        sector,a,b,households,exports,total
        a,16,24,40,20,100
        b,10,30,50,110,200
        imported_inputs,14,36,,,
        value_added,60,110,,,
        output,100,200,,,
        """

    /// Tolerance 1e-12 relative: the conversion divides by 1 − μᵢ and multiplies back.
    @Test("A competitive-imports table read with --imports competitive gives its domestic version's multipliers")
    func competitiveImports() throws {
        let competitiveURL = try Self.temporaryFile("c.csv", Self.competitive)
        defer { try? FileManager.default.removeItem(at: competitiveURL) }
        let converted = try IOTable.read(path: competitiveURL.path, options: .init(imports: .competitive))
        #expect(converted.warnings.isEmpty)
        let domestic = try IOTable(csv: Self.domestic, path: "d.csv")
        let a = try Multipliers(model: LeontiefModel(table: converted.table))
        let b = try Multipliers(model: LeontiefModel(table: domestic))
        for j in 0..<2 {
            #expect(abs(a.output.simple[j] / b.output.simple[j] - 1) < 1e-12)
            #expect(abs(a.valueAdded.simple[j] / b.valueAdded.simple[j] - 1) < 1e-12)
            #expect(abs(converted.table.primaryInput(of: .imports)[j] / domestic.primaryInput(of: .imports)[j] - 1) < 1e-12)
        }
        // Undeclared: the multipliers leak nothing although there is an imports column.
        let undeclared = try IOTable.read(path: competitiveURL.path)
        #expect(undeclared.warnings.count == 1)
        #expect(undeclared.warnings.first?.contains("pass --imports competitive") == true)
        #expect(try IOTable.read(path: competitiveURL.path, options: .init(imports: .domestic)).warnings.isEmpty)
        // Declared in the file.
        let stated = try Self.temporaryFile("c.csv", "# imports: competitive\n" + Self.competitive)
        defer { try? FileManager.default.removeItem(at: stated) }
        #expect(try IOTable.read(path: stated.path).table == converted.table)
        // A domestic table has nothing to remove.
        let domesticURL = try Self.temporaryFile("d.csv", Self.domestic)
        defer { try? FileManager.default.removeItem(at: domesticURL) }
        #expect(throws: InputOutputError.noImportsToRemove(path: domesticURL.path)) {
            try IOTable.read(path: domesticURL.path, options: .init(imports: .competitive))
        }
    }

    /// data/sources/vn_io2019_6sec_aggregated_mVND.csv (GSO 2019, 6 sectors): `row\col`,
    /// `TXS_net_product_taxes`, `VALU_value_added` with its breakdown `LAB_compensation` and
    /// `VALU_minus_LAB_(GOS+other)`, `COLUMN_RESIDUAL_unexplained`, `OUTPUT`, `TOTAL_output`.
    @Test("The project's GSO 2019 source table reads, balances and, as competitive, leaks to imports")
    func gsoSourceTable() throws {
        let path = Self.repositoryFile("data/sources/vn_io2019_6sec_aggregated_mVND.csv")
        let loaded = try IOTable.read(path: path, options: .init(unit: "million VND"))
        #expect(loaded.table.sectors == ["Primary", "MiningEnergy", "Refinery", "Utilities", "Secondary", "Tertiary"])
        #expect(loaded.unit == "million VND")
        #expect(loaded.warnings.count == 1)  // IMPO_neg column, flows include imports
        try loaded.table.validate()
        let domestic = try IOTable.read(path: path, options: .init(imports: .competitive)).table
        try domestic.validate()
        // Value added plus imported inputs per unit of final demand is 1 (Miller & Blair 2009 §6.2),
        // so the value-added multipliers now fall below 1 − (taxes and residual content).
        let multipliers = try Multipliers(model: LeontiefModel(table: domestic))
        #expect(multipliers.valueAdded.simple.allSatisfy { $0 < 0.9 })
    }

    static func repositoryFile(_ relative: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(relative).path
    }

    @Test("Errors name the workbook's sheet and cell, or the CSV line and column")
    func cellErrors() throws {
        let rows = [["sector", "a", "b", "exports", "total"], ["a", "1", "2", "7", "10"], ["b", "2", "x", "8", "10"],
                    ["value_added", "7", "8", "", ""]]
        let workbook = WorkbookWriter.temporaryURL("t.xlsx")
        defer { try? FileManager.default.removeItem(at: workbook) }
        try WorkbookWriter.write([("IO", WorkbookWriter.cells(rows))], to: workbook, origin: (2, 2))
        let error = InputOutputError.nonNumericCell(at: CellLocation(path: workbook.path, sheet: "IO", row: 4, column: 4), column: "b", text: "x")
        #expect(throws: error) { try IOTable.read(path: workbook.path) }
        #expect(error.description.hasPrefix("\(workbook.path):IO!D4: column 'b' holds 'x'"))
        let withCover = WorkbookWriter.temporaryURL("t.xlsx")
        defer { try? FileManager.default.removeItem(at: withCover) }
        try WorkbookWriter.write([("Cover", [[.inline("Input-output table 2024")]]), ("IO", WorkbookWriter.cells(rows))], to: withCover)
        #expect(throws: InputOutputError.emptySheet(path: withCover.path, sheet: "Cover")) { try IOTable.read(path: withCover.path) }
        #expect(throws: InputOutputError.spreadsheet(.sheetNotFound(path: workbook.path, sheet: "Tab", available: ["IO"]))) {
            try IOTable.read(path: workbook.path, options: .init(file: .init(sheet: "Tab")))
        }
        let semicolon = try Self.temporaryFile("t.csv", "sector;a;b;exports;total\na;1;2;7,5;10,5\nb;2;1.5.0;8;11,5\n")
        defer { try? FileManager.default.removeItem(at: semicolon) }
        #expect(throws: InputOutputError.nonNumericCell(at: CellLocation(path: semicolon.path, row: 3, column: 3), column: "b", text: "1.5.0")) {
            try IOTable.read(path: semicolon.path)
        }
        let badImports = try Self.temporaryFile("t.csv", "# imports: partly\n" + Self.domestic)
        defer { try? FileManager.default.removeItem(at: badImports) }
        #expect(throws: InputOutputError.invalidMetadata(at: "\(badImports.path):1", key: "imports", value: "partly",
                                                         reason: "is not competitive or domestic; write one of them")) {
            try IOTable.read(path: badImports.path)
        }
        let contradicting = try Self.temporaryFile("t.csv", "# unit: million VND\n" + Self.domestic)
        defer { try? FileManager.default.removeItem(at: contradicting) }
        #expect(throws: InputOutputError.invalidMetadata(at: "\(contradicting.path):1", key: "unit", value: "million VND",
                                                         reason: "contradicts --unit 'billion VND'; drop the option or correct the line")) {
            try IOTable.read(path: contradicting.path, options: .init(unit: "billion VND"))
        }
    }

    /// Powers of ten: 1 billion = 1000 million (exact in binary), 1 nghìn tỷ = 10¹².
    @Test("Money units convert within a currency; across currencies the error names both")
    func units() throws {
        #expect(MonetaryUnit("billion VND")?.factor(to: MonetaryUnit("million VND")!) == 1000)
        #expect(MonetaryUnit("tỷ đồng") == .billionVND)
        #expect(MonetaryUnit("nghìn tỷ đồng") == MonetaryUnit(currency: "VND", powerOfTen: 12))
        #expect(MonetaryUnit("bn VND at current prices") == .billionVND)
        #expect(MonetaryUnit("persons") == nil)
        #expect(MonetaryUnit("million USD")?.factor(to: .billionVND) == nil)
        #expect(try MonetaryUnit.conversion(from: "billion VND", "lever amounts", to: "million VND", "the table") == 1000)
        #expect(throws: InputOutputError.unitMismatch(what: "lever amounts", unit: "billion VND", otherWhat: "the table", otherUnit: "million USD")) {
            try MonetaryUnit.conversion(from: "billion VND", "lever amounts", to: "million USD", "the table")
        }
    }

    @Test("OECD ICIO and SNA labels: TLS, TAXSUB, VA, OUT, country-prefixed final demand")
    func oecdLabels() throws {
        let text = """
            V1,A,B,VNM_HFCE,VNM_GGFC,VNM_GFCF,VNM_INVNT,VNM_NPISH,VNM_DPABR,EXPO,IMPO,OUT
            A,10,20,30,0,5,0,0,0,40,-5,100
            B,20,30,50,20,40,0,0,0,50,-10,200
            TAXSUB,2,4,,,,,,,,,
            D1,30,60,,,,,,,,,
            B2A3G,38,86,,,,,,,,,
            OUT,100,200,,,,,,,,,
            """
        let table = try IOTable(csv: text, path: "oecd.csv")
        #expect(table.finalDemandColumns.map(\.kind) == [.households, .government, .grossFixedCapitalFormation, .inventories, .other, .other, .exports, .imports])
        #expect(table.primaryInputRows.map(\.kind) == [.productTaxes, .compensation, .operatingSurplus])
        try table.validate()
        let icio2023 = text.replacingOccurrences(of: "TAXSUB", with: "TLS").replacingOccurrences(of: "D1,30,60", with: "VA,68,146")
            .replacingOccurrences(of: "B2A3G,38,86,,,,,,,,,\n", with: "")
        let table2023 = try IOTable(csv: icio2023, path: "oecd.csv")
        #expect(table2023.valueAddedLevels == [68, 146])
        // OECD national tables: taxes paid abroad and at home, and a subtotal row that is skipped.
        let national = text.replacingOccurrences(of: "TAXSUB,2,4", with: "TXS_IMP_FNL,1,1,,,,,,,,,\nTXS_INT_FNL,1,3")
            .replacingOccurrences(of: "D1,30,60", with: "TTL_INT_FNL,32,54,,,,,,,,,\nD1,30,60")
        let nationalTable = try IOTable(csv: national, path: "oecd.csv")
        #expect(nationalTable.primaryInput(of: .productTaxes) == [2, 4])
        try nationalTable.validate()
    }
}
