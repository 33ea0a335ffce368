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
/// 6. Published sector quarters (`SectorQuarterObservation`) extend the state with the
///    lines' baselines b₁…b_L and one noise ε per published sector quarter: aggregate G's
///    quarter q grows B + η_q + (b̄_G − M) + ε_{G,q} + its levers' share, with b̄_G the
///    base-year-share-weighted mean of G's lines and M = Σᵢ wᵢbᵢ (B = M for momentum). The
///    same conditioning moves the lines' baselines, so a strong services quarter raises the
///    services lines and lowers the others' deviation; Σᵢ wᵢ(bᵢ − M) = 0 keeps the total.
/// - Complexity: O(k·m) per draw, k = 7 (+ lines + sector observations), m observations.
public struct BaselineDynamics: Sendable {
    public let model: BaselineModel
    /// n, a, e, η₁…η₄; for momentum, a is replaced per draw by M. With sector observations,
    /// then the lines' baselines b₁…b_L (as the plan holds them) and ε of each.
    public let state: [ParameterValue]
    public let conditioning: GaussianConditioning
    /// The GRDP's published quarters (or H1/9M), the first rows of the conditioning.
    public let observations: [QuarterObservation]
    /// The sector aggregates' published quarters, the remaining rows.
    public let sectorObservations: [SectorQuarterObservation]
    /// Whether the lines' baselines are part of the state (with sector observations).
    public var conditionsLines: Bool { !sectorObservations.isEmpty }
    /// s: the export column's share of the value added of a proportional rise of all final demand.
    public let nationalDemandShare: Double
    /// The estimated components and their sources (nil for momentum).
    public let forecast: BaselineForecast?
    /// σ_η taken from Hanoi's history for a user's dataset (an assumption; nil otherwise).
    public let borrowedQuarterNoise: Double?

    public init(model: BaselineModel, state: [ParameterValue], conditioning: GaussianConditioning, observations: [QuarterObservation],
                sectorObservations: [SectorQuarterObservation] = [], nationalDemandShare: Double, forecast: BaselineForecast?,
                borrowedQuarterNoise: Double? = nil) {
        self.borrowedQuarterNoise = borrowedQuarterNoise
        self.model = model
        self.state = state
        self.conditioning = conditioning
        self.observations = observations
        self.sectorObservations = sectorObservations
        self.nationalDemandShare = nationalDemandShare
        self.forecast = forecast
    }
}

/// A published quarter of a sector aggregate: the lines it covers, their base-year shares
/// within it, and its quarter.
public struct SectorQuarterObservation: Sendable, Equatable {
    public let aggregate: SectorAggregate
    public var label: String { "\(aggregate.rawValue) Q\(quarter + 1)" }
    /// 0-based quarter.
    public let quarter: Int
    public let value: Double
    /// Indices of the accounts lines in the aggregate.
    public let lines: [Int]
    /// wᵢ / Σ_{j∈G} wⱼ of each of `lines`, at the base-year shares.
    public let withinShares: [Double]

    public init(aggregate: SectorAggregate, quarter: Int, value: Double, lines: [Int], withinShares: [Double]) {
        self.aggregate = aggregate
        self.quarter = quarter
        self.value = value
        self.lines = lines
        self.withinShares = withinShares
    }
}

/// One worker's evaluation of `BaselineDynamics`: the state buffer and a private copy of
/// the gain (fresh storage per worker, see `EvaluationPlan`).
struct BaselineDrawState {
    /// Entries of the state before the lines' baselines: n, a, e, η₁…η₄.
    static let coreCount = 7
    let state: [ParameterValue]
    /// K, row-major k × m.
    let gain: [Double]
    /// H, row-major m × k.
    let rows: [Double]
    let observed: [Double]
    /// hⱼ,q, row-major (GRDP observations) × 4: each GRDP observation's weights over the quarters.
    let observationQuarterWeights: [Double]
    /// For each sector observation: its quarter, and its lines with their within-aggregate shares.
    let sectorQuarter: [Int]
    let sectorLines: [[Int]]
    let sectorWithin: [[Double]]
    let quarterlyWeights: [Double]
    let replacesExpectedByMomentum: Bool
    let nationalDemandShare: Double
    /// L: the lines' baselines in the state (0 without sector observations).
    let lineCount: Int
    var values: [Double]
    var innovation: [Double]
    /// The levers' part of each GRDP quarter, this draw.
    var leverQuarters = [Double](repeating: 0, count: 4)

