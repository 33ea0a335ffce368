/// Outputs as an affine map of the parameters, y = c + M·θ, probed from the evaluator:
/// c = y(0), column j of M = y(eⱼ) − y(0). Exact up to rounding when the model is affine.
struct AffineMap: Sendable {
    let intercept: [Double]
    /// M, outputs × parameters, column-major.
    let slopes: [Double]

    init(model: SimulationModel, layout: OutputLayout) throws(SimulationError) {
        var evaluator = try DrawEvaluator(model: model)
        let k = model.parameters.count, m = layout.count
        var theta = [Double](repeating: 0, count: k)
        var intercept = [Double](repeating: 0, count: m)
        try evaluator.evaluateArrays(theta: theta, into: &intercept)
        var slopes = [Double](repeating: 0, count: m * k)
        var column = [Double](repeating: 0, count: m)
        for j in 0..<k {
            theta[j] = 1
            try evaluator.evaluateArrays(theta: theta, into: &column)
            theta[j] = 0
            for o in 0..<m { slopes[o + m * j] = column[o] - intercept[o] }
        }
        self.intercept = intercept
        self.slopes = slopes
    }
}

extension DrawEvaluator {
    mutating func evaluateArrays(theta: [Double], into out: inout [Double]) throws(SimulationError) {
        try theta.withUnsafeBufferPointer { t throws(SimulationError) in
            try out.withUnsafeMutableBufferPointer { o throws(SimulationError) in try evaluate(theta: t, into: o, draw: -1) }
        }
    }
}
