import Foundation

/// A JSON Schema (draft 2020-12) validator for the subset docs/output-schema.json uses:
/// `type` (one or a list; `integer` is a number without fraction), `enum`, `const`,
/// `properties`, `required`, `additionalProperties` (bool or schema), `propertyNames`,
/// `items`, `minItems`, `maxItems`, `minimum`, `maximum`, `minLength`, `pattern`,
/// `allOf`, `anyOf`, `if`/`then`/`else` and local `$ref` (`#/$defs/NAME`). Annotation
/// keywords (`title`, `description`, `$id`, `$schema`) are ignored; any other keyword is
/// reported as unsupported so the subset cannot silently shrink.
public struct JSONSchemaValidator {
    public let root: [String: Any]

    public init(schemaData: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: schemaData) as? [String: Any] else {
            throw ValidatorError("the schema is not a JSON object")
        }
        self.root = root
    }

    public struct ValidatorError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    static let annotations: Set<String> = ["title", "description", "$id", "$schema", "$defs", "$comment"]

    /// Every violation, as `path: message` (empty when the instance is valid).
    public func errors(_ instance: Any) -> [String] {
        var out: [String] = []
        check(instance, against: root, path: "$", errors: &out)
        return out
    }

    func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return "boolean" }
            return "number"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    static func matches(type: String, _ value: Any) -> Bool {
        let actual = typeName(value)
        if type == "integer", actual == "number", let number = value as? NSNumber { return number.doubleValue.rounded() == number.doubleValue }
        return actual == type
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        (a as? NSObject)?.isEqual(b) ?? false
    }

    func check(_ value: Any, against schema: [String: Any], path: String, errors: inout [String]) {
        for key in schema.keys where !Self.annotations.contains(key) {
            switch key {
            case "$ref":
                guard let reference = schema[key] as? String, let target = resolve(reference) else {
                    errors.append("\(path): unresolvable $ref \(schema[key] ?? "")"); continue
                }
                check(value, against: target, path: path, errors: &errors)
            case "type":
                let types = (schema[key] as? [String]) ?? [(schema[key] as? String) ?? ""]
                if !types.contains(where: { Self.matches(type: $0, value) }) {
                    errors.append("\(path): \(Self.typeName(value)) is not of type \(types.joined(separator: "|"))")
                }
            case "enum":
                if !((schema[key] as? [Any]) ?? []).contains(where: { Self.equal($0, value) }) { errors.append("\(path): \(value) is not one of the enum") }
            case "const":
                if !Self.equal(schema[key] as Any, value) { errors.append("\(path): \(value) is not \(schema[key] ?? "")") }
            case "properties":
                guard let object = value as? [String: Any], let properties = schema[key] as? [String: [String: Any]] else { continue }
                for (name, subschema) in properties {
                    if let child = object[name] { check(child, against: subschema, path: "\(path).\(name)", errors: &errors) }
                }
            case "required":
                guard let object = value as? [String: Any] else { continue }
                for name in (schema[key] as? [String]) ?? [] where object[name] == nil { errors.append("\(path): missing required \(name)") }
            case "additionalProperties":
                guard let object = value as? [String: Any] else { continue }
                let declared = Set(((schema["properties"] as? [String: Any]) ?? [:]).keys)
                for (name, child) in object where !declared.contains(name) {
                    if let allowed = schema[key] as? Bool {
                        if !allowed { errors.append("\(path): unexpected property \(name)") }
                    } else if let subschema = schema[key] as? [String: Any] {
                        check(child, against: subschema, path: "\(path).\(name)", errors: &errors)
                    }
                }
            case "propertyNames":
                guard let object = value as? [String: Any], let subschema = schema[key] as? [String: Any] else { continue }
                for name in object.keys { check(name, against: subschema, path: "\(path)[name \(name)]", errors: &errors) }
            case "items":
                guard let array = value as? [Any], let subschema = schema[key] as? [String: Any] else { continue }
                for (i, item) in array.enumerated() { check(item, against: subschema, path: "\(path)[\(i)]", errors: &errors) }
            case "minItems", "maxItems":
                guard let array = value as? [Any], let limit = schema[key] as? Int else { continue }
                if key == "minItems" ? array.count < limit : array.count > limit { errors.append("\(path): \(array.count) items violates \(key) \(limit)") }
            case "minimum", "maximum":
                guard Self.typeName(value) == "number", let number = (value as? NSNumber)?.doubleValue, let limit = (schema[key] as? NSNumber)?.doubleValue else { continue }
                if key == "minimum" ? number < limit : number > limit { errors.append("\(path): \(number) violates \(key) \(limit)") }
            case "minLength":
                guard let text = value as? String, let limit = schema[key] as? Int else { continue }
                if text.count < limit { errors.append("\(path): string shorter than \(limit)") }
            case "pattern":
                guard let text = value as? String, let pattern = schema[key] as? String else { continue }
                guard let expression = try? NSRegularExpression(pattern: pattern) else { errors.append("\(path): bad pattern \(pattern)"); continue }
                if expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    errors.append("\(path): '\(text)' does not match \(pattern)")
                }
            case "allOf":
                for subschema in (schema[key] as? [[String: Any]]) ?? [] { check(value, against: subschema, path: path, errors: &errors) }
            case "anyOf":
                let branches = (schema[key] as? [[String: Any]]) ?? []
                let passes = branches.contains { branch in
                    var branchErrors: [String] = []
                    check(value, against: branch, path: path, errors: &branchErrors)
                    return branchErrors.isEmpty
                }
                if !passes { errors.append("\(path): matches none of anyOf") }
            case "if":
                guard let condition = schema[key] as? [String: Any] else { continue }
                var conditionErrors: [String] = []
                check(value, against: condition, path: path, errors: &conditionErrors)
                if let branch = (conditionErrors.isEmpty ? schema["then"] : schema["else"]) as? [String: Any] {
                    check(value, against: branch, path: path, errors: &errors)
                }
            case "then", "else":
                continue
            default:
                errors.append("\(path): unsupported schema keyword \(key)")
            }
        }
    }
}
