import Foundation
import LinearAlgebra
import Spreadsheets

/// A sector → group mapping for aggregation, read from a two-column CSV
/// (`sector,group`, or `;`- or tab-separated; a header line `sector,group` is optional;
/// `#` comments allowed).
/// Groups keep the order in which they first appear.
public struct Concordance: Sendable, Equatable {
    public let groupOfSector: [String: String]
    public let groups: [String]

    /// - Throws: `invalidConcordance` with file and line for a malformed line or a sector
    ///   listed twice.
    public init(csv text: String, path: String) throws(InputOutputError) {
        var mapping: [String: String] = [:]
        var groups: [String] = []
        let rows = CSVDialect.automatic.sheet(text, path: path).rows
        for record in rows.map({ CSVRecord(line: $0.number, fields: $0.cells.map(\.text)) }) {
            guard record.fields.count == 2, !record.fields[0].isEmpty, !record.fields[1].isEmpty else {
                throw .invalidConcordance(path: path, line: record.line, reason: "expected two non-empty cells 'sector,group', found \(record.fields.count) cell(s)")
            }
            let (sector, group) = (record.fields[0], record.fields[1])
            if record.line == 1, sector.lowercased() == "sector", group.lowercased() == "group" { continue }
            if mapping[sector] != nil {
                throw .invalidConcordance(path: path, line: record.line, reason: "sector '\(sector)' is mapped twice; map each sector to exactly one group")
            }
            mapping[sector] = group
            if !groups.contains(group) { groups.append(group) }
        }
        self.groupOfSector = mapping
        self.groups = groups
    }

    public init(groupOfSector: [String: String], groups: [String]) {
        self.groupOfSector = groupOfSector
        self.groups = groups
    }

    public static func load(path: String) throws(InputOutputError) -> Concordance {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
        return try Concordance(csv: text, path: path)
    }
}

extension IOTable {
    /// The table aggregated by a concordance with the 0/1 aggregation matrix S (g × n):
    /// Z* = S·Z·Sᵀ, F* = S·F, W* = W·Sᵀ, x* = S·x, E* = E·Sᵀ (Miller & Blair 2009, §4.3).
    /// Balance is preserved exactly (up to rounding).
    /// - Throws: `unknownSector` when the concordance names a sector the table lacks, or
    ///   `invalidParameter` naming a table sector the concordance does not map.
    /// - Complexity: O(n²).
    public func aggregated(by concordance: Concordance) throws(InputOutputError) -> IOTable {
        for sector in concordance.groupOfSector.keys.sorted() where !sectors.contains(sector) {
            throw .unknownSector(sector, known: sectors)
        }
        var groupIndex: [Int] = []
        for sector in sectors {
            guard let group = concordance.groupOfSector[sector], let g = concordance.groups.firstIndex(of: group) else {
                throw .invalidParameter(name: "concordance entry for '\(sector)'", value: .nan, reason: "every sector of the table must be mapped to a group")
            }
            groupIndex.append(g)
        }
        let groups = concordance.groups
        let g = groups.count
        var z = Matrix(rows: g, columns: g)
        var f = Matrix(rows: g, columns: finalDemandColumns.count)
        var w = Matrix(rows: primaryInputRows.count, columns: g)
        var e = Matrix(rows: satelliteRows.count, columns: g)
        var x = [Double](repeating: 0, count: g)
        for j in 0..<sectorCount {
            let gj = groupIndex[j]
            x[gj] += output[j]
            for i in 0..<sectorCount { z[groupIndex[i], gj] += intermediate[i, j] }
            for c in 0..<finalDemandColumns.count { f[gj, c] += finalDemand[j, c] }
            for r in 0..<primaryInputRows.count { w[r, gj] += primaryInputs[r, j] }
            for s in 0..<satelliteRows.count { e[s, gj] += satellites[s, j] }
        }
        return try IOTable(
            sectors: groups, intermediate: z, finalDemandColumns: finalDemandColumns, finalDemand: f,
            primaryInputRows: primaryInputRows, primaryInputs: w, output: x, satelliteRows: satelliteRows, satellites: e)
    }

    /// Splits sector `label` into parts with weights (normalised to sum to 1), assuming
    /// each part has the parent's input structure and sales pattern (proportional
    /// disaggregation; Lindner et al. 2012 call it the "uniform" split, the usual start
    /// before survey information refines it): x_s = w_s·x_k; row and column k split by
    /// w; the own-use block z_kk splits as w_s·w_t·z_kk; final demand, primary inputs and
    /// satellites split by w. Parts take the parent's position, in the given order.
    /// - Throws: `unknownSector`, `invalidParameter` for a negative or all-zero weight,
    ///   `duplicateLabel`-style clashes as `invalidParameter`.
    /// - Complexity: O(n²).
    public func disaggregating(sector label: String, into parts: [(label: String, weight: Double)]) throws(InputOutputError) -> IOTable {
        let k = try sectorIndex(label)
        guard !parts.isEmpty else { throw .invalidParameter(name: "parts of \(label)", value: 0, reason: "give at least one sub-sector") }
        for part in parts where !(part.weight >= 0) || !part.weight.isFinite {
            throw .invalidParameter(name: "weight of \(part.label)", value: part.weight, reason: "weights must be finite and ≥ 0")
        }
        let total = parts.reduce(0) { $0 + $1.weight }
        guard total > 0 else { throw .invalidParameter(name: "weights of \(label)", value: total, reason: "weights must not all be zero") }
        for part in parts where part.label != label && sectors.contains(part.label) {
            throw .invalidParameter(name: "sub-sector '\(part.label)'", value: .nan, reason: "that label is already a sector")
        }
        let weights = parts.map { $0.weight / total }
        let p = parts.count
        let newSectors = Array(sectors[..<k]) + parts.map(\.label) + Array(sectors[(k + 1)...])
        let m = newSectors.count
        // Old index and weight for each new index.
        let origin: [(Int, Double)] = (0..<m).map { s in
            if s < k { return (s, 1) }
            if s < k + p { return (k, weights[s - k]) }
            return (s - p + 1, 1)
        }
        var z = Matrix(rows: m, columns: m)
        var f = Matrix(rows: m, columns: finalDemandColumns.count)
        var w = Matrix(rows: primaryInputRows.count, columns: m)
        var e = Matrix(rows: satelliteRows.count, columns: m)
        var x = [Double](repeating: 0, count: m)
        for (t, (oj, wj)) in origin.enumerated() {
            x[t] = output[oj] * wj
            for (s, (oi, wi)) in origin.enumerated() { z[s, t] = intermediate[oi, oj] * wi * wj }
            for c in 0..<finalDemandColumns.count { f[t, c] = finalDemand[oj, c] * wj }
            for r in 0..<primaryInputRows.count { w[r, t] = primaryInputs[r, oj] * wj }
            for s in 0..<satelliteRows.count { e[s, t] = satellites[s, oj] * wj }
        }
        return try IOTable(
            sectors: newSectors, intermediate: z, finalDemandColumns: finalDemandColumns, finalDemand: f,
            primaryInputRows: primaryInputRows, primaryInputs: w, output: x, satelliteRows: satelliteRows, satellites: e)
    }
}
