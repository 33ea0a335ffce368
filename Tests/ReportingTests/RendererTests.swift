import Foundation
import Reporting
import Testing

@Suite("Renderers")
struct RendererTests {
    static let report = Report(
        title: "Demo",
        headline: [("P(GRDP ≥ 8%)", .text("63.2%")), ("Median", .number(8.123456, decimals: 2))],
        tables: [ResultTable(
            id: "t", title: "Table, with comma",
            columns: [.init("sector", "Sector"), .init("value", "Value")],
            rows: [[.text("a|b"), .number(1.5, decimals: 1)], [.text("c\"d"), .number(-0.0001, decimals: 2)], [.text("e"), .empty]],
            notes: ["n"])])

    @Test("Text aligns numbers right and normalises −0.00")
    func text() {
        let text = Self.report.rendered(as: .text)
        #expect(text.contains("Median        8.12"))
        #expect(text.contains("c\"d      0.00"))
        #expect(!text.contains("-0.00"))
    }

    @Test("CSV quotes fields and keeps full precision")
    func csv() {
        let csv = Self.report.rendered(as: .csv)
        #expect(csv.contains("# Table, with comma\nsector,value\na|b,1.5\n\"c\"\"d\",-0.0001\ne,\n"))
        #expect(csv.contains("Median,8.123456"))
    }

    @Test("JSON parses and carries numbers as numbers")
    func json() throws {
        let object = try JSONSerialization.jsonObject(with: Data(Self.report.rendered(as: .json).utf8)) as? [String: Any]
        let tables = try #require(object?["tables"] as? [[String: Any]])
        let rows = try #require(tables.first?["rows"] as? [[String: Any]])
        #expect(rows[0]["value"] as? Double == 1.5)
        #expect(rows[2]["value"] is NSNull)
        // With no key figures, the display headline is keyed by ids made from its labels.
        #expect((object?["headline"] as? [String: Any])?["median"] as? Double == 8.123456)
        #expect((object?["headline"] as? [String: Any])?["p_grdp_8"] as? String == "63.2%")
    }

    @Test("Markdown escapes pipes")
    func markdown() {
        let markdown = Self.report.rendered(as: .markdown)
        #expect(markdown.contains("| a\\|b | 1.5 |"))
        #expect(markdown.contains("| --- | ---: |"))
    }

    @Test("Atomic write replaces the file and fails cleanly on a bad directory")
    func atomic() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-atomic-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try AtomicFile.write("one", to: path)
        try AtomicFile.write("two", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(throws: ReportingError.self) { try AtomicFile.write("x", to: "/nonexistent-dir/file") }
    }
}

@Suite("Finite results")
struct FiniteResultTests {
    /// The output layer's last guard: a NaN or an infinity in a number cell, or spelt in a
    /// text cell, is an error naming the table, the row and the column.
    @Test("A non-finite number is refused with its place", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(value: Double) throws {
        var table = ResultTable(id: "impact", title: "Impact", columns: [.init("sector", "Sector"), .init("delta_x", "Δx")])
        table.append([.text("industry"), .number(1, decimals: 2)])
        table.append([.text("trade"), .number(value, decimals: 2)])
        let report = Report(title: "t", headline: [("Sectors", .number(2, decimals: 0))], tables: [table])
        #expect(throws: ReportingError.nonFiniteResult(table: "impact", row: "trade", column: "delta_x", inputs: "--impact")) {
            try report.checkFinite(inputs: "--impact")
        }
        let text = Report(title: "t", headline: [("Radius", .text("nan – inf"))])
        #expect(throws: ReportingError.self) { try text.checkFinite(inputs: "the table") }
        let fine = Report(title: "t", headline: [("Note", .text("Information and finance"))], tables: [])
        try fine.checkFinite(inputs: "the table")
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    /// The 448-bit and 896-bit messages of the NIST examples for FIPS 180-4 (SHA256.pdf,
    /// "two-block message" and the 896-bit message of the SHA-2 additional examples).
    static let message448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    static let message896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

    /// FIPS 180-4 / NIST examples: the empty string, "abc" (one block), the 448-bit message
    /// (two blocks after padding) and the 896-bit message; exact hex digests.
    @Test("FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (SHA256Tests.message448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (SHA256Tests.message896, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func vectors(_ message: String, _ digest: String) throws {
        #expect(try SHA256Digest.hex(Array(message.utf8)) == digest)
        #expect(try SHA256Digest.hex(message.utf8) == digest)  // a String's bytes in place
    }

    /// NIST: one million 'a' (15,625 blocks), as one array and as a non-contiguous collection.
    @Test("One million 'a'")
    func million() throws {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(try SHA256Digest.hex([UInt8](repeating: 0x61, count: 1_000_000)) == digest)
        #expect(try SHA256Digest.hex(repeatElement(UInt8(0x61), count: 1_000_000)) == digest)
    }

    /// Incremental: the million 'a' in chunks of 1, 63, 64, 65 and 1,000,000 − 193 bytes (across
    /// and inside 64-byte blocks), and the 896-bit message split at every byte, give the one-shot
    /// digests above.
    @Test("Chunks in order give the digest of the whole")
    func incremental() throws {
        var hasher = try SHA256Digest.Hasher()
        for count in [1, 63, 64, 65, 1_000_000 - 193] { try hasher.update([UInt8](repeating: 0x61, count: count)) }
        #expect(try hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let bytes = Array(Self.message896.utf8)
        for split in 0...bytes.count {
            var parts = try SHA256Digest.Hasher()
            try parts.update(bytes[..<split])
            try parts.update([UInt8]())
            try parts.update(bytes[split...])
            #expect(try parts.finalize() == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        }
    }
}
