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
