import InputOutput
import Spreadsheets

/// A place in a user's file: `path:line:column`, 1-based, as compilers print it so that
/// editors can jump to it, or `path:Sheet!C5` in a workbook (`CellLocation`). `column`
/// is nil when the problem is a whole line (a ragged row) or a whole file (no sectors).
public struct FileLocation: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int?
    /// The worksheet of a workbook, nil for CSV.
    public let sheet: String?

    public init(path: String, line: Int, column: Int? = nil, sheet: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    public var description: String {
        CellLocation(path: path, sheet: sheet, row: line, column: column).description
    }
}

/// Everything that can go wrong in the growth layer. Each case carries what a user needs
/// to fix the input: where (a `FileLocation` when the data came from a file, nil when it
/// was built in memory), which sector, column or key, and the offending value.
/// `description` is one line: what is wrong, where, and how to fix it.
///
/// Quarters are numbered 1...4 as a statistician reads them (Q1 = January–March).
public enum GrowthError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Reading an accounts file
    case unreadableFile(path: String, reason: String)
    /// The file could not be read as a table (format, workbook, sheet); see `SpreadsheetError`.
    case spreadsheet(SpreadsheetError)
    /// A required column (`sector`, `base_value`) is absent from the header.
    case missingColumn(at: FileLocation, column: String)
    /// A header name that is none of the documented columns.
    case unknownColumn(at: FileLocation, column: String)
    /// The same column appears twice in the header.
    case duplicateColumn(at: FileLocation, column: String)
    /// A row with a different number of cells than the header.
    case raggedRow(at: FileLocation, expected: Int, actual: Int)
    /// A required cell (`sector`, `base_value`) is empty.
    case emptyCell(at: FileLocation, column: String, sector: String)
    /// A cell that does not parse as a decimal number.
    case nonNumericCell(at: FileLocation, column: String, sector: String, text: String)
    /// A `# key: value` metadata line whose value cannot be used (or a key given twice).
    case invalidMetadata(at: FileLocation?, key: String, value: String, reason: String)

    // MARK: Validating accounts (from a file or built in memory)
    /// The accounts list no sector.
    case noSectors(at: FileLocation?)
    /// A sector or group name that is empty, has leading/trailing spaces or a line break.
    case invalidName(at: FileLocation?, field: String, name: String)
    /// Two sectors with the same name (compared case-insensitively).
    case duplicateSector(at: FileLocation?, sector: String, firstLine: Int?)
    /// A value that is NaN or infinite.
    case nonFiniteValue(at: FileLocation?, sector: String, field: String, value: Double)
    case negativeBaseValue(at: FileLocation?, sector: String, value: Double)
    /// Σ base values ≤ 0: no base-year structure to weight growth with.
    case nonPositiveTotalBaseValue(at: FileLocation?, total: Double)
    /// Quarterly growth given for a later quarter while an earlier one is empty.
    case quarterlyGap(at: FileLocation?, sector: String, missingQuarter: Int, givenQuarter: Int, value: Double)
    /// Some but not all of a sector's four base-year quarterly values are given.
    case incompleteBaseQuarters(at: FileLocation?, sector: String, missingQuarter: Int)
    /// A negative base-year quarterly value, or all four zero.
    case invalidBaseQuarter(at: FileLocation?, sector: String, quarter: Int, value: Double, reason: String)
    /// An in-memory list with more entries than a year has quarters (or a base-quarter list
    /// that is not exactly four long).
    case invalidQuarterCount(sector: String, field: String, count: Int, allowed: String)

    // MARK: Using accounts
    case unknownSector(String, known: [String])
    /// A vector (sector growth, category growth, quarterly growth) of the wrong length.
    case lengthMismatch(name: String, expected: Int, actual: Int)
    /// A numeric argument that is NaN or infinite.
    case nonFiniteArgument(name: String, value: Double)
    /// The computation needs each sector's growth but this sector has none.
    case missingGrowth(sector: String)
    /// The computation needs each sector's plan target but this sector has none.
    case missingTarget(sector: String)
    /// No GRDP (headline) growth target was given.
    case missingHeadlineTarget(region: String)
    /// Quarterly weights that are not four positive finite numbers summing to 1.
    case invalidQuarterlyWeights(weights: [Double], reason: String)
    /// A rounding half-width that is negative or not finite.
    case invalidRounding(halfWidth: Double)
    /// The seasonal-profile fit cannot determine its slope, or its weights are not positive.
    case degenerateSeasonalFit(slope: Double?, reason: String)
    /// An error from the input-output layer (singular model, missing rows...).
    case inputOutput(InputOutputError)

    /// One line: any line break inside a quoted name or value is shown as `\n`.
    public var description: String {
        message.reduce(into: "") { text, character in
            if character.isNewline { text += "\\n" } else { text.append(character) }
        }
    }

    private var message: String {
        func place(_ location: FileLocation?) -> String { location.map { "\($0): " } ?? "" }
        switch self {
        case let .spreadsheet(error):
            return error.description
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the accounts file (\(reason)); check the path and permissions"
        case let .missingColumn(at, column):
            return "\(at): the header has no '\(column)' column; add it (required columns: sector, base_value)"
        case let .unknownColumn(at, column):
            return "\(at): unknown column '\(column)'; use sector, group, base_value, target, growth, q1..q4, base_q1..base_q4"
        case let .duplicateColumn(at, column):
            return "\(at): column '\(column)' appears twice in the header; keep one"
        case let .raggedRow(at, expected, actual):
            return "\(at): row has \(actual) cells but the header has \(expected); give every row one cell per column (empty cells are allowed)"
        case let .emptyCell(at, column, sector):
            let row = sector.isEmpty ? "this row" : "sector '\(sector)'"
            return "\(at): '\(column)' is empty for \(row); this column is required in every row"
        case let .nonNumericCell(at, column, sector, text):
            return "\(at): '\(column)' of sector '\(sector)' is '\(text)', not a number; write a plain decimal such as 8.6 (no % sign, no thousands separator)"
        case let .invalidMetadata(at, key, value, reason):
            return "\(place(at))metadata '\(key)' = '\(value)' \(reason)"
        case let .noSectors(at):
            return "\(place(at))the accounts list no sector; add one row per sector after the header"
        case let .invalidName(at, field, name):
            return "\(place(at))\(field) name '\(name)' is empty, has leading/trailing spaces or a line break; use a one-line name without surrounding spaces"
        case let .duplicateSector(at, sector, firstLine):
            let first = firstLine.map { " (first on line \($0))" } ?? ""
            return "\(place(at))sector '\(sector)' appears twice\(first); each sector must be listed once (names compare case-insensitively)"
        case let .nonFiniteValue(at, sector, field, value):
            return "\(place(at))'\(field)' of sector '\(sector)' is \(value); replace it with a finite number"
        case let .negativeBaseValue(at, sector, value):
            return "\(place(at))base value of sector '\(sector)' is \(value); base-year value added (or share) must be ≥ 0 — net a negative item such as subsidies into its taxes line"
        case let .nonPositiveTotalBaseValue(at, total):
            return "\(place(at))base values sum to \(total); at least one sector needs a positive base-year value to weight growth by"
        case let .quarterlyGap(at, sector, missing, given, value):
            return "\(place(at))sector '\(sector)' has q\(given) = \(value) but q\(missing) is empty; quarterly growth must be the quarters so far, Q1..Qk without gaps: fill q\(missing) or clear q\(given)"
        case let .incompleteBaseQuarters(at, sector, missing):
            return "\(place(at))sector '\(sector)' gives some base-year quarterly values but not base_q\(missing); give all four or none"
        case let .invalidBaseQuarter(at, sector, quarter, value, reason):
            return "\(place(at))base_q\(quarter) of sector '\(sector)' is \(value): \(reason)"
        case let .invalidQuarterCount(sector, field, count, allowed):
            return "sector '\(sector)' has \(count) values in \(field); \(allowed)"
        case let .unknownSector(name, known):
            return "unknown sector '\(name)'; known sectors: \(known.joined(separator: ", "))"
        case let .lengthMismatch(name, expected, actual):
            return "\(name) has \(actual) entries but \(expected) are needed, one per item in the accounts' order"
        case let .nonFiniteArgument(name, value):
            return "\(name) is \(value); give a finite number"
        case let .missingGrowth(sector):
            return "sector '\(sector)' has no growth rate; fill its 'growth' cell or pass a growth vector"
        case let .missingTarget(sector):
            return "sector '\(sector)' has no plan target; fill its 'target' cell (plan growth in %)"
        case let .missingHeadlineTarget(region):
            let name = region.isEmpty ? "the accounts" : "'\(region)'"
            return "no GRDP growth target for \(name); add a '# grdp_target: 8.0' line or pass the target"
        case let .invalidQuarterlyWeights(weights, reason):
            return "quarterly weights \(weights) are invalid: \(reason); give four positive base-year quarter shares summing to 1"
        case let .invalidRounding(halfWidth):
            return "rounding half-width \(halfWidth) is invalid; give a finite number ≥ 0 (0.005 for figures published to 2 decimals)"
        case let .degenerateSeasonalFit(slope, reason):
            let b = slope.map { " (slope \($0))" } ?? ""
            return "the seasonal-profile fit failed\(b): \(reason)"
        case let .inputOutput(error):
            return error.description
        }
    }
}
