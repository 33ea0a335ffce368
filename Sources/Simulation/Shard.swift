/// One share of a run split over processes: shard `index` of `count` (1-based, as Slurm's
/// `--array=1-N` and a reader count them).
///
/// The partition is of the run's fixed blocks of 4,096 draws (B = ⌈draws / 4,096⌉ blocks):
/// shard K of N simulates blocks ⌊(K − 1)·B/N⌋ ..< ⌊K·B/N⌋, a contiguous range whose sizes
/// differ by at most one block. It depends only on draws, K and N, so every process computes
/// the same partition, and the union of the N ranges is every block exactly once (shards
/// beyond B, when N > B, have no block and still write their file). docs/scale-out.md.
/// - Complexity: O(1).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1 … count.
    public let index: Int
    public let count: Int

    /// The largest number of shards (far more than any cluster's array).
    public static let maximumCount = 1_000_000

    /// The whole run as one shard.
    public static let whole = Shard(uncheckedIndex: 1, count: 1)

    init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// - Throws: `invalidShard` unless 1 ≤ index ≤ count ≤ `maximumCount`.
    public init(index: Int, count: Int) throws(SimulationError) {
        guard count >= 1, count <= Self.maximumCount, index >= 1, index <= count else {
            throw .invalidShard("shard \(index)/\(count): K/N needs 1 ≤ K ≤ N ≤ \(Self.maximumCount)")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    /// The blocks of this shard for a run of `draws` draws.
    public func blocks(draws: Int) -> Range<Int> {
        let total = Self.blockCount(draws: draws)
        // total · index ≤ 2³¹ · 10⁶: no overflow on 64-bit Int.
        return (total * (index - 1) / count)..<(total * index / count)
    }

    /// B = ⌈draws / block size⌉.
    public static func blockCount(draws: Int) -> Int { (max(draws, 0) + RunConfiguration.blockSize - 1) / RunConfiguration.blockSize }

    public var description: String { "\(index)/\(count)" }
}
