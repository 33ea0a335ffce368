/// A dense matrix of `Double` stored column-major, LAPACK's native order, so that
/// BLAS and LAPACK calls take its values without a copy.
///
/// Entry `(i, j)` (0-based) lives at `values[i + j * rows]`. The type is a value
/// type (copy-on-write through its array) and `Sendable`.
///
/// ```swift
/// let a = try Matrix(rows: [[0.15, 0.25], [0.20, 0.05]])
/// a[0, 1]            // 0.25
/// a.columnMajor      // [0.15, 0.20, 0.25, 0.05]
/// ```
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int
    /// Column-major entries; `values.count == rows * columns`.
    @usableFromInline internal var values: [Double]

    /// A `rows × columns` matrix filled with `value`. Negative sizes are clamped to zero.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.values = Array(repeating: value, count: self.rows * self.columns)
    }

    /// A matrix over column-major `values`.
    /// - Throws: `LinearAlgebraError.storageSize` when `values.count != rows * columns`.
    public init(rows: Int, columns: Int, columnMajor values: [Double]) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw .storageSize(expected: max(rows, 0) * max(columns, 0), actual: values.count)
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from a list of rows, as one writes it on paper.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the rows are ragged.
    public init(rows rowList: [[Double]]) throws(LinearAlgebraError) {
        let rowCount = rowList.count
        let columnCount = rowList.first?.count ?? 0
        var values = [Double](repeating: 0, count: rowCount * columnCount)
        for (i, row) in rowList.enumerated() {
            guard row.count == columnCount else {
                throw .dimensionMismatch(
                    operation: "Matrix(rows:) row \(i + 1)",
                    left: .init(rows: 1, columns: columnCount), right: .init(rows: 1, columns: row.count))
            }
            for (j, value) in row.enumerated() { values[i + j * rowCount] = value }
        }
        self.rows = rowCount
        self.columns = columnCount
        self.values = values
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<m.rows { m.values[i + i * n] = 1 }
        return m
    }

    /// The square matrix with `diagonal` on its diagonal (x̂ in input-output notation).
    public static func diagonal(_ diagonal: [Double]) -> Matrix {
        let n = diagonal.count
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.values[i + i * n] = diagonal[i] }
        return m
    }

    public var shape: LinearAlgebraError.Shape { .init(rows: rows, columns: columns) }
    public var isSquare: Bool { rows == columns }
    /// The column-major entries (`rows * columns` of them).
    public var columnMajor: [Double] { values }

    /// Direct access to the column-major buffer for hot loops; the shape cannot change.
    @inlinable
    public mutating func withUnsafeMutableColumnMajor<R>(_ body: (UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        try values.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// Read-only access to the column-major buffer.
    @inlinable
    public func withUnsafeColumnMajor<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer(body)
    }

    /// Entry `(row, column)`, 0-based. Out-of-range indices trap like an array's;
    /// callers index with loop bounds they derived from `rows`/`columns`.
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { values[row + column * rows] }
        set { values[row + column * rows] = newValue }
    }

    /// Column `j` as a vector.
    public func column(_ j: Int) -> [Double] {
        Array(values[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as a vector.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { values[i + $0 * rows] }
    }

    /// All rows, as nested arrays (for printing and tests).
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// The diagonal entries.
    public var diagonalEntries: [Double] {
        (0..<min(rows, columns)).map { values[$0 + $0 * rows] }
    }

    /// Aᵀ. - Complexity: O(rows · columns).
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t.values[j + i * columns] = values[i + j * rows] }
        }
        return t
    }

    /// Column sums 1ᵀA (e.g. output multipliers of a Leontief inverse).
    public var columnSums: [Double] {
        (0..<columns).map { j in
            var s = 0.0
            for i in 0..<rows { s += values[i + j * rows] }
            return s
        }
    }

    /// Row sums A1.
    public var rowSums: [Double] {
        var sums = [Double](repeating: 0, count: rows)
        for j in 0..<columns {
            for i in 0..<rows { sums[i] += values[i + j * rows] }
        }
        return sums
    }

    /// Throws `nonFinite` at the first NaN or infinite entry; O(rows · columns).
    public func checkFinite() throws(LinearAlgebraError) {
        for j in 0..<columns {
            for i in 0..<rows where !values[i + j * rows].isFinite {
                throw .nonFinite(row: i, column: j, value: values[i + j * rows])
            }
        }
    }

    /// The largest absolute entry, max |aᵢⱼ| (0 for an empty matrix).
    public var maxAbsoluteEntry: Double { values.reduce(0) { max($0, abs($1)) } }

    /// The 1-norm, max over columns of Σᵢ |aᵢⱼ| (used by the condition estimate).
    public var oneNorm: Double {
        (0..<columns).reduce(0.0) { best, j in
            var s = 0.0
            for i in 0..<rows { s += abs(values[i + j * rows]) }
            return max(best, s)
        }
    }

    /// `oneNorm` of a matrix that passes `checkFinite()`, both in one pass: throws `nonFinite`
    /// at the first NaN or infinite entry (columns first, as `checkFinite`), else returns ‖A‖₁
    /// summed in `oneNorm`'s order (the same bits). - Complexity: O(rows · columns).
    public func finiteOneNorm() throws(LinearAlgebraError) -> Double {
        var best = 0.0
        var firstNonFinite: Int?
        values.withUnsafeBufferPointer { v in
            for j in 0..<columns {
                var s = 0.0
                for k in (j * rows)..<((j + 1) * rows) {
                    guard v[k].isFinite else {
                        firstNonFinite = k
                        return
                    }
                    s += abs(v[k])
                }
                best = max(best, s)
            }
        }
        if let k = firstNonFinite { throw .nonFinite(row: k % rows, column: k / rows, value: values[k]) }
        return best
    }

    public var description: String {
        rowArrays.map { $0.map { String($0) }.joined(separator: "\t") }.joined(separator: "\n")
    }
}
