import LinearAlgebra

/// A Gaussian copula: correlated uniforms from independent standard normals, so that
/// correlated parameters keep their own marginal distributions (each drawn through its
/// quantile function).
///
/// With the Cholesky factor C = L·Lᵀ of the correlation matrix C and z ~ N(0, I),
/// y = L·z ~ N(0, C) and uᵢ = Φ(yᵢ) are uniforms with Gaussian dependence; a draw of
/// parameter i is then Fᵢ⁻¹(uᵢ) (Nelsen 2006, *An Introduction to Copulas*, §2.9;
/// Iman & Conover 1982 for the rank-correlation use in risk analysis). C is the
/// correlation of the normals y, not of the final parameters (for non-normal marginals
/// their Pearson correlation is somewhat smaller in magnitude).
///
/// ```swift
/// let copula = try GaussianCopula(correlation: Matrix(rows: [[1, 0.6], [0.6, 1]]))
/// var block = normals            // k × 4096, column-major: one column per draw
/// try copula.uniformsInPlace(&block, draws: 4096)
/// ```
public struct GaussianCopula: Sendable, Equatable {
    /// The number of correlated parameters k.
    public let dimension: Int
    /// The validated correlation matrix C (k × k).
    public let correlation: Matrix
    /// L, lower triangular with C = L·Lᵀ.
    public let choleskyFactor: Matrix
    /// L's entries packed by rows (row i holds L[i, 0...i]) for the hot loop.
    private let packedLowerRows: [Double]

    /// The tolerance of the symmetry and unit-diagonal checks.
    public static let tolerance = 1e-12

    /// Validates `correlation` and factors it.
    /// - Throws: `correlationNotSquare`, `correlationNonFinite`,
    ///   `correlationDiagonalNotOne` (|Cᵢᵢ − 1| > 1e-12), `correlationNotSymmetric`
    ///   (|Cᵢⱼ − Cⱼᵢ| > 1e-12), `correlationOutOfRange` (outside [−1, 1]),
    ///   `correlationNotPositiveDefinite(column:)` (0-based column where Cholesky failed;
    ///   a singular matrix, e.g. one with two perfectly correlated parameters, fails too).
    /// - Complexity: O(k³) (Cholesky, LAPACK `dpotrf`).
    public init(correlation: Matrix) throws(SamplingError) {
        let k = correlation.rows
        guard correlation.isSquare else {
            throw .correlationNotSquare(rows: correlation.rows, columns: correlation.columns)
        }
        for column in 0..<k {
            for row in 0..<k where !correlation[row, column].isFinite {
                throw .correlationNonFinite(row: row, column: column, value: correlation[row, column])
            }
        }
        for i in 0..<k where abs(correlation[i, i] - 1) > Self.tolerance {
            throw .correlationDiagonalNotOne(index: i, value: correlation[i, i])
        }
        for column in 0..<k {
            for row in (column + 1)..<max(k, column + 1) {
                let value = correlation[row, column], mirrored = correlation[column, row]
                if abs(value - mirrored) > Self.tolerance {
                    throw .correlationNotSymmetric(row: row, column: column, value: value, transposedValue: mirrored)
                }
                if abs(value) > 1 {
                    throw .correlationOutOfRange(row: row, column: column, value: value)
                }
            }
        }
        let factor: CholeskyFactorization
        do {
            factor = try CholeskyFactorization(of: correlation)
        } catch {
            switch error {
            case let .notPositiveDefinite(column):
                throw .correlationNotPositiveDefinite(column: column - 1)
            default:
                // Shape and finiteness were checked above; any other failure is reported
                // against the matrix as a whole.
                throw .correlationNotPositiveDefinite(column: 0)
            }
        }
        var packed = [Double]()
        packed.reserveCapacity(k * (k + 1) / 2)
        for row in 0..<k {
            for column in 0...row { packed.append(factor.lower[row, column]) }
        }
        self.dimension = k
        self.correlation = correlation
        self.choleskyFactor = factor.lower
        self.packedLowerRows = packed
    }

    /// Overwrites a column-major k × `draws` buffer of independent standard normals with
    /// the correlated normals L·z of each column. Working upwards from the last row lets
    /// each column be transformed in place with no scratch space:
    /// yᵢ = Σ_{j ≤ i} Lᵢⱼ zⱼ only reads zⱼ with j ≤ i, which are not yet overwritten.
    /// - Throws: `lengthMismatch` when `buffer.count != dimension · draws`.
    /// - Complexity: O(k²/2 · draws) multiply-adds, no allocation.
    package func correlateInPlace(_ buffer: UnsafeMutableBufferPointer<Double>, draws: Int) throws(SamplingError) {
        let (expected, overflow) = dimension.multipliedReportingOverflow(by: max(draws, 0))
        guard draws >= 0, !overflow, buffer.count == expected else {
            throw .lengthMismatch(name: "normal buffer (k × draws)", expected: overflow ? .max : expected, actual: buffer.count)
        }
        guard let base = buffer.baseAddress, dimension > 0 else { return }
        let k = dimension
        packedLowerRows.withUnsafeBufferPointer { lowerRows in
            guard let l = lowerRows.baseAddress else { return }
            for draw in 0..<draws {
                let z = base + draw * k
                var rowStart = k * (k - 1) / 2
                var i = k - 1
                while i >= 0 {
                    var sum = 0.0
                    for j in 0...i { sum += l[rowStart + j] * z[j] }
                    z[i] = sum
                    rowStart -= i
                    i -= 1
                }
            }
        }
    }

