import ArgumentParser
import ForecastStore
import Foundation

/// `--store FILE.sqlite` on `run`: record the forecast as a vintage (docs/store.md).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: "Record the forecast (a vintage: scenario, published quarters, overrides, headline and every table) in this SQLite store (docs/store.md).")
    var path: String?

    /// Opens the store before a long run, so that a wrong file fails first; nothing is
    /// created here (the record does it).
    func check() throws { try Self.check(path) }

    static func check(_ path: String?) throws {
        guard let path, FileManager.default.fileExists(atPath: path) else { return }
        _ = try ForecastStore(path: path, mustExist: true)
    }

    /// Runs `emit` (which writes the output files) inside the store's transaction, so the
    /// vintage is recorded exactly when the output has been written; without `--store`, runs
    /// `emit` alone.
    func record(_ vintage: Vintage?, emit: () throws -> Void) throws {
        guard let path, let vintage else { return try emit() }
        let store = try ForecastStore(path: path)
        try store.record(vintage, beforeCommit: emit)
    }
}
