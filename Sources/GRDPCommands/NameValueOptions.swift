import ArgumentParser
import InputOutput

/// A `name=value,name=value` option (`--impact`, `--price-shock`, `--demand-growth`), parsed
/// by ArgumentParser: malformed text, a value that is not a number or out of the option's
/// range, or a name given twice exits 64 naming the flag. Whether a name is a known sector
/// or category is checked later, against the table (exit 1, naming the flag).
struct NamedValues {
    let pairs: [(name: String, value: Double)]

    /// `--impact sector=amount,…`: table units, within ±1e15.
    static func impact(_ text: String) throws -> NamedValues {
        NamedValues(pairs: try AssignmentList.parse(text, option: "--impact", range: AssignmentList.amountRange))
    }

    /// `--price-shock sector=percent,…`: −100 … 1,000 (%), a `%` sign allowed.
    static func priceShock(_ text: String) throws -> NamedValues {
        NamedValues(pairs: try AssignmentList.parse(text, option: "--price-shock", percent: true, range: AssignmentList.percentRange))
    }

    /// `--demand-growth category=percent,…`: −100 … 1,000 (%).
    static func demandGrowth(_ text: String) throws -> NamedValues {
        NamedValues(pairs: try AssignmentList.parse(text, option: "--demand-growth", range: AssignmentList.percentRange))
    }
}

/// `Q1=…,Q2=…` of `grdp quarterly`: `--actual` growth rates (−100 … 1,000 %, at most four
/// quarters) and `--weights` base-year shares (0 … 1, all four quarters), in order from Q1;
/// parsed by ArgumentParser (bad text exits 64 naming the flag).
struct QuarterValues {
    let values: [Double]

    static func actual(_ text: String) throws -> QuarterValues {
        let values = try parse(text, option: "--actual", range: AssignmentList.percentRange)
        guard values.count <= 4 else { throw ValidationError("a year has four quarters; give at most Q1 … Q4") }
        return QuarterValues(values: values)
    }

    static func weights(_ text: String) throws -> QuarterValues {
        let values = try parse(text, option: "--weights", range: 0...1)
        guard values.count == 4 else { throw ValidationError("give all four quarters, e.g. --weights Q1=0.22,Q2=0.24,Q3=0.25,Q4=0.29") }
        return QuarterValues(values: values)
    }

    static func parse(_ text: String, option: String, range: ClosedRange<Double>) throws -> [Double] {
        guard !text.isEmpty else { return [] }
        return try AssignmentList.parse(text, option: option, range: range).enumerated().map { offset, pair in
            guard pair.0.uppercased() == "Q\(offset + 1)" else {
                throw ValidationError("expected Q\(offset + 1) in position \(offset + 1), got '\(pair.0)'; list quarters in order from Q1")
            }
            return pair.1
        }
    }
}

/// `--disaggregate sector=part:weight;part:weight` of `grdp io`, parsed by ArgumentParser
/// (bad text exits 64 naming the flag); the weights' values and the sector are checked by
/// `IOTable.disaggregating` (exit 1).
enum SectorSplitArgument {
    static func parse(_ text: String) throws -> SectorSplit {
        let halves = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard halves.count == 2 else { throw ValidationError("write sector=part:weight;part:weight, e.g. services=trade:0.3;other:0.7") }
        let parts: [SectorSplit.Part] = try halves[1].split(separator: ";").map { item in
            let pieces = item.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, let weight = Double(pieces[1]) else {
                throw ValidationError("'\(item)' is not part:weight; write e.g. services=trade:0.3;other:0.7")
            }
            return SectorSplit.Part(label: pieces[0], weight: weight)
        }
        return SectorSplit(sector: halves[0].trimmingCharacters(in: .whitespaces), parts: parts)
    }
}
