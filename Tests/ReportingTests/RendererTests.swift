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
    /// FIPS 180-2 Appendix B examples (B.1 "abc", B.2 the 448-bit message) and the empty
    /// string; exact hex digests.
    @Test("FIPS 180-2 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(_ message: String, _ digest: String) {
        #expect(SHA256Digest.hex(Array(message.utf8)) == digest)
    }

    /// FIPS 180-2 B.3: one million 'a' (several blocks).
    @Test("One million 'a'")
    func million() {
        #expect(SHA256Digest.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