    /// `correlateInPlace` for a buffer stored by parameter: row i (the `draws` normals of
    /// parameter i) starts at `buffer + i · rowStride`. Each draw gets the same y = L·z, sum
    /// for sum: yᵢ = ((0 + Lᵢ₀z₀) + Lᵢ₁z₁) + … + Lᵢᵢzᵢ, rounded in that order; eight (then
    /// four) draws are carried side by side in the lanes of a SIMD vector (lane-wise products
    /// and sums, so each lane rounds as the scalar loop does). Rows are overwritten from the last up, as
    /// in `correlateInPlace`.
    /// - Throws: `lengthMismatch` when `rowStride < draws` or the buffer is shorter than
    ///   (dimension − 1) · rowStride + draws.
    /// - Complexity: O(k²/2 · draws) multiply-adds, no allocation.
    package func correlateInPlace(
        parameterRows buffer: UnsafeMutableBufferPointer<Double>, rowStride: Int, draws: Int
    ) throws(SamplingError) {
        guard draws >= 0, rowStride >= draws else {
            throw .lengthMismatch(name: "normal buffer row stride", expected: max(draws, 0), actual: rowStride)
        }
        guard dimension > 0, draws > 0 else { return }
        let (span, overflow) = (dimension - 1).multipliedReportingOverflow(by: rowStride)
        guard !overflow, buffer.count >= span &+ draws, let base = buffer.baseAddress else {
            throw .lengthMismatch(name: "normal buffer (k rows)", expected: overflow ? .max : span &+ draws, actual: buffer.count)
        }
        let k = dimension
        let lanes = 4, wideLanes = 8
        let vectorDraws = draws - draws % lanes, wideDraws = draws - draws % wideLanes
        let rowBytes = rowStride &* MemoryLayout<Double>.stride
        packedLowerRows.withUnsafeBufferPointer { lowerRows in
            guard let packed = lowerRows.baseAddress else { return }
            var i = k - 1
            while i >= 0 {
                let l = packed + i &* (i &+ 1) / 2
                let y = base + i &* rowStride
                var t = 0
                // Eight draws a step (one broadcast of Lᵢⱼ for eight lanes), then four, then one.
                while t < wideDraws {
                    var sum = SIMD8<Double>(repeating: 0)
                    var z = UnsafeRawPointer(base + t)
                    for j in 0...i {
                        sum += SIMD8<Double>(repeating: l[j]) * z.loadUnaligned(as: SIMD8<Double>.self)
                        z += rowBytes
                    }
                    UnsafeMutableRawPointer(y + t).storeBytes(of: sum, as: SIMD8<Double>.self)
                    t &+= wideLanes
                }
                while t < vectorDraws {
                    var sum = SIMD4<Double>(repeating: 0)
                    var z = UnsafeRawPointer(base + t)
                    for j in 0...i {
                        sum += SIMD4<Double>(repeating: l[j]) * z.loadUnaligned(as: SIMD4<Double>.self)
                        z += rowStride &* MemoryLayout<Double>.stride
                    }
                    UnsafeMutableRawPointer(y + t).storeBytes(of: sum, as: SIMD4<Double>.self)
                    t &+= lanes
                }
                while t < draws {
                    var sum = 0.0
                    for j in 0...i { sum += l[j] * base[j &* rowStride &+ t] }
                    y[t] = sum
                    t &+= 1
                }
                i -= 1
            }
        }
    }

    /// `correlateInPlace` on an array. - Throws: `lengthMismatch`.
    public func correlateInPlace(_ buffer: inout [Double], draws: Int) throws(SamplingError) {
        try buffer.withUnsafeMutableBufferPointer { (pointer) throws(SamplingError) in
            try correlateInPlace(pointer, draws: draws)
        }
    }

    /// Overwrites a k × `draws` buffer of independent standard normals with the copula's
    /// uniforms Φ(L·z), each in [0, 1] (in (0, 1) unless |L·z| > 37, where Φ rounds).
    /// - Throws: `lengthMismatch`.
    /// - Complexity: O(k²/2 · draws) plus k·draws evaluations of Φ.
    package func uniformsInPlace(_ buffer: UnsafeMutableBufferPointer<Double>, draws: Int) throws(SamplingError) {
        try correlateInPlace(buffer, draws: draws)
        for index in buffer.indices { buffer[index] = StandardNormal.cdf(buffer[index]) }
    }

    /// `uniformsInPlace` on an array. - Throws: `lengthMismatch`.
    public func uniformsInPlace(_ buffer: inout [Double], draws: Int) throws(SamplingError) {
        try buffer.withUnsafeMutableBufferPointer { (pointer) throws(SamplingError) in
            try uniformsInPlace(pointer, draws: draws)
        }
    }

    /// The correlated normals L·z for one draw of k independent standard normals.
    /// - Throws: `lengthMismatch` when `z.count != dimension`.
    public func correlated(_ z: [Double]) throws(SamplingError) -> [Double] {
        guard z.count == dimension else { throw .lengthMismatch(name: "normals", expected: dimension, actual: z.count) }
        var y = z
        try correlateInPlace(&y, draws: 1)
        return y
    }

    /// The copula uniforms Φ(L·z) for one draw. - Throws: `lengthMismatch`.
    public func uniforms(fromIndependentNormals z: [Double]) throws(SamplingError) -> [Double] {
        try correlated(z).map(StandardNormal.cdf)
    }
}
