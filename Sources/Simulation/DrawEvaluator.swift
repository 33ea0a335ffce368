import InputOutput
import LinearAlgebra

/// Evaluates one draw: from the parameter values θ to every output of `OutputLayout`.
/// Each worker owns one evaluator; its buffers are reused across draws.
///
/// For a draw:
/// 1. the economy (A, v, value added, shares) — fixed, or re-derived by the dataset's
///    `EconomyDerivation` (`SampledEconomy`) when its assumptions are sampled;
/// 2. local-sourcing levers raise aᵢⱼ (and cut imported inputs); with final demand fixed,
///    x′ = (I − A′)⁻¹·f and their value added is v ∘ (x′ − x), attributed lever by lever
///    in order;
/// 3. demand levers: Δx = (I − A′)⁻¹·Δf (one dgetrs for all of them), ΔVA = v ∘ Δx;
///    with `FinalDemandLeakage` (the embedded dataset), a demand lever's spending is first cut
///    to its local final demand: product taxes on the final use and the leaking part removed;
/// 4. sector growth gₛ = baselineₛ + 100·ΔVAₛ/VAₛ + shiftsₛ; product taxes grow with
///    baseline + elasticity × the supply levers' value-added growth + 100·ΔT/T for each demand
///    lever with leakage (ΔT its own tax content); GRDP growth G = Σ wᵢ·gᵢ;
/// 5. a lever's contribution (pp) is (1 + e·w_tax/w_VA)·Σₛ wₛ·Δg_{l,s} (w_tax·100·ΔT/T in
///    place of the elasticity term for a demand lever with leakage), so contributions add up;
/// 6. quarter q: gᵢ,q = baselineᵢ + Σₗ Δgₗ,ᵢ·profileₗ,q / W_q (Σ_q W_q·gᵢ,q = gᵢ);
/// 7. exports = baseline + Σ exports_pp; CPI = baseline + Σₖ price changeₖ × sₖ (Leontief
///    price model sensitivities).
struct DrawEvaluator {
    let plan: EvaluationPlan
    let layout: OutputLayout
    let n: Int
    var economy: EconomyCoefficients
    var shares: [Double]
    /// The dataset's per-draw derivation (its assumptions and workspace kept across draws),
    /// nil for a fixed economy. A reference: each worker makes its own evaluator, never a copy.
    let economyDraw: (any EconomyDrawing)?
    let samplesEconomy: Bool
    // Scratch.
    var leontief: LeontiefFactors
    /// Each demand lever's local final demand per unit of amount (n × demand levers).
    let demandVectors: DrawScratch
    var demandResponse: [Double]
    var shockSensitivities: [Double]
    var modifiedTechnical: [Double]
    let importedRemaining: DrawScratch
    let finalDemand: DrawScratch
    var solved: [Double]
    /// ΔVA by sector of each local-sourcing lever (n × levers, column-major; other levers' columns
    /// stay 0), written through its pointer.
    let sectorEffect: DrawScratch
    /// Each lever's growth of every line (lines × levers, line-major per lever).
    let leverSectorGrowth: DrawScratch
    var technical: [Double]
    let previousOutput: DrawScratch
    /// Whether the responses computed for the fixed economy can be reused.
    let fixedResponses: Bool
    var responsesReady = false
    let demandLevers: [Int]
    let sourcingLevers: [Int]
    let shockLevers: [Int]
    let shockedSectors: [Int]
    /// Per entry of `shockLevers`, its sector's index in `shockedSectors`.
    let shockSensitivityIndex: [Int]
    /// The levers with an exports effect, in lever order.
    let exportLevers: [Int]
    /// The estimated baseline and the conditioning on published quarters, if any.
    var baselineState: BaselineDrawState?
    /// The demand levers' local shares and final-use taxes (`FinalDemandLeakage`), own copy.
    let leakage: FinalDemandLeakage?
    /// The demand levers' local shares flattened for the draws (nil without leakage).
    let localDemand: LocalDemandTable?
    /// Whether a share or tax weight is sampled (the local demand then changes every draw).
    let leakageSampled: Bool
    /// Whether there is a leakage, and its κₛ (own copy, empty without): read every draw
    /// without touching the optional `leakage` (which would copy it, retaining its arrays).
    let hasLeakage: Bool
    let taxPerValueAdded: [Double]
    /// The levers' directions as the scenario gives them (before taxes and leakage).
    var spendingDirections: [Double]
    /// Per demand lever (its column): spending per unit of amount (table units), t_u.
    var spendingPerAmount: [Double]
    let leverTaxRate: DrawScratch
    var useRates: [Double]
    /// The demand column of each lever, −1 for other levers.
    let demandColumn: [Int]
    /// Whether a lever has value added by sector (`sectorEffect`: demand and local-sourcing
    /// levers); the other levers' columns stay zero.
    let movesSectors: [Bool]
    /// The lever × line entries that can be other than +0 (fixed for the run).
    let leverLines: LeverLineIndex

