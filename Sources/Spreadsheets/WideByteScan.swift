/// Scans over the bytes of a whole CSV file eight bytes at a time, in 64-bit words (SWAR:
/// a byte-wise compare is a few integer operations on the word, and there is one branch per
/// word instead of several per byte), for the passes that look at every byte: the UTF-8
/// check and the record index. Each answers exactly what the byte-by-byte loop it shortens
/// answers; the caller finishes the last, partial stretch byte by byte.
/// - Complexity: O(bytes), no allocation.
enum WideByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// 0x80 in each byte of `word` that is zero, 0 in the others, exactly: (b & 0x7F) + 0x7F
    /// sets the high bit for every byte but 0 and 0x80 and carries into no other byte.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & low7) &+ low7) | word) & high
    }

    /// 0x80 in each byte of `word` equal to `byte`.
    @inline(__always)
    static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        zeroBytes(word ^ (ones &* UInt64(byte)))
    }

    @inline(__always)
    static func word(_ raw: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The longest stretch of whole 8-byte words from `start` that holds no line end (LF,
    /// CR), quote, `#` or 0xEF byte: where it ends (`start` plus a multiple of 8, at most
    /// `bytes.count`), how many of its bytes are `separator`, and whether one of its bytes is
    /// neither `separator`, a space nor a tab (content, in `DelimitedBytes.nextPlain`'s sense).
    /// The word it stops at, and a last word of fewer than 8 bytes, are left to the caller.
    static func plainStretch(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8)
        -> (end: Int, separators: Int, content: Bool)
    {
        guard let base = bytes.baseAddress else { return (start, 0, false) }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var p = start
        var separators = 0
        var content = false
        while p + 8 <= count {
            let w = word(raw, p)
            // A quote (0x22) or `#` (0x23): the byte with its low bit set is 0x23.
            let stop = Self.bytes(w, equalTo: 0x0A) | Self.bytes(w, equalTo: 0x0D) | Self.bytes(w | ones, equalTo: 0x23)
                | Self.bytes(w, equalTo: 0xEF)
            if stop != 0 { break }
            let isSeparator = Self.bytes(w, equalTo: separator)
            separators += isSeparator.nonzeroBitCount
            if !content {
                content = (isSeparator | Self.bytes(w, equalTo: 0x20) | Self.bytes(w, equalTo: 0x09)) != high
            }
            p += 8
        }
        return (p, separators, content)
    }
}
