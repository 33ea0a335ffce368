import LinearAlgebra

/// Ordinary least squares y = Xβ + ε with the classical inference:
/// β̂ = (XᵀX)⁻¹Xᵀy, s² = ‖y − Xβ̂‖²/(n − k), Cov(β̂) = s²(XᵀX)⁻¹, and the leave-one-out
/// prediction errors eᵢ/(1 − hᵢᵢ) with hᵢᵢ = xᵢᵀ(XᵀX)⁻¹xᵢ (the PRESS residuals; Allen 1974),
/// whose root mean square is the model's out-of-sample error.
/// - Complexity: O(n·k² + k³), with XᵀX factored by LAPACK's Cholesky.
public struct LeastSquares: Sendable {
    public let coefficients: [Double]
    /// Cov(β̂), k × k.
    public let covariance: [[Double]]
    /// s, the in-sample residual standard error.
    public let residualStandardError: Double
    /// √(mean of the squared leave-one-out prediction errors).
    public let outOfSampleError: Double
    public let observations: Int

    /// - Parameters:
    ///   - design: the rows xᵢ (n × k), n > k.
    ///   - response: yᵢ.
    public init(design: [[Double]], response: [Double], model: String) throws(ForecastingError) {
        let n = design.count, k = design.first?.count ?? 0
        guard n == response.count, k > 0, n > k, design.allSatisfy({ $0.count == k }) else {
            throw .insufficientHistory(model: model, year: 0, observations: n, needed: k + 1)
        }
        var gram = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var moment = [Double](repeating: 0, count: k)
        for (x, y) in zip(design, response) {
            for a in 0..<k {
                moment[a] += x[a] * y
                for b in 0..<k { gram[a][b] += x[a] * x[b] }
            }
        }
        let factor: CholeskyFactorization
        var inverse: [[Double]] = []
        do {
            factor = try CholeskyFactorization(of: try Matrix(rows: gram))
            // (min Lᵢᵢ / max Lᵢᵢ)² bounds the reciprocal condition of XᵀX from above: below
            // 1e-12 the coefficients are not identified in double precision.
            let pivots = factor.lower.diagonalEntries.map(abs)
            guard let smallest = pivots.min(), let largest = pivots.max(), largest > 0,
                  (smallest / largest) * (smallest / largest) > 1e-12 else { throw ForecastingError.singularDesign(model: model) }
            for j in 0..<k {
                var unit = [Double](repeating: 0, count: k)
                unit[j] = 1
                inverse.append(try factor.solve(unit))
            }
            coefficients = try factor.solve(moment)
        } catch let error as ForecastingError {
            throw error
        } catch {
            throw .singularDesign(model: model)
        }
        var squares = 0.0, press = 0.0
        for (x, y) in zip(design, response) {
            var fitted = 0.0, leverage = 0.0
            for a in 0..<k {
                fitted += x[a] * coefficients[a]
                for b in 0..<k { leverage += x[a] * inverse[b][a] * x[b] }
            }
            let residual = y - fitted
            squares += residual * residual
            let loo = residual / max(1 - leverage, 1e-12)
            press += loo * loo
        }
        let s2 = squares / Double(n - k)
        residualStandardError = s2.squareRoot()
        outOfSampleError = (press / Double(n)).squareRoot()
        covariance = inverse.map { row in row.map { $0 * s2 } }
        observations = n
    }

    /// xᵀβ̂ and its variance xᵀ Cov(β̂) x.
    public func prediction(_ x: [Double]) -> (mean: Double, variance: Double) {
        var mean = 0.0, variance = 0.0
        for a in x.indices {
            mean += x[a] * coefficients[a]
            for b in x.indices { variance += x[a] * covariance[a][b] * x[b] }
        }
        return (mean, variance)
    }
}