    init(model: SimulationModel) throws(SimulationError) {
        self.plan = try EvaluationPlan(model: model)
        self.layout = OutputLayout(model: model)
        let plan = self.plan
        exportLevers = (0..<plan.leverCount).filter { plan.leverHasExports[$0] }
        let n = model.sectors.count
        self.n = n
        let start = try Self.startingEconomy(of: model, sectors: n)
        self.economy = start.economy
        self.shares = start.shares
        self.economyDraw = start.drawing
        self.samplesEconomy = start.drawing != nil
        guard shares.count == model.lines.count else {
            throw .invalidModel("the accounts have \(model.lines.count) lines but the economy gives \(shares.count) shares")
        }
        demandLevers = model.levers.indices.filter { if case .demand = model.levers[$0].effect { true } else { false } }
        sourcingLevers = model.levers.indices.filter { if case .localSourcing = model.levers[$0].effect { true } else { false } }
        shockLevers = model.levers.indices.filter { if case .costShock = model.levers[$0].effect { true } else { false } }
        var shocked: [Int] = []
        for l in shockLevers { if case let .costShock(sector, _) = model.levers[l].effect, !shocked.contains(sector) { shocked.append(sector) } }
        shockedSectors = shocked
        shockSensitivityIndex = shockLevers.map { l in
            if case let .costShock(sector, _) = model.levers[l].effect { shocked.firstIndex(of: sector) ?? -1 } else { -1 }
        }
        leakage = model.finalDemand.map { f in
            FinalDemandLeakage(
                localShares: f.localShares.map { $0.map { $0 } }, useOfLever: f.useOfLever.map { $0 }, taxWeights: f.taxWeights.map { $0 },
                purchases: f.purchases.map { $0 }, finalUseTaxes: f.finalUseTaxes,
                intermediateTaxPerValueAdded: f.intermediateTaxPerValueAdded.map { $0 })
        }
        let demandLevers = self.demandLevers
        localDemand = leakage.map { LocalDemandTable($0, levers: demandLevers, order: n) }
        leakageSampled = model.finalDemand?.isSampled ?? false
        hasLeakage = model.finalDemand != nil
        taxPerValueAdded = model.finalDemand.map { $0.intermediateTaxPerValueAdded.map { $0 } } ?? []
        fixedResponses = !samplesEconomy && sourcingLevers.isEmpty && !leakageSampled
        var column = [Int](repeating: -1, count: model.levers.count)
        for (c, l) in demandLevers.enumerated() { column[l] = c }
        demandColumn = column
        movesSectors = model.levers.map { lever in
            switch lever.effect {
            case .demand, .localSourcing: true
            default: false
            }
        }
        leverLines = LeverLineIndex(
            sectorOfLine: plan.sectorOfLine, isTaxLine: plan.isTaxLine, leverSector: plan.leverSector, movesSectors: movesSectors)
        leontief = LeontiefFactors(order: n)
        var directions = [Double](repeating: 0, count: n * max(demandLevers.count, 1))
        for (column, l) in demandLevers.enumerated() {
            if case let .demand(direction, _, _) = model.levers[l].effect {
                for i in 0..<n { directions[i + n * column] = direction[i] }
            }
        }
        demandVectors = DrawScratch(copying: directions)
        spendingDirections = directions.map { $0 }
        let columns = demandLevers.count
        spendingPerAmount = (0..<max(columns, 1)).map { c in
            c < columns ? (0..<n).reduce(0.0) { $0 + directions[$1 + n * c] } : 0
        }
        leverTaxRate = DrawScratch(count: max(demandLevers.count, 1))
        useRates = [Double](repeating: 0, count: model.finalDemand?.purchases.count ?? 0)
        demandResponse = [Double](repeating: 0, count: n * max(demandLevers.count, 1))
        shockSensitivities = [Double](repeating: 0, count: shocked.count)
        modifiedTechnical = [Double](repeating: 0, count: n * n)
        importedRemaining = DrawScratch(count: n)
        finalDemand = DrawScratch(count: n)
        solved = [Double](repeating: 0, count: n)
        sectorEffect = DrawScratch(count: n * max(model.levers.count, 1))
        leverSectorGrowth = DrawScratch(count: model.lines.count * max(model.levers.count, 1))
        technical = [Double](repeating: 0, count: n * n)
        previousOutput = DrawScratch(count: n)
        baselineState = model.baselineDynamics.map { BaselineDrawState($0, quarterlyWeights: model.quarterlyWeights) }
    }

