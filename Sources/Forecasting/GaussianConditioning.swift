import LinearAlgebra

/// Conditioning a multivariate normal state x ~ N(μ, Σ) on exact linear observations
/// y = Hx (the observation noise, if any, is part of the state):
///
///   E[x | y] = μ + K(y − Hμ),  Cov[x | y] = Σ − KHΣ,  K = ΣHᵀ(HΣHᵀ)⁻¹
///
/// (e.g. Rasmussen & Williams 2006, A.2). The same gain turns a prior draw into a
/// posterior draw: x* = x + K(y − Hx) is distributed as x | y ("Matheron's rule";
/// Wilson et al. 2020), which is how the Monte Carlo conditions every draw on the
/// published quarters without re-sampling.
/// - Complexity: O(k²m + m³) to build (k states, m observations), O(km) per draw.
public struct GaussianConditioning: Sendable, Equatable {
    /// K, k × m, row-major.
    public let gain: [[Double]]
    public let observationRows: [[Double]]
    public let priorCovariance: [[Double]]

    public init(priorCovariance: [[Double]], observationRows: [[Double]]) throws(ForecastingError) {
        let k = priorCovariance.count, m = observationRows.count
        guard priorCovariance.allSatisfy({ $0.count == k }), observationRows.allSatisfy({ $0.count == k }) else {
            throw .invalidObservation(reason: "the observation rows do not match the state's dimension \(k)")
        }
        self.priorCovariance = priorCovariance
        self.observationRows = observationRows
        guard m > 0 else {
            gain = [[Double]](repeating: [], count: k)
            return
        }
        // ΣHᵀ (k × m) and S = HΣHᵀ (m × m).
        var sigmaHt = [[Double]](repeating: [Double](repeating: 0, count: m), count: k)
        for i in 0..<k {
            for j in 0..<m {
                var sum = 0.0
                for l in 0..<k { sum += priorCovariance[i][l] * observationRows[j][l] }
                sigmaHt[i][j] = sum
            }
        }
        var s = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for a in 0..<m { for b in 0..<m { s[a][b] = (0..<k).reduce(0) { $0 + observationRows[a][$1] * sigmaHt[$1][b] } } }
        do {
            let factor = try CholeskyFactorization(of: try Matrix(rows: s))
            // K = ΣHᵀ S⁻¹: each row r of K solves S kᵀ = (ΣHᵀ)ᵣᵀ (S symmetric).
            gain = try sigmaHt.map { row throws(LinearAlgebraError) in try factor.solve(row) }
        } catch {
            throw .invalidObservation(reason: "the observations are redundant or carry no uncertainty (HΣHᵀ is singular)")
        }
    }

    /// E[x | y] and Cov[x | y].
    public func posterior(priorMean: [Double], observations: [Double]) -> (mean: [Double], covariance: [[Double]]) {
        let k = priorMean.count
        let innovation = observationRows.indices.map { j in observations[j] - zip(observationRows[j], priorMean).reduce(0) { $0 + $1.0 * $1.1 } }
        let mean = (0..<k).map { i in priorMean[i] + zip(gain[i], innovation).reduce(0) { $0 + $1.0 * $1.1 } }
        var covariance = priorCovariance
        for i in 0..<k {
            for l in 0..<k {
                // (KHΣ)ᵢₗ = Σⱼ Kᵢⱼ (HΣ)ⱼₗ
                var sum = 0.0
                for j in observationRows.indices {
                    let hSigma = (0..<k).reduce(0.0) { $0 + observationRows[j][$1] * priorCovariance[$1][l] }
                    sum += gain[i][j] * hSigma
                }
                covariance[i][l] -= sum
            }
        }
        return (mean, covariance)
    }

    /// Moves a prior draw `state` to a posterior draw, in place: x ← x + K(y − Hx).
    @inlinable
    public func transport(_ state: inout [Double], observations: [Double]) {
        let m = observationRows.count
        guard m > 0 else { return }
        var innovation = [Double](repeating: 0, count: m)
        for j in 0..<m {
            var hx = 0.0
            for l in state.indices { hx += observationRows[j][l] * state[l] }
            innovation[j] = observations[j] - hx
        }
        for i in state.indices {
            var shift = 0.0
            for j in 0..<m { shift += gain[i][j] * innovation[j] }
            state[i] += shift
        }
    }
}
