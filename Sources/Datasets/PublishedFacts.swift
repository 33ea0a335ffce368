import InputOutput

/// One published figure with its provenance (a row of `grdp_facts.csv` or `extra_facts.csv`).
public struct PublishedFact: Sendable, Equatable {
    public let geo: String
    public let year: Int
    /// FY, Q1..Q4, H1, 9M, PLAN or EST.
    public let period: String
    public let indicator: String
    public let sector: String
    /// The value as published (text: a few rows hold ranges such as "3.6-4.1").
    public let text: String
    public let unit: String
    public let originalSource: String
    public let url: String
    public let date: String
    /// The file and line it was read from.
    public let file: String
    public let line: Int

    public var value: Double? { Double(text) }
    public var key: String { "\(geo)/\(year)/\(period)/\(indicator)/\(sector)" }
}

/// The published figures the derivation reads, looked up by
/// `geo/year/period/indicator/sector`.
public struct PublishedFacts: Sendable {
    public let facts: [PublishedFact]
    private let index: [String: Int]

    /// Parses files in the `grdp_facts.csv` layout
    /// (`geo,year,period,indicator,sector,value,unit,original_source,cited_via_url,article_date`).
    public init(files: [(name: String, text: String)]) throws(DatasetError) {
        var facts: [PublishedFact] = []
        var index: [String: Int] = [:]
        for (name, text) in files {
            let records = CSVRecords.parse(text)
            guard let header = records.first, header.fields.count == 10, header.fields[0] == "geo" else {
                throw .malformed(path: name, line: records.first?.line ?? 1, reason: "expected the header geo,year,period,indicator,sector,value,unit,original_source,cited_via_url,article_date")
            }
            for record in records.dropFirst() {
                guard record.fields.count == 10 else {
                    throw .malformed(path: name, line: record.line, reason: "expected 10 cells, found \(record.fields.count)")
                }
                let f = record.fields
                guard let year = Int(f[1]) else { throw .malformed(path: name, line: record.line, reason: "year '\(f[1])' is not a number") }
                let fact = PublishedFact(
                    geo: f[0], year: year, period: f[2], indicator: f[3], sector: f[4], text: f[5], unit: f[6],
                    originalSource: f[7], url: f[8], date: f[9], file: name, line: record.line)
                if index[fact.key] == nil { index[fact.key] = facts.count }
                facts.append(fact)
            }
        }
        self.facts = facts
        self.index = index
    }

    public func fact(_ geo: String, _ year: Int, _ period: String, _ indicator: String, _ sector: String) throws(DatasetError) -> PublishedFact {
        let key = "\(geo)/\(year)/\(period)/\(indicator)/\(sector)"
        guard let i = index[key] else { throw .missingFact(key: key, file: "grdp_facts.csv or extra_facts.csv") }
        return facts[i]
    }

    /// The numeric value of a figure.
    public func value(_ geo: String, _ year: Int, _ period: String, _ indicator: String, _ sector: String) throws(DatasetError) -> Double {
        let fact = try fact(geo, year, period, indicator, sector)
        guard let value = fact.value else {
            throw .malformed(path: fact.file, line: fact.line, reason: "'\(fact.text)' for \(fact.key) is not a single number")
        }
        return value
    }
}