    /// The economy every draw starts from: the model's fixed coefficients, copied so that the
    /// evaluator owns its arrays, or the sampled dataset's central values with the drawing that
    /// resamples them each draw. - Complexity: O(n²) for the copy of A.
    private static func startingEconomy(of model: SimulationModel, sectors n: Int) throws(SimulationError)
        -> (economy: EconomyCoefficients, shares: [Double], drawing: (any EconomyDrawing)?) {
        switch model.economy {
        case let .fixed(economy, shares):
            var own = EconomyCoefficients(sectorCount: n)
            own.technical = economy.technical.map { $0 }
            own.valueAddedRatios = economy.valueAddedRatios.map { $0 }
            own.compensation = economy.compensation.map { $0 }
            own.importedInputs = economy.importedInputs.map { $0 }
            own.output = economy.output.map { $0 }
            own.valueAddedLevel = economy.valueAddedLevel.map { $0 }
            own.consumerWeights = economy.consumerWeights.map { $0 }
            return (own, shares.map { $0 }, nil)
        case let .sampled(sampled, _):
            var economy = EconomyCoefficients(sectorCount: n)
            var shares: [Double] = []
            let draw = sampled.drawing()
            do { try draw.fillCentral(economy: &economy, shares: &shares) } catch { throw .invalidModel(String(describing: error)) }
            return (economy, shares, draw)
        }
    }

    /// Factors I − A for the current `technical` into `leontief` (`LeontiefFactors`: in
    /// Swift for small models, where LAPACK's call overhead dominates, LAPACK's dgetrf
    /// otherwise).
    mutating func factor(draw: Int) throws(SimulationError) {
        do {
            try leontief.factor(identityMinus: technical)
        } catch {
            throw .evaluationFailed(draw: draw, reason: "the input-output model is singular (\(error.description))")
        }
    }

    /// Copies `source` into the first `source.count` entries of `destination` (at least as
    /// long), through raw pointers: one uniqueness check instead of one per element.
    @inline(__always)
    static func copy(_ source: [Double], into destination: inout [Double]) {
        source.withUnsafeBufferPointer { from in
            destination.withUnsafeMutableBufferPointer { to in
                for i in 0..<min(from.count, to.count) { to[i] = from[i] }
            }
        }
    }

    /// `copy(_:into:)` from a `DrawScratch` buffer.
    @inline(__always)
    static func copy(_ from: UnsafeMutableBufferPointer<Double>, into destination: inout [Double]) {
        destination.withUnsafeMutableBufferPointer { to in
            for i in 0..<min(from.count, to.count) { to[i] = from[i] }
        }
    }

    /// `copy(_:into:)` into a `DrawScratch` buffer.
    @inline(__always)
    static func copy(_ source: [Double], into to: UnsafeMutableBufferPointer<Double>) {
        source.withUnsafeBufferPointer { from in
            for i in 0..<min(from.count, to.count) { to[i] = from[i] }
        }
    }

