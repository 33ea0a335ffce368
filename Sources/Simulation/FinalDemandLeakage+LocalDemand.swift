/// The per-draw side of `FinalDemandLeakage`, on raw buffers: the Monte Carlo runs it every
/// draw when a share or tax weight is sampled, and indexing arrays there costs a bounds and
/// uniqueness check per entry.
extension FinalDemandLeakage {
    /// Each demand lever's local final demand per unit of amount, dᵢ·sᵢ/(1 + t_u), into
    /// column c of `vectors` (n × `levers.count`, column-major) for lever `levers[c]`, with
    /// its use's tax rate t_u (from `useRates`, `rates(_:into:)`) into `taxRates[c]`; sᵢ is
    /// clamped to [0, 1], and is 1 for a lever without shares. `directions` holds the dᵢ in
    /// the same layout. - Complexity: O(levers · n).
    func localDemand(
        _ theta: UnsafeBufferPointer<Double>, levers: [Int], useRates: [Double], directions: [Double], order n: Int,
        taxRates: inout [Double], into vectors: inout [Double]
    ) {
        levers.withUnsafeBufferPointer { levers in
        useOfLever.withUnsafeBufferPointer { useOfLever in
        useRates.withUnsafeBufferPointer { useRates in
        directions.withUnsafeBufferPointer { directions in
        taxRates.withUnsafeMutableBufferPointer { taxRates in
        vectors.withUnsafeMutableBufferPointer { vectors in
            for column in 0..<levers.count {
                let l = levers[column]
                let u = useOfLever[l]
                let rate = u >= 0 ? useRates[u] : 0
                taxRates[column] = rate
                localShares[l].withUnsafeBufferPointer { shares in
                    for i in 0..<n {
                        let share = i >= shares.count ? 1 : min(1, max(0, shares[i].value(theta)))
                        vectors[i + n * column] = directions[i + n * column] * share / (1 + rate)
                    }
                }
            }
        }}}}}}
    }
}
