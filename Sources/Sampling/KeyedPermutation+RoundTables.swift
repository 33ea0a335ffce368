/// The four round functions of a `KeyedPermutation` as lookup tables: the same permutation,
/// evaluated with four table reads per Feistel pass instead of four 64-bit mixes.
///
/// Each round of the Feistel network reads one part and xors a masked mix of it into the
/// other, L ← L ⊕ (F(R + k₀) ∧ m_L), R ← R ⊕ (F(L + k₁) ∧ m_R), …, and its argument is a part
/// of ⌈b/2⌉ or ⌊b/2⌋ bits. So each round function is a table of 2^⌈b/2⌉ or 2^⌊b/2⌋ entries
///
///     T₀[r] = F(r + k₀) ∧ m_L,  T₁[l] = F(l + k₁) ∧ m_R,  T₂[r] = F(r + k₂) ∧ m_L,  T₃[l] = F(l + k₃) ∧ m_R
///
/// stored in that order, and one pass is L ← L ⊕ T₀[R], R ← R ⊕ T₁[L], L ← L ⊕ T₂[R],
/// R ← R ⊕ T₃[L]. The entries are the values the computed rounds xor in, so every image is
/// bit for bit the one of `KeyedPermutation.image(of:)` (tested against a reference over many
/// keys and sizes). A pass costs about a quarter of the instructions of the computed one
/// (a mix is two 64-bit multiplies and three shift–xors).
///
/// Tables are built only while ⌈b/2⌉ ≤ `largestTabulatedPartBits` (permutations of up to
/// 2²⁴ ≈ 1.7·10⁷ elements); larger permutations keep the computed rounds.
///
/// - Complexity: building O(2^⌈b/2⌉) = O(√count) time and 4-byte entries (16,384 entries,
///   64 KiB, for 10⁷ elements; 1,024 for 10⁵); an image expected O(1) (< 2 passes on average).
extension KeyedPermutation {
    /// The widest part (⌈b/2⌉ bits) for which the rounds are tabulated.
    static let largestTabulatedPartBits: UInt64 = 12

    /// The number of table entries, 2·2^⌈b/2⌉ + 2·2^⌊b/2⌋, or nil when the permutation is too
    /// large to tabulate.
    var roundTableCount: Int? {
        guard lowBits <= Self.largestTabulatedPartBits else { return nil }
        return 2 * (Int(lowMask) + 1) + 2 * (Int(highMask) + 1)
    }

    /// Writes T₀, T₁, T₂, T₃ (in that order) into `tables`, which holds `roundTableCount`
    /// entries. - Complexity: O(roundTableCount).
    func writeRoundTables(into tables: UnsafeMutableBufferPointer<UInt32>) {
        var slot = 0
        let rounds = [(key0, lowMask, highMask), (key1, highMask, lowMask), (key2, lowMask, highMask), (key3, highMask, lowMask)]
        for (key, argumentMask, resultMask) in rounds {
            for argument in 0...argumentMask where slot < tables.count {
                tables[slot] = UInt32(truncatingIfNeeded: Self.mix(argument &+ key) & resultMask)
                slot += 1
            }
        }
    }
}

/// A `KeyedPermutation` evaluated through its round tables (see `KeyedPermutation+RoundTables`),
/// a view on tables owned by the caller (`LatinHypercube` keeps every dimension's tables in
/// one array and takes this view for the span of a `fill`).
struct TabulatedKeyedPermutation: FourWayPermutation {
    let count: UInt64
    let lowBits: UInt64
    let lowMask: UInt64
    let highMask: UInt64
    /// T₀, T₁, T₂ and T₃.
    let round0: UnsafePointer<UInt32>
    let round1: UnsafePointer<UInt32>
    let round2: UnsafePointer<UInt32>
    let round3: UnsafePointer<UInt32>

    /// - Parameter tables: `permutation.roundTableCount` entries written by `writeRoundTables`.
    init(_ permutation: KeyedPermutation, tables: UnsafePointer<UInt32>) {
        count = UInt64(permutation.count)
        lowBits = permutation.lowBits
        lowMask = permutation.lowMask
        highMask = permutation.highMask
        let lowEntries = Int(permutation.lowMask) + 1, highEntries = Int(permutation.highMask) + 1
        round0 = tables
        round1 = tables + lowEntries
        round2 = tables + (lowEntries + highEntries)
        round3 = tables + (2 * lowEntries + highEntries)
    }

    /// π of four indices, each in [0, count): four independent chains of loads (as in
    /// `KeyedPermutation.images`), then cycle walking for the few that left [0, count).
    @inline(__always)
    func images(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (Int, Int, Int, Int) {
        var (w, x, y, z) = (pass(a), pass(b), pass(c), pass(d))
        while w >= count { w = pass(w) }
        while x >= count { x = pass(x) }
        while y >= count { y = pass(y) }
        while z >= count { z = pass(z) }
        return (Int(truncatingIfNeeded: w), Int(truncatingIfNeeded: x), Int(truncatingIfNeeded: y), Int(truncatingIfNeeded: z))
    }

    /// π(index) for index in [0, count).
    @inline(__always)
    func image(inRange index: UInt64) -> Int {
        var value = pass(index)
        while value >= count { value = pass(value) }
        return Int(truncatingIfNeeded: value)
    }

    /// One pass of the Feistel network on [0, 2ᵇ); the masks keep every read inside its table.
    @inline(__always)
    func pass(_ value: UInt64) -> UInt64 {
        var left = (value &>> lowBits) & highMask
        var right = value & lowMask
        left ^= UInt64(round0[Int(truncatingIfNeeded: right)])
        right ^= UInt64(round1[Int(truncatingIfNeeded: left)])
        left ^= UInt64(round2[Int(truncatingIfNeeded: right)])
        right ^= UInt64(round3[Int(truncatingIfNeeded: left)])
        return (left &<< lowBits) | right
    }
}

/// A permutation of [0, count) that `LatinHypercube.fill` evaluates four indices at a time:
/// `KeyedPermutation` (computed rounds) or `TabulatedKeyedPermutation` (table reads).
protocol FourWayPermutation {
    /// π of four indices, each in [0, count).
    func images(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (Int, Int, Int, Int)
    /// π(index) for index in [0, count).
    func image(inRange index: UInt64) -> Int
}

extension KeyedPermutation: FourWayPermutation {
    @inline(__always)
    func image(inRange index: UInt64) -> Int {
        var value = index
        repeat {
            value = feistel(value)
        } while value >= UInt64(count)
        return Int(value)
    }
}