    /// Evaluates draw `draw` with parameters `theta` into `out` (`layout.count` values): the
    /// steps of the type's documentation, one function each, on the evaluator's buffers.
    mutating func evaluate(theta: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>, draw: Int) throws(SimulationError) {
        if samplesEconomy { try deriveEconomy(theta: theta, draw: draw) }
        // A (copied into `technical`) is read only when the model is (re)solved this draw;
        // local-sourcing levers make the responses non-fixed, so they always solve.
        let solvesThisDraw = !fixedResponses || !responsesReady
        if solvesThisDraw {
            Self.copy(economy.technical, into: &technical)
        }
        if !sourcingLevers.isEmpty { try addLocalSourcing(theta: theta, draw: draw) }
        if solvesThisDraw {
            applyLeakage(theta: theta)
            try solveDemandResponses(draw: draw)
            try solvePriceSensitivities(draw: draw)
            responsesReady = true
        }
        let spill = leverGrowth(theta: theta, into: out)
        let grdp = lineGrowth(theta: theta, into: out, spill: spill)
        categoryContributions(into: out)
        quarters(into: out, grdp: grdp)
        indicators(theta: theta, into: out)
    }

    /// Step 1: the economy of this draw's dataset assumptions (`EconomyDrawing`).
    mutating func deriveEconomy(theta: UnsafeBufferPointer<Double>, draw: Int) throws(SimulationError) {
        guard let economyDraw else { return }
        do {
            try economyDraw.derive(
                theta: theta, keys: plan.assumptionKeys, parameters: plan.assumptionParameters, economy: &economy, shares: &shares)
        } catch {
            throw .evaluationFailed(draw: draw, reason: String(describing: error))
        }
    }

    /// Step 2: local-sourcing levers raise aᵢⱼ (taking the extra from imported inputs) one
    /// after the other; with final demand fixed, lever l's value added is v ∘ (x′ − x) against
    /// the economy before it. Leaves A′ factored in `leontief`.
    mutating func addLocalSourcing(theta: UnsafeBufferPointer<Double>, draw: Int) throws(SimulationError) {
        let n = self.n
        let importedRemaining = self.importedRemaining.values, finalDemand = self.finalDemand.values
        let previousOutput = self.previousOutput.values
        Self.copy(economy.importedInputs, into: importedRemaining)
        economy.technical.withUnsafeBufferPointer { a in
        economy.output.withUnsafeBufferPointer { output in
            for i in 0..<n {
                var sales = 0.0, ij = i
                for j in 0..<n {
                    sales += a[ij] * output[j]
                    ij &+= n
                }
                finalDemand[i] = output[i] - sales
                previousOutput[i] = output[i]
            }
        }}
        for l in sourcingLevers {
            let supplier = plan.leverSector[l]
            let rise = max(0, plan.leverValue[l].value(theta))
            plan.buyers.withUnsafeBufferPointer { buyers in
            technical.withUnsafeMutableBufferPointer { technical in
                var b = plan.buyerStart[l]
                let end = plan.buyerEnd[l]
                while b < end {
                    let j = buyers[b], entry = supplier &+ n &* j
                    let extra = min(rise * technical[entry], importedRemaining[j])
                    technical[entry] += extra
                    importedRemaining[j] -= extra
                    b &+= 1
                }
            }}
            try factor(draw: draw)
            Self.copy(finalDemand, into: &solved)
            leontief.solve(&solved, columns: 1)
            let effect = sectorEffect.values, column = n &* l
            economy.valueAddedRatios.withUnsafeBufferPointer { v in
            solved.withUnsafeBufferPointer { solved in
                for s in 0..<n {
                    effect[column &+ s] = v[s] * (solved[s] - previousOutput[s])
                    previousOutput[s] = solved[s]
                }
            }}
        }
    }

