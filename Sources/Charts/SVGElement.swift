import Foundation

/// A node of an SVG document: an element with ordered attributes and children, or text.
/// `rendered()` escapes attribute values and text (`&`, `<`, `>`, `"`), so labels from data
/// cannot break the markup.
public indirect enum SVGNode: Sendable, Equatable {
    case element(SVGElement)
    case text(String)
}

public struct SVGElement: Sendable, Equatable {
    public let name: String
    public var attributes: [(String, String)]
    public var children: [SVGNode]

    public init(_ name: String, _ attributes: [(String, String)] = [], children: [SVGNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    public static func == (lhs: SVGElement, rhs: SVGElement) -> Bool {
        lhs.name == rhs.name && lhs.children == rhs.children
            && lhs.attributes.map(\.0) == rhs.attributes.map(\.0) && lhs.attributes.map(\.1) == rhs.attributes.map(\.1)
    }

    public mutating func append(_ child: SVGElement) { children.append(.element(child)) }

    /// The value of attribute `name`, if set.
    public func attribute(_ name: String) -> String? { attributes.first { $0.0 == name }?.1 }

    /// Every descendant element (depth first, self included) whose `class` list contains `className`.
    public func elements(withClass className: String) -> [SVGElement] {
        var found: [SVGElement] = []
        if attribute("class")?.split(separator: " ").contains(Substring(className)) == true { found.append(self) }
        for case let .element(child) in children { found += child.elements(withClass: className) }
        return found
    }

    public func rendered() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        out += "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(SVGElement.escape(value))\"" }
        if children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        for child in children {
            switch child {
            case let .element(element): element.render(into: &out)
            case let .text(text): out += SVGElement.escape(text)
            }
        }
        out += "</\(name)>"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Coordinates as SVG text: two decimals, no "-0.00".
enum Coordinate {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        let text = String(format: "%.2f", rounded == 0 ? 0 : rounded)
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed.removeLast() }
        if trimmed.last == "." { trimmed.removeLast() }
        return String(trimmed)
    }

    static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { text($0.x) + "," + text($0.y) }.joined(separator: " ")
    }
}
