import Dispatch
import Reporting

/// The `meta` entry of an input file (`InputFile.fingerprint(role:path:)`: its SHA-256),
/// computed on a second thread while the command reads and analyses the same file. The
/// digest depends on the file's bytes alone, so the report is the same as when it is
/// computed after the analysis; with a second core free, its cost leaves the critical path.
final class InputFingerprint: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the worker before `finished` is signalled, read only after waiting for it.
    private var entry: Result<ReportMeta.Input?, ReportingError> = .success(nil)

    /// Starts hashing the file at `path` (nothing for nil or standard input, as `InputFile.fingerprint` does).
    init(role: String, path: String?) {
        guard let path, path != "-" else {
            finished.signal()
            return
        }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            entry = Result { () throws(ReportingError) in try InputFile.fingerprint(role: role, path: path) }
            finished.signal()
        }
    }

    /// The entry, waiting for the worker if it has not finished; nil when the file cannot be read.
    /// - Throws: the digest's error (`ReportingError.digest`).
    var value: ReportMeta.Input? {
        get throws(ReportingError) {
            finished.wait()
            defer { finished.signal() }
            return try entry.get()
        }
    }
}
