import Foundation
@testable import Spreadsheets
import TestSupport
import Testing

/// The reading paths for large files against the byte-by-byte ones they shorten: a file read
/// into an uninitialised buffer (`TableFile.contents(of:)`) gives the bytes `Data` reads, and a
/// table read from it the same records as from its text; the eight-byte scans
/// (`WideByteScan`) count and stop as the byte loops do, on records long enough to use them.
@Suite("Large CSV files read in bulk")
struct WideReadingTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-wide-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url
    }

    static let texts: [String] = [
        "",
        "sector,a,b\nx,1,2",  // no final newline
        "sector,a,b\r\nx,1,2\r\ny,3,4\r\n",
        "sector,a,b\nx,\"1\",2\ny,\"3,5\",\"\"\n",  // quoted fields: the record-by-record path
        "\u{FEFF}# unit: t\nsector;a\nx;1,5\n",
        String(repeating: "sector,a\nx,1\n", count: 6_000),  // more than one 64 KiB chunk
    ]

    /// Bytes as `Data` reads them, and the same table as from the text in memory, for an
    /// empty file, no final newline, CRLF, quoted fields, a byte-order mark and comment,
    /// and a file larger than one read chunk.
    @Test("A file reads into the same bytes and table as its text", arguments: texts.indices)
    func fileBytes(index: Int) throws {
        let text = Self.texts[index]
        let url = try Self.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = try TableFile.contents(of: url.path)
        #expect(bytes == Array(text.utf8))
        guard case let .csv(table) = try TableFile.open(path: url.path) else {
            Issue.record("not read as CSV")
            return
        }
        let expected = try CSVTable(bytes: Array(text.utf8), path: url.path)
        #expect(table.sheet() == expected.sheet())
        #expect(table.rows == expected.rows && table.header == expected.header)
    }

    @Test("A missing file is an unreadable-file error with the system's reason")
    func missingFile() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-wide-missing-\(UUID().uuidString).csv").path
        #expect(throws: SpreadsheetError.unreadableFile(path: path, reason: "No such file or directory")) { try TableFile.contents(of: path) }
    }

    @Test("Bytes that are not UTF-8 after a long ASCII stretch are refused")
    func notText() {
        #expect(throws: SpreadsheetError.notText(path: "t.csv")) {
            try CSVTable(bytes: [UInt8](repeating: 0x31, count: 5000) + [0xFF, 0x0A], path: "t.csv")
        }
    }

    /// Long records (hundreds to thousands of bytes) of the characters that
    /// matter to the index (separators, quotes, CR, LF, `#`, blanks, a byte-order mark, digits,
    /// letters): the same records and cells as the text reader, and each indexed record's
    /// field count and label as the text reader splits it.
    @Test("Long records index as the text reader reads them")
    func longRecords() throws {
        var generator = SplitMix64(seed: 29)
        let alphabet: [String] = [",", ",", ",", "1", "2.5", "-3", " ", "\t", "x", ";", "\"", "\r\n", "\n", "\r", "#", "\u{FEFF}", "é"]
        var compared = 0
        for round in 0..<400 {
            let tokens = round < 390 ? Int.random(in: 20...400, using: &generator) : 12_000
            var body = ""
            for _ in 0..<tokens {
                // Mostly plain cells, so that records run long before a stop byte.
                let rare = Int.random(in: 0..<(round < 390 ? 60 : 100_000), using: &generator) == 0
                body += rare ? (alphabet.randomElement(using: &generator) ?? "") : [",", "12.5", "7", " ", "ab"].randomElement(using: &generator) ?? ""
            }
            let text = "sector,a,b\n" + "row" + body + "\n" + "last,1,2\n"
            guard let table = try? CSVTable(bytes: Array(text.utf8), path: "t.csv") else { continue }  // an open quote
            let expected = CSVDialect.automatic.sheet(text, path: "t.csv")
            #expect(table.sheet() == expected, "round \(round)")
            let records = expected.rows.dropFirst()
            #expect(table.rows.map(\.cellCount) == records.map(\.cells.count), "round \(round)")
            #expect(table.rows.map(\.label) == records.map { $0.cells.first?.text ?? "" }, "round \(round)")
            #expect(table.rows.map(\.line) == records.map(\.number), "round \(round)")
            compared += 1
        }
        #expect(compared > 300)
    }

    /// A record of 20,000 separators has 20,001 fields; the stretch stops at the last whole word.
    @Test("Separators are counted on very long records")
    func manySeparators() throws {
        let text = "sector,a\nx" + String(repeating: ",", count: 20_000) + "\n"
        let table = try CSVTable(bytes: Array(text.utf8), path: "t.csv")
        #expect(table.rows.map(\.cellCount) == [20_001])
        let plain = "x" + String(repeating: ",", count: 20_000)
        let stretch = Array(plain.utf8).withUnsafeBufferPointer { WideByteScan.plainStretch($0, from: 2, separator: 0x2C) }
        #expect(stretch.end == 2 + (plain.utf8.count - 2) / 8 * 8)
        #expect(stretch.separators == (plain.utf8.count - 2) / 8 * 8)
        #expect(!stretch.content)
    }

    /// `fastPrefix` (digit runs read eight bytes at a time) against `fastPrefixByteByByte`
    /// on the same bytes, in both decimal marks: the same value, bit for bit, and the same end,
    /// for hand-picked spellings and 20,000 seeded random ones, each followed by bytes that
    /// end a number or continue it (so that eight bytes are there to load).
    @Test("Digit runs read eight at a time give the byte-by-byte reading", arguments: [UInt8(0x2E), 0x2C])
    func digitRuns(mark: UInt8) {
        let m = mark == 0x2C ? "," : "."
        var texts = ["0", "-0", "+0", "007", "1\(m)5", "-2\(m)25", "\(m)5", "5\(m)", "+\(m)5", "1e3", "1\(m)5E-2", "-", "+", m, "",
                     "1234567", "12345678", "123456789", "0\(m)1234567", "0\(m)12345678", "9999999\(m)9999999", "00000000\(m)1",
                     "12\(m)\(m)3", "1 2", "x", "\u{FEFF}1", "١٢"]
        var generator = SplitMix64(seed: 31)
        for _ in 0..<20_000 {
            let integer = (0..<Int.random(in: 0...9, using: &generator)).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let fraction = (0..<Int.random(in: 0...9, using: &generator)).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let sign = ["", "-", "+"].randomElement(using: &generator) ?? ""
            texts.append(sign + integer + (Bool.random(using: &generator) ? m + fraction : ""))
        }
        let followers = [",", "\n", "\r\n", " ", "e5", "E-3", m + "5", "x", "1234567890", ",1,2,3,4,5,6,7", ""]
        for (k, text) in texts.enumerated() {
            let bytes = Array((text + followers[k % followers.count] + ",,,,,,,,").utf8)
            for start in [0, 1] where start < bytes.count {
                bytes.withUnsafeBufferPointer { buffer in
                    let wide = DecimalBytes.fastPrefix(buffer, from: start, mark: mark)
                    let narrow = DecimalBytes.fastPrefixByteByByte(buffer, from: start, mark: mark)
                    #expect(wide.value?.bitPattern == narrow.value?.bitPattern && wide.end == narrow.end, "\(text.debugDescription) from \(start)")
                }
            }
        }
    }
}
