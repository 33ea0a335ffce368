import Forecasting
import Scenarios

/// How a draw forms the no-policy growth of every line (docs/model.md, "The baseline").
///
/// The draw's state is x = (n, a, e, η₁…η₄) (`BaselineForecast`): national growth, the
/// expected Hanoi component, the annual residual and the quarters' deviations. For the
/// momentum variant, a is the draw's momentum total M = Σᵢ wᵢbᵢ and n = e = 0.
/// 1. Published quarters (or H1/9M) y condition the state exactly: with the draw's levers'
///    share of each published figure Lⱼ removed, x ← x + K(y − L − Hx) (`GaussianConditioning`,
///    Matheron's rule), so a quarter above the forecast raises the year and one below lowers it.
/// 2. The year's baseline total is B = n + a + e, plus the quarter noise ζ = Σ_q W_q η_q.
/// 3. Every line keeps its scenario baseline's deviation from M and is moved by the same
///    Δ = (B + ζ − M)/Σᵢwᵢ (so Σᵢ wᵢ·(bᵢ + Δ) = B + ζ and lines, groups and levers add up to
///    the GRDP line); with no `[baseline]`, bᵢ = 0.
/// 4. Quarter q grows B + η_q + Σₗ Δgₗ,q; the annual growth Σ_q W_q·(quarter q) equals the
///    sum of the lines by construction.
/// 5. The national factor n raises all final demand by n% (Hanoi's growth moves one for one
///    with the nation's in the estimated model); through the IO table, the export column (the
///    rest of Vietnam and abroad) carries the share s of it and local demand 1 − s.
/// - Complexity: O(lines + 7·observations) per draw.
public struct BaselineDynamics: Sendable {
    public let model: BaselineModel
    /// n, a, e, η₁…η₄; for momentum, a is replaced per draw by M.
    public let state: [ParameterValue]
    public let conditioning: GaussianConditioning
    public let observations: [QuarterObservation]
    /// s: the export column's share of the value added of a proportional rise of all final demand.
    public let nationalDemandShare: Double
    /// The estimated components and their sources (nil for momentum).
    public let forecast: BaselineForecast?

    public init(model: BaselineModel, state: [ParameterValue], conditioning: GaussianConditioning, observations: [QuarterObservation],
                nationalDemandShare: Double, forecast: BaselineForecast?) {
        self.model = model
        self.state = state
        self.conditioning = conditioning
        self.observations = observations
        self.nationalDemandShare = nationalDemandShare
        self.forecast = forecast
    }
}

/// One worker's evaluation of `BaselineDynamics`: the state buffer and a private copy of
/// the gain (fresh storage per worker, see `EvaluationPlan`).
struct BaselineDrawState {
    let state: [ParameterValue]
    /// K, row-major k × m.
    let gain: [Double]
    /// H, row-major m × k.
    let rows: [Double]
    let observed: [Double]
    /// hⱼ,q, row-major m × 4: each observation's weights over the quarters.
    let observationQuarterWeights: [Double]
    let quarterlyWeights: [Double]
    let replacesExpectedByMomentum: Bool
    let nationalDemandShare: Double
    var values: [Double]
    var innovation: [Double]

    init(_ dynamics: BaselineDynamics, quarterlyWeights: [Double]) {
        state = dynamics.state.map { $0 }
        let k = dynamics.state.count, m = dynamics.observations.count
        gain = (0..<(k * m)).map { dynamics.conditioning.gain[$0 / m][$0 % m] }
        rows = (0..<(m * k)).map { dynamics.conditioning.observationRows[$0 / k][$0 % k] }
        observed = dynamics.observations.map(\.value)
        observationQuarterWeights = dynamics.observations.flatMap(\.weights)
        self.quarterlyWeights = quarterlyWeights.map { $0 }
        replacesExpectedByMomentum = dynamics.model == .momentum
        nationalDemandShare = dynamics.nationalDemandShare
        values = [Double](repeating: 0, count: k)
        innovation = [Double](repeating: 0, count: m)
    }

    var nationalGrowth: Double { values[0] }
    /// B = n + a + e.
    var total: Double { values[0] + values[1] + values[2] }
    func quarterNoise(_ q: Int) -> Double { values[3 + q] }

    /// Draws the state, conditions it on the published figures (less the levers' part of
    /// each, `leverQuarter(q)`), and returns the shift Δ every line's baseline moves by.
    mutating func shift(
        theta: UnsafeBufferPointer<Double>, momentumTotal: Double, shareTotal: Double, leverQuarter: (Int) -> Double
    ) -> Double {
        let k = values.count, m = innovation.count
        for i in 0..<k { values[i] = state[i].value(theta) }
        if replacesExpectedByMomentum { values[1] = momentumTotal }
        if m > 0 {
            for j in 0..<m {
                var lever = 0.0, hx = 0.0
                for q in 0..<4 { lever += observationQuarterWeights[4 * j + q] * leverQuarter(q) }
                for l in 0..<k { hx += rows[k * j + l] * values[l] }
                innovation[j] = observed[j] - lever - hx
            }
            for i in 0..<k {
                var move = 0.0
                for j in 0..<m { move += gain[m * i + j] * innovation[j] }
                values[i] += move
            }
        }
        var zeta = 0.0
        for q in 0..<4 { zeta += quarterlyWeights[q] * values[3 + q] }
        return shareTotal > 0 ? (total + zeta - momentumTotal) / shareTotal : 0
    }
}
