import Foundation

/// Errors writing output files, and results that cannot be written.
public enum ReportingError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    /// A computed number is NaN or infinite; `inputs` names what the command computed it from.
    case nonFiniteResult(table: String, row: String, column: String, inputs: String)
    /// The HTML report's template did not parse (an internal error).
    case template(reason: String)
    /// A partial-run or checkpoint file that cannot be read (missing, another format,
    /// truncated, a checksum that does not match); `reason` says which and what to do.
    case unreadablePartial(path: String, reason: String)
    /// An input file that cannot be read or decompressed (`GzipInput`).
    case unreadableInput(path: String, reason: String)
    /// OpenSSL's libcrypto could not compute a SHA-256 (`SHA256Digest`; an internal error).
    case digest(reason: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason):
            return "\(path.isEmpty ? "''" : path): cannot write the file (\(reason)); check that the directory exists and is writable and the disk is not full"
        case let .nonFiniteResult(table, row, column, inputs):
            return "the result \(table) [\(row), \(column)] is not a finite number; \(inputs) are too large or too extreme for the computation — use smaller magnitudes"
        case let .unreadablePartial(path, reason):
            return "\(path): \(reason)"
        case let .unreadableInput(path, reason):
            return "\(path): \(reason)"
        case let .template(reason):
            return "internal error: the HTML report template does not parse (\(reason)); please report this"
        case let .digest(reason):
            return "internal error: OpenSSL's libcrypto cannot compute SHA-256 (\(reason)); check that the OpenSSL configuration (OPENSSL_CONF) loads its default provider"
        }
    }
}

/// Writes a whole file through `StagedFile`: atomically (temporary file, then rename) for
/// regular files, in place for devices and FIFOs; every write error is reported.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(ReportingError) {
        let file = try StagedFile(path: path)
        do {
            try file.append(text)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }

    /// The same for bytes (a partial-run file).
    public static func write(bytes: [UInt8], to path: String) throws(ReportingError) {
        let file = try StagedFile(path: path)
        do {
            try file.append(bytes: bytes)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }
}
