import Foundation

/// The report's opening paragraphs, written from the numbers: how likely the target is,
/// what carries the growth, and what it would take to close the gap. Each sentence states
/// its numbers; nothing is said that the run did not compute.
enum RunReportSummary {
    static func paragraphs(_ document: RunReportDocument) -> [String] {
        var out: [String] = []
        let target = fixed(document.target, 1)
        if let p = document.probability {
            var sentence = "GRDP growth of \(target) % or more is reached in \(fixed(p * 100, 1)) % of the \(grouped(document.draws)) simulated outcomes"
            if let interval = document.probabilityInterval {
                sentence += " (95 % Monte Carlo interval \(fixed(interval.lowerBound * 100, 1))–\(fixed(interval.upperBound * 100, 1)) %)"
            }
            sentence += ": the target is \(likelihood(p)) under the plan's levers and their uncertainty."
            if let range = document.probabilityAcrossModels, range.upperBound > range.lowerBound {
                sentence += " The baseline model is itself uncertain: with the other baseline models the probability lies between "
                    + "\(fixed(range.lowerBound * 100, 1)) % and \(fixed(range.upperBound * 100, 1)) % (a spread the Monte Carlo interval does not include)."
            }
            out.append(sentence)
        }
        out.append("The median outcome is \(fixed(document.median, 2)) % growth. In nine simulated years out of ten growth lies between "
            + "\(fixed(document.p5, 2)) % and \(fixed(document.p95, 2)) %, and in half of them between \(fixed(document.p25, 2)) % and \(fixed(document.p75, 2)) %.")

        let totalMean = document.baseline.mean + document.levers.reduce(0) { $0 + $1.mean }
        // The baseline's own description, from the levers table ("momentum (…)", "baseline: estimated: …").
        let baselineName = document.tables.first { $0.id == "levers" }.flatMap { table in
            table.rows.first { text($0, in: table, "id") == "baseline" }.flatMap { text($0, in: table, "name") }
        }.map { ($0.hasPrefix("baseline: ") ? String($0.dropFirst("baseline: ".count)) : $0)
            .replacingOccurrences(of: " (", with: ": ").replacingOccurrences(of: ")", with: "") }
        var carries = "What carries the growth: the baseline\(baselineName.map { " (\($0))" } ?? "") gives \(fixed(document.baseline.mean, 2)) pp"
        if totalMean > 0 { carries += " of the \(fixed(totalMean, 2)) pp on average" }
        let topLevers = document.levers.sorted { $0.mean > $1.mean }.prefix(3).filter { $0.mean > 0 }
        if !topLevers.isEmpty {
            carries += "; of the plan's levers, " + topLevers.map { "\($0.label.lowercasedFirst) adds \(fixed($0.mean, 2)) pp (P5–P95 \(fixed($0.p5, 2)) to \(fixed($0.p95, 2)))" }
                .joined(separator: ", ")
        }
        carries += "."
        let topSectors = document.sectors.sorted { $0.mean > $1.mean }.prefix(3)
        if !topSectors.isEmpty {
            carries += " By sector, " + topSectors.map { "\($0.label.replacingOccurrences(of: "_", with: " ")) contributes \(fixed($0.mean, 2)) pp" }.joined(separator: ", ") + "."
        }
        out.append(carries)

        let shortfall = document.target - document.median
        if shortfall > 0 {
            var gap = "At the median, growth falls \(fixed(shortfall, 2)) pp short of the \(target) % target."
            if let quarters = document.tables.first(where: { $0.id == "quarters" }) {
                let projected = quarters.rows.filter { text($0, in: quarters, "status") == "projected" }
                if let first = projected.first, let needed = number(first, in: quarters, "needed_pct"), let median = number(first, in: quarters, "p50_pct") {
                    let quarterNames = projected.compactMap { text($0, in: quarters, "quarter") }.joined(separator: ", ")
                    let which = projected.count == quarters.rows.count ? "every quarter" : "each remaining quarter (\(quarterNames))"
                    gap += " Closing it would take about \(fixed(needed - median, 2)) pp more year-on-year growth in \(which)"
                        + " — for \(text(first, in: quarters, "quarter") ?? "the next quarter") \(fixed(needed, 2)) % instead of the median \(fixed(median, 2)) %."
                }
            }
            if let table = document.tables.first(where: { $0.id == "gap" }) {
                let candidates = table.rows.compactMap { row -> (String, Double, Double, Double)? in
                    guard let line = text(row, in: table, "line"), let extra = number(row, in: table, "extra_pp"),
                          let growth = number(row, in: table, "growth_p50_pct"), let needed = number(row, in: table, "needed_alone_pct") else { return nil }
                    return (line, extra, growth, needed)
                }
                if let best = candidates.min(by: { $0.1 < $1.1 }) {
                    gap += " From one sector alone, the smallest push is \(best.0.replacingOccurrences(of: "_", with: " ")): \(fixed(best.3, 2)) % growth instead of \(fixed(best.2, 2)) % (\(fixed(best.1, 2)) pp more)."
                }
            }
            out.append(gap)
        } else {
            let below = document.probability.map { " The risk lies in the \(fixed((1 - $0) * 100, 1)) % of outcomes below it." } ?? ""
            out.append("At the median, growth exceeds the \(target) % target by \(fixed(-shortfall, 2)) pp.\(below)")
        }
        return out
    }

    static func likelihood(_ p: Double) -> String {
        switch p {
        case ..<0.1: "unlikely"
        case ..<0.33: "possible but less likely than not"
        case ..<0.66: "about as likely as not"
        case ..<0.9: "likely"
        default: "very likely"
        }
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { NumberText.fixed(value, decimals) }

    /// 100000 → "100,000".
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, character) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }

    static func column(_ table: ResultTable, _ id: String) -> Int? { table.columns.firstIndex { $0.id == id } }

    static func number(_ row: [Cell], in table: ResultTable, _ id: String) -> Double? {
        guard let c = column(table, id), case let .number(value, _) = row[c], value.isFinite else { return nil }
        return value
    }

    static func text(_ row: [Cell], in table: ResultTable, _ id: String) -> String? {
        guard let c = column(table, id), case let .text(value) = row[c] else { return nil }
        return value
    }
}

extension String {
    /// "Tourism visitors" → "tourism visitors" (keeps acronyms such as "PCI" and "OCOP").
    var lowercasedFirst: String {
        guard let first, first.isUppercase, dropFirst().first?.isLowercase == true else { return self }
        return first.lowercased() + dropFirst()
    }
}