    /// Step 3a: each demand lever's local final demand per unit of amount,
    /// dᵢ·sᵢ/(1 + t_u) (`FinalDemandLeakage`), and its use's tax rate t_u; without leakage the
    /// direction as given. O(levers · n).
    mutating func applyLeakage(theta: UnsafeBufferPointer<Double>) {
        // Through optional chaining: `leakage` and `localDemand` are used in place (an `if let`
        // would copy them, retaining their arrays every draw).
        leakage?.rates(theta, into: &useRates)
        localDemand?.fill(theta, useRates: useRates, directions: spendingDirections, taxRates: leverTaxRate.values, into: demandVectors.values)
    }

    /// Step 3: Δx per unit of each demand lever, (I − A′)⁻¹·direction, one solve for all; its
    /// value added vₛ·Δxₛ·amount is taken where it is used (`leverGrowth`).
    mutating func solveDemandResponses(draw: Int) throws(SimulationError) {
        if sourcingLevers.isEmpty { try factor(draw: draw) }
        guard !demandLevers.isEmpty else { return }
        Self.copy(demandVectors.values, into: &demandResponse)
        leontief.solve(&demandResponse, columns: demandLevers.count)
    }

    /// Step 3b: the CPI's sensitivity to each shocked sector's price (Leontief price model).
    /// One shocked sector k: with M = (I − A)ᵀ and y = M⁻¹·eₖ, Δp = δ·y/yₖ solves the
    /// partitioned price model (rows i ≠ k of M·Δp = 0, Δpₖ = δ) — one solve with the factors
    /// already at hand; the CPI moves Σᵢ hᵢ·yᵢ/(yₖ·Σᵢ hᵢ) pp per 1%.
    mutating func solvePriceSensitivities(draw: Int) throws(SimulationError) {
        if shockedSectors.count == 1 {
            let k = shockedSectors[0], n = self.n
            solved.withUnsafeMutableBufferPointer { solved in
                for i in 0..<n { solved[i] = i == k ? 1 : 0 }
            }
            leontief.solve(&solved, columns: 1, transpose: .transposed)
            var weighted = 0.0, total = 0.0
            economy.consumerWeights.withUnsafeBufferPointer { weights in
                solved.withUnsafeBufferPointer { solved in
                    for i in 0..<min(n, weights.count) {
                        let h = max(weights[i], 0)
                        weighted += h * solved[i]
                        total += h
                    }
                }
            }
            shockSensitivities[0] = total > 0 && solved[k] != 0 ? weighted / (solved[k] * total) : 0
        } else if !shockedSectors.isEmpty {
            do {
                let a = try Matrix(rows: n, columns: n, columnMajor: technical)
                shockSensitivities = try PriceModel.consumerPriceSensitivities(
                    technical: a, consumerWeights: economy.consumerWeights, shocked: shockedSectors)
            } catch {
                throw .evaluationFailed(draw: draw, reason: "\(error)")
            }
        }
    }

