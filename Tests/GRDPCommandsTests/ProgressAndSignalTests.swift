import Foundation
import Testing

/// Progress on standard error (`--progress none|bar|log`) and clean stops on SIGINT/SIGTERM.
@Suite("Progress and signals", .serialized)
struct ProgressAndSignalTests {
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = GRDPBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = GRDPBinary.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    @Test("--progress log writes 'done/total draws, rate, ETA' lines on standard error, not on standard output")
    func logLines() throws {
        let (process, out, err) = try Self.start(["run", "--draws", "20000", "--central-assumptions", "--progress", "log", "--format", "json"],
                                                 environment: ["GRDP_PROGRESS_INTERVAL": "0.000001"])
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try JSONSerialization.jsonObject(with: output) is [String: Any])
        let lines = log.split(separator: "\n")
        #expect(!lines.isEmpty)
        // Every line: "grdp: PP% DONE/20,000 draws, RATE draws/s, ETA M:SS", DONE a multiple of
        // the 4,096-draw block (or the total) and increasing; the last one is the total. Before
        // the first block ends the rate is unknown: "0/20,000 draws, 0 draws/s, ETA --".
        let pattern = try NSRegularExpression(pattern: "^grdp: +[0-9]+% ([0-9,]+)/20,000 draws, [0-9.]+[kM]? draws/s, ETA ([0-9:]+|--)$")
        let done = lines.compactMap { line -> Int? in
            let text = String(line)
            guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range(at: 1), in: text) else { return nil }
            return Int(text[range].replacingOccurrences(of: ",", with: ""))
        }
        #expect(done.count == lines.count, "\(lines)")
        #expect(done == done.sorted() && done.allSatisfy { $0 % 4096 == 0 || $0 == 20000 })
        #expect(done.last == 20000)
        #expect(!log.contains("\r"))
    }

    @Test("--progress bar redraws one line in place: [###…] done/total, rate, ETA, then clears it")
    func bar() throws {
        let (process, out, err) = try Self.start(["run", "--draws", "20000", "--central-assumptions", "--progress", "bar", "--format", "json"])
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // The last redraw is the full bar (24 '#'), and the line is cleared at the end.
        #expect(log.contains("\r[" + String(repeating: "#", count: 24) + "] 100% 20,000/20,000 draws  "), "\(log.debugDescription)")
        #expect(log.contains("draws/s  ETA "))
        #expect(log.hasSuffix("\r\u{1B}[K"))
        #expect(!log.contains("\n"))
    }

    @Test("--progress none writes nothing on standard error")
    func none() throws {
        let outcome = try GRDPBinary.run(["run", "--draws", "9000", "--central-assumptions", "--progress", "none"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.isEmpty)
        let bad = try GRDPBinary.run(["run", "--progress", "loud"])
        #expect(bad.status == 64)
    }

    /// A long run writing `--keep-draws` is stopped once its temporary file exists: the exit
    /// status is 128 + the signal (130, 143), one line says so, and the directory is empty.
    @Test("SIGINT and SIGTERM stop a run, leave no temporary file, exit 130 and 143", arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func signals(_ signalNumber: Int32, _ status: Int32) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let draws = directory.appendingPathComponent("draws.csv").path
        let (process, _, err) = try Self.start(["run", "--draws", "20000000", "--keep-draws", draws, "--progress", "none", "--threads", "1"])
        // Wait for the writer's own temporary file, `.draws.csv.tmp-PID-N` (StagedFile).
        let prefix = ".draws.csv.tmp-\(process.processIdentifier)-"
        func temporaryExists() -> Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).contains { $0.hasPrefix(prefix) }
        }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !temporaryExists(), process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(temporaryExists(), "the run never created its temporary file")
        kill(process.processIdentifier, signalNumber)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        #expect(message.split(separator: "\n").count == 1, "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
