import CZlibStream

/// Streaming gzip compression (RFC 1952): the 10-byte gzip header (no name, no time, Unix),
/// raw deflate through zlib (`windowBits` −15), and the CRC-32/size trailer, both written
/// here. Used by `--keep-draws NAME.gz`; the output is what `gzip -d` and `pandas.read_csv` read.
///
/// Each `compress` call (one block of draws) is compressed on its own — the deflate state is
/// reset first and the call ends with a sync flush, so its bytes end on a byte boundary and
/// depend only on its text. The file is therefore the same bytes however the run was cut into
/// segments, and a run resumed from a checkpoint continues it from the recorded file length,
/// text length and CRC-32 (`init(resumingAfter:textCRC32:)`). The loss against one deflate
/// stream is one empty stored block (5 bytes) and a fresh 32 KiB window per block of 4,096
/// draws (megabytes of text): negligible.
/// - Complexity: O(bytes) time; zlib's fixed ~256 KiB of state at level 6.
final class GzipStream {
    private var stream = z_stream()
    private var open = false
    private var output = [UInt8](repeating: 0, count: 1 << 16)
    private var headerPending: Bool
    /// Bytes of text compressed so far, and their CRC-32 (the trailer's fields).
    private(set) var textBytes: Int
    private(set) var textCRC32: UInt32

    /// The gzip header: magic, deflate, no flags, no modification time, no extra flags, Unix.
    static let header: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]

    /// A new stream (whose first bytes are the header), or one that continues a file of
    /// `textBytes` bytes of text with CRC-32 `textCRC32` (whose header is already written).
    /// - Throws: `ReportingError.cannotWrite` when zlib cannot start (out of memory).
    init(path: String, resumingAfter textBytes: Int = 0, textCRC32: UInt32 = 0, headerWritten: Bool = false) throws(ReportingError) {
        let status = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .cannotWrite(path: path, reason: "zlib could not start compressing (status \(status))") }
        open = true
        headerPending = !headerWritten
        self.textBytes = textBytes
        self.textCRC32 = textCRC32
    }

    deinit { if open { deflateEnd(&stream) } }

    /// The compressed bytes of `input` (with the header first, on the first call), ending on
    /// a sync flush.
    func compress(_ input: [UInt8], path: String) throws(ReportingError) -> [UInt8] {
        guard open else { throw .cannotWrite(path: path, reason: "the compressed stream was already closed") }
        var result = headerPending ? Self.header : []
        headerPending = false
        guard !input.isEmpty else { return result }
        guard deflateReset(&stream) == Z_OK else { throw .cannotWrite(path: path, reason: "zlib could not restart compressing") }
        result += try run(input, flush: Z_SYNC_FLUSH, path: path)
        textCRC32 = input.withUnsafeBufferPointer { UInt32(crc32_z(UInt(textCRC32), $0.baseAddress, $0.count)) }
        textBytes += input.count
        return result
    }

    /// The last (empty, final) deflate block and the gzip trailer; the stream is closed afterwards.
    func finish(path: String) throws(ReportingError) -> [UInt8] {
        var result = headerPending ? Self.header : []
        headerPending = false
        guard open, deflateReset(&stream) == Z_OK else { throw .cannotWrite(path: path, reason: "the compressed stream was already closed") }
        defer { deflateEnd(&stream); open = false }
        result += try run([], flush: Z_FINISH, path: path)
        let size = UInt32(truncatingIfNeeded: textBytes)
        for value in [textCRC32, size] {
            for shift in stride(from: 0, to: 32, by: 8) { result.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
        }
        return result
    }

    private func run(_ input: [UInt8], flush: Int32, path: String) throws(ReportingError) -> [UInt8] {
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
