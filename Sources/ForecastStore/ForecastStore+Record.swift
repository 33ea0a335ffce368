import Foundation
import GRDB
import Reporting

extension ForecastStore {
    /// Records `vintage` in one transaction and returns its id. `beforeCommit` runs inside
    /// the transaction (the command writes its output files there): when it throws, nothing
    /// is recorded. - Complexity: O(cells of the tables).
    /// - Throws: `ForecastStoreError.database`, or what `beforeCommit` throws.
    @discardableResult
    public func record(_ vintage: Vintage, beforeCommit: () throws -> Void = {}) throws -> Int64 {
        var id: Int64 = 0
        do {
            try queue.inTransaction { db in
                id = try Self.insert(vintage, into: db)
                try beforeCommit()
                return .commit
            }
        } catch {
            if createdFile, (try? count()) == 0 { try? FileManager.default.removeItem(atPath: path) }
            if error is DatabaseError { throw Self.translate(error, path: path) }
            throw error
        }
        return id
    }

    private static func insert(_ vintage: Vintage, into db: Database) throws -> Int64 {
        let headline = ["target_pct", "p_meets_target", "median_growth_pct", "p5_growth_pct", "p25_growth_pct", "p75_growth_pct",
                        "p95_growth_pct", "mean_growth_pct", "sd_growth_pct"]
        var arguments: [(any DatabaseValueConvertible)?] = [
            StoreDates.text(vintage.createdAt), vintage.toolVersion, vintage.scenarioName, vintage.scenarioPath, vintage.scenarioSHA256,
            vintage.scenarioContent, vintage.dataset, vintage.year, vintage.actualQuarters.count, StoreJSON.numbers(vintage.actualQuarters),
            StoreJSON.strings(vintage.overrides), Int64(clamping: vintage.seed), vintage.draws, vintage.sampling, vintage.baselineModel,
            vintage.jobHash,
        ]
        arguments += headline.map { vintage.figure($0) }
        let columns = ["created_at", "tool_version", "scenario_name", "scenario_path", "scenario_sha256", "scenario_content", "dataset", "year",
                       "quarters_known", "actual_quarters", "overrides", "seed", "draws", "sampling", "baseline_model", "job_hash"] + headline
        try db.execute(
            sql: "INSERT INTO vintage (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))",
            arguments: StatementArguments(arguments))
        let id = db.lastInsertedRowID
        for (position, figure) in vintage.figures.enumerated() {
            let (number, decimals, text) = Self.parts(figure.value)
            try db.execute(sql: "INSERT INTO vintage_figure (vintage_id, position, figure_id, number, decimals, text, unit) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, position, figure.id, number, decimals, text, figure.unit])
        }
        let cell = try db.makeStatement(sql: """
            INSERT INTO result_cell (vintage_id, table_id, row, column_position, column_id, number, decimals, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, table) in vintage.tables.enumerated() {
            try db.execute(sql: "INSERT INTO result_table (vintage_id, position, table_id, title, notes) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, position, table.id, table.title, StoreJSON.strings(table.notes)])
            for (index, column) in table.columns.enumerated() {
                try db.execute(sql: "INSERT INTO result_column (vintage_id, table_id, position, column_id, header, unit) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id, table.id, index, column.id, column.header, column.unit])
            }
            for (row, cells) in table.rows.enumerated() {
                for (index, value) in cells.enumerated() {
                    let (number, decimals, text) = Self.parts(value)
                    try cell.execute(arguments: [id, table.id, row, index, table.columns[index].id, number, decimals, text])
                }
            }
        }
        return id
    }

    /// A cell as (number, decimals, text); an empty cell is all NULL.
    static func parts(_ cell: Cell) -> (Double?, Int?, String?) {
        switch cell {
        case let .number(value, decimals): (value, decimals, nil)
        case let .text(text): (nil, nil, text)
        case .empty: (nil, nil, nil)
        }
    }

    /// The number of vintages recorded.
    public func count() throws(ForecastStoreError) -> Int {
        do { return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM vintage") ?? 0 } } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Whether a vintage with this job hash is recorded (a batch job already done).
    public func contains(jobHash: String) throws(ForecastStoreError) -> Bool {
        do {
            return try queue.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM vintage WHERE job_hash = ?)", arguments: [jobHash]) ?? false }
        } catch { throw Self.translate(error, path: path) }
    }
}

/// Times in the store: ISO 8601 in UTC with milliseconds, which sort as text.
enum StoreDates {
    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

/// Lists in one column: JSON arrays of numbers (shortest round-trip form) or strings.
enum StoreJSON {
    static func numbers(_ values: [Double]) -> String { "[" + values.map { "\($0)" }.joined(separator: ",") + "]" }
    static func strings(_ values: [String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: values, options: [.withoutEscapingSlashes]) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
    static func decodeNumbers(_ text: String) -> [Double] {
        ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
    }
    static func decodeStrings(_ text: String) -> [String] {
        ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String]) ?? []
    }
}

extension ForecastStore {
    /// P(≥ target) and the median of the latest vintage with this job hash.
    public func latestHeadline(jobHash: String) throws(ForecastStoreError) -> (probability: Double?, median: Double?)? {
        do {
            return try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT p_meets_target, median_growth_pct FROM vintage WHERE job_hash = ? ORDER BY id DESC LIMIT 1",
                                 arguments: [jobHash]).map { ($0["p_meets_target"], $0["median_growth_pct"]) }
            }
        } catch { throw Self.translate(error, path: path) }
    }
}
