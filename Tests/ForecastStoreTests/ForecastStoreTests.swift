import Forecasting
import ForecastStore
import Foundation
import GRDB
import Reporting
import Testing

/// The forecast store: round trip, migration, refusals, and the history's scores.
@Suite("Forecast store")
struct ForecastStoreTests {
    static func temporaryPath(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    /// A vintage with every kind of cell, awkward numbers (they must come back bit for bit)
    /// and text with quotes and non-ASCII letters.
    static func vintage(quarters: [Double] = [7.41, 8.13], p: Double = 0.734130859375, mean: Double = 8.4, sd: Double = 0.55) -> Vintage {
        let table = ResultTable(
            id: "sector_contributions", title: "Sector contributions (pp) — \"bands\"",
            columns: [.init("sector", "Sector"), .init("mean_pp", "Mean (pp)"), .init("p5_pp", "P5 (pp)"), .init("note", "Note", unit: "flag")],
            rows: [[.text("Công nghiệp"), .number(1.0 / 3.0, decimals: 3), .number(-0.0000123456789, decimals: 6), .empty],
                   [.text("trade"), .number(.pi, decimals: 2), .empty, .text("a, b; \"c\"")],
                   [.empty, .empty, .empty, .empty]],
            notes: ["first note", "second, with a comma"])
        let empty = ResultTable(id: "gap", title: "Gap", columns: [.init("line", "Line")])
        let figures = [KeyFigure("target_pct", 8, unit: "%"), KeyFigure("p_meets_target", p, unit: "probability"),
                       KeyFigure("p5_growth_pct", mean - 1.645 * sd, unit: "%"), KeyFigure("median_growth_pct", mean + 0.01, unit: "%"),
                       KeyFigure("p95_growth_pct", mean + 1.645 * sd, unit: "%"), KeyFigure("mean_growth_pct", mean, unit: "%"),
                       KeyFigure("sd_growth_pct", sd, unit: "%"), KeyFigure("baseline_model", .text("national")),
                       KeyFigure("draws", .number(4096, decimals: 0), unit: "draws")]
        return Vintage(createdAt: Date(timeIntervalSince1970: 1_764_000_000.125), toolVersion: "0.1.0", scenarioName: "Hanoi 2025 plan",
                       scenarioPath: "scenarios/hanoi-2025-plan.toml", scenarioSHA256: String(repeating: "ab", count: 32),
                       scenarioContent: "[scenario]\nname = \"Hanoi 2025 plan\"\n", dataset: "hanoi-2024", year: 2025, actualQuarters: quarters,
                       overrides: ["--actual=Q1=7.41,Q2=8.13", "--set=national.growth=7.5"], seed: UInt64(Int64.max), draws: 4096,
                       sampling: "monte-carlo", baselineModel: "national", jobHash: "hash-\(quarters.count)", figures: figures, tables: [table, empty])
    }

    @Test("A recorded vintage reads back with every number, text and empty cell unchanged")
    func roundTrip() throws {
        let path = Self.temporaryPath("store.sqlite")
        let store = try ForecastStore(path: path)
        var original = Self.vintage()
        let id = try store.record(original)
        original.id = id
        let read = try #require(try ForecastStore(path: path).vintage(id: id))
        // Exact equality (tolerance 0): SQLite REAL is an IEEE double, so every value must
        // come back bit for bit, seed 2⁶³−1 included.
        #expect(read == original)
        #expect(read.tables[0].rows[0][2] == .number(-0.0000123456789, decimals: 6))
        #expect(read.figure("p_meets_target") == 0.734130859375)
        #expect(try store.contains(jobHash: "hash-2"))
        #expect(try !store.contains(jobHash: "hash-3"))
    }

    @Test("An empty file is migrated to the schema; reopening changes nothing")
    func migration() throws {
        let path = Self.temporaryPath("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        _ = try ForecastStore(path: path)
        _ = try ForecastStore(path: path).record(Self.vintage())
        let again = try ForecastStore(path: path)
        #expect(try again.count() == 1)
        let queue = try DatabaseQueue(path: path)
        let (migrations, application, tables) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"), try Int.fetchOne(db, sql: "PRAGMA application_id"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        }
        #expect(migrations == ["v1-vintages"])
        #expect(application == 0x4752_4450)
        #expect(tables == ["grdb_migrations", "result_cell", "result_column", "result_table", "sqlite_sequence", "vintage", "vintage_figure"])
    }

    @Test("A failing write inside the record leaves the store as it was, and a new file is removed")
    func atomicRecord() throws {
        struct Failure: Error {}
        let path = Self.temporaryPath("atomic.sqlite")
        #expect(throws: Failure.self) { try ForecastStore(path: path).record(Self.vintage()) { throw Failure() } }
        #expect(!FileManager.default.fileExists(atPath: path))
        let store = try ForecastStore(path: path)
        try store.record(Self.vintage())
        #expect(throws: Failure.self) { try store.record(Self.vintage(quarters: [7.41])) { throw Failure() } }
        #expect(try store.count() == 1)
        #expect(try ForecastStore(path: path).vintages(year: 2025).map(\.actualQuarters) == [[7.41, 8.13]])
    }

    @Test("A file that is not a grdp store, and a store from a newer grdp, are refused with one line")
    func refusals() throws {
        let text = Self.temporaryPath("notes.sqlite")
        try "not a database\n".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: ForecastStoreError.notAStore(path: text, reason: "it is not an SQLite file")) { try ForecastStore(path: text) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "not a database\n")

        let foreign = Self.temporaryPath("foreign.sqlite")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE customers (name TEXT)") }
        #expect(throws: ForecastStoreError.notAStore(path: foreign, reason: "an SQLite database with other tables (customers)")) {
            try ForecastStore(path: foreign)
        }

        let newer = Self.temporaryPath("newer.sqlite")
        try ForecastStore(path: newer).record(Self.vintage())
        try DatabaseQueue(path: newer).write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-future')") }
        let error = ForecastStoreError.newerSchema(path: newer, unknown: ["v2-future"])
        #expect(throws: error) { try ForecastStore(path: newer) }
        #expect(!error.description.contains("\n") && error.description.hasPrefix(newer + ": "))
        #expect(throws: ForecastStoreError.missing(path: newer + "-absent")) { try ForecastStore(path: newer + "-absent", mustExist: true) }
    }

