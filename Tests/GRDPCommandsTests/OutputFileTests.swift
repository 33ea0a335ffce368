import Foundation
import Testing

/// Output files: regular files are replaced atomically, devices, FIFOs and links to them are
/// written in place, every write error is one line, and no file is left behind by a command
/// that fails or is interrupted.
@Suite("grdp output files", .serialized)
struct OutputFileTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR
    }

    static func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Runs the binary with standard output going to `standardOutput` (a file handle).
    static func run(_ arguments: [String], standardOutput: FileHandle) throws -> (status: Int32, standardError: String) {
        let process = Process()
        process.executableURL = GRDPBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = GRDPBinary.repositoryRoot
        let err = Pipe()
        process.standardOutput = standardOutput
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    /// A private full device (character device 1,7, as /dev/full) in a fresh temporary
    /// directory, so that a regression replaces only this node, never the system's device.
    /// Making a device node needs root.
    static func privateFullDevice() throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("full").path
        guard mknod(path, mode_t(S_IFCHR | 0o666), dev_t(1 << 8 | 7)) == 0 else {
            throw CocoaError(.fileWriteNoPermission)
        }
        return (directory, path)
    }

    static let isRoot = geteuid() == 0

    @Test("-o FULL-DEVICE: ENOSPC is one error line, exit 1, and the device stays a device",
          .enabled(if: OutputFileTests.isRoot, "making a device node needs root"))
    func fullDevice() throws {
        let (directory, full) = try Self.privateFullDevice()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try GRDPBinary.run(["info", "-o", full])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "grdp: error: \(full): cannot write the file (No space left on device); check that the directory exists and is writable and the disk is not full\n")
        #expect(Self.isCharacterDevice(full))
        let draws = try GRDPBinary.run(["run", "--draws", "10", "--central-assumptions", "--keep-draws", full])
        #expect(draws.status == 1)
        #expect(draws.standardError.split(separator: "\n").count == 1)
        #expect(draws.standardError.hasPrefix("grdp: error: \(full): cannot write the draws (No space left on device)"), "\(draws.standardError)")
        #expect(Self.isCharacterDevice(full))
    }

    @Test("Standard output on a full device is an error line, not a crash",
          .enabled(if: OutputFileTests.isRoot, "making a device node needs root"))
    func standardOutputFull() throws {
        let (directory, path) = try Self.privateFullDevice()
        defer { try? FileManager.default.removeItem(at: directory) }
        let full = try #require(FileHandle(forWritingAtPath: path))
        let outcome = try Self.run(["info"], standardOutput: full)
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "grdp: error: standard output: cannot write the result (No space left on device); check where standard output goes\n")
    }

    /// A link to the process's own standard output (what /dev/stdout is on Linux) is
    /// written through the descriptor, not replaced.
    @Test("-o a link to standard output writes to standard output")
    func devStdout() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-stdout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("stdout").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let outcome = try GRDPBinary.run(["info", "--format", "csv", "-o", link])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("leontief_example") || outcome.standardOutput.contains("Miller & Blair"))
    }

    @Test("A FIFO is written in place and stays a FIFO")
    func fifo() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = ReceivedText()
        let reader = Thread {
            let handle = FileHandle(forReadingAtPath: fifo)
            received.set(String(decoding: handle?.readDataToEndOfFile() ?? Data(), as: UTF8.self))
            received.done.signal()
        }
        reader.start()
        let outcome = try GRDPBinary.run(["info", "--format", "csv", "-o", fifo])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(received.done.wait(timeout: .now() + 30) == .success)
        #expect(received.text.contains("OpenBLAS"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(try Self.entries(directory) == ["pipe"])
    }

    final class ReceivedText: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        private(set) var text = ""
        func set(_ text: String) { self.text = text }
    }

    @Test("A symbolic link to a regular file is kept; its target is replaced atomically")
    func symbolicLink() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("report.csv")
        try "old\n".write(to: target, atomically: true, encoding: .utf8)
        let link = directory.appendingPathComponent("latest.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let outcome = try GRDPBinary.run(["info", "--format", "csv", "-o", link.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("OpenBLAS"))
        #expect(try Self.entries(directory) == ["latest.csv", "report.csv"])
        // A link to nothing, and a directory, are one error line each.
        let dangling = directory.appendingPathComponent("dangling.csv")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: directory.appendingPathComponent("missing/x").path)
        let nowhere = try GRDPBinary.run(["info", "-o", dangling.path])
        #expect(nowhere.status == 1)
        #expect(nowhere.standardError.contains("dangling.csv: cannot write the file (it is a symbolic link to a missing file)"))
        let folder = try GRDPBinary.run(["info", "-o", directory.path])
        #expect(folder.status == 1)
        #expect(folder.standardError.contains("cannot write the file (it is a directory; give a file name)"))
    }

    @Test("--keep-draws is not kept when -o then fails")
    func keptDrawsNeedTheReport() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let draws = directory.appendingPathComponent("draws.csv").path
        let outcome = try GRDPBinary.run([
            "run", "--draws", "100", "--central-assumptions", "--keep-draws", draws,
            "-o", directory.appendingPathComponent("no-such-dir/report.txt").path,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(outcome.standardError.contains("no-such-dir/report.txt: cannot write the file (No such file or directory)"))
        #expect(try Self.entries(directory).isEmpty)
        // Both succeed: both files exist, and no temporary file is left.
        let report = directory.appendingPathComponent("report.txt").path
        let good = try GRDPBinary.run(["run", "--draws", "100", "--central-assumptions", "--keep-draws", draws, "-o", report])
        #expect(good.status == 0, "\(good.standardError)")
        #expect(try Self.entries(directory) == ["draws.csv", "report.txt"])
        #expect(try String(contentsOfFile: draws, encoding: .utf8).split(separator: "\n").count == 101)
    }

    @Test("io --write writes nothing when a later check fails")
    func ioWriteAfterChecks() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = directory.appendingPathComponent("table.csv").path
        let outcome = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--write", written, "--impact", "mining=10"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(outcome.standardError.contains("mining"))
        #expect(try Self.entries(directory).isEmpty)
        let good = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--write", written, "--impact", "agriculture=10"])
        #expect(good.status == 0, "\(good.standardError)")
        #expect(try Self.entries(directory) == ["table.csv"])
    }

    /// SIGTERM while draws stream into their temporary file: the handler removes it and the
    /// process ends with 128 + 15. SIGINT gives 130 the same way.
    @Test("SIGTERM and SIGINT during a run remove the temporary files", arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func interrupted(signalNumber: Int32, expectedStatus: Int32) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = GRDPBinary.url
        process.arguments = ["run", "--draws", "5000000", "--threads", "1", "--keep-draws", directory.appendingPathComponent("draws.csv").path]
        process.currentDirectoryURL = GRDPBinary.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while try Self.entries(directory).isEmpty, Date() < deadline, process.isRunning { usleep(20_000) }
        #expect(try Self.entries(directory).count == 1, "the temporary draws file should exist while running")
        kill(process.processIdentifier, signalNumber)
        let stopBy = Date().addingTimeInterval(20)
        while process.isRunning, Date() < stopBy { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == expectedStatus)
        #expect(try Self.entries(directory).isEmpty)
    }
}
