/// Sobol' low-discrepancy points in [0, 1)ᵈ from Joe & Kuo's direction numbers
/// (`SobolDirectionNumbers`), optionally scrambled by Matoušek's linear matrix scrambling
/// with a random digital shift ("LMS + shift", as `scipy.stats.qmc.Sobol(scramble=True)` and
/// so SALib do; Owen 1998 nested scrambling is the fully random version of the same idea).
///
/// Direction numbers: for a dimension with primitive polynomial xˢ + c₁xˢ⁻¹ + … + c_{s−1}x + 1,
/// mₖ = 2ˢmₖ₋ₛ ⊕ mₖ₋ₛ ⊕ ⊕ₗ₌₁^{s−1} cₗ·2ˡ·mₖ₋ₗ and vₖ = mₖ·2³²⁻ᵏ; point i is the XOR of the vₖ
/// for the bits k of the Gray code i ⊕ (i ≫ 1) (Antonov & Saleev 1979). Scrambling multiplies
/// every vₖ by a random lower-triangular binary matrix with unit diagonal (digit l of the result
/// depends on digits 1…l only, which keeps the (t, m, s)-net property) and XORs a random shift.
///
/// ```swift
/// let sobol = try ScrambledSobolSequence(dimensions: 4, seed: 7)
/// let u = sobol.point(5)   // 4 uniforms in (0, 1)
/// ```
/// - Complexity: O(32·d) to build (O(32²·d) with scrambling); O(d·log i) per point, or O(d)
///   per point when filled in order.
public struct ScrambledSobolSequence: Sendable {
    public let dimensions: Int
    public let scrambled: Bool
    /// Direction integers vₖ (k = 1…32) for each dimension, 32 per dimension.
    let directions: [UInt32]
    /// Digital shift of each dimension (0 when not scrambled).
    let shifts: [UInt32]

    /// - Parameters:
    ///   - dimensions: 1…128.
    ///   - seed: the scramble's seed (ignored when `scramble` is false).
    public init(dimensions: Int, seed: UInt64, scramble: Bool = true) throws(SensitivityError) {
        guard dimensions >= 1 else { throw .countOutOfRange(name: "dimensions", value: dimensions, allowed: 1...SobolDirectionNumbers.maximumDimensions) }
        guard dimensions <= SobolDirectionNumbers.maximumDimensions else {
            throw .tooManyDimensions(requested: dimensions, maximum: SobolDirectionNumbers.maximumDimensions)
        }
        self.dimensions = dimensions
        self.scrambled = scramble
        let random = RandomBits(seed: seed)
        var directions = [UInt32](repeating: 0, count: 32 * dimensions)
        var shifts = [UInt32](repeating: 0, count: dimensions)
        for j in 0..<dimensions {
            var m = [UInt32](repeating: 1, count: 33)   // m[1...32]
            let (polynomial, initial) = SobolDirectionNumbers.table[j]
            let degree = polynomial <= 1 ? 0 : 31 - polynomial.leadingZeroBitCount
            if degree > 0 {
                for k in 1...degree { m[k] = initial[k - 1] }
                if degree < 32 {
                    for k in (degree + 1)...32 {
                        var value = (m[k - degree] << UInt32(degree)) ^ m[k - degree]
                        for l in 1..<degree where (polynomial >> UInt32(degree - l)) & 1 == 1 {
                            value ^= m[k - l] << UInt32(l)
                        }
                        m[k] = value
                    }
                }
            }
            var v = (1...32).map { k in m[k] << UInt32(32 - k) }
            if scramble {
                // Row l (digit l, bit 32 − l) of the lower-triangular matrix: digit l plus random
                // lower digits 1…l−1 (the higher bits).
                let stream = UInt64(j) * 2
                var rows = [UInt32](repeating: 0, count: 32)
                for l in 1...32 {
                    let diagonal = UInt32(1) << UInt32(32 - l)
                    let above: UInt32 = l == 1 ? 0 : ~((UInt32(1) << UInt32(33 - l)) &- 1)
                    rows[l - 1] = diagonal | (random.word(stream: stream, index: UInt64(l)) & above)
                }
                for k in 0..<32 {
                    var scrambled: UInt32 = 0
                    for l in 1...32 where (v[k] & rows[l - 1]).nonzeroBitCount & 1 == 1 { scrambled |= UInt32(1) << UInt32(32 - l) }
                    v[k] = scrambled
                }
                shifts[j] = random.word(stream: stream + 1, index: 0)
            }
            for k in 0..<32 { directions[32 * j + k] = v[k] }
        }
        self.directions = directions
        self.shifts = shifts
    }

    /// The 32-bit integer coordinates of point `index` (point i / 2³² is the classical value).
    public func integerPoint(_ index: UInt32) -> [UInt32] {
        let gray = index ^ (index >> 1)
        return (0..<dimensions).map { j in
            var x = shifts[j]
            var bits = gray, k = 0
            while bits != 0 {
                if bits & 1 == 1 { x ^= directions[32 * j + k] }
                bits >>= 1
                k += 1
            }
            return x
        }
    }

    /// Point `index` as uniforms in (0, 1): (x + ½)/2³², so that no coordinate is exactly 0 or 1
    /// (an inverse normal CDF is applied to them).
    public func point(_ index: UInt32) -> [Double] {
        integerPoint(index).map { (Double($0) + 0.5) / 4_294_967_296.0 }
    }

    /// The first `count` points, row-major (`count × dimensions`), by Gray-code updates.
    /// - Complexity: O(count · dimensions).
    public func points(count: Int) throws(SensitivityError) -> [Double] {
        guard count >= 0, count <= 1 << 32 else { throw .countOutOfRange(name: "points", value: count, allowed: 0...(1 << 32)) }
        var result = [Double](repeating: 0, count: count * dimensions)
        var x = shifts
        for i in 0..<count {
            if i > 0 {
                // Point i = point i−1 ⊕ v_c, c the lowest zero bit of i − 1 (Gray code step).
                let c = (~UInt32(i - 1)).trailingZeroBitCount
                for j in 0..<dimensions { x[j] ^= directions[32 * j + c] }
            }
            for j in 0..<dimensions { result[i * dimensions + j] = (Double(x[j]) + 0.5) / 4_294_967_296.0 }
        }
        return result
    }
}
