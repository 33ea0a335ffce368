import CZlibStream

/// Streaming gzip compression (RFC 1952) through zlib's `deflate` with `windowBits` 15 + 16,
/// which makes zlib write the gzip header and the CRC-32/size trailer itself. Used by
/// `--keep-draws NAME.gz`; the output is what `gzip -d` and `pandas.read_csv` read.
/// - Complexity: O(bytes) time; zlib's fixed ~256 KiB of state at level 6.
final class GzipStream {
    private var stream = z_stream()
    private var open = false
    private var output = [UInt8](repeating: 0, count: 1 << 16)

    /// - Throws: `ReportingError.cannotWrite` when zlib cannot start (out of memory).
    init(path: String) throws(ReportingError) {
        let status = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .cannotWrite(path: path, reason: "zlib could not start compressing (status \(status))") }
        open = true
    }

    deinit { if open { deflateEnd(&stream) } }

    /// The compressed bytes of `input` that zlib has ready (it may hold some back).
    func compress(_ input: [UInt8], path: String) throws(ReportingError) -> [UInt8] { try run(input, flush: Z_NO_FLUSH, path: path) }

    /// The rest of the stream and the gzip trailer; the stream is closed afterwards.
    func finish(path: String) throws(ReportingError) -> [UInt8] {
        defer { if open { deflateEnd(&stream); open = false } }
        return try run([], flush: Z_FINISH, path: path)
    }

    private func run(_ input: [UInt8], flush: Int32, path: String) throws(ReportingError) -> [UInt8] {
        guard open else { throw .cannotWrite(path: path, reason: "the compressed stream was already closed") }
        var result: [UInt8] = []
        var input = input
        let capacity = output.count
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            output.withUnsafeMutableBufferPointer { buffer in
                repeat {
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(capacity)
                    status = deflate(&stream, flush)
                    let produced = capacity - Int(stream.avail_out)
                    if produced > 0 { result.append(contentsOf: buffer[0..<produced]) }
                } while status == Z_OK && (stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END))
            }
            stream.next_in = nil
        }
        let ok = flush == Z_FINISH ? status == Z_STREAM_END : (status == Z_OK || status == Z_BUF_ERROR)
        guard ok else { throw .cannotWrite(path: path, reason: "zlib failed while compressing (status \(status))") }
        return result
    }
}
