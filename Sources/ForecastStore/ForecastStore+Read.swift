import Foundation
import GRDB
import Reporting

extension ForecastStore {
    /// The vintages of `year`, in the order of what they knew (before Q1, Q1, H1, 9M) and,
    /// within one, of their creation. - Complexity: O(cells of those vintages).
    public func vintages(year: Int) throws(ForecastStoreError) -> [Vintage] {
        do {
            return try queue.read { db in
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM vintage WHERE year = ? ORDER BY quarters_known, created_at, id", arguments: [year])
                return try ids.map { try Self.load($0, from: db) }
            }
        } catch { throw Self.translate(error, path: path) }
    }

    /// The vintage with this id, or nil.
    public func vintage(id: Int64) throws(ForecastStoreError) -> Vintage? {
        do {
            return try queue.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM vintage WHERE id = ?", arguments: [id]) == nil ? nil : try Self.load(id, from: db)
            }
        } catch { throw Self.translate(error, path: path) }
    }

    private static func load(_ id: Int64, from db: Database) throws -> Vintage {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM vintage WHERE id = ?", arguments: [id]) else {
            throw ForecastStoreError.database(path: db.description, reason: "vintage \(id) vanished while being read")
        }
        let figures = try Row.fetchAll(db, sql: "SELECT * FROM vintage_figure WHERE vintage_id = ? ORDER BY position", arguments: [id]).map { row in
            KeyFigure(row["figure_id"], cell(row), unit: row["unit"])
        }
        var tables: [ResultTable] = []
        for table in try Row.fetchAll(db, sql: "SELECT * FROM result_table WHERE vintage_id = ? ORDER BY position", arguments: [id]) {
            let tableID: String = table["table_id"]
            let columns = try Row.fetchAll(db, sql: "SELECT * FROM result_column WHERE vintage_id = ? AND table_id = ? ORDER BY position",
                                           arguments: [id, tableID]).map { ResultTable.Column($0["column_id"], $0["header"], unit: $0["unit"]) }
            var rows: [[Cell]] = []
            for cellRow in try Row.fetchAll(db, sql: "SELECT * FROM result_cell WHERE vintage_id = ? AND table_id = ? ORDER BY row, column_position",
                                            arguments: [id, tableID]) {
                let index: Int = cellRow["row"]
                while rows.count <= index { rows.append([]) }
                rows[index].append(cell(cellRow))
            }
            tables.append(ResultTable(id: tableID, title: table["title"], columns: columns, rows: rows, notes: StoreJSON.decodeStrings(table["notes"])))
        }
        let seed: Int64 = row["seed"]
        return Vintage(
            id: id, createdAt: StoreDates.date(row["created_at"]) ?? Date(timeIntervalSince1970: 0), toolVersion: row["tool_version"],
            scenarioName: row["scenario_name"], scenarioPath: row["scenario_path"], scenarioSHA256: row["scenario_sha256"],
            scenarioContent: row["scenario_content"], dataset: row["dataset"], year: row["year"], actualQuarters: StoreJSON.decodeNumbers(row["actual_quarters"]),
            overrides: StoreJSON.decodeStrings(row["overrides"]), seed: UInt64(max(0, seed)), draws: row["draws"], sampling: row["sampling"],
            baselineModel: row["baseline_model"], jobHash: row["job_hash"], figures: figures, tables: tables)
    }

    /// A stored cell: a number with its decimals, a text, or empty (all NULL).
    private static func cell(_ row: Row) -> Cell {
        if let number: Double = row["number"] { return .number(number, decimals: row["decimals"] ?? 3) }
        if let text: String = row["text"] { return .text(text) }
        return .empty
    }
}
