/// SHA-256 (FIPS 180-4) of a byte string, as 64 lower-case hex digits: the fingerprint of
/// every input file in a report's `meta` block.
///
/// The message is padded with 0x80, zeros and its bit length (big-endian) to a multiple of
/// 64 bytes; each block runs the 64 rounds of §6.2.2 on the eight working variables. Whole
/// blocks are read in place from contiguous data (no copy of the message); only the last
/// one or two blocks, with the padding, go through a 128-byte buffer.
/// - Complexity: O(n) in the length of the data, O(1) extra memory for contiguous data.
public enum SHA256Digest {
    static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public static func hex<Bytes: Collection>(_ data: Bytes) -> String where Bytes.Element == UInt8 {
        let contiguous = data.withContiguousStorageIfAvailable { hex(buffer: $0) }
        return contiguous ?? Array(data).withUnsafeBufferPointer { hex(buffer: $0) }
    }

    /// The digest of contiguous bytes: whole blocks in place, then the padded tail.
    static func hex(buffer data: UnsafeBufferPointer<UInt8>) -> String {
        var hash: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        let wholeBlocks = data.count / 64
        roundConstants.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                if let base = data.baseAddress {
                    for block in 0..<wholeBlocks { compress(base + 64 * block, into: &hash, schedule: w, constants: k) }
                }
                // The tail: the last count mod 64 bytes, 0x80, zeros and the bit length, in one or two blocks.
                var tail = [UInt8](repeating: 0, count: 128)
                let rest = data.count - 64 * wholeBlocks
                for i in 0..<rest { tail[i] = data[64 * wholeBlocks + i] }
                tail[rest] = 0x80
                let tailLength = rest < 56 ? 64 : 128
                let bitLength = UInt64(data.count) &* 8
                for i in 0..<8 { tail[tailLength - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
                tail.withUnsafeBufferPointer { padded in
                    guard let base = padded.baseAddress else { return }
                    for start in stride(from: 0, to: tailLength, by: 64) { compress(base + start, into: &hash, schedule: w, constants: k) }
                }
            }
        }
        let digits = Array("0123456789abcdef")
        var out = ""
        for word in [hash.0, hash.1, hash.2, hash.3, hash.4, hash.5, hash.6, hash.7] {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xf)]) }
        }
        return out
    }

    /// One 64-byte block (§6.2.2): the message schedule W₀…W₆₃ in `w`, 64 rounds, added to `hash`.
    @inline(__always)
    static func compress(_ block: UnsafePointer<UInt8>, into hash: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                         schedule w: UnsafeMutableBufferPointer<UInt32>, constants k: UnsafeBufferPointer<UInt32>) {
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        for t in 0..<16 {
            let p = block + 4 * t
            w[t] = UInt32(p[0]) << 24 | UInt32(p[1]) << 16 | UInt32(p[2]) << 8 | UInt32(p[3])
        }
        for t in 16..<64 {
            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = hash
        for t in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choose = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choose &+ k[t] &+ w[t]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        hash = (hash.0 &+ a, hash.1 &+ b, hash.2 &+ c, hash.3 &+ d, hash.4 &+ e, hash.5 &+ f, hash.6 &+ g, hash.7 &+ h)
    }
}
