import TOML

/// Where each key of a parsed scenario is defined, looked up by key path
/// (`levers.tourism.amount.sd`, `x[1].y[0]`, `baseline."other services"`).
///
/// The TOML parser records the line and column of every key and every array element as
/// it reads them, so the locator only walks the parsed tables along the path: nothing is
/// scanned twice and nothing is precomputed per path.
///
/// ```swift
/// let root = try TOMLDocument.parse("[levers.tourism]\namount = { dist = \"normal\", mean = 1, sd = 2 }\n").root
/// TOMLKeyLocator(root: root).line(of: "levers.tourism.amount.sd")   // 2
/// ```
///
/// - Complexity: O(length of the path) per lookup.
public struct TOMLKeyLocator: Sendable {
    let root: TOMLTable

    public init(root: TOMLTable) { self.root = root }

    /// One step of a key path: a key of a table or an element of an array.
    enum Component: Equatable {
        case key(String)
        case element(Int)
    }

    /// The locations of the path's prefixes that exist, outermost first (stops at the
    /// first one that does not).
    func locations(along path: String) -> [TOMLLocation] {
        guard let components = Self.components(of: path) else { return [] }
        var locations: [TOMLLocation] = []
        var value = TOMLValue.table(root)
        for component in components {
            switch (component, value) {
            case let (.key(key), .table(table)):
                guard let child = table[key], let location = table.location(of: key) else { return locations }
                locations.append(location)
                value = child
            case let (.element(position), .array(array)) where position < array.count:
                locations.append(array.location(at: position))
                value = array[position]
            default:
                return locations
            }
        }
        return locations
    }

    /// The line and source document (`TOMLDocument.marked(source:)`) of `path`, or of its
    /// nearest defined ancestor; nil if neither is in the document.
    public func nearestOrigin(of path: String) -> (line: Int, source: Int)? {
        guard let components = Self.components(of: path) else { return nil }
        var found: (line: Int, source: Int)?
        var value = TOMLValue.table(root)
        for component in components {
            switch (component, value) {
            case let (.key(key), .table(table)):
                guard let child = table[key], let location = table.location(of: key) else { return found }
                found = (location.line, table.source(of: key) ?? 0)
                value = child
            case let (.element(position), .array(array)) where position < array.count:
                found = (array.location(at: position).line, array.source(at: position))
                value = array[position]
            default:
                return found
            }
        }
        return found
    }

    /// Where `path` is first defined, or nil if it is not in the document.
    public func location(of path: String) -> TOMLLocation? {
        let count = Self.components(of: path)?.count ?? -1
        let found = locations(along: path)
        return found.count == count ? found.last : nil
    }

    /// The line of `path`, or nil if it is not in the document.
    public func line(of path: String) -> Int? { location(of: path)?.line }

    /// The line of `path`, or of its nearest ancestor that is defined (a missing key is
    /// reported at the table that lacks it); nil if no ancestor is defined.
    public func nearestLine(of path: String) -> Int? { locations(along: path).last?.line }

    // MARK: Paths

    /// A key as a path component: itself if it is a non-empty bare key (`A-Za-z0-9_-`),
    /// otherwise a TOML basic string (`"other services"`, with `"` and `\` escaped).
    public static func component(_ key: String) -> String {
        if !key.isEmpty, key.utf8.allSatisfy(isBareKeyByte) { return key }
        var quoted = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    /// `parent.key` (or `key` when parent is empty), with `key` written by `component(_:)`.
    public static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? component(key) : parent + "." + component(key)
    }

    /// The path of keys `keys` from the root, e.g. `path(["levers", "tourism"])`.
    public static func path(_ keys: [String]) -> String {
        keys.map(component).joined(separator: ".")
    }

    /// The path without its last component (`a.b[2]` → `a.b`, `a."x.y"` → `a`), or nil
    /// for a single component.
    public static func parent(of path: String) -> String? {
        var lastSeparator: String.Index?
        var inQuotes = false, escaped = false
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if inQuotes {
                if escaped { escaped = false }
                else if character == "\\" { escaped = true }
                else if character == "\"" { inQuotes = false }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "." || character == "[" {
                lastSeparator = index
            }
            index = path.index(after: index)
        }
        guard let lastSeparator, lastSeparator > path.startIndex else { return nil }
        return String(path[..<lastSeparator])
    }

    /// The steps of a path as written by `path(_:_:)` (plus `[n]` for array elements), or
    /// nil if it is not such a path.
    static func components(of path: String) -> [Component]? {
        var components: [Component] = []
        let scalars = Array(path.unicodeScalars)
        var index = 0
        var expectKey = true
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "[" {
                var end = index + 1
                var number = 0
                while end < scalars.count, ("0"..."9").contains(scalars[end]) {
                    let (shifted, overflow) = number.multipliedReportingOverflow(by: 10)
                    guard !overflow else { return nil }
                    number = shifted + Int(scalars[end].value - 0x30)
                    end += 1
                }
                guard end > index + 1, end < scalars.count, scalars[end] == "]" else { return nil }
                components.append(.element(number))
                index = end + 1
                expectKey = false
            } else if scalar == "." {
                guard !expectKey else { return nil }
                expectKey = true
                index += 1
            } else if scalar == "\"" {
                guard expectKey else { return nil }
                var key = String.UnicodeScalarView()
                index += 1
                var closed = false
                while index < scalars.count {
                    let next = scalars[index]
                    if next == "\"" { closed = true; index += 1; break }
                    if next == "\\", index + 1 < scalars.count {
                        let escape = scalars[index + 1]
                        index += 2
                        switch escape {
                        case "n": key.append("\n")
                        case "t": key.append("\t")
                        case "r": key.append("\r")
                        case "u":
                            guard index + 4 <= scalars.count,
                                  let value = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + 4)])), radix: 16),
                                  let decoded = Unicode.Scalar(value) else { return nil }
                            key.append(decoded)
                            index += 4
                        default: key.append(escape)
                        }
                    } else {
                        key.append(next)
                        index += 1
                    }
                }
                guard closed else { return nil }
                components.append(.key(String(key)))
                expectKey = false
            } else {
                guard expectKey else { return nil }
                var key = String.UnicodeScalarView()
                while index < scalars.count, scalars[index] != ".", scalars[index] != "[" {
                    key.append(scalars[index])
                    index += 1
                }
                components.append(.key(String(key)))
                expectKey = false
            }
        }
        return expectKey && !components.isEmpty ? nil : components
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte == 0x2D
    }
}
