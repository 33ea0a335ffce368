/// Why the forecast store or a batch manifest cannot be used: the ForecastStore module's
/// one error type. Every `description` is one line naming the file (and, for a manifest,
/// the line and key) and how to fix it.
public enum ForecastStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not SQLite, or is SQLite without grdp's tables.
    case notAStore(path: String, reason: String)
    /// The store was written by a newer grdp (migrations this version does not know).
    case newerSchema(path: String, unknown: [String])
    /// SQLite refused to open, read or write the store.
    case database(path: String, reason: String)
    /// `history` was given a store that does not exist.
    case missing(path: String)
    /// `history` found no vintage of the year.
    case noVintages(path: String, year: Int)
    /// A batch manifest that cannot be read or is malformed, at `line` (0: the whole file).
    case manifest(path: String, line: Int, message: String)

    public var description: String {
        switch self {
        case let .notAStore(path, reason):
            "\(path): not a grdp forecast store (\(reason)); give a file written by 'grdp run --store' or 'grdp batch', or a new file name"
        case let .newerSchema(path, unknown):
            "\(path): the store was written by a newer grdp (schema steps \(unknown.joined(separator: ", ")) are unknown to this version); use that grdp version, or a new store file"
        case let .database(path, reason):
            "\(path): the forecast store cannot be used (\(reason)); check the file and its folder are writable and the disk is not full"
        case let .missing(path):
            "\(path): no such forecast store; record forecasts with 'grdp run --store \(path)' or 'grdp batch', or give the store with --store"
        case let .noVintages(path, year):
            "\(path): no forecast of \(year) is recorded; record one with 'grdp run --store \(path)' for a scenario of \(year), or give another --year"
        case let .manifest(path, line, message):
            line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
        }
    }
}
