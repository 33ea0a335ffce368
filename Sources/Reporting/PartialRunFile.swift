import CZlibStream
import Foundation
import Simulation

/// The file of a shard's (or a checkpoint's) mergeable state, `grdp run --partial FILE`
/// and `--checkpoint FILE`; docs/scale-out.md describes it.
///
/// Text lines first, so that `head -n 9` shows what it is: a format line `grdp-partial-run 3`,
/// lines that name the run (tool version, scenario SHA-256, shard, seed, draws, sampling,
/// blocks done), then `state N bytes` and the state's N bytes as they are
/// (`PartialRun.encoded()`: exact 64-bit words, bucket counts as variable-length integers),
/// a newline and a last line `crc32 HEX`, the CRC-32 (ISO-HDLC, zlib's) of every byte before
/// it. Reading checks the format line, then the checksum (a truncated or edited file fails
/// it), then the state. Format 1 held the state in Base64 under a SHA-256; it is refused
/// (rerun the shard). Written atomically (temporary file, fsync, rename): a kill never leaves
/// half a file.
/// - Complexity: O(state size); the checksum runs at memory speed (zlib's `crc32_z`).
public enum PartialRunFile {
    /// The format version this build writes and reads.
    public static let formatVersion = 3
    static let formatName = "grdp-partial-run"

    /// The file's bytes for `state`.
    public static func bytes(_ state: PartialRun) -> [UInt8] {
        let identity = state.identity
        let payload = state.encoded()
        let header = """
            \(formatName) \(formatVersion)
            tool \(identity.toolVersion)
            scenario-sha256 \(identity.scenarioSHA256)
            shard \(state.shard)
            seed \(identity.seed)
            draws \(identity.draws)
            sampling \(identity.sampling.rawValue)
            blocks \(state.blocks.lowerBound)..<\(state.blocks.upperBound), done to \(state.completedEnd)
            state \(payload.count) bytes

            """
        var bytes = Array(header.utf8)
        bytes.reserveCapacity(bytes.count + payload.count + 16)
        bytes.append(contentsOf: payload)
        bytes.append(0x0A)
        bytes.append(contentsOf: Array("crc32 \(hex(crc32(bytes[...])))\n".utf8))
        return bytes
    }

    /// Writes `state` to `path` atomically.
    public static func write(_ state: PartialRun, to path: String) throws(ReportingError) {
        try AtomicFile.write(bytes: bytes(state), to: path)
    }

    /// Reads the state at `path`. - Throws: `unreadablePartial` naming the file: missing,
    /// not such a file, another format version, truncated, a checksum that does not match.
    public static func read(_ path: String) throws(ReportingError) -> PartialRun {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadablePartial(path: path, reason: "cannot be read (missing or not readable); give a file written by grdp run --partial or --checkpoint")
        }
        return try decode([UInt8](data), path: path)
    }

    /// The state in `bytes` (the contents of `path`).
    public static func decode(_ bytes: [UInt8], path: String) throws(ReportingError) -> PartialRun {
        let rerun = "rerun the command that wrote it"
        let firstLine = bytes.prefix(200).prefix { $0 != 0x0A }
        guard let line = String(validating: firstLine, as: UTF8.self), line.hasPrefix(formatName + " ") else {
            throw .unreadablePartial(path: path, reason: "not a partial-run file (it does not start with '\(formatName)'); give a file written by grdp run --partial or --checkpoint")
        }
        guard line == "\(formatName) \(formatVersion)" else {
            throw .unreadablePartial(path: path, reason: "partial-run format \(line.dropFirst(formatName.count + 1)), this grdp reads format \(formatVersion); \(rerun) with this grdp")
        }
        // The last line: "crc32 " + 8 hex digits + "\n", after the newline that ends the state.
        let trailerLength = 6 + 8 + 1
        guard bytes.count > trailerLength, bytes.last == 0x0A,
              let trailer = String(validating: bytes.suffix(trailerLength), as: UTF8.self), trailer.hasPrefix("crc32 "),
              bytes[bytes.count - trailerLength - 1] == 0x0A else {
            throw .unreadablePartial(path: path, reason: "truncated (it does not end with its crc32 line); \(rerun)")
        }
        let body = bytes[..<(bytes.count - trailerLength)]
        guard hex(crc32(body)) == trailer.dropFirst(6).dropLast() else {
            throw .unreadablePartial(path: path, reason: "corrupted (its CRC-32 does not match its crc32 line); \(rerun)")
        }
        guard let payload = payloadRange(body) else {
            throw .unreadablePartial(path: path, reason: "corrupted (no readable state line); \(rerun)")
        }
        do {
            return try PartialRun(encoded: Array(body[payload]))
        } catch {
            throw .unreadablePartial(path: path, reason: "corrupted (\(error.description)); \(rerun)")
        }
    }

    /// Where the state's bytes lie in `body`: after the line `state N bytes` (within the
    /// first 64 KiB of text lines), N bytes, then the newline that ends `body`.
    static func payloadRange(_ body: ArraySlice<UInt8>) -> Range<Int>? {
        var start = body.startIndex
        let textEnd = min(body.endIndex, body.startIndex + 65_536)
        while start < textEnd {
            guard let end = body[start..<textEnd].firstIndex(of: 0x0A) else { return nil }
            if let line = String(validating: body[start..<end], as: UTF8.self), line.hasPrefix("state "), line.hasSuffix(" bytes"),
               let count = Int(line.dropFirst(6).dropLast(6)), count >= 0 {
                let payloadStart = end + 1
                guard body.endIndex - payloadStart == count + 1 else { return nil }
                return payloadStart..<(payloadStart + count)
            }
            start = end + 1
        }
        return nil
    }

    /// zlib's CRC-32 of `bytes`.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(crc32_z(0, $0.baseAddress, $0.count)) }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
