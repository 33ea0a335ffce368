import Foundation
import Testing

/// Options typed as enums are parsed by ArgumentParser: a bad value exits 64 with one line that
/// names the flag and the accepted values.
@Suite("Typed option values", .serialized)
struct TypedOptionTests {
    @Test("A bad --sampling or --lq-method exits 64 naming the flag and its values", arguments: [
        (["run", "--sampling", "sobol", "--draws", "10"], "--sampling", "latin-hypercube"),
        (["io", "docs/examples/miller_blair_2x2.csv", "--lq-method", "xlq"], "--lq-method", "aflq"),
    ])
    func badValue(_ arguments: [String], flag: String, accepted: String) throws {
        let line = try BadInputTests.oneLine(arguments, status: 64)
        #expect(line.hasPrefix("grdp: error: "), "\(line)")
        #expect(line.contains(flag), "\(line)")
        #expect(line.contains(accepted), "\(line)")
    }
}
