/// A partition of a model's inputs into factors: every input belongs to exactly one factor.
/// A factor of several inputs is moved as one in the designs (Saltelli's group indices,
/// Saltelli et al. 2008, §1.2.15; Morris with groups, Campolongo et al. 2007): the way to
/// give indices to inputs that are correlated with each other, since the variance
/// decomposition of Sobol' needs independent factors.
public struct FactorGroups: Sendable, Equatable {
    /// The factors' names, in order.
    public let names: [String]
    /// Input indices of each factor.
    public let members: [[Int]]
    /// The factor of each input.
    public let factorOfInput: [Int]

    public var count: Int { names.count }
    public var inputCount: Int { factorOfInput.count }

    /// - Throws: `invalidGroups` when a factor is empty, an index is out of 0..<inputs, or an
    ///   input is in no factor or in two.
    public init(names: [String], members: [[Int]], inputs: Int) throws(SensitivityError) {
        guard names.count == members.count, !names.isEmpty else { throw .invalidGroups("\(names.count) names for \(members.count) factors") }
        var factorOfInput = [Int](repeating: -1, count: inputs)
        for (g, group) in members.enumerated() {
            guard !group.isEmpty else { throw .invalidGroups("factor '\(names[g])' has no input") }
            for i in group {
                guard i >= 0, i < inputs else { throw .invalidGroups("factor '\(names[g])' names input \(i + 1) of \(inputs)") }
                guard factorOfInput[i] < 0 else { throw .invalidGroups("input \(i + 1) is in factors '\(names[factorOfInput[i]])' and '\(names[g])'") }
                factorOfInput[i] = g
            }
        }
        if let missing = factorOfInput.firstIndex(of: -1) { throw .invalidGroups("input \(missing + 1) is in no factor") }
        self.names = names
        self.members = members
        self.factorOfInput = factorOfInput
    }

    /// One factor per input.
    public static func individual(names: [String]) throws(SensitivityError) -> FactorGroups {
        try FactorGroups(names: names, members: names.indices.map { [$0] }, inputs: names.count)
    }
}