    @Test("Scores of a vintage: CRPS, log score and PIT of N(mean, sd²), Brier of P(≥ target)")
    func scores() {
        // y = mean = 8, sd = 1: CRPS = 2φ(0) − 1/√π = 0.797885 − 0.564190 = 0.233695 (Gneiting
        // et al. 2005, eq. 5); log score = ½ log 2π = 0.918939; PIT = ½; y ≥ 8 happened, so the
        // Brier score of p = 0.6 is 0.4² = 0.16. Tolerance 1e-6 (the constants' rounding).
        let scores = VintageHistory.scores(Self.vintage(p: 0.6, mean: 8, sd: 1), outcome: 8)
        #expect(abs((scores.crps ?? 0) - 0.233695) < 1e-6)
        #expect(abs((scores.logScore ?? 0) - 0.918939) < 1e-6)
        #expect(abs((scores.pit ?? 0) - 0.5) < 1e-12)
        #expect(abs((scores.brier ?? 0) - 0.16) < 1e-12)
        #expect(abs((scores.errorPP ?? 0) - 0.01) < 1e-12)
        #expect(scores.inBand90 == true)
        // Far outside the band: y = 12 with P5–P95 = 8 ± 1.645.
        #expect(VintageHistory.scores(Self.vintage(p: 0.6, mean: 8, sd: 1), outcome: 12).inBand90 == false)
    }

    @Test("The history lists four vintages in order with the changes between them")
    func history() throws {
        let path = Self.temporaryPath("history.sqlite")
        let store = try ForecastStore(path: path)
        // Recorded out of order: the history orders them by what they knew.
        for (quarters, p) in [([7.41, 8.13], 0.88), ([], 0.73), ([7.41, 8.13, 8.85], 0.99), ([7.41], 0.74)] as [([Double], Double)] {
            try store.record(Self.vintage(quarters: quarters, p: p))
        }
        let vintages = try store.vintages(year: 2025)
        #expect(vintages.map(\.knownPeriod) == ["before Q1", "Q1", "H1", "9M"])
        let report = VintageHistory.report(year: 2025, vintages: vintages, outcome: (8.16, "test"), storePath: path)
        let table = try #require(report.table(id: "history"))
        let change = try #require(table.columns.firstIndex { $0.id == "p_change" })
        // ΔP = p(now) − p(before): 0.74 − 0.73, 0.88 − 0.74, 0.99 − 0.88 (tolerance 1e-12).
        let changes = table.rows.map { row -> Double? in if case let .number(v, _) = row[change] { v } else { nil } }
        #expect(changes[0] == nil)
        for (got, want) in zip(changes.dropFirst(), [0.01, 0.14, 0.11]) { #expect(abs((got ?? .nan) - want) < 1e-12) }
        #expect(table.columns.map(\.id).contains("crps_pp"))
        #expect(try store.vintages(year: 2024).isEmpty)
    }
}
