import Foundation
import Testing

/// `grdp run --shard K/N --partial FILE`, `grdp merge` and `--checkpoint`, end to end on the
/// binary: the merged report is byte for byte the single process's, a run killed with SIGKILL
/// continues to the same bytes, and every refusal is one line with its exit code.
@Suite("Split runs, merge and resume", .serialized)
struct ScaleOutCommandTests {
    /// 10,000 draws = 2 full blocks and a partial one (so 3 shards have one block each and
    /// the 7-shard split of the engine tests has empty shards); the central assumptions keep
    /// the model affine (fast). Any draws and options must merge the same.
    static let runOptions = ["--draws", "10000", "--seed", "5", "--central-assumptions"]

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-scaleout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func shards(_ count: Int, in directory: URL, threads: Int, options: [String] = runOptions) throws -> [String] {
        try (1...count).map { k in
            let path = directory.appendingPathComponent("shard-\(k)-of-\(count).partial").path
            let outcome = try GRDPBinary.run(["run"] + options + ["--shard", "\(k)/\(count)", "--threads", String(threads), "--partial", path])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(outcome.standardOutput.isEmpty)
            return path
        }
    }

    /// The engine tests (ShardMergeTests) cover 1, 2, 3 and 7 shards at 1–3 threads in
    /// process; this runs the binary on splits of 2 and 3 (each merge recomputes the model
    /// variants and the back-test, seconds in a debug build).
    @Test("merge of 2 and 3 shard files (2 and 1 threads) prints the single run's JSON and text byte for byte")
    func mergeIdentity() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = try GRDPBinary.run(["run"] + Self.runOptions + ["--format", "json"])
        let text = try GRDPBinary.run(["run"] + Self.runOptions)
        #expect(json.status == 0 && text.status == 0)
        for (count, threads) in [(2, 2), (3, 1)] {
            let files = try Self.shards(count, in: directory, threads: threads)
            let merged = try GRDPBinary.run(["merge"] + files.reversed() + ["--format", "json"])
            #expect(merged.status == 0, "\(merged.standardError)")
            #expect(merged.standardOutput == json.standardOutput, "\(count) shards at \(threads) threads")
            if count == 3 {
                #expect(try GRDPBinary.run(["merge"] + files).standardOutput == text.standardOutput)
            }
        }
    }

    @Test("--shard auto reads SLURM_ARRAY_TASK_ID/COUNT, JOB_COMPLETION_INDEX with auto/N, AWS_BATCH_JOB_ARRAY_INDEX")
    func automaticShard() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environments: [(String, [String: String])] = [
            ("auto", ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "3"]),
            ("auto/3", ["JOB_COMPLETION_INDEX": "0"]),
            ("auto/3", ["AWS_BATCH_JOB_ARRAY_INDEX": "2"]),
        ]
        var files: [String] = []
        for (index, (shard, environment)) in environments.enumerated() {
            let path = directory.appendingPathComponent("auto-\(index).partial").path
            let outcome = try Self.run(["run"] + Self.runOptions + ["--shard", shard, "--partial", path], environment: environment)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            files.append(path)
        }
        let head = String(decoding: try Data(contentsOf: URL(fileURLWithPath: files[0])).prefix(400), as: UTF8.self)
        #expect(head.contains("\nshard 2/3\n"))
        let merged = try GRDPBinary.run(["merge"] + files + ["--format", "json"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == (try GRDPBinary.run(["run"] + Self.runOptions + ["--format", "json"])).standardOutput)
        let none = try Self.run(["run", "--shard", "auto", "--partial", directory.appendingPathComponent("x").path], environment: [:])
        #expect(none.status == 64)
        #expect(none.standardError.hasPrefix("grdp: error: --shard auto: none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX is set; give --shard K/N"))
        let k8s = try Self.run(["run", "--shard", "auto", "--partial", directory.appendingPathComponent("x").path], environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(k8s.status == 64)
        #expect(k8s.standardError.contains("JOB_COMPLETION_INDEX is set but not the number of shards; give --shard auto/N"))
    }

    @Test("merge refuses, with one located line and exit 1: mixed runs, missing and duplicated shards, corrupted files")
    func refusals() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try Self.shards(3, in: directory, threads: 1)
        let otherSeed = directory.appendingPathComponent("other-seed.partial").path
        #expect(try GRDPBinary.run(["run", "--draws", "10000", "--seed", "6", "--central-assumptions", "--shard", "2/3", "--partial", otherSeed]).status == 0)
        let otherDraws = directory.appendingPathComponent("other-draws.partial").path
        #expect(try GRDPBinary.run(["run", "--draws", "10001", "--seed", "5", "--central-assumptions", "--shard", "2/3", "--partial", otherDraws]).status == 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: files[1]))
        func variant(_ name: String, _ bytes: Data) throws -> String {
            let path = directory.appendingPathComponent(name).path
            try bytes.write(to: URL(fileURLWithPath: path))
            return path
        }
        var flipped = original
        let stateStart = try #require(String(decoding: original, as: UTF8.self).range(of: "\nstate ")).upperBound.utf16Offset(in: String(decoding: original, as: UTF8.self))
        flipped[stateStart + 10] = flipped[stateStart + 10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let badChecksum = try variant("flipped.partial", flipped)
        let truncated = try variant("truncated.partial", original.prefix(original.count - 30))
        let firstLine = Data("grdp-partial-run 3\n".utf8)
        #expect(original.prefix(firstLine.count) == firstLine)
        let newer = try variant("newer.partial", Data("grdp-partial-run 4\n".utf8) + original.dropFirst(firstLine.count))
        let older = try variant("older.partial", Data("grdp-partial-run 2\n".utf8) + original.dropFirst(firstLine.count))
        let notPartial = try variant("report.json", Data("{}\n".utf8))
        let cases: [([String], String)] = [
            ([files[0], otherSeed, files[2]], "grdp: error: \(otherSeed): not a shard of the same run as \(files[0]) (seed 6 vs 5); merge the shards of one run only"),
            ([files[0], otherDraws, files[2]], "grdp: error: \(otherDraws): not a shard of the same run as \(files[0]) (draws 10001 vs 10000); merge the shards of one run only"),
            ([files[0], files[2]], "grdp: error: shard 2/3 is missing (2 of 3 given); run it with grdp run --shard 2/3 --partial FILE and merge every shard"),
            ([files[0], files[1], files[1], files[2]], "grdp: error: \(files[1]): shard 2/3 is also given as \(files[1]); give each shard once"),
            ([files[0], badChecksum, files[2]], "grdp: error: \(badChecksum): corrupted (its CRC-32 does not match its crc32 line); rerun the command that wrote it"),
            ([files[0], truncated, files[2]], "grdp: error: \(truncated): truncated (it does not end with its crc32 line); rerun the command that wrote it"),
            ([files[0], newer, files[2]], "grdp: error: \(newer): partial-run format 4, this grdp reads format 3; rerun the command that wrote it with this grdp"),
            ([files[0], older, files[2]], "grdp: error: \(older): partial-run format 2, this grdp reads format 3; rerun the command that wrote it with this grdp"),
            ([notPartial], "grdp: error: \(notPartial): not a partial-run file (it does not start with 'grdp-partial-run'); give a file written by grdp run --partial or --checkpoint"),
        ]
        for (arguments, line) in cases {
            let outcome = try GRDPBinary.run(["merge"] + arguments + ["-o", directory.appendingPathComponent("out.json").path])
            #expect(outcome.status == 1)
            #expect(outcome.standardError == line + "\n")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.json").path))
        }
        let usage: [([String], String)] = [
            (["run", "--shard", "2/3"], "--shard needs --partial FILE, the file grdp merge reads"),
            (["run", "--shard", "4/3", "--partial", "x"], "--shard 4/3: K/N needs 1 ≤ K ≤ N ≤ 1000000"),
        ]
        for (arguments, text) in usage {
            let outcome = try GRDPBinary.run(arguments)
            #expect(outcome.status == 64)
            #expect(outcome.standardError.hasPrefix("grdp: error: " + text), "\(outcome.standardError)")
        }
    }

    @Test("Killed with SIGKILL after a checkpoint, the same command continues and ends with the uninterrupted run's bytes; another run's checkpoint is refused")
    func resumeAfterKill() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 40,000 draws (10 blocks) with a checkpoint after each block: the test kills the run
        // as soon as a checkpoint with some but not all blocks exists.
        let options = ["run", "--draws", "40000", "--seed", "9", "--central-assumptions", "--format", "json", "--threads", "2"]
        let uninterrupted = try GRDPBinary.run(options)
        #expect(uninterrupted.status == 0)
        let checkpoint = directory.appendingPathComponent("run.checkpoint").path
        let output = directory.appendingPathComponent("out.json").path
        let command = options + ["--checkpoint", checkpoint, "--checkpoint-interval", "0.2", "-o", output]
        let process = Process()
        process.executableURL = GRDPBinary.url
        process.arguments = command
        process.currentDirectoryURL = GRDPBinary.repositoryRoot
        process.standardError = FileHandle.nullDevice
        try process.run()
        let start = Date()
        func saved() -> String? { (try? Data(contentsOf: URL(fileURLWithPath: checkpoint))).map { String(decoding: $0.prefix(400), as: UTF8.self) } }
        while saved() == nil, process.isRunning, Date().timeIntervalSince(start) < 300 { usleep(5_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(!FileManager.default.fileExists(atPath: output))
        let blocksLine = try #require(saved()?.split(separator: "\n").first { $0.hasPrefix("blocks ") })
        #expect(blocksLine != "blocks 0..<10, done to 10", "the run ended before it was killed; the test needs a slower run")
        let resumed = try GRDPBinary.run(command)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == uninterrupted.standardOutput)
        let other = try GRDPBinary.run(["run", "--draws", "40000", "--seed", "10", "--central-assumptions", "--checkpoint", checkpoint])
        #expect(other.status == 1)
        #expect(other.standardError == "grdp: error: \(checkpoint): the checkpoint is of another run (seed 9 vs 10); delete it or give another --checkpoint file\n")
    }

    /// Starts `command`, waits until its checkpoint holds some but not all of its blocks, and
    /// kills it with SIGKILL; returns the checkpoint's `blocks` line.
    static func killAfterFirstCheckpoint(_ command: [String], checkpoint: String, blocks: Int) throws -> String {
        let process = Process()
        process.executableURL = GRDPBinary.url
        process.arguments = command
        process.currentDirectoryURL = GRDPBinary.repositoryRoot
        process.standardError = FileHandle.nullDevice
        try process.run()
        let start = Date()
        func saved() -> String? { (try? Data(contentsOf: URL(fileURLWithPath: checkpoint))).map { String(decoding: $0.prefix(400), as: UTF8.self) } }
        while saved() == nil, process.isRunning, Date().timeIntervalSince(start) < 300 { usleep(5_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        let line = saved()?.split(separator: "\n").first { $0.hasPrefix("blocks ") }.map(String.init) ?? ""
        #expect(line.hasPrefix("blocks 0..<\(blocks), done to ") && line != "blocks 0..<\(blocks), done to \(blocks)",
                "the run ended before it was killed; the test needs a slower run")
        return line
    }

    @Test("--checkpoint with --keep-draws (CSV and .gz): killed with SIGKILL and resumed, the kept draws are the uninterrupted run's bytes")
    func resumeWithKeptDraws() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = ["run", "--draws", "40000", "--seed", "9", "--central-assumptions", "--format", "json", "--threads", "2"]
        for name in ["draws.csv", "draws.csv.gz"] {
            let plain = directory.appendingPathComponent("uninterrupted-" + name).path
            let uninterrupted = try GRDPBinary.run(options + ["--keep-draws", plain])
            #expect(uninterrupted.status == 0, "\(uninterrupted.standardError)")
            let checkpoint = directory.appendingPathComponent(name + ".checkpoint").path
            let draws = directory.appendingPathComponent(name).path
            let output = directory.appendingPathComponent(name + ".json").path
            let command = options + ["--checkpoint", checkpoint, "--checkpoint-interval", "0.2", "--keep-draws", draws, "-o", output]
            _ = try Self.killAfterFirstCheckpoint(command, checkpoint: checkpoint, blocks: 10)
            #expect(!FileManager.default.fileExists(atPath: draws) && !FileManager.default.fileExists(atPath: output))
            let staged = directory.appendingPathComponent("." + name + ".checkpoint-draws").path
            #expect(FileManager.default.fileExists(atPath: staged), "the draws kept so far stay beside the target")
            // What the killed run wrote after its last checkpoint is cut off on resume.
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: staged))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("999999,garbage after the checkpoint\n".utf8))
            try handle.close()
            let resumed = try GRDPBinary.run(command)
            #expect(resumed.status == 0, "\(resumed.standardError)")
            #expect(try String(contentsOfFile: output, encoding: .utf8) == uninterrupted.standardOutput)
            #expect(try Data(contentsOf: URL(fileURLWithPath: draws)) == Data(contentsOf: URL(fileURLWithPath: plain)), "\(name): same bytes")
            #expect(!FileManager.default.fileExists(atPath: staged))
            // The finished run's checkpoint cannot rewrite draws it no longer has.
            let again = try GRDPBinary.run(command)
            #expect(again.status == 1)
            #expect(again.standardError == "grdp: error: \(checkpoint): the checkpoint is of a finished run whose kept draws were written already (\(draws)); delete it to start the run over, or leave out --keep-draws\n")
        }
        // A checkpoint written without --keep-draws cannot supply the draws of its blocks.
        let checkpoint = directory.appendingPathComponent("bare.checkpoint").path
        let bare = options + ["--checkpoint", checkpoint, "--checkpoint-interval", "0.2"]
        _ = try Self.killAfterFirstCheckpoint(bare, checkpoint: checkpoint, blocks: 10)
        let refused = try GRDPBinary.run(bare + ["--keep-draws", directory.appendingPathComponent("late.csv").path])
        #expect(refused.status == 1)
        #expect(refused.standardError.hasPrefix("grdp: error: \(checkpoint): the checkpoint was written without --keep-draws, so its "))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("late.csv").path))
    }

    static func run(_ arguments: [String], environment: [String: String]) throws -> GRDPBinary.Outcome {
        let process = Process()
        process.executableURL = GRDPBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = GRDPBinary.repositoryRoot
        var base = ProcessInfo.processInfo.environment
        for key in ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "JOB_COMPLETION_INDEX",
                    "AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE"] { base[key] = nil }
        process.environment = base.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return GRDPBinary.Outcome(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                                  standardError: String(decoding: errData, as: UTF8.self))
    }
}
