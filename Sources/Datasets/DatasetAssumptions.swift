import InputOutput

/// A number the derivation needs that no source gives, stated with a reason and a range
/// (a row of `assumptions.csv`). The Monte Carlo samples it from `distribution` over
/// [low, high] around `central`.
public struct DatasetAssumption: Sendable, Equatable {
    public let id: String
    public let central: Double
    public let low: Double
    public let high: Double
    public let unit: String
    /// "triangular" (low, central, high) — the only shape used so far.
    public let distribution: String
    public let reason: String
}

/// The assumptions by id, and the derivation parameters they define.
public struct DatasetAssumptions: Sendable, Equatable {
    public let assumptions: [DatasetAssumption]

    public static let fileName = "assumptions.csv"

    public init(csv text: String, path: String = fileName) throws(DatasetError) {
        let records = CSVRecords.parse(text)
        guard let header = records.first,
              header.fields == ["id", "central", "low", "high", "unit", "distribution", "reason"] else {
            throw .malformed(path: path, line: records.first?.line ?? 1, reason: "expected the header id,central,low,high,unit,distribution,reason")
        }
        var list: [DatasetAssumption] = []
        for record in records.dropFirst() {
            let f = record.fields
            guard f.count == 7 else { throw .malformed(path: path, line: record.line, reason: "expected 7 cells, found \(f.count)") }
            guard let central = Double(f[1]), let low = Double(f[2]), let high = Double(f[3]) else {
                throw .malformed(path: path, line: record.line, reason: "central, low and high must be numbers")
            }
            guard low <= central, central <= high else {
                throw .malformed(path: path, line: record.line, reason: "need low ≤ central ≤ high for '\(f[0])'")
            }
            guard f[5] == "triangular" else {
                throw .malformed(path: path, line: record.line, reason: "distribution '\(f[5])' is not supported here; use triangular")
            }
            guard !list.contains(where: { $0.id == f[0] }) else {
                throw .malformed(path: path, line: record.line, reason: "assumption '\(f[0])' appears twice")
            }
            list.append(DatasetAssumption(id: f[0], central: central, low: low, high: high, unit: f[4], distribution: f[5], reason: f[6]))
        }
        self.assumptions = list
    }

    public func assumption(_ id: String) throws(DatasetError) -> DatasetAssumption {
        guard let found = assumptions.first(where: { $0.id == id }) else { throw .missingAssumption(id: id, file: Self.fileName) }
        return found
    }

    /// The derivation parameters at the central values.
    public func centralParameters() throws(DatasetError) -> DerivationParameters {
        try DerivationParameters(
            agricultureShareOfRemainder: assumption(DerivationParameters.Key.agricultureShareOfRemainder).central,
            waterToElectricityRatio: assumption(DerivationParameters.Key.waterToElectricityRatio).central,
            tourismCharacteristicShare: assumption(DerivationParameters.Key.tourismCharacteristicShare).central,
            flqDelta: assumption(DerivationParameters.Key.flqDelta).central,
            constructionCapitalFormationShare: assumption(DerivationParameters.Key.constructionCapitalFormationShare).central,
            populationGrowth2025: optional(DerivationParameters.Key.populationGrowth2025),
            technology: SectorTechnology(
                constructionValueAddedRatio: optional(DerivationParameters.Key.constructionValueAddedRatio),
                constructionFarmInputShare: optional(DerivationParameters.Key.constructionFarmInputShare),
                tourismValueAddedRatio: optional(DerivationParameters.Key.tourismValueAddedRatio),
                tourismGoodsInputShare: optional(DerivationParameters.Key.tourismGoodsInputShare),
                tourismFarmShareOfGoods: optional(DerivationParameters.Key.tourismFarmShareOfGoods)))
    }

    /// The central value of an assumption a dataset may leave out (0 when it is not listed).
    private func optional(_ id: String) -> Double {
        assumptions.first { $0.id == id }?.central ?? 0
    }
}

/// The uncertain numbers of the Hanoi derivation (see `assumptions.csv` for reasons and ranges).
public struct DerivationParameters: Sendable, Equatable {
    /// Agriculture's fraction of the 2024 GRDP remainder not published (agriculture + product taxes).
    public var agricultureShareOfRemainder: Double
    /// Water supply value added per unit of electricity value added in Hanoi.
    public var waterToElectricityRatio: Double
    /// Share of visitor spending on tourism-characteristic services.
    public var tourismCharacteristicShare: Double
    /// FLQ regional-size exponent δ.
    public var flqDelta: Double
    /// Share of construction output sold to gross fixed capital formation.
    public var constructionCapitalFormationShare: Double
    /// Hanoi's population growth 2024→2025 (fraction), used only by the 2025 base; 0 when
    /// the dataset's assumptions do not list it.
    public var populationGrowth2025: Double
    /// Construction's and tourism's own input structures (`SectorTechnology`); all zero keeps
    /// the proportional split's parent technology.
    public var technology: SectorTechnology

