import InputOutput
import LinearAlgebra
import TestSupport
import Testing

@Suite("Hypothetical extraction and the price model")
struct ExtractionAndPriceTests {
    /// Worked example (M&B §2.3 table), closed forms checked with numpy:
    /// complete extraction of sector 2 leaves x̄₁ = f₁/(1 − a₁₁) = 411.7647, so the loss is
    /// 3000 − 411.7647 = 2588.2353; backward extraction of 2 (column 2 of A zeroed):
    /// 805.8824; forward extraction of 2 (row 2 of B zeroed): 452.9412; for sector 1:
    /// complete 1210.5263, backward 413.1579, forward 728.9474. Tolerance 1e-4.
    @Test("Extraction losses of the worked example")
    func extraction() throws {
        let results = try HypotheticalExtraction.analyse(model: LeontiefModel(table: TableFixtures.millerBlair()))
        #expect(abs(results[1].completeLoss - 2588.2353) < 1e-4)
        #expect(abs(results[1].backwardLoss - 805.8824) < 1e-4)
        #expect(abs(results[1].forwardLoss - 452.9412) < 1e-4)
        #expect(abs(results[0].completeLoss - 1210.5263) < 1e-4)
        #expect(abs(results[0].backwardLoss - 413.1579) < 1e-4)
        #expect(abs(results[0].forwardLoss - 728.9474) < 1e-4)
        #expect(abs(results[1].completeShare - 2588.2353 / 3000) < 1e-7)
    }

    /// The closed forms against the definition: each extracted economy re-solved by its own
    /// LU factorisation (complete: the (n−1)-sector system; backward: column k of A zeroed;
    /// forward: row k of B zeroed, solved for xᵀ = vᵀ(I − B̄)⁻¹), on random productive tables.
    /// Tolerance 1e-9 × total output: both sides are a handful of well-conditioned solves
    /// (ρ(A) ≤ 0.7), whose rounding is ~1e-13 relative.
    @Test("Closed-form extraction equals re-solving each extracted economy", arguments: [3, 17, 60])
    func extractionAgainstResolving(sectors n: Int) throws {
        let table = try TableFixtures.randomProductive(sectors: n, seed: UInt64(n))
        let model = try LeontiefModel(table: table)
        let all = try HypotheticalExtraction.analyse(model: model)
        let a = model.technicalCoefficients
        let x = table.output
        let total = x.reduce(0, +)
        let f = zip(x, table.intermediate.rowSums).map { $0 - $1 }
        let primary = zip(x, table.intermediate.columnSums).map { $0 - $1 }
        for k in [0, n / 2, n - 1] {
            let kept = (0..<n).filter { $0 != k }
            var reduced = Matrix(rows: n - 1, columns: n - 1)
            for (jj, j) in kept.enumerated() { for (ii, i) in kept.enumerated() { reduced[ii, jj] = a[i, j] } }
            let completeOutput = try LUFactorization(of: reduced.identityMinus()).solve(kept.map { f[$0] })
            var noPurchases = a
            for i in 0..<n { noPurchases[i, k] = 0 }
            let backwardOutput = try LUFactorization(of: noPurchases.identityMinus()).solve(f)
            var b = try table.allocationCoefficients()
            for j in 0..<n { b[k, j] = 0 }
            let forwardOutput = try LUFactorization(of: b.identityMinus()).solve(primary, transpose: .transposed)
            let tolerance = 1e-9 * total
            #expect(abs(all[k].completeLoss - (total - completeOutput.reduce(0, +))) < tolerance)
            #expect(abs(all[k].backwardLoss - (total - backwardOutput.reduce(0, +))) < tolerance)
            #expect(abs(all[k].forwardLoss - (total - forwardOutput.reduce(0, +))) < tolerance)
            // One sector from the LU factors (a column and a row of L) equals the all-sector pass.
            let single = try HypotheticalExtraction.analyse(model: model, sector: k)
            #expect(abs(single.completeLoss - all[k].completeLoss) < tolerance)
            #expect(abs(single.backwardLoss - all[k].backwardLoss) < tolerance)
            #expect(abs(single.forwardLoss - all[k].forwardLoss) < tolerance)
        }
        #expect(throws: InputOutputError.self) { try HypotheticalExtraction.analyse(model: model, sector: n) }
    }

    /// Base prices pᵀ = vᶜᵀL are 1 for a balanced table (1e-12). A +10% price shock in
    /// sector 2 raises sector 1's price by a₂₁·0.1/(1 − a₁₁) = 0.2·0.1/0.85 = 0.0235294
    /// (closed form of the 2-sector partitioned model); the CPI effect weights the two
    /// changes by household consumption 200 and 1000.
    @Test("Cost push of a price shock")
    func costPush() throws {
        let model = try LeontiefModel(table: TableFixtures.millerBlair())
        #expect(try PriceModel.basePrices(model: model).allSatisfy { abs($0 - 1) < 1e-12 })
        let effect = try PriceModel.costPush(model: model, priceShocks: [1: 0.10])
        #expect(abs(effect.priceChange[0] - 0.2 * 0.1 / 0.85) < 1e-12)
        #expect(effect.priceChange[1] == 0.10)
        #expect(abs(effect.consumerPriceChange - (200 * 0.2 * 0.1 / 0.85 + 1000 * 0.1) / 1200) < 1e-12)
        // A 10% rise in every primary-input cost raises every price by 10% (homogeneity).
        let all = try PriceModel.costPush(model: model, priceShocks: [:], primaryCostChange: [0.1, 0.1])
        #expect(all.priceChange.allSatisfy { abs($0 - 0.1) < 1e-12 })
        #expect(throws: InputOutputError.self) { try PriceModel.costPush(model: model, priceShocks: [1: -1.5]) }
        // The per-1% sensitivity used by the simulation agrees with the full cost push:
        // a 10% shock moves the CPI by 10·s percentage points (1e-12).
        let s = try PriceModel.consumerPriceSensitivities(
            technical: model.technicalCoefficients, consumerWeights: [200, 1000], shocked: [1])
        #expect(abs(10 * s[0] - effect.consumerPriceChange * 100) < 1e-12)
    }
}
