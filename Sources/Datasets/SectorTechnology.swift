/// Construction's and tourism's own input structures. The national table has one column for
/// manufacturing and construction together and one for all services, so a proportional split
/// gives construction manufacturing's technology and tourism that of all services. This
/// re-specifies the two columns after the split (and before their sales are re-specified):
///
/// 1. Value-added ratio: the sector keeps its value added (the published structure) and takes
///    the ratio v′ (`constructionValueAddedRatio`, `tourismValueAddedRatio`); its output becomes
///    VA / v′ and every other entry of its column (domestic inputs, imported inputs, product
///    taxes) is the parent's per unit of output times σ = (1 − v′) / (1 − v), v the parent's
///    ratio. Compensation keeps its share of value added.
/// 2. Input mix, on the column's domestic (regional) coefficients, their sum D unchanged:
///    - construction buys `constructionFarmInputShare` × D from agriculture (timber, bamboo,
///      landscaping), the difference to the parent's figure taken from or given to
///      manufacturing (building materials);
///    - tourism (accommodation and food) buys `tourismGoodsInputShare` × D of goods
///      (agriculture and manufacturing: food and beverages), `tourismFarmShareOfGoods` of it
///      from agriculture; the three service parts (trade, tourism, other services) are scaled
///      to make up D, electricity, water and construction are kept.
///
/// A ratio of 0 leaves the sector's technology as the split gave it (the fixed-table mode).
/// The figures and their ranges are in `assumptions.csv`, with the published ratios they are
/// taken from. - Complexity: O(n) per column, n = 8 parts.
public struct SectorTechnology: Sendable, Equatable {
    public var constructionValueAddedRatio: Double
    public var constructionFarmInputShare: Double
    public var tourismValueAddedRatio: Double
    public var tourismGoodsInputShare: Double
    public var tourismFarmShareOfGoods: Double

    public init(constructionValueAddedRatio: Double = 0, constructionFarmInputShare: Double = 0, tourismValueAddedRatio: Double = 0,
                tourismGoodsInputShare: Double = 0, tourismFarmShareOfGoods: Double = 0) {
        self.constructionValueAddedRatio = constructionValueAddedRatio
        self.constructionFarmInputShare = constructionFarmInputShare
        self.tourismValueAddedRatio = tourismValueAddedRatio
        self.tourismGoodsInputShare = tourismGoodsInputShare
        self.tourismFarmShareOfGoods = tourismFarmShareOfGoods
    }

    /// The positions of the split's parts in a column of domestic coefficients.
    public struct Parts: Sendable {
        public let agriculture: Int
        public let manufacturing: Int
        /// trade, tourism, other services.
        public let services: [Int]
    }

    /// σ = (1 − v′) / (1 − v): the factor on every non-value-added entry of the column.
    @inline(__always)
    static func inputScale(parentRatio v: Double, ratio: Double) throws(DatasetError) -> Double {
        guard v < 1, ratio > 0, ratio < 1 else {
            throw .infeasible(step: "sector technology", reason: "value-added ratios must be in (0, 1), got parent \(v) and sector \(ratio)")
        }
        return (1 - ratio) / (1 - v)
    }

    /// Construction's mix on `column[offset + part]` (domestic coefficients of construction).
    func applyConstructionMix(_ column: inout [Double], offset: Int, count: Int, parts: Parts) throws(DatasetError) {
        try Self.check(parts, offset: offset, count: count, within: column.count)
        let feasible = column.withUnsafeMutableBufferPointer { column in
            constructionMix(column.baseAddress.unsafelyUnwrapped + offset, count: count, agriculture: parts.agriculture, manufacturing: parts.manufacturing)
        }
        guard feasible else {
            throw .infeasible(step: "construction inputs", reason: "manufacturing cannot give up \(column[offset + parts.agriculture]) to agriculture")
        }
    }

    /// Tourism's mix on `column[offset + part]` (domestic coefficients of tourism).
    func applyTourismMix(_ column: inout [Double], offset: Int, count: Int, parts: Parts) throws(DatasetError) {
        try Self.check(parts, offset: offset, count: count, within: column.count)
        let feasible = column.withUnsafeMutableBufferPointer { column in
            tourismMix(
                column.baseAddress.unsafelyUnwrapped + offset, count: count, agriculture: parts.agriculture,
                manufacturing: parts.manufacturing, services: parts.services)
        }
        guard feasible else { throw tourismInfeasible }
    }

    /// Checks that the `count` coefficients at `offset`, and the parts among them, lie in a
    /// column of `columnCount` entries.
    static func check(_ parts: Parts, offset: Int, count: Int, within columnCount: Int) throws(DatasetError) {
        let positions = [parts.agriculture, parts.manufacturing] + parts.services
        guard offset >= 0, count >= 0, offset <= columnCount - count, positions.allSatisfy({ (0..<count).contains($0) }) else {
            throw .infeasible(step: "sector technology", reason: "the input mix's parts lie outside its column of \(count) entries")
        }
    }

    /// Construction's mix on the `count` coefficients at `column` (positions of the parts
    /// relative to it): agriculture gets `constructionFarmInputShare` × D, manufacturing gives or
    /// takes the difference. Returns false (the column then unusable) when manufacturing's
    /// coefficient would be negative; the farm input is then `column[agriculture]`.
    /// - Complexity: O(count).
    @inline(__always)
    func constructionMix(_ column: UnsafeMutablePointer<Double>, count: Int, agriculture: Int, manufacturing: Int) -> Bool {
        var total = 0.0
        for i in 0..<count { total += column[i] }
        let farm = constructionFarmInputShare * total
        column[manufacturing] += column[agriculture] - farm
        column[agriculture] = farm
        return column[manufacturing] >= 0
    }

    /// Tourism's mix on the `count` coefficients at `column`: goods (agriculture and
    /// manufacturing) get `tourismGoodsInputShare` × D, split by `tourismFarmShareOfGoods`; the
    /// `services` parts are scaled to make up D. Returns false, with the column unchanged, when
    /// the services inputs cannot make room. - Complexity: O(count).
    @inline(__always)
    func tourismMix<Services: Sequence<Int>>(
        _ column: UnsafeMutablePointer<Double>, count: Int, agriculture: Int, manufacturing: Int, services servicesParts: Services
    ) -> Bool {
        var total = 0.0
        for i in 0..<count { total += column[i] }
        let goods = column[agriculture] + column[manufacturing]
        var services = 0.0
        for k in servicesParts { services += column[k] }
        let newGoods = tourismGoodsInputShare * total
        let newServices = services - (newGoods - goods)
        guard services > 0, newServices >= 0 else { return false }
        column[agriculture] = newGoods * tourismFarmShareOfGoods
        column[manufacturing] = newGoods * (1 - tourismFarmShareOfGoods)
        for k in servicesParts { column[k] *= newServices / services }
        return true
    }

    /// The error of an infeasible `tourismMix`.
    var tourismInfeasible: DatasetError {
        .infeasible(step: "tourism inputs", reason: "services inputs cannot make room for a goods share of \(tourismGoodsInputShare)")
    }
}
