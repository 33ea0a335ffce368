import ArgumentParser

/// Comma-separated lists of the commands' options, parsed by ArgumentParser (`transform:`), so
/// that bad text exits 64 naming the flag, like the `name=value` options (NameValueOptions.swift).
enum CommaList {
    /// The items of `text` split at commas, trimmed; an empty item (`6,,8`, a trailing comma) or
    /// an item given twice is refused.
    static func items(_ text: String, example: String) throws -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, item) in items.enumerated() {
            guard !item.isEmpty else { throw ValidationError("item \(index + 1) is empty; write a comma-separated list, e.g. \(example)") }
            if items[..<index].contains(item) { throw ValidationError("'\(item)' is given twice; list each once, e.g. \(example)") }
        }
        return items
    }

    /// `compare --thresholds 6,7,8,9`: growth rates in % (−100 … 1,000), each once.
    static func thresholds(_ text: String) throws -> [Double] {
        let example = "--thresholds 6,7,8,9"
        return try items(text, example: example).map { item in
            guard let value = Double(item), value.isFinite else {
                throw ValidationError("'\(item)' is not a number; write growth rates in %, e.g. \(example)")
            }
            guard (-100...1000).contains(value) else {
                throw ValidationError("\(item)% is outside -100 … 1000; write growth rates in %, e.g. \(example)")
            }
            return value
        }
    }

    /// `goal-seek --scale ID,ID`: lever ids or parameter ids (letters, digits, `_`, `-`, `.`, `"`),
    /// each once. Whether each names a lever of the scenario is checked against the model (exit 1).
    static func leverIDs(_ text: String) throws -> [String] {
        let example = "--scale public_investment,industrial_clusters"
        return try items(text, example: example).map { item in
            let allowed = item.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.\"".unicodeScalars.contains(scalar)
            }
            guard allowed else {
                throw ValidationError("'\(item)' is not a lever id (letters, digits, _ and -) or a parameter id such as levers.ID.amount; write e.g. \(example)")
            }
            return item
        }
    }
}
