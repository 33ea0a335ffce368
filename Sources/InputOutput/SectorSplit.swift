/// One sector split into parts with weights, for `IOTable.disaggregating(sector:into:)`
/// (proportional disaggregation: each part takes the parent's input structure and sales
/// pattern, in proportion to its weight).
public struct SectorSplit: Sendable, Equatable {
    /// The sector of the table to split.
    public let sector: String
    /// The parts in the order they take the parent's place; weights are normalised to sum to 1.
    public let parts: [Part]

    public struct Part: Sendable, Equatable {
        public let label: String
        public let weight: Double
        public init(label: String, weight: Double) {
            self.label = label
            self.weight = weight
        }
    }

    public init(sector: String, parts: [Part]) {
        self.sector = sector
        self.parts = parts
    }
}
