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
        // The normals are stored by parameter (row `position` holds that parameter's `count`
        // draws), so the copula carries several draws side by side.
        indices.withUnsafeBufferPointer { indices in
            theta.withUnsafeBufferPointer { theta in
                normals.withUnsafeMutableBufferPointer { normals in
                    for position in 0..<width {
                        let j = indices[position], row = count * position
                        for t in 0..<count { normals[row + t] = StandardNormal.quantile(theta[j + k * t]) }
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
                    for position in 0..<width {
                        let j = indices[position], row = count * position
                        if takesNormalScore[j] {
                            for t in 0..<count { theta[j + k * t] = normals[row + t] }
                        } else {
                            for t in 0..<count { theta[j + k * t] = StandardNormal.cdf(normals[row + t]) }
                        }
                    }
                }
            }
        }
    }
}
