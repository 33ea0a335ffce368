/// How draws are made (`scenario.sampling`, `grdp run --sampling`): how the uniforms
/// behind the draws are laid out.
public enum SamplingMethod: String, Sendable, CaseIterable {
    /// Independent draws: parameter j of draw i is a pure function of (seed, j, i) (Philox).
    case monteCarlo = "monte-carlo"
    /// Latin hypercube: each parameter's N strata are hit exactly once, by a keyed
    /// permutation of the draws (no O(N) memory).
    case latinHypercube = "latin-hypercube"
}
