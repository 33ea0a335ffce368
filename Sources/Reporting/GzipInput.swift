import CZlibStream
import Foundation

/// Reading gzip (RFC 1952) files through zlib's `inflate` with `windowBits` 15 + 32, which
/// detects the gzip header and checks each member's CRC-32 and length trailer. Used by
/// `grdp discover --from-draws FILE`, which reads `--keep-draws NAME.gz` files.
///
/// A file is taken as gzip when it starts with the magic bytes 1f 8b (whatever its name);
/// anything else is returned as it is. Concatenated members (`cat a.gz b.gz`, which `gzip -d`
/// reads as one stream) are read one after another.
/// - Complexity: O(compressed + decompressed bytes) time, the decompressed bytes in memory.
public enum GzipInput {
    /// Whether `bytes` start with the gzip magic bytes.
    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// The contents of `path`, decompressed when it is gzip.
    /// - Throws: `ReportingError.unreadableInput` naming the file when it cannot be read, or
    ///   when it is gzip that ends early or is corrupt (a CRC or length that does not match).
    public static func contents(of path: String) throws(ReportingError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableInput(path: path, reason: "cannot be read (missing or not readable)")
        }
        let bytes = [UInt8](data)
        return isGzip(bytes) ? try decompress(bytes, path: path) : bytes
    }

    /// The decompressed bytes of the gzip members in `bytes`.
    public static func decompress(_ bytes: [UInt8], path: String) throws(ReportingError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .unreadableInput(path: path, reason: "zlib could not start decompressing")
        }
        defer { inflateEnd(&stream) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 4)
        var output = [UInt8](repeating: 0, count: 1 << 18)
        var failure: String?
        bytes.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { buffer in
                // zlib does not write through next_in; the cast only satisfies its C signature.
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                while true {
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    let produced = buffer.count - Int(stream.avail_out)
                    if produced > 0 { result.append(contentsOf: buffer[0..<produced]) }
                    switch status {
                    case Z_STREAM_END:
                        // Another member may follow (only bytes of a gzip header may).
                        guard stream.avail_in > 0 else { return }
                        guard inflateReset(&stream) == Z_OK else {
                            failure = "zlib could not read the next member"
                            return
                        }
                    case Z_OK:
                        continue
                    case Z_BUF_ERROR where stream.avail_in == 0:
                        failure = "truncated: it ends in the middle of the compressed data"
                        return
                    case Z_BUF_ERROR:
                        continue
                    default:
                        let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                        failure = "corrupt compressed data: \(message)"
                        return
                    }
                }
            }
        }
        if let failure { throw .unreadableInput(path: path, reason: "not a readable gzip file (\(failure))") }
        return result
    }
}
