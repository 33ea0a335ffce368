/// `DerivationParameters` as a vector of `slotCount` doubles, slot i holding the parameter of
/// `Key.all[i]`, and each parameter's domain as a closed interval: the form in which the
/// Monte Carlo sets sampled assumptions (`HanoiEconomyDrawing`) with one store and two
/// comparisons per value instead of a call to `set(keyIndex:to:)`.
extension DerivationParameters {
    /// The number of slots (`Key.all.count`).
    static let slotCount = 11

    /// The values `set(keyIndex:to:)` accepts for `Key.all[keyIndex]`, as the closed interval
    /// [low, high] of doubles: an open end is the nearest double inside it (x > 0 is
    /// x ≥ the least positive subnormal, x < 1 is x ≤ 1.nextDown), and "≥ 0" ends at the
    /// greatest finite double (the setter rejects infinities). NaN lies in no interval.
    /// The test suite checks the equivalence with `set(keyIndex:to:)` on every key.
    static func domain(keyIndex: Int) -> (low: Double, high: Double) {
        let positive = Double.leastNonzeroMagnitude, belowOne = (1.0).nextDown
        switch keyIndex {
        case 1: return (0, .greatestFiniteMagnitude)
        case 2: return (positive, 1)
        case 3: return (0, belowOne)
        case 5: return (-0.5, 0.5)
        case 6, 8: return (positive, belowOne)
        default: return (0, 1)
        }
    }

    /// The parameters from `slots[0..<slotCount]`.
    @inline(__always)
    init(slots s: UnsafePointer<Double>) {
        self.init(
            agricultureShareOfRemainder: s[0], waterToElectricityRatio: s[1], tourismCharacteristicShare: s[2],
            flqDelta: s[3], constructionCapitalFormationShare: s[4], populationGrowth2025: s[5],
            technology: SectorTechnology(
                constructionValueAddedRatio: s[6], constructionFarmInputShare: s[7], tourismValueAddedRatio: s[8],
                tourismGoodsInputShare: s[9], tourismFarmShareOfGoods: s[10]))
    }

    /// Writes the parameters into `slots[0..<slotCount]`.
    func write(slots s: UnsafeMutablePointer<Double>) {
        s[0] = agricultureShareOfRemainder
        s[1] = waterToElectricityRatio
        s[2] = tourismCharacteristicShare
        s[3] = flqDelta
        s[4] = constructionCapitalFormationShare
        s[5] = populationGrowth2025
        s[6] = technology.constructionValueAddedRatio
        s[7] = technology.constructionFarmInputShare
        s[8] = technology.tourismValueAddedRatio
        s[9] = technology.tourismGoodsInputShare
        s[10] = technology.tourismFarmShareOfGoods
    }
}
