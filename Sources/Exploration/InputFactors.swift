import Sensitivity
import Simulation

/// How the model's sampled inputs are grouped into the factors of a sensitivity analysis.
public enum FactorGrouping: String, Sendable, CaseIterable {
    /// One factor per parameter, except that parameters correlated through the copula form one
    /// factor per connected set (the design moves them together).
    case parameter
    /// One factor per kind of input, by the id's first component: `baseline` (the momentum and
    /// the tax elasticity), `levers`, `assumptions` (the dataset's), `national` (the national
    /// factor), `indicators` (exports and CPI baselines); kinds joined by a correlation are merged.
    case group
}

/// Builds `FactorGroups` over a model's parameters.
///
/// Sobol' indices decompose the variance over independent factors. Correlated inputs are made
/// in the engine as x = F⁻¹(Φ(L·z)) from independent normal scores z, with L the Cholesky factor
/// of the correlation matrix; L has no entry between two connected sets of the correlation
/// graph (a Cholesky factor has fill-in only inside the components of the graph), so the scores
/// of one connected set are independent of every other input and the set can be one factor:
/// the design swaps its scores as a block ("group indices", Saltelli et al. 2008, §1.2.15).
public enum InputFactors {
    /// The connected sets of the copula's correlation graph (non-zero off-diagonal entries), as
    /// parameter indices in parameter order; uncorrelated parameters are not listed.
    /// - Complexity: O(c²) for c correlated parameters.
    public static func correlatedSets(of model: SimulationModel) -> [[Int]] {
        guard let (indices, copula) = model.correlation else { return [] }
        let c = indices.count
        var component = [Int](repeating: -1, count: c)
        var sets: [[Int]] = []
        for start in 0..<c where component[start] < 0 {
            var stack = [start], members: [Int] = []
            component[start] = sets.count
            while let p = stack.popLast() {
                members.append(indices[p])
                for q in 0..<c where component[q] < 0 && copula.correlation[p, q] != 0 {
                    component[q] = sets.count
                    stack.append(q)
                }
            }
            sets.append(members.sorted())
        }
        return sets.filter { $0.count > 1 }
    }

    /// A correlated set's factor name: its ids joined by " + " for up to three inputs, else
    /// "correlated set N (k inputs)" (`correlatedSets` lists the members).
    public static func setName(_ ids: [String], number: Int) -> String {
        ids.count <= 3 ? ids.joined(separator: " + ") : "correlated set \(number) (\(ids.count) inputs)"
    }

    /// The kind of a parameter id (its first dotted component).
    public static func kind(of id: String) -> String {
        String(id.split(separator: ".", maxSplits: 1).first ?? Substring(id))
    }

    /// The factors for `grouping`; with `ignoringCorrelation`, every parameter is its own factor
    /// (the caller must then sample the parameters independently).
    public static func factors(of model: SimulationModel, grouping: FactorGrouping, ignoringCorrelation: Bool = false)
        throws(SensitivityError) -> FactorGroups
    {
        let ids = model.parameters.map(\.id)
        let sets = ignoringCorrelation ? [] : correlatedSets(of: model)
        switch grouping {
        case .parameter:
            var setOf = [Int: Int]()
            for (s, set) in sets.enumerated() { for p in set { setOf[p] = s } }
            var names: [String] = [], members: [[Int]] = []
            var emitted = Set<Int>()
            for p in ids.indices {
                if let s = setOf[p] {
                    guard !emitted.contains(s) else { continue }
                    emitted.insert(s)
                    names.append(setName(sets[s].map { ids[$0] }, number: s + 1))
                    members.append(sets[s])
                } else {
                    names.append(ids[p])
                    members.append([p])
                }
            }
            return try FactorGroups(names: names, members: members, inputs: ids.count)
        case .group:
            var kinds: [String] = []
            for id in ids where !kinds.contains(kind(of: id)) { kinds.append(kind(of: id)) }
            // Union–find over kinds joined by a correlated set.
            var parent = Array(kinds.indices)
            func root(_ i: Int) -> Int { var i = i; while parent[i] != i { i = parent[i] }; return i }
            for set in sets {
                let first = root(kinds.firstIndex(of: kind(of: ids[set[0]]))!)
                for p in set.dropFirst() {
                    let other = root(kinds.firstIndex(of: kind(of: ids[p]))!)
                    if other != first { parent[max(other, first)] = min(other, first) }
                }
            }
            var names: [String] = [], members: [[Int]] = []
            var slot = [Int: Int]()
            for (i, kind) in kinds.enumerated() {
                let r = root(i)
                if let s = slot[r] {
                    names[s] += " + " + kind
                } else {
                    slot[r] = names.count
                    names.append(kind)
                    members.append([])
                }
            }
            for (p, id) in ids.enumerated() { members[slot[root(kinds.firstIndex(of: kind(of: id))!)]!].append(p) }
            return try FactorGroups(names: names, members: members, inputs: ids.count)
        }
    }

    /// The same model without its copula (every parameter sampled independently).
    public static func withoutCorrelation(_ model: SimulationModel) throws(SimulationError) -> SimulationModel {
        try SimulationModel(
            sectors: model.sectors, lines: model.lines, groups: model.groups, groupOfLine: model.groupOfLine,
            sectorOfLine: model.sectorOfLine, taxLines: model.taxLines, baseline: model.baseline, taxElasticity: model.taxElasticity,
            levers: model.levers, exportsBaseline: model.exportsBaseline, cpiBaseline: model.cpiBaseline, parameters: model.parameters,
            correlation: nil, economy: model.economy, quarterlyWeights: model.quarterlyWeights, target: model.target,
            exportsTarget: model.exportsTarget, cpiCeiling: model.cpiCeiling, actualQuarters: model.actualQuarters,
            publishedOutcome: model.publishedOutcome)
    }
}
