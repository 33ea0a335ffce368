import Foundation
import Testing

/// `-` as standard input for input-output tables (`grdp io -`) and accounts (`--accounts -`),
/// named `<stdin>` in errors; `--keep-draws -` refused.
@Suite("Standard input for tables and accounts", .serialized)
struct StandardInputTests {
    /// Runs grdp with `input` on its standard input.
    static func run(_ arguments: [String], input: Data) throws -> GRDPBinary.Outcome {
        let process = Process()
        process.executableURL = GRDPBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = GRDPBinary.repositoryRoot
        let standardInput = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = standardInput
        process.standardOutput = output
        process.standardError = error
        try process.run()
        standardInput.fileHandleForWriting.write(input)
        try standardInput.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return GRDPBinary.Outcome(status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
                                  standardError: String(decoding: err, as: UTF8.self))
    }

    @Test("grdp io - reads the table from standard input: the same multipliers as from the file")
    func tableFromStandardInput() throws {
        let file = "docs/examples/miller_blair_2x2.csv"
        let data = try Data(contentsOf: GRDPBinary.repositoryRoot.appendingPathComponent(file))
        let piped = try Self.run(["io", "-", "--multipliers", "--format", "csv", "--table", "multipliers"], input: data)
        let direct = try GRDPBinary.run(["io", file, "--multipliers", "--format", "csv", "--table", "multipliers"])
        #expect(piped.status == 0 && direct.status == 0, "\(piped.standardError)")
        #expect(!piped.standardOutput.isEmpty && piped.standardOutput == direct.standardOutput)
    }

    @Test("A bad table on standard input is one error line naming <stdin>")
    func badTableNamesStandardInput() throws {
        let outcome = try Self.run(["io", "-"], input: Data("a,b\n1,2\n".utf8))
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("grdp: error: <stdin>"), "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("contrib --accounts - reads accounts from standard input; errors name <stdin>:LINE:COLUMN")
    func accountsFromStandardInput() throws {
        let accounts = "# grdp_target: 8.0\nsector,group,base_value,target\nfarming,agriculture,100,3\nfactories,industry,300,8\n"
        let piped = try Self.run(["contrib", "--accounts", "-", "--format", "csv"], input: Data(accounts.utf8))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-stdin-\(UUID().uuidString).csv")
        try accounts.write(to: folder, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let direct = try GRDPBinary.run(["contrib", "--accounts", folder.path, "--format", "csv"])
        #expect(piped.status == 0 && direct.status == 0, "\(piped.standardError) \(direct.standardError)")
        #expect(piped.standardOutput == direct.standardOutput.replacingOccurrences(of: folder.path, with: "<stdin>"))
        let bad = try Self.run(["contrib", "--accounts", "-"], input: Data("sector,x\n".utf8))
        #expect(bad.status == 1 && bad.standardError.hasPrefix("grdp: error: <stdin>:1:"), "\(bad.standardError)")
    }

    @Test("run --keep-draws - is refused in one line, exit 64")
    func keepDrawsToStandardOutput() throws {
        let outcome = try GRDPBinary.run(["run", "--keep-draws", "-"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--keep-draws -: the draws cannot go to standard output (they would mix with the report)"))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }
}
