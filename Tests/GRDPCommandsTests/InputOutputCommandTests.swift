import Foundation
import Testing

/// `grdp io` end to end: transformations written back to CSV read again, and analyses.
@Suite("grdp io command", .serialized)
struct InputOutputCommandTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("Regionalise, write, and read the written table back")
    func regionaliseAndWrite() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sizes = directory.appendingPathComponent("sizes.csv")
        try "sector,size\nagriculture,50\nmanufacturing,300\n".write(to: sizes, atomically: true, encoding: .utf8)
        let written = directory.appendingPathComponent("region.csv")
        let outcome = try GRDPBinary.run([
            "io", "docs/examples/miller_blair_2x2.csv", "--regionalize", sizes.path, "--lq-method", "flq", "--delta", "0.2",
            "--write", written.path, "--multipliers", "--format", "csv",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let again = try GRDPBinary.run(["io", written.path, "--format", "csv"])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.contains("Row residual") || again.standardOutput.contains("row_residual_pct"))
    }

    @Test("Aggregate with a concordance, rebalance with RAS, price shock and impact")
    func transformations() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let concordance = directory.appendingPathComponent("c.csv")
        try "sector,group\nagriculture,goods\nmanufacturing,goods\n".write(to: concordance, atomically: true, encoding: .utf8)
        let aggregated = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--aggregate", concordance.path, "--format", "csv"])
        #expect(aggregated.status == 0, "\(aggregated.standardError)")
        #expect(aggregated.standardOutput.contains("\ngoods,3000"))
        // Targets with the same sums as Z (950): RAS converges and the new outputs follow.
        let targets = directory.appendingPathComponent("t.csv")
        try "sector,row_total,column_total\nagriculture,700,400\nmanufacturing,250,550\n".write(to: targets, atomically: true, encoding: .utf8)
        let balanced = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--balance", targets.path, "--coefficients", "--accept-imbalance"])
        #expect(balanced.status == 0, "\(balanced.standardError)")
        #expect(balanced.standardOutput.contains("balancing iterations"))
        let shocks = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--price-shock", "manufacturing=10%", "--impact", "agriculture=100", "--format", "csv"])
        #expect(shocks.status == 0)
        // Miller & Blair table: a 10% rise in manufacturing prices raises agriculture's by
        // a21·10/(1 − a11) = 2.3529% (closed form, see ExtractionAndPriceTests).
        #expect(shocks.standardOutput.contains("agriculture,2.352941176470"))
    }

    @Test("Malformed inputs give one error line and exit 1")
    func errors() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.csv")
        try "sector,a,b,exports,total\na,1,2,3,6\nb,1,x,3,4\n".write(to: bad, atomically: true, encoding: .utf8)
        let outcome = try GRDPBinary.run(["io", bad.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "grdp: error: \(bad.path):3:3: column 'b' holds 'x', which is not a number; write a plain decimal such as 1234.5\n")
        let unknown = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--impact", "mining=5"])
        #expect(unknown.status == 1 && unknown.standardError.contains("unknown sector 'mining'"))
        let badDelta = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--delta", "1.5"])
        #expect(badDelta.status == 64)
    }

    /// The side files of --regionalize and --balance are read against the table's sectors:
    /// their errors name the flag, then the file and line (exit 1).
    @Test("Errors in the --regionalize and --balance files name the flag")
    func sideFileErrorsNameTheFlag() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sizes = directory.appendingPathComponent("sizes.csv")
        try "sector,size\nagriculture,50\nmining,300\n".write(to: sizes, atomically: true, encoding: .utf8)
        let regional = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--regionalize", sizes.path])
        #expect(regional.status == 1)
        #expect(regional.standardError == "grdp: error: --regionalize: \(sizes.path):3: unknown sector 'mining'; the table's sectors are agriculture, manufacturing\n")
        let targets = directory.appendingPathComponent("targets.csv")
        try "sector,row_total,column_total\nagriculture,700,400\n".write(to: targets, atomically: true, encoding: .utf8)
        let balanced = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--balance", targets.path])
        #expect(balanced.status == 1)
        #expect(balanced.standardError == "grdp: error: --balance: \(targets.path): no line for sector 'manufacturing'; give one line per sector\n")
        let concordance = directory.appendingPathComponent("groups.csv")
        try "sector,group\nagriculture,goods\nagriculture,other\n".write(to: concordance, atomically: true, encoding: .utf8)
        let aggregated = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--aggregate", concordance.path])
        #expect(aggregated.status == 1)
        #expect(aggregated.standardError == "grdp: error: --aggregate: \(concordance.path):3: sector 'agriculture' is mapped twice; map each sector to exactly one group\n")
    }

    /// Aggregate, split and regionalise in one command: the report's table line names each
    /// step in order, and the multipliers are those of the transformed table.
    @Test("The transformations apply in order and the report names them")
    func transformationsInOrder() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let concordance = directory.appendingPathComponent("c.csv")
        try "sector,group\nagriculture,farm\nmanufacturing,factory\n".write(to: concordance, atomically: true, encoding: .utf8)
        let sizes = directory.appendingPathComponent("sizes.csv")
        try "sector,size\ncrops,25\nlivestock,75\nfactory,200\n".write(to: sizes, atomically: true, encoding: .utf8)
        let outcome = try GRDPBinary.run([
            "io", "docs/examples/miller_blair_2x2.csv", "--aggregate", concordance.path, "--disaggregate", "farm=crops:1;livestock:3",
            "--regionalize", sizes.path, "--size-measure", "output", "--lq-method", "slq", "--multipliers", "--format", "csv",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("docs/examples/miller_blair_2x2.csv, aggregated by \(concordance.path), farm split, regionalised (slq)"), "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("\ncrops,") && outcome.standardOutput.contains("\nfactory,"))
    }
}