    /// Step 4a: each lever's growth of every line, 100·ΔVAₛ/VAₛ plus its shift; product taxes
    /// follow the lever's value-added growth with the elasticity e; the lever's contribution
    /// (pp) is (1 + e·w_tax/w_VA)·Σₛ wₛ·Δg_{l,s}. Returns the spill factor e·w_tax/w_VA.
    func leverGrowth(theta: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) -> Double {
        let lineCount = plan.lineCount, leverCount = plan.leverCount, n = self.n
        let contributions = layout.leverContributions.lowerBound
        let elasticity = plan.taxElasticity.value(theta)
        let hasLeakage = self.hasLeakage
        let totals = shareTotals()
        let valueAddedShare = totals.valueAdded, taxShare = totals.tax, taxLevel = totals.taxLevel
        let spill = valueAddedShare > 0 ? elasticity * taxShare / valueAddedShare : 0
        // Raw pointers over the plan's and the draw's arrays: the loop below runs lines × levers
        // times a draw. The evaluator is not mutated here (the growth goes to `DrawScratch`), so
        // reading its arrays needs no retain.
        let sectorEffect = UnsafeBufferPointer(self.sectorEffect.values), growthOf = leverSectorGrowth.values
        let leverTaxRate = UnsafeBufferPointer(self.leverTaxRate.values)
        return taxPerValueAdded.withUnsafeBufferPointer { taxPerValueAdded in
        demandColumn.withUnsafeBufferPointer { demandColumn in
        movesSectors.withUnsafeBufferPointer { movesSectors in
        demandResponse.withUnsafeBufferPointer { response in
        economy.valueAddedRatios.withUnsafeBufferPointer { v in
        spendingPerAmount.withUnsafeBufferPointer { spendingPerAmount in
        plan.sectorOfLine.withUnsafeBufferPointer { sectorOfLine in
        plan.leverSector.withUnsafeBufferPointer { leverSector in
        plan.leverKind.withUnsafeBufferPointer { leverKind in
        plan.leverValue.withUnsafeBufferPointer { leverValue in
        shares.withUnsafeBufferPointer { shares in
        economy.valueAddedLevel.withUnsafeBufferPointer { valueAddedLevel in
        leverLines.valueLines.withUnsafeBufferPointer { valueLines in
        leverLines.taxLines.withUnsafeBufferPointer { taxLines in
        leverLines.leverLines.withUnsafeBufferPointer { movedLines in
        leverLines.leverLineStart.withUnsafeBufferPointer { movedStart in
        leverLines.leverLineEnd.withUnsafeBufferPointer { movedEnd in
            // Only the lines a lever can move (`LeverLineIndex`): the other lines' entries stay
            // +0 from the start, and with finite shares wᵢ·(+0) adds nothing to the sum (which
            // starts at +0, so is never −0); every value line otherwise.
            let lines = totals.finite ? movedLines : valueLines
            for l in 0..<leverCount {
                var weightedGrowth = 0.0
                let shift = leverKind[l] == .growth ? leverValue[l].value(theta) : 0
                let ownSector = leverSector[l], base = lineCount &* l, effects = n &* l
                // ΔVA of sector s: vₛ·Δxₛ·amount for a demand lever (column c of the responses),
                // the local-sourcing step's `sectorEffect` otherwise.
                let column = demandColumn[l], responses = n &* max(column, 0)
                let amount = column >= 0 ? leverValue[l].value(theta) : 0
                @inline(__always) func valueAdded(_ s: Int) -> Double {
                    column >= 0 ? response[responses &+ s] * v[s] * amount : sectorEffect[effects &+ s]
                }
                // A lever without value added by sector has 100·0/level = +0 for every line,
                // the same as no division.
                let moves = movesSectors[l]
                var k = totals.finite ? movedStart[l] : 0
                let end = totals.finite ? movedEnd[l] : valueLines.count
                while k < end {
                    let i = lines[k]
                    var effect = 0.0
                    let s = sectorOfLine[i]
                    let level = valueAddedLevel[s]
                    if moves && level > 0 { effect = 100 * valueAdded(s) / level }
                    if s == ownSector { effect += shift }
                    weightedGrowth += shares[i] * effect
                    growthOf[base &+ i] = effect
                    k &+= 1
                }
                if hasLeakage, column >= 0 {
                    // ΔT = S·t/(1 + t) + Σₛ κₛ·ΔVAₛ; the tax lines grow by 100·ΔT/T.
                    let rate = leverTaxRate[column]
                    var taxes = amount * spendingPerAmount[column] * rate / (1 + rate)
                    for s in 0..<n { taxes += taxPerValueAdded[s] * valueAdded(s) }
                    let taxGrowth = taxLevel > 0 ? 100 * taxes / taxLevel : 0
                    for t in 0..<taxLines.count { growthOf[base &+ taxLines[t]] = taxGrowth }
                    out[contributions &+ l] = weightedGrowth + taxShare * taxGrowth
                    continue
                }
                let extraValueAddedGrowth = valueAddedShare > 0 ? weightedGrowth / valueAddedShare : 0
                let taxGrowth = elasticity * extraValueAddedGrowth
                for t in 0..<taxLines.count { growthOf[base &+ taxLines[t]] = taxGrowth }
                out[contributions &+ l] = weightedGrowth * (1 + spill)
            }
            return spill
        }}}}}}}}}}}}}}}}}
    }

