/// A region's GRDP production account for growth accounting: the ordered sector lines
/// (product taxes less subsidies is one more line, group "taxes", so that sector
/// contributions add up to GRDP growth), the base year whose structure weights growth,
/// the analysis (plan) year, and the plan's headline GRDP target.
///
/// ```swift
/// let hanoi = try GRDPAccounts(region: "Hanoi", baseYear: 2024, year: 2025, unit: "% of GRDP",
///                              grdpTarget: 8.0, sectors: [
///     SectorAccount(name: "services", group: "services", baseValue: 65.6, target: 8.6),
///     // ...
/// ])
/// let shares = hanoi.baseYearShares   // fractions summing to 1
/// ```
///
/// Works for any region: a national table or another province's accounts load the same way
/// (`GRDPAccounts(csv:path:)`). Construction validates everything once (names, finiteness,
/// signs, quarter lists), so later computations do not re-check the accounts.
public struct GRDPAccounts: Sendable, Equatable {
    public let region: String
    /// The year whose value-added structure weights growth (normally `year − 1`).
    public let baseYear: Int?
    /// The plan or analysis year whose growth is measured.
    public let year: Int?
    /// Unit of `baseValue` and `baseQuarterValues` (free text, e.g. "billion VND").
    public let unit: String
    /// Headline GRDP growth target in % (Hanoi 2025: 8.0).
    public let grdpTarget: Double?
    public let sectors: [SectorAccount]
    /// Free-text comment lines kept with the accounts (provenance), one line each.
    public let notes: [String]

    /// sᵢ = baseValueᵢ / Σⱼ baseValueⱼ: base-year shares of GRDP (fractions summing to 1).
    public let baseYearShares: [Double]
    /// Distinct reporting groups in order of first appearance.
    public let groups: [String]
    /// For each sector, the index of its group in `groups` (nil when it has none).
    public let groupIndexOfSector: [Int?]

    /// - Parameter notes: comment lines; multi-line strings are split into lines and trimmed.
    /// - Throws: `GrowthError` for an empty sector list, bad names, duplicates, non-finite
    ///   values, negative base values, a non-positive total, a quarter list longer than 4,
    ///   or base-year quarterly values that are not four non-negative numbers with a positive sum.
    /// - Complexity: O(n).
    public init(
        region: String, baseYear: Int? = nil, year: Int? = nil, unit: String = "",
        grdpTarget: Double? = nil, sectors: [SectorAccount], notes: [String] = []
    ) throws(GrowthError) {
        try self.init(
            region: region, baseYear: baseYear, year: year, unit: unit, grdpTarget: grdpTarget,
            sectors: sectors, notes: notes, sourceMap: nil)
    }

