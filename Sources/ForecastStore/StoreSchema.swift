import GRDB

/// The store's schema, created and migrated by GRDB's `DatabaseMigrator` (docs/store.md).
///
/// Each migration is a named step recorded in GRDB's `grdb_migrations` table; a store is
/// brought up to date when it is opened for writing. A store holding a step this version
/// does not know comes from a newer grdp and is refused, never downgraded. The file carries
/// SQLite's `application_id` "GRDP", so that another program's database is refused too.
enum StoreSchema {
    /// `PRAGMA application_id`: the bytes "GRDP" read as a big-endian 32-bit integer.
    static let applicationID: Int32 = 0x4752_4450

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-vintages") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "vintage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("created_at", .text).notNull()
                t.column("tool_version", .text).notNull()
                t.column("scenario_name", .text).notNull()
                t.column("scenario_path", .text).notNull()
                t.column("scenario_sha256", .text).notNull()
                t.column("scenario_content", .text).notNull()
                t.column("dataset", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("quarters_known", .integer).notNull()
                t.column("actual_quarters", .text).notNull()
                t.column("overrides", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("draws", .integer).notNull()
                t.column("sampling", .text).notNull()
                t.column("baseline_model", .text).notNull()
                t.column("job_hash", .text).notNull()
                t.column("target_pct", .double)
                t.column("p_meets_target", .double)
                t.column("median_growth_pct", .double)
                t.column("p5_growth_pct", .double)
                t.column("p25_growth_pct", .double)
                t.column("p75_growth_pct", .double)
                t.column("p95_growth_pct", .double)
                t.column("mean_growth_pct", .double)
                t.column("sd_growth_pct", .double)
            }
            try db.create(index: "vintage_by_year", on: "vintage", columns: ["year", "quarters_known", "created_at"])
            try db.create(index: "vintage_by_job", on: "vintage", columns: ["job_hash"])
            try db.create(table: "vintage_figure") { t in
                t.column("vintage_id", .integer).notNull().references("vintage", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("figure_id", .text).notNull()
                t.column("number", .double)
                t.column("decimals", .integer)
                t.column("text", .text)
                t.column("unit", .text)
                t.primaryKey(["vintage_id", "position"])
            }
            try db.create(table: "result_table") { t in
                t.column("vintage_id", .integer).notNull().references("vintage", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("table_id", .text).notNull()
                t.column("title", .text).notNull()
                t.column("notes", .text).notNull()
                t.primaryKey(["vintage_id", "table_id"])
            }
            try db.create(table: "result_column") { t in
                t.column("vintage_id", .integer).notNull()
                t.column("table_id", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("column_id", .text).notNull()
                t.column("header", .text).notNull()
                t.column("unit", .text)
                t.primaryKey(["vintage_id", "table_id", "position"])
                t.foreignKey(["vintage_id", "table_id"], references: "result_table", onDelete: .cascade)
            }
            try db.create(table: "result_cell") { t in
                t.column("vintage_id", .integer).notNull()
                t.column("table_id", .text).notNull()
                t.column("row", .integer).notNull()
                t.column("column_position", .integer).notNull()
                t.column("column_id", .text).notNull()
                t.column("number", .double)
                t.column("decimals", .integer)
                t.column("text", .text)
                t.primaryKey(["vintage_id", "table_id", "row", "column_position"])
                t.foreignKey(["vintage_id", "table_id"], references: "result_table", onDelete: .cascade)
            }
        }
        return migrator
    }
}