    /// The lines' shares of this draw: Σ over value lines (with an IO sector) and over product-tax
    /// lines, in line order, and whether every share is finite; and the product taxes of the base
    /// year (table units) T = w_tax·ΣₛVAₛ/w_VA, for a demand lever's own tax content.
    /// O(lines + n).
    func shareTotals() -> (valueAdded: Double, tax: Double, finite: Bool, taxLevel: Double) {
        shares.withUnsafeBufferPointer { shares in
        plan.sectorOfLine.withUnsafeBufferPointer { sectorOfLine in
        plan.isTaxLine.withUnsafeBufferPointer { isTaxLine in
        economy.valueAddedLevel.withUnsafeBufferPointer { valueAddedLevel in
            var valueAddedShare = 0.0, taxShare = 0.0, sharesFinite = true
            for i in 0..<plan.lineCount {
                if isTaxLine[i] { taxShare += shares[i] } else if sectorOfLine[i] >= 0 { valueAddedShare += shares[i] }
                if !shares[i].isFinite { sharesFinite = false }
            }
            var valueAddedTotal = 0.0
            for s in 0..<n { valueAddedTotal += valueAddedLevel[s] }
            let taxLevel = valueAddedShare > 0 ? taxShare * valueAddedTotal / valueAddedShare : 0
            return (valueAddedShare, taxShare, sharesFinite, taxLevel)
        }}}}
    }

    /// Step 4b: growth of every line, gᵢ = baselineᵢ (+ the baseline model's Δ) + Σₗ Δg_{l,i};
    /// line and group contributions wᵢ·gᵢ and the baseline's. Returns GRDP growth Σ wᵢ·gᵢ.
    mutating func lineGrowth(theta: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>, spill: Double) -> Double {
        let lineCount = plan.lineCount
        let shift = baselineShift(theta: theta, out: UnsafeBufferPointer(out))
        let conditionsLines = (baselineState?.lineCount ?? 0) > 0
        let groupStart = layout.groupContributions.lowerBound
        let lineGrowthStart = layout.lineGrowth.lowerBound, lineContributionStart = layout.lineContributions.lowerBound
        for g in layout.groupContributions { out[g] = 0 }
        var grdp = 0.0, baselineContribution = 0.0
        let growthOf = UnsafeBufferPointer(leverSectorGrowth.values)
        leverLines.lineLeverOffsets.withUnsafeBufferPointer { lineLeverOffsets in
        leverLines.lineLeverStart.withUnsafeBufferPointer { lineLeverStart in
        leverLines.lineLeverEnd.withUnsafeBufferPointer { lineLeverEnd in
        leverLines.lineSkipsLevers.withUnsafeBufferPointer { lineSkipsLevers in
        plan.groupOfLine.withUnsafeBufferPointer { groupOfLine in
        plan.baseline.withUnsafeBufferPointer { baseline in
        shares.withUnsafeBufferPointer { shares in
            for i in 0..<lineCount {
                let base = (conditionsLines ? baselineState!.lineBaseline(i) : baseline[i].value(theta)) + shift
                var growth = base
                // The levers whose entry can be other than +0 (`LeverLineIndex`), in lever
                // order; adding the left-out +0 entries would change only a −0 sum, to +0.
                var k = lineLeverStart[i]
                let end = lineLeverEnd[i]
                while k < end {
                    growth += growthOf[lineLeverOffsets[k]]
                    k &+= 1
                }
                if lineSkipsLevers[i] { growth += 0 }
                out[lineGrowthStart &+ i] = growth
                out[lineContributionStart &+ i] = shares[i] * growth
                grdp += shares[i] * growth
                baselineContribution += shares[i] * base
                let g = groupOfLine[i]
                if g >= 0 { out[groupStart &+ g] += shares[i] * growth }
            }
        }}}}}}}
        out[layout.baselineContribution] = baselineContribution
        return grdp
    }

