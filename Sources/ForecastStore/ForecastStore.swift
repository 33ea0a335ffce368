import Foundation
import GRDB

/// The forecast store: an SQLite file (through GRDB) holding every recorded vintage, with
/// the schema of `StoreSchema` (docs/store.md).
///
/// Opening checks the file before anything is written: a file that is not SQLite, or SQLite
/// without grdp's `application_id` and with tables of its own, is `notAStore`; a store with
/// migrations this version does not know is `newerSchema`. Recording is one transaction, so
/// a failure leaves the store as it was (and a store file the failed call created is removed).
public final class ForecastStore: @unchecked Sendable {
    public let path: String
    let queue: DatabaseQueue
    /// Whether this call created the file (removed again if the first record fails).
    let createdFile: Bool

    /// Opens (and creates, unless `mustExist`) the store at `path`, migrating it to this
    /// version's schema.
    /// - Throws: `ForecastStoreError.notAStore`, `.newerSchema` or `.database`.
    public init(path: String, mustExist: Bool = false) throws(ForecastStoreError) {
        self.path = path
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists, (info.st_mode & S_IFMT) != S_IFREG {
            throw .notAStore(path: path, reason: "it is not a regular file")
        }
        if !exists, mustExist { throw .missing(path: path) }
        if exists, info.st_size > 0 { try Self.checkSQLiteHeader(path) }
        createdFile = !exists
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            if !exists { try? FileManager.default.removeItem(atPath: path) }
            throw Self.translate(error, path: path)
        }
        do {
            try checkIdentity()
            try StoreSchema.migrator.migrate(queue)
        } catch {
            if !exists { try? FileManager.default.removeItem(atPath: path) }
            if let error = error as? ForecastStoreError { throw error }
            throw Self.translate(error, path: path)
        }
    }

    /// Refuses another program's database and a schema from a newer grdp.
    private func checkIdentity() throws {
        let (application, tables): (Int32, [String]) = try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        }
        if application != StoreSchema.applicationID, !tables.isEmpty {
            throw ForecastStoreError.notAStore(path: path, reason: "an SQLite database with other tables (\(tables.prefix(3).joined(separator: ", ")))")
        }
        let migrator = StoreSchema.migrator
        if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
            let applied = try queue.read { try migrator.appliedIdentifiers($0) }
            let known = Set(migrator.migrations)
            throw ForecastStoreError.newerSchema(path: path, unknown: applied.subtracting(known).sorted())
        }
    }

    /// The first 16 bytes of an SQLite file are "SQLite format 3\0".
    private static func checkSQLiteHeader(_ path: String) throws(ForecastStoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .database(path: path, reason: "cannot read the file") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else { throw .notAStore(path: path, reason: "it is not an SQLite file") }
    }

    static func translate(_ error: Error, path: String) -> ForecastStoreError {
        if let error = error as? ForecastStoreError { return error }
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { return .notAStore(path: path, reason: "it is not an SQLite file") }
            return .database(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        return .database(path: path, reason: "\(error)")
    }
}
