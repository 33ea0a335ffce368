import CCryptoDigest

/// SHA-256 (FIPS 180-4) of a byte string, as 64 lower-case hex digits: the fingerprint of
/// every input file in a report's `meta` block, of a stored scenario and of a batch job.
///
/// The digest is OpenSSL's libcrypto through its EVP interface (`EVP_sha256()`), which uses
/// the CPU's SHA extensions where it has them. Contiguous data is passed in place (no copy);
/// other collections are copied into one array first.
/// - Complexity: O(n) in the length of the data, O(1) extra memory for contiguous data.
/// - Throws: `ReportingError.digest` when libcrypto cannot compute it (no memory for its
///   context, or an OpenSSL configuration without a provider of SHA-256); an internal error.
public enum SHA256Digest {
    /// The digest of `data` in one call.
    public static func hex<Bytes: Collection>(_ data: Bytes) throws(ReportingError) -> String where Bytes.Element == UInt8 {
        var hasher = try Hasher()
        try hasher.update(data)
        return try hasher.finalize()
    }

    /// An incremental digest: `update` with each chunk in order, then `finalize`; the digest
    /// is that of the chunks joined. Owns one libcrypto context, freed when it goes away.
    public struct Hasher: ~Copyable {
        private let context: OpaquePointer

        public init() throws(ReportingError) {
            guard SHA256Digest.libraryInitialised else { throw SHA256Digest.failure("OPENSSL_init_crypto") }
            guard let context = EVP_MD_CTX_new() else { throw SHA256Digest.failure("EVP_MD_CTX_new") }
            guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
                EVP_MD_CTX_free(context)
                throw SHA256Digest.failure("EVP_DigestInit_ex")
            }
            self.context = context
        }

        deinit { EVP_MD_CTX_free(context) }

        /// Adds the next chunk of the message.
        public mutating func update<Bytes: Collection>(_ data: Bytes) throws(ReportingError) where Bytes.Element == UInt8 {
            let context = self.context
            let accepted = data.withContiguousStorageIfAvailable { SHA256Digest.update(context, $0) }
                ?? Array(data).withUnsafeBufferPointer { SHA256Digest.update(context, $0) }
            guard accepted else { throw SHA256Digest.failure("EVP_DigestUpdate") }
        }

        /// The digest of every chunk given, as 64 lower-case hex digits; ends the hasher.
        public consuming func finalize() throws(ReportingError) -> String {
            var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
            var length: UInt32 = 0
            guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
                throw SHA256Digest.failure("EVP_DigestFinal_ex")
            }
            return SHA256Digest.hexDigits(digest.prefix(32))
        }
    }

    /// One `EVP_DigestUpdate` over `bytes`; false when libcrypto reports a failure.
    static func update(_ context: OpaquePointer, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return EVP_DigestUpdate(context, base, bytes.count) == 1
    }

    /// The bytes as two lower-case hex digits each, most significant nibble first.
    static func hexDigits(_ bytes: ArraySlice<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(2 * bytes.count)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The error for a failed libcrypto call: the call and the first (root) error on this
    /// thread's OpenSSL error queue, which it then empties.
    /// libcrypto initialised once, before its first use, without its `atexit` clean-up
    /// (`OPENSSL_INIT_NO_ATEXIT`): `grdp io` hashes its table on a second thread, and a command
    /// that fails calls `exit` while that thread may still be inside libcrypto, whose clean-up
    /// would free the state the thread is using (a crash seen on a malformed table). The process
    /// ends right after, so there is nothing to leak. A Swift static is initialised once, thread-safely.
    static let libraryInitialised: Bool = OPENSSL_init_crypto(UInt64(OPENSSL_INIT_NO_ATEXIT), nil) == 1

    static func failure(_ call: String) -> ReportingError {
        var reason = "\(call) failed"
        let first = ERR_get_error()
        ERR_clear_error()
        if first != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(first, &buffer, buffer.count)
            reason += " (" + String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + ")"
        }
        return .digest(reason: reason)
    }
}
