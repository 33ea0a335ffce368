/// The per-draw side of `FinalDemandLeakage`, flattened once per evaluator: the Monte Carlo
/// runs it every draw when a share or tax weight is sampled, and reading the leakage's nested
/// arrays of `ParameterValue` there costs a retain, a bounds check and an enum switch per entry.
struct LocalDemandTable {
    let order: Int
    /// Per demand column c: its use u (index into the rates), −1 for none.
    let useOfColumn: [Int]
    /// Per entry i + n·c: the parameter index of sᵢ, −1 for a constant share.
    let shareParameter: [Int]
    /// Per entry: the constant share already clamped, min(1, max(0, s)), 1 for a sector past the
    /// lever's list (0, unused, for a sampled share). Clamping the same constant once a run gives
    /// the same value as clamping it every draw.
    let constantShare: [Double]

    /// The table of demand levers `levers` (column c is lever `levers[c]`) over n sectors.
    /// - Complexity: O(levers · n).
    init(_ leakage: FinalDemandLeakage, levers: [Int], order n: Int) {
        order = n
        useOfColumn = levers.map { leakage.useOfLever[$0] }
        var parameter: [Int] = [], constant: [Double] = []
        for l in levers {
            let shares = leakage.localShares[l]
            for i in 0..<n {
                switch i < shares.count ? shares[i] : .constant(1) {
                case let .constant(value):
                    parameter.append(-1)
                    constant.append(min(1, max(0, value)))
                case let .parameter(index):
                    parameter.append(index)
                    constant.append(0)
                }
            }
        }
        shareParameter = parameter
        constantShare = constant
    }

    /// Each demand lever's local final demand per unit of amount, dᵢ·sᵢ/(1 + t_u), into
    /// column c of `vectors` (n × columns, column-major), with its use's tax rate t_u (from
    /// `useRates`, `FinalDemandLeakage.rates(_:into:)`) into `taxRates[c]`; sᵢ is clamped to
    /// [0, 1], and is 1 for a lever without shares. `directions` holds the dᵢ in the same
    /// layout. - Complexity: O(levers · n).
    func fill(
        _ theta: UnsafeBufferPointer<Double>, useRates: [Double], directions: [Double], taxRates: UnsafeMutableBufferPointer<Double>,
        into vectors: UnsafeMutableBufferPointer<Double>
    ) {
        let n = order
        useOfColumn.withUnsafeBufferPointer { useOfColumn in
        shareParameter.withUnsafeBufferPointer { shareParameter in
        constantShare.withUnsafeBufferPointer { constantShare in
        useRates.withUnsafeBufferPointer { useRates in
        directions.withUnsafeBufferPointer { directions in
            var e = 0
            for column in 0..<useOfColumn.count {
                let u = useOfColumn[column]
                let rate = u >= 0 ? useRates[u] : 0
                taxRates[column] = rate
                let divisor = 1 + rate
                for _ in 0..<n {
                    let p = shareParameter[e]
                    let share = p >= 0 ? min(1, max(0, theta[p])) : constantShare[e]
                    vectors[e] = directions[e] * share / divisor
                    e &+= 1
                }
            }
        }}}}}
    }
}
