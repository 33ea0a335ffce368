import Foundation
import Testing

/// The SHA-256 of an input file comes from OpenSSL's libcrypto; when libcrypto cannot give
/// it (here: an OpenSSL configuration that activates only a provider that does not exist,
/// so no provider offers SHA-256), the command stops with one internal-error line and exit
/// 70, and writes no output file.
@Suite("SHA-256 from libcrypto fails", .serialized)
struct DigestFailureTests {
    @Test("An OpenSSL configuration without SHA-256 gives exit 70, one line, no output file")
    func unusableConfiguration() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = directory.appendingPathComponent("openssl.cnf")
        try """
            openssl_conf = openssl_init
            [openssl_init]
            providers = provider_sect
            [provider_sect]
            missing = missing_sect
            [missing_sect]
            activate = 1

            """.write(to: configuration, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.json")

        let process = Process()
        process.executableURL = GRDPBinary.url
        process.arguments = ["io", "docs/examples/miller_blair_2x2.csv", "--multipliers", "--format", "json", "-o", output.path]
        process.currentDirectoryURL = GRDPBinary.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["OPENSSL_CONF": configuration.path]) { $1 }
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 70)
        #expect(message.hasPrefix("grdp: error: internal: OpenSSL's libcrypto cannot compute SHA-256 (EVP_DigestInit_ex failed"))
        #expect(message.contains("OPENSSL_CONF"))
        #expect(message.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: output.path))

        // The same command with the machine's own configuration succeeds.
        let fine = try GRDPBinary.run(["io", "docs/examples/miller_blair_2x2.csv", "--multipliers", "--format", "json", "-o", output.path])
        #expect(fine.status == 0)
        #expect(FileManager.default.fileExists(atPath: output.path))
    }

    /// `io` hashes its table on a second thread; a malformed table makes the command exit while
    /// that thread may still be in libcrypto. Before libcrypto was initialised without its
    /// `atexit` clean-up, about a third of such runs ended in SIGSEGV (measured: 47 of 150).
    /// 40 runs would all pass by chance with probability about 0.69⁴⁰ ≈ 4·10⁻⁷.
    @Test("A malformed io table exits 1 with one line every time, while its digest is still running")
    func exitWhileHashing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-digest-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.csv")
        try "sector,a,b,exports,total\na,1,2,3,6\nb,1,x,3,4\n".write(to: bad, atomically: true, encoding: .utf8)
        for _ in 0..<40 {
            let outcome = try GRDPBinary.run(["io", bad.path])
            #expect(outcome.status == 1)
            #expect(outcome.standardError.filter { $0 == "\n" }.count == 1, "\(outcome.standardError)")
            if outcome.status != 1 { break }
        }
    }
}
