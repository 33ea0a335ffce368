/// How a CSV file separates fields and writes decimals. Excel writes `,` and `.` in
/// English locales, and `;` with decimal commas in Vietnamese and most European locales
/// (where `,` is the decimal mark); tab-separated text comes from copying a range.
public struct CSVDialect: Sendable, Equatable, CustomStringConvertible {
    public enum Separator: String, Sendable, CaseIterable {
        case comma, semicolon, tab
        public var scalar: Unicode.Scalar {
            switch self {
            case .comma: ","
            case .semicolon: ";"
            case .tab: "\t"
            }
        }
    }

    /// The separator, nil to detect it.
    public var separator: Separator?
    /// The decimal mark (`.` or `,`), nil to detect it.
    public var decimalMark: Character?

    public init(separator: Separator? = nil, decimalMark: Character? = nil) {
        self.separator = separator
        self.decimalMark = decimalMark
    }

    /// Detect both.
    public static let automatic = CSVDialect()
    public static let comma = CSVDialect(separator: .comma, decimalMark: ".")

    /// `auto`, or a separator (`comma`, `semicolon`, `tab`) optionally followed by
    /// `:decimal-comma` or `:decimal-point` (e.g. `semicolon:decimal-comma`); nil when
    /// the text is none of these. A comma separator always has a decimal point.
    public init?(name: String) {
        let parts = name.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
        guard let first = parts.first else { return nil }
        if first == "auto" {
            guard parts.count == 1 else { return nil }
            self.init()
            return
        }
        guard let separator = Separator(rawValue: first) else { return nil }
        var mark: Character? = separator == .comma ? "." : nil
        if parts.count == 2 {
            switch parts[1] {
            case "decimal-comma" where separator != .comma: mark = ","
            case "decimal-point": mark = "."
            default: return nil
            }
        }
        self.init(separator: separator, decimalMark: mark)
    }

    public static let names = "auto, comma, semicolon, tab, semicolon:decimal-comma, tab:decimal-comma (or :decimal-point)"

    public var description: String {
        let separatorName = separator?.rawValue ?? "detected separator"
        switch decimalMark {
        case ",": return "\(separatorName), decimal comma"
        case ".": return "\(separatorName), decimal point"
        default: return separatorName
        }
    }

    /// The dialect of `text` with the parts that are nil detected:
    /// - the separator: among comma, semicolon and tab, the one that splits the first
    ///   records (up to 20, comments skipped) into the header's number of fields (> 1)
    ///   most often; ties go to the wider header, then to tab, semicolon, comma;
    /// - the decimal mark: `,` when the separator is not a comma and some field is a
    ///   number written with a decimal comma (`-1,5`, `1.234,5`) or with thousands grouped
    ///   by points (`1.234.567`, which no decimal-point number can be), and none with a
    ///   decimal point; else `.`.
    /// - Complexity: O(characters).
    public func resolved(for text: String) -> CSVDialect {
        let chosen = separator ?? Self.detectedSeparator(prefix: String(text.prefix(20_000)))
        let separator = chosen
        var mark = decimalMark
        if mark == nil {
            if separator == .comma {
                mark = "."
            } else {
                var commaNumbers = 0, pointNumbers = 0
                for record in DelimitedText.records(text, separator: separator.scalar) where record.comment == nil {
                    for field in record.fields.dropFirst() where field.contains(where: \.isASCIIDigit) {
                        if field.contains(",") || field.filter({ $0 == "." }).count > 1 {
                            if NumberText.parse(field, decimalMark: ",") != nil { commaNumbers += 1 }
                        } else if field.contains("."), Double(field) != nil, !Self.looksGrouped(field) {
                            pointNumbers += 1
                        }
                    }
                }
                mark = commaNumbers > 0 && pointNumbers == 0 ? "," : "."
            }
        }
        return CSVDialect(separator: separator, decimalMark: mark)
    }

    /// The separator among comma, semicolon and tab that splits the first records of
    /// `prefix` (up to 20, comments skipped) into the header's number of fields (> 1) most
    /// often; ties go to the wider header, then to tab, semicolon, comma; comma when none does.
    static func detectedSeparator(prefix: String) -> Separator {
        var best: (score: Int, width: Int, rank: Int, separator: Separator)?
        for (rank, candidate) in [Separator.tab, .semicolon, .comma].enumerated() {
            let sample = DelimitedText.records(prefix, separator: candidate.scalar)
                .filter { $0.comment == nil }.prefix(20)
            guard let width = sample.first?.fields.count, width > 1 else { continue }
            let score = sample.filter { $0.fields.count == width }.count
            let key = (score, width, -rank)
            if let current = best, (current.score, current.width, -current.rank) >= key { continue }
            best = (score, width, rank, candidate)
        }
        return best?.separator ?? .comma
    }

    /// `1.234` or `12.345.678`: digits grouped in threes by points, which a decimal-comma
    /// locale writes for thousands; such a field decides nothing.
    static func looksGrouped(_ field: String) -> Bool {
        let body = field.hasPrefix("-") ? Substring(field.dropFirst()) : Substring(field)
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        return groups.count > 1 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// Reads CSV text into a sheet in this dialect (parts that are nil are detected first).
    /// - Complexity: O(characters).
    public func sheet(_ text: String, path: String) -> TableSheet {
        let dialect = resolved(for: text)
        let records = DelimitedText.records(text, separator: (dialect.separator ?? .comma).scalar)
        var comments: [SheetComment] = []
        var rows: [SheetRow] = []
        for record in records {
            if let comment = record.comment {
                comments.append(SheetComment(number: record.line, text: comment))
            } else {
                rows.append(SheetRow(number: record.line, cells: record.fields.map(SheetCell.text)))
            }
        }
        return TableSheet(path: path, decimalMark: dialect.decimalMark ?? ".", comments: comments, rows: rows)
    }
}
