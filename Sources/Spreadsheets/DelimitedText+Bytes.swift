extension DelimitedText {
    /// `records(_:separator:)` read through `DelimitedBytes` over the text's UTF-8 bytes: the
    /// same records (fields, trimming, comments, blank lines, line numbers) without building
    /// each field one scalar at a time. Nil when the separator is not ASCII or a quote is
    /// left open at the end of the text; `records` then reads the text scalar by scalar, as
    /// it always did (ending the open field at the end of the text).
    /// - Complexity: O(bytes).
    static func recordsFromBytes(_ text: String, separator: Unicode.Scalar) -> [Record]? {
        guard separator.isASCII else { return nil }
        var text = text
        return text.withUTF8 { bytes -> [Record]? in
            var reader = DelimitedBytes(bytes: bytes, separator: separator)
            var records: [Record] = []
            do throws(DelimitedBytes.UnterminatedQuote) {
                while let record = try reader.next(in: bytes) {
                    switch record {
                    case let .comment(line, text):
                        records.append(Record(line: line, fields: [], comment: text))
                    case let .data(line, _):
                        records.append(Record(line: line, fields: reader.fields.map { reader.text(of: $0, in: bytes) }, comment: nil))
                    }
                }
            } catch {
                return nil
            }
            return records
        }
    }
}
