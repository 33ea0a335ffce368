/// The models of the no-policy ("baseline") growth of a year, before the plan's levers.
///
/// Every estimated variant forecasts Hanoi's GRDP growth of year t as
///
///   Gₜ = nₜ + aₜ + eₜ + Σ_q W_q η_{t,q}
///
/// - nₜ national GDP growth (the national common factor), an uncertain input centred on the
///   national target known at the origin (or the user's forecast), with the spread of the
///   national outcomes around their targets; absent (0) in the `local` variant;
/// - aₜ the expected Hanoi component, a least-squares prediction from the history known at
///   the origin, sampled with its parameter uncertainty (xₜᵀ Cov(β̂) xₜ):
///   - `national`: dᵤ = Hᵤ − Nᵤ = μ + δ·oldᵤ + εᵤ (Hanoi's differential to the nation, with a
///     shift for the old-method years), aₜ = μ;
///   - `national-persistent`: dᵤ = μ + δ·oldᵤ + φ·dᵤ₋₁ + εᵤ, aₜ = μ + φ·dₜ₋₁;
///   - `local`: Hᵤ = c + δ·oldᵤ + φ·Hᵤ₋₁ + εᵤ, aₜ = c + φ·Hₜ₋₁ (no national factor);
/// - eₜ the annual residual with the out-of-sample (leave-one-out) error of that regression,
///   less the part the quarter noise carries;
/// - η_{t,q} quarter q's deviation from the year, with the robust spread of Hanoi's
///   published quarters around their years (1.4826 × median |deviation|).
///
/// `momentum` is the hand-set variant: every line grows at last year's rate with the
/// scenario's spreads (its prior variance is computed by the caller).
public enum BaselineModel: String, Sendable, CaseIterable {
    case national
    case nationalPersistent = "national-persistent"
    case local
    case momentum

    /// The variant `grdp run` uses when none is named: the one with the lowest mean CRPS in
    /// the back-test over all annual origins (`grdp backtest`, docs/backtest.md; a test
    /// checks the choice). The estimation itself is in Sources/Forecasting.
    public static let `default`: BaselineModel = .national

    public var hasNationalFactor: Bool { self == .national || self == .nationalPersistent }
    public var isEstimated: Bool { self != .momentum }

    public var summary: String {
        switch self {
        case .national: "estimated: national growth + Hanoi's differential to it"
        case .nationalPersistent: "estimated: national growth + a persistent differential"
        case .local: "estimated: Hanoi's own persistence, no national factor"
        case .momentum: "momentum: every line at last year's rate, hand-set spreads"
        }
    }
}

