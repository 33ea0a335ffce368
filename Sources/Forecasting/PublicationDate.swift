/// A release date as the sources give it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, possibly
/// followed by a remark (`2025-07 (inferred)`). A missing month or day is read as the first
/// one (`2025` is 2025-01-01): a figure dated only by its year is taken as known from the
/// start of that year, which is when the year's releases of the previous year's outcome
/// come out.
public struct PublicationDate: Sendable, Comparable, Hashable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int = 1, day: Int = 1) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the leading `YYYY[-MM[-DD]]` of `text`; nil when it does not start with a year.
    public init?(parsing text: String) {
        let parts = text.prefix { $0.isNumber || $0 == "-" }.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        let day = parts.count > 2 ? Int(parts[2]) ?? 1 : 1
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (a: PublicationDate, b: PublicationDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
