import LinearAlgebra

/// Everything that can go wrong in the input-output layer. Each case carries what a
/// user needs to fix the input: the file and line, the sector, the value, and the
/// size of a residual. `description` is one line that also says how to fix it.
public enum InputOutputError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Reading a table
    case unreadableFile(path: String, reason: String)
    case emptyTable(path: String)
    case raggedRow(path: String, line: Int, expected: Int, actual: Int)
    case nonNumericCell(path: String, line: Int, column: String, text: String)
    case nonFiniteCell(path: String, line: Int, column: String)
    case duplicateLabel(path: String, line: Int, label: String)
    case unknownRow(path: String, line: Int, label: String)
    case unknownColumn(path: String, column: String)
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
        case let .emptyTable(path):
            return "\(path): no table found; the file needs a header row and one row per sector"
        case let .raggedRow(path, line, expected, actual):
            return "\(path):\(line): row has \(actual) cells but the header has \(expected); every row needs one cell per column"
        case let .nonNumericCell(path, line, column, text):
            return "\(path):\(line): column '\(column)' holds '\(text)', which is not a number; write a plain decimal such as 1234.5"
        case let .nonFiniteCell(path, line, column):
            return "\(path):\(line): column '\(column)' is NaN or infinite; replace it with a finite number"
        case let .duplicateLabel(path, line, label):
            return "\(path):\(line): label '\(label)' appears twice; each sector and row label must be unique"
        case let .unknownRow(path, line, label):
            return "\(path):\(line): row '\(label)' is neither a sector nor a known primary-input row; name it like docs/io-table-format.md says (e.g. compensation, taxes_less_subsidies, operating_surplus, value_added, output, employment)"
        case let .unknownColumn(path, column):
            return "\(path): column '\(column)' is neither a sector nor a known final-demand column; name it households, government, gfcf, inventories, exports, imports, other or total (docs/io-table-format.md)"
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
