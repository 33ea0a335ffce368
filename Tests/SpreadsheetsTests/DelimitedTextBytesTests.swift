@testable import Spreadsheets
import Testing

/// `DelimitedText.records` reads through `DelimitedBytes`; these check that it gives exactly
/// the records of the scalar-by-scalar reader (`scalarRecords`, the reference) — same fields,
/// comments and line numbers, compared with `==`, no tolerance.
@Suite struct DelimitedTextBytesTests {
    @Test(arguments: [
        "a,b,c\n1,2,3\n",
        "\u{FEFF}sector, value \r\n\"Ha Noi, city\",\"say \"\"hi\"\"\"\r\n",
        "  # a comment, with \"quotes\"\n\n   \nx,\"multi\nline\",y\rz,,\n",
        "\"\" \"again\" tail,b\n#last",
        "tab\tseparated\t field \n",
        "ước tính,\u{FEFF}giá trị, đồng \n",
        "a,b",
        "",
    ])
    func sameRecordsAsTheScalarReader(text: String) {
        for separator: Unicode.Scalar in [",", ";", "\t"] {
            #expect(DelimitedText.recordsFromBytes(text, separator: separator) == DelimitedText.scalarRecords(text, separator: separator))
        }
    }

    /// 4,000 random texts over the characters that matter to the reader (seeded, so the same
    /// texts every run): wherever the byte reader answers, it answers as the scalar reader.
    @Test func sameRecordsOnRandomTexts() {
        let alphabet: [String] = ["a", "é", ",", ";", "\t", " ", "\"", "\n", "\r", "\r\n", "#", "\u{FEFF}", "1.5"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var answered = 0
        for _ in 0..<4000 {
            let text = (0..<(next() % 40)).map { _ in alphabet[next() % alphabet.count] }.joined()
            for separator: Unicode.Scalar in [",", "\t"] {
                guard let fast = DelimitedText.recordsFromBytes(text, separator: separator) else { continue }
                answered += 1
                #expect(fast == DelimitedText.scalarRecords(text, separator: separator), "text \(text.debugDescription)")
            }
        }
        #expect(answered > 1000)
    }

    @Test func openQuoteFallsBackToTheScalarReader() {
        #expect(DelimitedText.recordsFromBytes("a,\"open\nb", separator: ",") == nil)
        #expect(DelimitedText.records("a,\"open\nb") == [DelimitedText.Record(line: 1, fields: ["a", "open\nb"], comment: nil)])
    }
}