    public enum Key {
        public static let agricultureShareOfRemainder = "agriculture_share_of_remainder_2024"
        public static let waterToElectricityRatio = "water_to_electricity_ratio"
        public static let tourismCharacteristicShare = "tourism_characteristic_share"
        public static let flqDelta = "flq_delta"
        public static let constructionCapitalFormationShare = "construction_gfcf_share"
        /// In the order `set(keyIndex:to:)` uses.
        public static let populationGrowth2025 = "population_growth_2025"
        public static let constructionValueAddedRatio = "construction_va_ratio"
        public static let constructionFarmInputShare = "construction_farm_input_share"
        public static let tourismValueAddedRatio = "tourism_va_ratio"
        public static let tourismGoodsInputShare = "tourism_goods_input_share"
        public static let tourismFarmShareOfGoods = "tourism_farm_share_of_goods"
        public static let all = [
            agricultureShareOfRemainder, waterToElectricityRatio, tourismCharacteristicShare, flqDelta, constructionCapitalFormationShare, populationGrowth2025,
            constructionValueAddedRatio, constructionFarmInputShare, tourismValueAddedRatio, tourismGoodsInputShare, tourismFarmShareOfGoods,
        ]
    }

    public init(agricultureShareOfRemainder: Double, waterToElectricityRatio: Double, tourismCharacteristicShare: Double,
                flqDelta: Double, constructionCapitalFormationShare: Double, populationGrowth2025: Double = 0,
                technology: SectorTechnology = SectorTechnology()) {
        self.agricultureShareOfRemainder = agricultureShareOfRemainder
        self.waterToElectricityRatio = waterToElectricityRatio
        self.tourismCharacteristicShare = tourismCharacteristicShare
        self.flqDelta = flqDelta
        self.constructionCapitalFormationShare = constructionCapitalFormationShare
        self.populationGrowth2025 = populationGrowth2025
        self.technology = technology
    }

    /// Sets a parameter by its assumption id (used when the Monte Carlo samples them).
    /// - Throws: `missingAssumption` for an unknown id, `invalidAssumption` for a value
    ///   outside the parameter's domain.
    public mutating func set(_ id: String, to value: Double) throws(DatasetError) {
        guard let index = Key.all.firstIndex(of: id) else { throw .missingAssumption(id: id, file: DatasetAssumptions.fileName) }
        try set(keyIndex: index, to: value)
    }

    /// Sets the parameter `Key.all[keyIndex]` (the hot-path form: no string comparison).
    /// - Throws: `missingAssumption` for an index outside `Key.all`, `invalidAssumption` for a
    ///   value outside the parameter's domain.
    public mutating func set(keyIndex: Int, to value: Double) throws(DatasetError) {
        guard Key.all.indices.contains(keyIndex) else { throw .missingAssumption(id: "#\(keyIndex)", file: DatasetAssumptions.fileName) }
        func invalid(_ reason: String) -> DatasetError { .invalidAssumption(id: Key.all[keyIndex], value: value, reason: reason) }
        guard value.isFinite else { throw invalid("must be finite") }
        switch keyIndex {
        case 0:
            guard (0...1).contains(value) else { throw invalid("a fraction in [0, 1]") }
            agricultureShareOfRemainder = value
        case 1:
            guard value >= 0 else { throw invalid("a ratio ≥ 0") }
            waterToElectricityRatio = value
        case 2:
            guard value > 0, value <= 1 else { throw invalid("a fraction in (0, 1]") }
            tourismCharacteristicShare = value
        case 3:
            guard (0..<1).contains(value) else { throw invalid("δ must be in [0, 1)") }
            flqDelta = value
        case 4:
            guard (0...1).contains(value) else { throw invalid("a fraction in [0, 1]") }
            constructionCapitalFormationShare = value
        case 5:
            guard (-0.5...0.5).contains(value) else { throw invalid("a growth fraction in [−0.5, 0.5]") }
            populationGrowth2025 = value
        case 6, 8:
            guard value > 0, value < 1 else { throw invalid("a value-added ratio in (0, 1)") }
            if keyIndex == 6 { technology.constructionValueAddedRatio = value } else { technology.tourismValueAddedRatio = value }
        default:
            guard (0...1).contains(value) else { throw invalid("a fraction in [0, 1]") }
            switch keyIndex {
            case 7: technology.constructionFarmInputShare = value
            case 9: technology.tourismGoodsInputShare = value
            default: technology.tourismFarmShareOfGoods = value
            }
        }
    }
}
