import Foundation

/// How numbers become text: fixed decimals for people (text, Markdown), the shortest
/// round-tripping form for machines (CSV, JSON).
enum NumberText {
    /// Fixed decimals, with "−0.00" normalised to "0.00".
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        let text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// Shortest text that reads back to the same Double (CSV, JSON).
    static func full(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func human(_ cell: Cell) -> String {
        switch cell {
        case let .text(text): text
        case let .number(value, decimals): fixed(value, decimals)
        case .empty: ""
        }
    }
}
