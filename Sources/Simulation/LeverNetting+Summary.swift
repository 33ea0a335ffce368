import Sampling

extension LeverNetting {
    /// One netting group's figures for the report: E[T], E[Σ] of the members as drawn, the group's
    /// k = E[T] / E[Σ] (nil when E[Σ] = 0), and each member's mean amount as drawn and netted.
    public struct GroupSummary: Sendable, Equatable {
        public let id: String
        public let totalMean: Double
        public let drawnSumMean: Double
        public let k: Double?
        public let members: [(leverID: String, drawnMean: Double, nettedMean: Double)]
        public let draws: Int

        public static func == (a: GroupSummary, b: GroupSummary) -> Bool {
            a.id == b.id && a.totalMean == b.totalMean && a.drawnSumMean == b.drawnSumMean && a.k == b.k && a.draws == b.draws
                && a.members.map(\.leverID) == b.members.map(\.leverID) && a.members.map(\.drawnMean) == b.members.map(\.drawnMean)
                && a.members.map(\.nettedMean) == b.members.map(\.nettedMean)
        }
    }

    /// The groups' figures from `draws` plain Monte Carlo draws of the inputs alone (the engine's
    /// streams for `seed`, the copula and the inverse CDFs, then the netting; no model solve).
    /// The drawn means and E[T] are the distributions' own (closed form); the netted means are
    /// sample means, whose error is about sd / √draws. Empty without netting, or when the copula
    /// cannot be applied (validation refuses such a scenario first).
    /// - Complexity: O(draws · (k + correlated² + members)).
    public static func summaries(model: SimulationModel, draws: Int = 8192, seed: UInt64) -> [GroupSummary] {
        let netting = model.netting
        guard !netting.groups.isEmpty, draws > 0 else { return [] }
        let k = model.parameters.count
        var theta = ModelEvaluation.sampledUniforms(rows: draws, streams: (0..<k).map { UInt64($0) }, seed: seed)
        let transform = ParameterTransform(
            parameters: model.parameters, tables: QuantileTables.tables(for: model.parameters), correlated: model.correlation?.indices ?? [])
        if let correlation = model.correlation {
            var normals = [Double](repeating: 0, count: correlation.indices.count * draws)
            do {
                try CopulaStep.apply(
                    correlation, parameterCount: k, count: draws, takesNormalScore: transform.takesNormalScore,
                    theta: &theta, normals: &normals)
            } catch { return [] }
        }
        theta.withUnsafeMutableBufferPointer { th in
            transform.apply(th.baseAddress!, parameters: k, draws: draws)
            netting.apply(th.baseAddress!, parameters: k, draws: draws)
        }
        return netting.groups.map { group in
            let drawn = group.members.map { model.parameters[$0].distribution.mean }
            let netted = group.members.map { j in
                var moments = RunningMoments()
                for t in 0..<draws { moments.insert(theta[j + k * t]) }
                return moments.mean
            }
            let totalMean: Double = switch group.total {
            case let .constant(value): value
            case let .parameter(j): model.parameters[j].distribution.mean
            }
            let sum = drawn.reduce(0, +)
            return GroupSummary(
                id: group.id, totalMean: totalMean, drawnSumMean: sum, k: sum != 0 ? totalMean / sum : nil,
                members: group.leverIDs.indices.map { (group.leverIDs[$0], drawn[$0], netted[$0]) }, draws: draws)
        }
    }
}
