import InputOutput

/// Where one embedded number (or a row of numbers) comes from.
public struct ProvenanceEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Copied from a publication: `reference` is the publisher/report, `url` and `date` are given.
        case source
        /// Computed in this project's code from sources and assumptions: `detail` says how.
        case derivation
        /// Stated by this project: `detail` gives the reason, `low`/`high` the range.
        case assumption
    }

    /// Embedded file the number is in.
    public let file: String
    /// Row label (sector, indicator, ...) or `*` for every row.
    public let row: String
    /// Column header or `*` for every numeric column of the row.
    public let column: String
    /// The value as written in the file (empty for row-wide entries).
    public let value: String
    public let kind: Kind
    /// Publisher and report, or the code that derives it, or the assumption id.
    public let reference: String
    public let url: String
    public let date: String
    public let detail: String
    /// Range for assumptions and for derived values that depend on assumptions (empty if none).
    public let low: String
    public let high: String

    public static let header = ["file", "row", "column", "value", "kind", "reference", "url", "date", "detail", "low", "high"]

    public var fields: [String] { [file, row, column, value, kind.rawValue, reference, url, date, detail, low, high] }

    /// Whether this entry covers the cell (`row`, `column`) of `file`.
    public func covers(file: String, row: String, column: String) -> Bool {
        self.file == file && (self.row == "*" || self.row == row) && (self.column == "*" || self.column == column)
    }
}

/// The provenance file: one entry per embedded number or row of numbers.
public struct Provenance: Sendable, Equatable {
    public let entries: [ProvenanceEntry]

    public init(entries: [ProvenanceEntry]) { self.entries = entries }

    public init(csv text: String, path: String) throws(DatasetError) {
        let records = CSVRecords.parse(text)
        guard records.first?.fields == ProvenanceEntry.header else {
            throw .malformed(path: path, line: records.first?.line ?? 1, reason: "expected the header \(ProvenanceEntry.header.joined(separator: ","))")
        }
        var entries: [ProvenanceEntry] = []
        for record in records.dropFirst() {
            let f = record.fields
            guard f.count == ProvenanceEntry.header.count, let kind = ProvenanceEntry.Kind(rawValue: f[4]) else {
                throw .malformed(path: path, line: record.line, reason: "expected \(ProvenanceEntry.header.count) cells with kind source, derivation or assumption")
            }
            entries.append(ProvenanceEntry(
                file: f[0], row: f[1], column: f[2], value: f[3], kind: kind, reference: f[5], url: f[6], date: f[7],
                detail: f[8], low: f[9], high: f[10]))
        }
        self.entries = entries
    }

    public func entry(file: String, row: String, column: String) -> ProvenanceEntry? {
        entries.first { $0.covers(file: file, row: row, column: column) }
    }

    public var csvText: String {
        ([ProvenanceEntry.header] + entries.map(\.fields)).map { $0.map(CSVRecords.escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