    /// The baseline model's Δ for every line (`BaselineDynamics`; 0 without one), after the
    /// levers' contributions and line growth (`leverSectorGrowth`) are known.
    mutating func baselineShift(theta: UnsafeBufferPointer<Double>, out: UnsafeBufferPointer<Double>) -> Double {
        guard baselineState != nil else { return 0 }
        var momentum = 0.0, shareTotal = 0.0
        for i in 0..<plan.lineCount {
            momentum += shares[i] * plan.baseline[i].value(theta)
            shareTotal += shares[i]
        }
        let contributions = layout.leverContributions.lowerBound, leverCount = plan.leverCount
        let quarterRatio = plan.quarterRatio
        return baselineState!.shift(
            theta: theta, momentumTotal: momentum, shares: shares, shareTotal: shareTotal,
            leverQuarter: { q in
                var effect = 0.0
                for l in 0..<leverCount { effect += quarterRatio[4 * l + q] * out[contributions + l] }
                return effect
            },
            leverGrowth: UnsafeBufferPointer(leverSectorGrowth.values), quarterRatio: quarterRatio)
    }

    /// Step 5: the levers' contributions by demand category.
    func categoryContributions(into out: UnsafeMutableBufferPointer<Double>) {
        for c in layout.categoryContributions { out[c] = 0 }
        let categories = layout.categoryContributions.lowerBound, contributions = layout.leverContributions.lowerBound
        plan.leverCategory.withUnsafeBufferPointer { leverCategory in
            for l in 0..<plan.leverCount { out[categories &+ leverCategory[l]] += out[contributions &+ l] }
        }
    }

    /// Step 6: quarter q. With a baseline model: B + η_q + Σₗ (profileₗ,q / W_q)·(lever l's
    /// contribution), so that published quarters come out as published and Σ_q W_q·quarter =
    /// the lines' GRDP. Without (no published quarters): the baseline contribution plus the
    /// same lever term.
    func quarters(into out: UnsafeMutableBufferPointer<Double>, grdp: Double) {
        let leverCount = plan.leverCount, contributions = layout.leverContributions.lowerBound
        let quarters = layout.quarters.lowerBound
        out[layout.grdp] = grdp
        // `baselineState` read in place (an `if let` would copy it, retaining its arrays).
        let conditioned = baselineState != nil
        let start = conditioned ? baselineState!.total : out[layout.baselineContribution]
        var q0 = conditioned ? start + baselineState!.quarterNoise(0) : start
        var q1 = conditioned ? start + baselineState!.quarterNoise(1) : start
        var q2 = conditioned ? start + baselineState!.quarterNoise(2) : start
        var q3 = conditioned ? start + baselineState!.quarterNoise(3) : start
        // The levers' shares of each quarter, summed lever by lever (each quarter's sum in lever
        // order, as one loop per quarter would add them).
        plan.quarterRatio.withUnsafeBufferPointer { quarterRatio in
            var ratio = 0
            for l in 0..<leverCount {
                let contribution = out[contributions &+ l]
                q0 += quarterRatio[ratio] * contribution
                q1 += quarterRatio[ratio &+ 1] * contribution
                q2 += quarterRatio[ratio &+ 2] * contribution
                q3 += quarterRatio[ratio &+ 3] * contribution
                ratio &+= 4
            }
        }
        out[quarters] = q0
        out[quarters &+ 1] = q1
        out[quarters &+ 2] = q2
        out[quarters &+ 3] = q3
        if let d = layout.nationalDemand, let c = layout.nationalCycle, conditioned {
            out[d] = baselineState!.nationalDemandShare * baselineState!.nationalGrowth
            out[c] = (1 - baselineState!.nationalDemandShare) * baselineState!.nationalGrowth
        }
    }

    /// Step 7: exports = baseline + Σ levers' exports pp; CPI = baseline + Σₖ price changeₖ × sₖ.
    func indicators(theta: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        if let e = layout.exports, let baseline = plan.exportsBaseline {
            var exports = baseline.value(theta)
            for l in exportLevers { exports += plan.leverExports[l].value(theta) }
            out[e] = exports
        }
        if let c = layout.consumerPrices, let baseline = plan.cpiBaseline {
            var cpi = baseline.value(theta)
            for (index, l) in shockLevers.enumerated() {
                let k = shockSensitivityIndex[index]
                if k >= 0 { cpi += plan.leverValue[l].value(theta) * shockSensitivities[k] }
            }
            out[c] = cpi
        }
    }
}
