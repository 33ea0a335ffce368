import Foundation
import InputOutput
import Testing

/// The command line on real-world table files: workbooks, CSV dialects, competitive
/// imports, the GSO source file, and lever amounts in a table's own unit.
@Suite("grdp on workbooks, CSV dialects and table units")
struct TableInputCommandTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("grdp io reads the GSO source file; --imports competitive removes the imports and the warning")
    func gsoSource() throws {
        let file = "data/sources/vn_io2019_6sec_aggregated_mVND.csv"
        let plain = try GRDPBinary.run(["io", file, "--multipliers", "--format", "csv"])
        #expect(plain.status == 0, "\(plain.standardError)")
        #expect(plain.standardOutput.contains("pass --imports competitive"))
        let declared = try GRDPBinary.run(["io", file, "--multipliers", "--imports", "competitive", "--unit", "million VND", "--format", "csv"])
        #expect(declared.status == 0, "\(declared.standardError)")
        #expect(!declared.standardOutput.contains("warning"))
        #expect(declared.standardOutput.contains("Unit,million VND"))
        #expect(declared.standardOutput.contains("competitive imports removed by import proportionality"))
    }

    @Test("The same table as semicolon CSV with decimal commas prints the same multipliers as the comma CSV")
    func semicolonCSV() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let comma = try String(contentsOfFile: "docs/examples/miller_blair_2x2.csv", encoding: .utf8)
        let semicolon = directory.appendingPathComponent("mb.csv")
        try comma.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ".", with: ",")
            .replacingOccurrences(of: "\n", with: "\r\n").write(to: semicolon, atomically: true, encoding: .utf8)
        let a = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--multipliers", "--format", "csv"])
        let b = try GRDPBinary.run(["io", semicolon.path, "--multipliers", "--format", "csv", "--csv-dialect", "semicolon:decimal-comma"])
        #expect(a.status == 0 && b.status == 0, "\(b.standardError)")
        func tables(_ text: String) -> String { text.components(separatedBy: "\n").filter { !$0.hasPrefix("Table,") }.joined(separator: "\n") }
        #expect(tables(a.standardOutput) == tables(b.standardOutput))
        let badDialect = try GRDPBinary.run(["io", semicolon.path, "--csv-dialect", "pipe"])
        #expect(badDialect.status == 64)
    }

    /// Regional sizes for the Miller & Blair table, comma CSV and semicolon CSV with decimal
    /// commas, a BOM and CRLF: the regionalised multipliers must print identically.
    @Test("Side files (regional sizes, concordances) read in any CSV dialect")
    func sideFiles() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let comma = directory.appendingPathComponent("sizes.csv"), semicolon = directory.appendingPathComponent("sizes-eu.csv")
        try "sector,size\nagriculture,62.5\nmanufacturing,140.25\n".write(to: comma, atomically: true, encoding: .utf8)
        try "\u{FEFF}sector;size\r\nagriculture;62,5\r\nmanufacturing;140,25\r\n".write(to: semicolon, atomically: true, encoding: .utf8)
        func run(_ sizes: URL) throws -> GRDPBinary.Outcome {
            try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--regionalize", sizes.path, "--multipliers", "--format", "csv"])
        }
        let a = try run(comma), b = try run(semicolon)
        #expect(a.status == 0 && b.status == 0, "\(a.standardError)\(b.standardError)")
        #expect(a.standardOutput.contains("regionalised"))
        #expect(a.standardOutput == b.standardOutput)
        let concordance = directory.appendingPathComponent("groups.csv")
        try "sector;group\r\nagriculture;all\r\nmanufacturing;all\r\n".write(to: concordance, atomically: true, encoding: .utf8)
        let aggregated = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--aggregate", concordance.path, "--multipliers", "--format", "csv"])
        #expect(aggregated.status == 0, "\(aggregated.standardError)")
        #expect(aggregated.standardOutput.contains("\nall,"))
    }

    @Test("A scenario saved with a byte-order mark and CRLF line ends validates")
    func scenarioBOM() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOfFile: "scenarios/baseline-momentum.toml", encoding: .utf8)
        let copy = directory.appendingPathComponent("windows.toml")
        try ("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).write(to: copy, atomically: true, encoding: .utf8)
        let outcome = try GRDPBinary.run(["validate", copy.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    @Test("Unsupported formats and missing sheets are one error line with exit 1")
    func formatErrors() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xls = directory.appendingPathComponent("table.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: xls)
        let outcome = try GRDPBinary.run(["io", xls.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "grdp: error: \(xls.path): legacy Excel (.xls) files are not read; save it as an Excel Workbook (.xlsx) or as CSV UTF-8 (Excel: File › Save As) and read that file\n")
        let accounts = try GRDPBinary.run(["contrib", "--accounts", xls.path])
        #expect(accounts.status == 1 && accounts.standardError.hasPrefix("grdp: error: \(xls.path): legacy Excel (.xls) files are not read"))
        #expect(try GRDPBinary.run(["io", "--region", "VNM"]).status == 64)  // file options without a file
        #expect(try GRDPBinary.run(["contrib", "--sheet", "Accounts"]).status == 64)
        let sheetOnCSV = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--sheet", "IO"])
        #expect(sheetOnCSV.status == 1 && sheetOnCSV.standardError.contains("--sheet 'IO' applies to .xlsx workbooks"))
    }

    /// The embedded Hanoi table is in billion VND. The same table ×1000 stated in million VND
    /// must give the same lever contribution for a lever of 5,000 bn VND: the amount is
    /// converted (× 1000), and value added per unit of demand does not depend on the unit.
    @Test("Demand lever amounts are converted to the table's unit; a unit grdp cannot convert is an error naming both")
    func leverUnits() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try GRDPBinary.run(["data", "export", directory.path]).status == 0)
        let tableFile = directory.appendingPathComponent("hanoi_io_2024.csv")
        let table = try IOTable(csv: String(contentsOf: tableFile, encoding: .utf8), path: tableFile.path)
        try table.csvText(comments: ["unit: billion VND"]).write(to: directory.appendingPathComponent("bn.csv"), atomically: true, encoding: .utf8)
        try table.scaled(by: 1000).csvText(comments: ["unit: million VND"])
            .write(to: directory.appendingPathComponent("mn.csv"), atomically: true, encoding: .utf8)
        func scenario(_ table: String, unit: String? = nil) throws -> String {
            let path = directory.appendingPathComponent("\(table)-\(unit ?? "default").toml")
            try """
                [scenario]
                name = "units"
                accounts = "hanoi_accounts_2025.csv"
                table = "\(table).csv"
                draws = 1000
                \(unit.map { "amount_unit = \"\($0)\"" } ?? "")
                [levers.build]
                kind = "demand"
                category = "investment"
                sectors = { construction = 1.0 }
                amount = 5000
                assumption = "test lever"
                """.write(to: path, atomically: true, encoding: .utf8)
            return path.path
        }
        /// The lever's contribution (mean, P5, P50, P95 pp) from the CSV report.
        func lever(_ outcome: GRDPBinary.Outcome) -> [Double] {
            guard let row = outcome.standardOutput.split(separator: "\n").first(where: { $0.hasPrefix("build,") }) else { return [] }
            return row.split(separator: ",").compactMap { Double($0) }
        }
        let billion = try GRDPBinary.run(["run", try scenario("bn"), "--format", "csv"])
        let million = try GRDPBinary.run(["run", try scenario("mn"), "--format", "csv"])
        #expect(billion.status == 0 && million.status == 0, "\(billion.standardError)\(million.standardError)")
        let reference = lever(billion), scaled = lever(million)
        try #require(reference.count == 4 && scaled.count == 4)
        #expect(reference[0] > 0.01, "the lever has an effect: \(reference)")
        // Tolerance 1e-9 relative: the two tables differ by the rounding of ×1000 only.
        for k in 0..<4 { #expect(abs(scaled[k] / reference[k] - 1) < 1e-9) }
        // Stated in million VND, the same 5,000 is a thousandth of the amount: the effect is linear in it.
        let inMillions = lever(try GRDPBinary.run(["run", try scenario("bn", unit: "million VND"), "--format", "csv"]))
        try #require(inMillions.count == 4)
        #expect(abs(inMillions[0] * 1000 / reference[0] - 1) < 1e-9)
        let persons = try GRDPBinary.run(["run", try scenario("bn", unit: "persons")])
        #expect(persons.status == 1)
        #expect(persons.standardError.contains("scenario.amount_unit 'persons' is not a money unit"), "\(persons.standardError)")
        let dollars = try GRDPBinary.run(["run", try scenario("bn", unit: "million USD")])
        #expect(dollars.status == 1)
        #expect(dollars.standardError.contains("are in 'million USD' but the table \(directory.path)/bn.csv is in 'billion VND'"), "\(dollars.standardError)")
    }
}