    init(_ dynamics: BaselineDynamics, quarterlyWeights: [Double]) {
        state = dynamics.state.map { $0 }
        let k = dynamics.state.count, m = dynamics.observations.count + dynamics.sectorObservations.count
        gain = (0..<(k * m)).map { dynamics.conditioning.gain[$0 / m][$0 % m] }
        rows = (0..<(m * k)).map { dynamics.conditioning.observationRows[$0 / k][$0 % k] }
        observed = dynamics.observations.map(\.value) + dynamics.sectorObservations.map(\.value)
        observationQuarterWeights = dynamics.observations.flatMap(\.weights)
        sectorQuarter = dynamics.sectorObservations.map(\.quarter)
        sectorLines = dynamics.sectorObservations.map { $0.lines.map { $0 } }
        sectorWithin = dynamics.sectorObservations.map { $0.withinShares.map { $0 } }
        self.quarterlyWeights = quarterlyWeights.map { $0 }
        replacesExpectedByMomentum = dynamics.model == .momentum
        nationalDemandShare = dynamics.nationalDemandShare
        lineCount = dynamics.conditionsLines ? k - Self.coreCount - dynamics.sectorObservations.count : 0
        values = [Double](repeating: 0, count: k)
        innovation = [Double](repeating: 0, count: m)
    }

    var nationalGrowth: Double { values[0] }
    /// B = n + a + e.
    var total: Double { values[0] + values[1] + values[2] }
    func quarterNoise(_ q: Int) -> Double { values[3 + q] }
    /// Σₗ ratioₗ,q · Σ_{i∈G} (wᵢ/w_G)·Δgₗ,ᵢ: the levers' growth of sector observation j's
    /// aggregate G in its quarter q (`leverGrowth` is Δg, lines × levers, line-major per lever).
    func leverSectorQuarter(_ j: Int, leverGrowth: UnsafeBufferPointer<Double>, quarterRatio: [Double]) -> Double {
        let q = sectorQuarter[j], lines = sectorLines[j], within = sectorWithin[j]
        let leverCount = quarterRatio.count / 4
        var effect = 0.0
        for l in 0..<leverCount {
            var growth = 0.0
            for (index, i) in lines.enumerated() { growth += within[index] * leverGrowth[i + lineCount * l] }
            effect += quarterRatio[4 * l + q] * growth
        }
        return effect
    }

    /// Line i's baseline after conditioning (with sector observations).
    func lineBaseline(_ i: Int) -> Double { values[Self.coreCount + i] }

    /// Draws the state, conditions it on the published figures (less the levers' part of
    /// each: `leverQuarter(q)` of the GRDP's quarter q, `leverSectorQuarter` of sector
    /// observation j from the levers' line growth Δgₗ,ᵢ and quarter ratios), and returns the shift Δ every line's baseline moves by. With sector
    /// observations the conditioned baselines are `lineBaseline(i)`, and M = Σᵢ wᵢ bᵢ is
    /// taken over them at the draw's `shares`.
    mutating func shift(
        theta: UnsafeBufferPointer<Double>, momentumTotal: Double, shares: [Double], shareTotal: Double,
        leverQuarter: (Int) -> Double, leverGrowth: UnsafeBufferPointer<Double>, quarterRatio: [Double]
    ) -> Double {
        let k = values.count, m = innovation.count, grdpCount = observationQuarterWeights.count / 4
        for i in 0..<k { values[i] = state[i].value(theta) }
        if replacesExpectedByMomentum { values[1] = lineCount > 0 ? 0 : momentumTotal }
        if m > 0 {
            for q in 0..<4 { leverQuarters[q] = leverQuarter(q) }
            for j in 0..<m {
                var lever = 0.0, hx = 0.0
                if j < grdpCount {
                    for q in 0..<4 { lever += observationQuarterWeights[4 * j + q] * leverQuarters[q] }
                } else {
                    lever = leverSectorQuarter(j - grdpCount, leverGrowth: leverGrowth, quarterRatio: quarterRatio)
                }
                for l in 0..<k { hx += rows[k * j + l] * values[l] }
                innovation[j] = observed[j] - lever - hx
            }
            for i in 0..<k {
                var move = 0.0
                for j in 0..<m { move += gain[m * i + j] * innovation[j] }
                values[i] += move
            }
        }
        var conditionedMomentum = momentumTotal
        if lineCount > 0 {
            conditionedMomentum = 0
            for i in 0..<lineCount { conditionedMomentum += shares[i] * values[Self.coreCount + i] }
            if replacesExpectedByMomentum { values[1] = conditionedMomentum }
        }
        var zeta = 0.0
        for q in 0..<4 { zeta += quarterlyWeights[q] * values[3 + q] }
        return shareTotal > 0 ? (total + zeta - conditionedMomentum) / shareTotal : 0
    }
}
