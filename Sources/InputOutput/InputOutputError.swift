import LinearAlgebra
import Spreadsheets

/// Everything that can go wrong in the input-output layer. Each case carries what a
/// user needs to fix the input: the file and line, the sector, the value, and the
/// size of a residual. `description` is one line that also says how to fix it.
public enum InputOutputError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Reading a table
    case unreadableFile(path: String, reason: String)
    /// The file could not be read as a table (format, workbook, sheet); see `SpreadsheetError`.
    case spreadsheet(SpreadsheetError)
    case emptyTable(path: String)
    /// A worksheet without a table (e.g. a cover sheet read by default).
    case emptySheet(path: String, sheet: String)
    case raggedRow(at: CellLocation, expected: Int, actual: Int)
    case nonNumericCell(at: CellLocation, column: String, text: String)
    case nonFiniteCell(at: CellLocation, column: String)
    case negativeEmployment(at: CellLocation, sector: String, value: Double)
    case duplicateLabel(at: CellLocation, label: String)
    case unknownRow(at: CellLocation, label: String)
    case unknownColumn(at: CellLocation, column: String)
    /// A `# key: value` line of the table (unit, imports) or the option that sets it holds a value that cannot be used.
    case invalidMetadata(at: String, key: String, value: String, reason: String)
    /// `--region` names a region the multi-region table does not have.
    case regionNotFound(path: String, region: String, available: [String])
    /// A multi-region (ICIO-style) table read without `--region`.
    case regionRequired(path: String, regions: [String])
    /// `--imports competitive` for a table without an imports column.
    case noImportsToRemove(path: String)
    /// Two amounts in units that cannot be converted into each other.
    case unitMismatch(what: String, unit: String, otherWhat: String, otherUnit: String)
    case sectorMismatch(path: String, detail: String)
    case missingOutput(path: String)
    case outputMismatch(path: String, sector: String, outputRow: Double, totalColumn: Double)
    case importsSign(path: String, sector: String, value: Double)

    // MARK: Economic validity
    case negativeIntermediateFlow(from: String, to: String, value: Double)
    case zeroOutput(sector: String)
    /// Rows or columns do not balance: the worst sectors and their relative residuals.
    case imbalance(kind: BalanceKind, residuals: [SectorResidual], tolerance: Double)
    /// A row or column total overflows double precision (entries near 1e308).
    case nonFiniteTotal(kind: BalanceKind, sector: String)
    case notProductive(spectralRadiusAtLeast: Double?)
    case unknownSector(String, known: [String])
    case invalidParameter(name: String, value: Double, reason: String)
    case dimensionMismatch(what: String, expected: Int, actual: Int)
    case noConvergence(method: String, iterations: Int, residual: Double)
    case missingFinalDemandCategory(String)
    case missingValueAddedRow(String)
    case invalidConcordance(path: String, line: Int, reason: String)
    /// A line of a `sector,value…` side file (regional sizes, balancing targets); `line` is nil
    /// for the file as a whole (a sector without a line).
    case invalidSectorValues(path: String, line: Int?, reason: String)
    case linearAlgebra(LinearAlgebraError)
    /// An error of the table (or side file) at `source`: a file name, or a flag such as
    /// `--impact`. Errors that already name their file are not wrapped again.
    indirect case located(source: String, error: InputOutputError)
    /// Balancing (RAS, GRAS): the row targets and the column targets describe different
    /// grand totals, so no matrix can meet both.
    case inconsistentTargets(method: String, rowTotal: Double, columnTotal: Double, tolerance: Double)
    /// Balancing (RAS, GRAS): row or column `index` (0-based) cannot reach its target with
    /// the sign and zero pattern of the initial matrix.
    case infeasibleTarget(method: String, axis: BalancingAxis, index: Int, target: Double, reason: String)

    public enum BalanceKind: String, Sendable, Equatable {
        case rows = "row (supply = use)"
        case columns = "column (inputs + value added = output)"
    }

    public struct SectorResidual: Sendable, Equatable, CustomStringConvertible {
        public let sector: String
        /// (computed − stated output) in the table's units.
        public let residual: Double
        /// residual / stated output.
        public let relative: Double
        public init(sector: String, residual: Double, relative: Double) {
            self.sector = sector
            self.residual = residual
            self.relative = relative
        }
        public var description: String { "\(sector) \(formatSigned(relative * 100))%" }
    }

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the file (\(reason)); check the path and permissions"
        case let .spreadsheet(error):
            return error.description
        case let .emptySheet(path, sheet):
            return "\(path): no table found in sheet '\(sheet)'; the table needs a header row and one row per sector: name its sheet with --sheet"
        case let .emptyTable(path):
            return "\(path): no table found; the file needs a header row and one row per sector"
        case let .raggedRow(at, expected, actual):
            return "\(at): row has \(actual) cells but the header has \(expected); every row needs one cell per column"
        case let .nonNumericCell(at, column, text):
            let decimalComma = (text.contains(",") || text.filter { $0 == "." }.count > 1) && NumberText.parse(text, decimalMark: ",") != nil
            return "\(at): column '\(column)' holds '\(text)', which is not a number; write a plain decimal such as 1234.5"
                + (decimalComma ? " (the file is read with decimal points; for decimal commas pass --csv-dialect semicolon:decimal-comma)" : "")
        case let .nonFiniteCell(at, column):
            return "\(at): column '\(column)' is NaN or infinite; replace it with a finite number"
        case let .negativeEmployment(at, sector, value):
            return "\(at): employment of sector '\(sector)' is \(value); employment (persons or jobs) must be ≥ 0"
        case let .duplicateLabel(at, label):
            return "\(at): label '\(label)' appears twice; each sector and row label must be unique"
        case let .unknownRow(at, label):
            return "\(at): row '\(label)' is neither a sector nor a known primary-input row; name it like docs/io-table-format.md says (e.g. compensation, taxes_less_subsidies, operating_surplus, value_added, output, employment)"
        case let .unknownColumn(at, column):
            return "\(at): column '\(column)' is neither a sector nor a known final-demand column; name it households, government, gfcf, inventories, exports, imports, other or total (docs/io-table-format.md)"
        case let .invalidMetadata(at, key, value, reason):
            return "\(at): \(key) '\(value)' \(reason)"
        case let .regionNotFound(path, region, available) where available.isEmpty:
            return "\(path): --region \(region), but this is a single-region table (no sector appears under two region codes such as VNM_A01 and ROW_A01); drop --region"
        case let .regionNotFound(path, region, available):
            return "\(path): no region '\(region)' in this multi-region table; its regions are \(available.joined(separator: ", ")); pass one of them with --region"
        case let .regionRequired(path, regions):
            return "\(path): a multi-region table (regions \(regions.joined(separator: ", "))); choose the region to analyse with --region CODE (the other regions become imports and exports)"
        case let .noImportsToRemove(path):
            return "\(path): --imports competitive, but the table has no imports column to remove; add the imports column (negative numbers) or declare --imports domestic"
        case let .unitMismatch(what, unit, otherWhat, otherUnit):
            return "\(what) are in '\(unit)' but \(otherWhat) is in '\(otherUnit)', and grdp cannot convert between them; state both in the same currency (e.g. billion VND, million VND) or convert one"
        case let .sectorMismatch(path, detail):
            return "\(path): sector rows and sector columns differ (\(detail)); the first columns must list the sector rows in the same order"
        case let .missingOutput(path):
            return "\(path): no gross output; add an 'output' row or a 'total' column"
        case let .outputMismatch(path, sector, outputRow, totalColumn):
            return "\(path): sector '\(sector)' has output \(outputRow) in the output row but \(totalColumn) in the total column; make them agree"
        case let .importsSign(path, sector, value):
            return "\(path): imports for '\(sector)' are \(value) but must be entered as negative numbers (Z·1 + F·1 = x); negate the imports column"
        case let .negativeIntermediateFlow(from, to, value):
            return "negative intermediate flow \(value) from '\(from)' to '\(to)'; intermediate flows must be ≥ 0 (move negative entries such as subsidies to a primary-input row)"
        case let .zeroOutput(sector):
            return "sector '\(sector)' has zero or negative gross output; remove it or merge it into another sector (e.g. with an aggregation concordance)"
        case let .imbalance(kind, residuals, tolerance):
            let worst = residuals.prefix(5).map(\.description).joined(separator: ", ")
            return "\(kind.rawValue) balance fails beyond \(formatSigned(tolerance * 100))% for \(residuals.count) sector(s): \(worst); fix the table or accept it with --accept-imbalance"
        case let .nonFiniteTotal(kind, sector):
            return "the \(kind == .rows ? "row" : "column") total of sector '\(sector)' is not a finite number (its entries overflow double precision); express the table in larger units (e.g. billions) so that every sum stays below 1e300"
        case let .notProductive(rho):
            let radius = rho.map { " (spectral radius ≥ \(String(format: "%.4f", $0)))" } ?? ""
            return "technical coefficients are not productive\(radius): some column sums of A reach 1; check units and that output is gross output"
        case let .unknownSector(name, known):
            return "unknown sector '\(name)'; known sectors: \(known.joined(separator: ", "))"
        case let .invalidParameter(name, value, reason):
            return "parameter \(name) = \(value) is invalid: \(reason)"
        case let .dimensionMismatch(what, expected, actual):
            return "\(what) has \(actual) entries but \(expected) are needed"
        case let .noConvergence(method, iterations, residual):
            return "\(method) did not converge in \(iterations) iterations (largest relative residual \(residual)); raise the iteration limit or check that the targets are consistent (row and column totals must have the same sum)"
        case let .missingFinalDemandCategory(name):
            return "the table has no '\(name)' final-demand column, which this computation needs"
        case let .missingValueAddedRow(name):
            return "the table has no '\(name)' primary-input row, which this computation needs"
        case let .invalidConcordance(path, line, reason):
            return "\(path):\(line): \(reason)"
        case let .invalidSectorValues(path, line, reason):
            return "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)"
        case let .linearAlgebra(error):
            return error.description
        case let .located(source, error):
            return "\(source): \(error.description)"
        case let .inconsistentTargets(method, rowTotal, columnTotal, tolerance):
            return "\(method): row targets sum to \(rowTotal) but column targets sum to \(columnTotal), a relative difference beyond \(tolerance); both must describe the same grand total"
        case let .infeasibleTarget(method, axis, index, target, reason):
            return "\(method): \(axis.rawValue) \(index) (0-based) has target \(target) but \(reason); change the target or give the initial matrix a nonzero entry of the right sign there"
        }
    }
}

extension InputOutputError {
    /// This error placed at `source` (a file or a flag), unless its message already starts
    /// with that name.
    public func located(at source: String) -> InputOutputError {
        description.hasPrefix(source + ":") ? self : .located(source: source, error: self)
    }

    /// Runs `body`, placing its input-output and linear-algebra errors at `source`.
    public static func at<T>(_ source: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as InputOutputError {
            throw error.located(at: source)
        } catch let error as LinearAlgebraError {
            throw InputOutputError.linearAlgebra(error).located(at: source)
        }
    }
}

func formatSigned(_ value: Double) -> String {
    String(format: "%+.4g", value)
}

import Foundation
