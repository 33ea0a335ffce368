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
    /// - Throws: `invalidModel` with the copula's reason.
    static func apply(
        _ correlation: (indices: [Int], copula: GaussianCopula), parameterCount k: Int, count: Int,
        takesNormalScore: [Bool], theta: inout [Double], normals: inout [Double]
    ) throws(SimulationError) {
        let (indices, copula) = correlation
        let width = indices.count
        indices.withUnsafeBufferPointer { indices in
            theta.withUnsafeBufferPointer { theta in
                normals.withUnsafeMutableBufferPointer { normals in
                    for t in 0..<count {
                        for position in 0..<width { normals[position + width * t] = StandardNormal.quantile(theta[indices[position] + k * t]) }
                    }
                }
            }
        }
        do {
            try normals.withUnsafeMutableBufferPointer { z throws(SamplingError) in
                try copula.correlateInPlace(UnsafeMutableBufferPointer(rebasing: z[0..<(width * count)]), draws: count)
            }
        } catch {
            throw .invalidModel(error.description)
        }
        indices.withUnsafeBufferPointer { indices in
            takesNormalScore.withUnsafeBufferPointer { takesNormalScore in
                normals.withUnsafeBufferPointer { normals in
                    theta.withUnsafeMutableBufferPointer { theta in
                        for t in 0..<count {
                            for position in 0..<width {
                                let j = indices[position], z = normals[position + width * t]
                                theta[j + k * t] = takesNormalScore[j] ? z : StandardNormal.cdf(z)
                            }
                        }
                    }
                }
            }
        }
    }
}
