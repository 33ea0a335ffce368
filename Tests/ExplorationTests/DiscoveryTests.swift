import Testing
@testable import Exploration

struct DiscoveryTests {
    /// On the linear scenario, growth ≥ 7 depends mostly on manufacturing's baseline (78% of the
    /// variance): the chosen box must restrict baseline.manufacturing from below and be denser
    /// than the whole sample.
    @Test func discoveryRestrictsTheDominantInput() throws {
        let model = try LinearScenario.model()
        let (inputs, growth) = try ScenarioDiscovery.sample(model: model, draws: 8000, seed: 4)
        let result = try ScenarioDiscovery.discover(inputs: model.parameters.map(\.id), data: inputs, growth: growth, threshold: 7)
        let box = result.trajectory[result.chosen]
        #expect(box.coverage >= 0.5 && box.density > result.trajectory[0].density + 0.2)
        #expect(box.lower[1] != nil && box.upper[1] == nil)
    }
}
