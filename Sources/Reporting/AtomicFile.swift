import Foundation

/// Errors writing output files.
public enum ReportingError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    /// The HTML report's template did not parse (an internal error).
    case template(reason: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason):
            return "\(path): cannot write the file (\(reason)); check that the directory exists and is writable"
        case let .template(reason):
            return "internal error: the HTML report template does not parse (\(reason)); please report this"
        }
    }
}

/// Writes a file atomically: the text goes to a temporary file in the same directory,
/// which is then renamed over the target, so readers never see a half-written file and
/// a failure leaves any previous file untouched.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(ReportingError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        TemporaryFiles.register(temporary.path)
        defer { TemporaryFiles.unregister(temporary.path) }
        do {
            try Data(text.utf8).write(to: temporary, options: [.withoutOverwriting])
        } catch {
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }
}
