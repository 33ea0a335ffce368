import Sampling

/// The Gaussian copula on a block's correlated parameters, in place: u → z = Φ⁻¹(u) → L·z →
/// Φ(z) (`GaussianCopula`). A parameter whose inverse CDF starts from a normal score
/// (`ParameterTransform.takesNormalScore`: normal, lognormal, tabulated) keeps z itself, so it
/// is not sent through Φ and back through Φ⁻¹. One step shared by the engine's `BlockWorker`
/// and `ModelEvaluation`'s worker. - Complexity: O(count · width²) for `width` correlated parameters.
enum CopulaStep {
    /// Correlates `theta`'s parameters `indices` (row-major draws of `parameterCount` values)
    /// for the first `count` draws, with `normals` (at least width · count values) as scratch;
    /// parameter j gets z where `takesNormalScore[j]`, else Φ(z).
    /// - Throws: `invalidModel` with the copula's reason; `internalInconsistency` (a bug) when
    ///   an index is not below `parameterCount` or a buffer is too short.
    static func apply(
        _ correlation: (indices: [Int], copula: GaussianCopula), parameterCount k: Int, count: Int,
        takesNormalScore: [Bool], theta: inout [Double], normals: inout [Double]
    ) throws(SimulationError) {
        let (indices, copula) = correlation
        let width = indices.count
        // The normals are stored by parameter (row `position` holds that parameter's `count`
        // draws), so the copula carries several draws side by side.
        // Checked once a block, so that the loops can walk raw pointers with wrapping
        // arithmetic (no overflow traps in the per-value loop).
        guard indices.allSatisfy({ $0 >= 0 && $0 < k }), theta.count >= k * count, normals.count >= width * count,
              takesNormalScore.count >= k else {
            throw .internalInconsistency("the copula's parameter indices or buffers do not match \(k) parameters × \(count) draws")
        }
        indices.withUnsafeBufferPointer { indices in
            theta.withUnsafeBufferPointer { theta in
                normals.withUnsafeMutableBufferPointer { normals in
                    guard let source = theta.baseAddress, let target = normals.baseAddress else { return }
                    for position in 0..<width {
                        var u = source + indices[position]
                        let row = target + count &* position
                        for t in 0..<count {
                            row[t] = StandardNormal.quantile(u.pointee)
                            u += k
                        }
                    }
                }
            }
        }
        do {
            try normals.withUnsafeMutableBufferPointer { z throws(SamplingError) in
                try copula.correlateInPlace(parameterRows: UnsafeMutableBufferPointer(rebasing: z[0..<(width * count)]), rowStride: count, draws: count)
            }
        } catch {
            throw .invalidModel(error.description)
        }
        indices.withUnsafeBufferPointer { indices in
            normals.withUnsafeBufferPointer { normals in
                theta.withUnsafeMutableBufferPointer { theta in
                    guard let target = theta.baseAddress, let source = normals.baseAddress else { return }
                    for position in 0..<width {
                        let j = indices[position], row = source + count &* position
                        var x = target + j
                        if takesNormalScore[j] {
                            for t in 0..<count {
                                x.pointee = row[t]
                                x += k
                            }
                        } else {
                            for t in 0..<count {
                                x.pointee = StandardNormal.cdf(row[t])
                                x += k
                            }
                        }
                    }
                }
            }
        }
    }
}