    init(
        region: String, baseYear: Int?, year: Int?, unit: String, grdpTarget: Double?,
        sectors: [SectorAccount], notes: [String], sourceMap: AccountsSourceMap?
    ) throws(GrowthError) {
        if let grdpTarget, grdpTarget.isFinite, !Self.growthPercentRange.contains(grdpTarget) {
            throw .invalidMetadata(at: sourceMap?.metadataLocation("grdp_target"), key: "grdp_target",
                                   value: "\(grdpTarget)", reason: "is outside -100 … 1000; give the target in %, e.g. 8.0")
        }
        for (key, value) in [("region", region), ("unit", unit)] where !Self.isCleanText(value, allowEmpty: true) {
            throw .invalidMetadata(at: sourceMap?.metadataLocation(key), key: key, value: value,
                                   reason: "has a line break or surrounding spaces; write it on one line")
        }
        if let grdpTarget, !grdpTarget.isFinite {
            throw .invalidMetadata(at: sourceMap?.metadataLocation("grdp_target"), key: "grdp_target",
                                   value: "\(grdpTarget)", reason: "is not finite; give the target in %, e.g. 8.0")
        }
        try Self.validate(sectors, sourceMap: sourceMap)
        var total = 0.0
        for sector in sectors { total += sector.baseValue }
        guard total > 0 else {
            throw .nonPositiveTotalBaseValue(at: sourceMap?.columnLocation(.baseValue), total: total)
        }
        var groups: [String] = []
        var groupIndexOfSector: [Int?] = []
        for sector in sectors {
            guard let group = sector.group else { groupIndexOfSector.append(nil); continue }
            if let index = groups.firstIndex(of: group) {
                groupIndexOfSector.append(index)
            } else {
                groups.append(group)
                groupIndexOfSector.append(groups.count - 1)
            }
        }
        self.region = region
        self.baseYear = baseYear
        self.year = year
        self.unit = unit
        self.grdpTarget = grdpTarget
        self.sectors = sectors
        let noteLines = notes.flatMap { $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) }
            .map { String($0).trimmingSpaces() }
        for note in noteLines {
            if let (key, value) = Self.metadataEntry(note) {
                throw .invalidMetadata(at: nil, key: key, value: value,
                                       reason: "is written as a note but would read back as metadata; set the property instead or reword the note")
            }
        }
        self.notes = noteLines
        self.baseYearShares = sectors.map { $0.baseValue / total }
        self.groups = groups
        self.groupIndexOfSector = groupIndexOfSector
    }

    public var sectorCount: Int { sectors.count }
    public var sectorNames: [String] { sectors.map(\.name) }

    /// Index of a sector by name (exact match first, then case-insensitive).
    /// - Throws: `unknownSector` listing the known names.
    public func sectorIndex(_ name: String) throws(GrowthError) -> Int {
        if let index = sectors.firstIndex(where: { $0.name == name }) { return index }
        let key = name.lowercased()
        if let index = sectors.firstIndex(where: { $0.name.lowercased() == key }) { return index }
        throw .unknownSector(name, known: sectorNames)
    }

    /// The accounts' own annual growth column, in sector order.
    /// - Throws: `missingGrowth` for the first sector without a growth figure.
    public func growthVector() throws(GrowthError) -> [Double] {
        var growth: [Double] = []
        growth.reserveCapacity(sectors.count)
        for sector in sectors {
            guard let value = sector.growth else { throw .missingGrowth(sector: sector.name) }
            growth.append(value)
        }
        return growth
    }

    /// The plan targets, in sector order.
    /// - Throws: `missingTarget` for the first sector without a target.
    public func targetVector() throws(GrowthError) -> [Double] {
        var targets: [Double] = []
        targets.reserveCapacity(sectors.count)
        for sector in sectors {
            guard let value = sector.target else { throw .missingTarget(sector: sector.name) }
            targets.append(value)
        }
        return targets
    }

    /// A copy with other growth figures (e.g. a scenario's), re-using the validated structure.
    /// - Throws: `lengthMismatch`, `nonFiniteArgument`.
    public func withGrowth(_ growthPercent: [Double]) throws(GrowthError) -> GRDPAccounts {
        try Self.requireFinite(growthPercent, name: "sector growth", count: sectors.count)
        var copy = sectors
        for i in copy.indices { copy[i].growth = growthPercent[i] }
        return try GRDPAccounts(region: region, baseYear: baseYear, year: year, unit: unit,
                                grdpTarget: grdpTarget, sectors: copy, notes: notes)
    }

    static func requireFinite(_ values: [Double], name: String, count: Int) throws(GrowthError) {
        guard values.count == count else { throw .lengthMismatch(name: name, expected: count, actual: values.count) }
        for value in values where !value.isFinite { throw .nonFiniteArgument(name: name, value: value) }
    }

    static func isCleanText(_ text: String, allowEmpty: Bool) -> Bool {
        if text.isEmpty { return allowEmpty }
        return text == text.trimmingSpaces() && !text.contains(where: \.isNewline)
    }

    /// Checks every sector line; errors point at the file cell when `sourceMap` is given.
    /// - Complexity: O(n) expected (a hash set for duplicate names).
    /// Growth rates in the accounts (target, growth, q1..q4, grdp_target), in %: from −100 (the
    /// line vanishes) to 1,000.
    public static let growthPercentRange: ClosedRange<Double> = -100...1000
    /// The largest base value (or base-year quarterly value): sums of a few such values stay finite.
    public static let maximumBaseValue = 1e300

    static func validate(_ sectors: [SectorAccount], sourceMap: AccountsSourceMap?) throws(GrowthError) {
        guard !sectors.isEmpty else { throw .noSectors(at: sourceMap?.headerLocation) }
        var firstIndexOfName: [String: Int] = [:]
        for (i, sector) in sectors.enumerated() {
            func at(_ column: AccountsColumn) -> FileLocation? { sourceMap?.location(sector: i, column: column) }
            guard isCleanText(sector.name, allowEmpty: false) else {
                throw .invalidName(at: at(.sector), field: "sector", name: sector.name)
            }
            if let group = sector.group, !isCleanText(group, allowEmpty: false) {
                throw .invalidName(at: at(.group), field: "group", name: group)
            }
            let key = sector.name.lowercased()
            if let first = firstIndexOfName[key] {
                throw .duplicateSector(at: at(.sector), sector: sector.name, firstLine: sourceMap?.sectorLines[first])
            }
            firstIndexOfName[key] = i

            var numbers: [(AccountsColumn, Double)] = [(.baseValue, sector.baseValue)]
            if let target = sector.target { numbers.append((.target, target)) }
            if let growth = sector.growth { numbers.append((.growth, growth)) }
            for (q, value) in sector.quarterlyGrowth.prefix(4).enumerated() { numbers.append((AccountsColumn.quarter(q), value)) }
            for (q, value) in (sector.baseQuarterValues ?? []).prefix(4).enumerated() { numbers.append((AccountsColumn.baseQuarter(q), value)) }
            for (column, value) in numbers where !value.isFinite {
                throw .nonFiniteValue(at: at(column), sector: sector.name, field: column.rawValue, value: value)
            }
            guard sector.baseValue >= 0 else {
                throw .negativeBaseValue(at: at(.baseValue), sector: sector.name, value: sector.baseValue)
            }
            let valueColumns: [AccountsColumn] = [.baseValue, .baseQ1, .baseQ2, .baseQ3, .baseQ4]
            for (column, value) in numbers {
                if valueColumns.contains(column) {
                    guard value <= Self.maximumBaseValue else {
                        throw .valueOutOfRange(at: at(column), sector: sector.name, field: column.rawValue, value: value,
                                               allowed: "base values must be at most 1e300 (their sum must stay finite); express them in larger units")
                    }
                } else if !Self.growthPercentRange.contains(value) {
                    throw .valueOutOfRange(at: at(column), sector: sector.name, field: column.rawValue, value: value,
                                           allowed: "growth rates in % must lie between -100 and 1000")
                }
            }
            guard sector.quarterlyGrowth.count <= 4 else {
                throw .invalidQuarterCount(sector: sector.name, field: "quarterlyGrowth", count: sector.quarterlyGrowth.count,
                                           allowed: "give the quarters so far, Q1..Qk with k ≤ 4")
            }
            if let baseQuarters = sector.baseQuarterValues {
                guard baseQuarters.count == 4 else {
                    throw .invalidQuarterCount(sector: sector.name, field: "baseQuarterValues", count: baseQuarters.count,
                                               allowed: "give all four base-year quarters or none")
                }
                for (q, value) in baseQuarters.enumerated() where value < 0 {
                    throw .invalidBaseQuarter(at: at(.baseQuarter(q)), sector: sector.name, quarter: q + 1, value: value,
                                              reason: "base-year quarterly value added must be ≥ 0")
                }
                guard baseQuarters.reduce(0, +) > 0 else {
                    throw .invalidBaseQuarter(at: at(.baseQuarter(0)), sector: sector.name, quarter: 1, value: baseQuarters[0],
                                              reason: "all four base-year quarters are zero; give positive values or leave them all empty")
                }
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace || first == "\u{FEFF}" { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
