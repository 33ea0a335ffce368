/// One headline figure for machines: a stable snake_case id (`p_meets_target`,
/// `median_growth_pct`), its value (a number wherever it is one) and its unit. The JSON
/// contract (docs/output-schema.md) promises these ids; display labels may change.
public struct KeyFigure: Sendable, Equatable {
    public let id: String
    public let value: Cell
    /// `%`, `pp`, `probability` (a fraction in [0, 1]), `draws`, …; nil for text.
    public let unit: String?

    public init(_ id: String, _ value: Cell, unit: String? = nil) {
        self.id = id
        self.value = value
        self.unit = unit
    }

    public init(_ id: String, _ value: Double?, unit: String?) {
        self.init(id, .value(value, 6), unit: unit)
    }

    /// A snake_case id made from a display label: lower-case ASCII letters and digits,
    /// every other run of characters one underscore ("Gap to target (pp)" → `gap_to_target_pp`).
    public static func id(fromLabel label: String) -> String {
        var out = ""
        var pendingSeparator = false
        for scalar in label.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingSeparator, !out.isEmpty { out += "_" }
                pendingSeparator = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return out.isEmpty ? "value" : out
    }
}

extension Report {
    /// The JSON headline: `figures`, or the display headline under ids made from its keys
    /// (a repeated id gets `_2`, `_3`, …).
    public var machineHeadline: [KeyFigure] {
        if !figures.isEmpty { return figures }
        var seen: [String: Int] = [:]
        return headline.map { entry in
            var id = KeyFigure.id(fromLabel: entry.key)
            let count = (seen[id] ?? 0) + 1
            seen[id] = count
            if count > 1 { id += "_\(count)" }
            return KeyFigure(id, entry.value)
        }
    }
}
