import Foundation
import Simulation

/// The file of a shard's (or a checkpoint's) mergeable state, `grdp run --partial FILE`
/// and `--checkpoint FILE`; docs/scale-out.md describes it.
///
/// Text, so that `head` shows what it is: a format line `grdp-partial-run 1`, lines that
/// name the run (tool version, scenario SHA-256, shard, seed, draws, blocks done), the
/// state's bytes (`PartialRun.encoded()`, exact 64-bit words) in Base64 on one line, and a
/// last line `sha256 HEX`, the SHA-256 of every byte before it. Reading checks the format
/// line, then the checksum (a truncated or edited file fails it), then the state.
/// Written atomically (temporary file, fsync, rename): a kill never leaves half a file.
/// - Complexity: O(state size).
public enum PartialRunFile {
    /// The format version this build writes and reads.
    public static let formatVersion = 1
    static let formatName = "grdp-partial-run"

    /// The file's text for `state`.
    public static func text(_ state: PartialRun) -> String {
        let identity = state.identity
        var text = """
            \(formatName) \(formatVersion)
            tool \(identity.toolVersion)
            scenario-sha256 \(identity.scenarioSHA256)
            shard \(state.shard)
            seed \(identity.seed)
            draws \(identity.draws)
            sampling \(identity.sampling.rawValue)
            blocks \(state.blocks.lowerBound)..<\(state.blocks.upperBound), done to \(state.completedEnd)
            state \(Data(state.encoded()).base64EncodedString())

            """
        text += "sha256 \(SHA256Digest.hex(Array(text.utf8)))\n"
        return text
    }

    /// Writes `state` to `path` atomically.
    public static func write(_ state: PartialRun, to path: String) throws(ReportingError) {
        try AtomicFile.write(text(state), to: path)
    }

    /// Reads the state at `path`. - Throws: `unreadablePartial` naming the file: missing,
    /// not such a file, another format version, truncated, a checksum that does not match.
    public static func read(_ path: String) throws(ReportingError) -> PartialRun {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadablePartial(path: path, reason: "cannot be read (missing or not readable); give a file written by grdp run --partial or --checkpoint")
        }
        return try decode(Array(data), path: path)
    }

    /// The state in `bytes` (the contents of `path`).
    public static func decode(_ bytes: [UInt8], path: String) throws(ReportingError) -> PartialRun {
        let rerun = "rerun the command that wrote it"
        let firstLine = bytes.prefix { $0 != 0x0A }
        guard let line = String(validating: firstLine, as: UTF8.self), line.hasPrefix(formatName + " ") else {
            throw .unreadablePartial(path: path, reason: "not a partial-run file (it does not start with '\(formatName)'); give a file written by grdp run --partial or --checkpoint")
        }
        guard line == "\(formatName) \(formatVersion)" else {
            throw .unreadablePartial(path: path, reason: "partial-run format \(line.dropFirst(formatName.count + 1)), this grdp reads format \(formatVersion); \(rerun) with this grdp")
        }
        // The last line: "sha256 " + 64 hex digits + "\n".
        let trailerLength = 7 + 64 + 1
        guard bytes.count > trailerLength, bytes.last == 0x0A,
              let trailer = String(validating: bytes.suffix(trailerLength), as: UTF8.self), trailer.hasPrefix("sha256 "),
              bytes[bytes.count - trailerLength - 1] == 0x0A else {
            throw .unreadablePartial(path: path, reason: "truncated (it does not end with its sha256 line); \(rerun)")
        }
        let body = bytes.prefix(bytes.count - trailerLength)
        let expected = String(trailer.dropFirst(7).dropLast())
        guard SHA256Digest.hex(body) == expected else {
            throw .unreadablePartial(path: path, reason: "corrupted (its SHA-256 does not match its sha256 line); \(rerun)")
        }
        guard let text = String(validating: body, as: UTF8.self),
              let stateLine = text.split(separator: "\n").first(where: { $0.hasPrefix("state ") }),
              let state = Data(base64Encoded: String(stateLine.dropFirst(6))) else {
            throw .unreadablePartial(path: path, reason: "corrupted (no readable state line); \(rerun)")
        }
        do {
            return try PartialRun(encoded: Array(state))
        } catch {
            throw .unreadablePartial(path: path, reason: "corrupted (\(error.description)); \(rerun)")
        }
    }
}
