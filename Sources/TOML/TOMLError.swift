/// Why a text is not a TOML 1.0 document, and where: the TOML module's one error type.
///
/// Every case carries the 1-based line and column (in Unicode scalars) of the first
/// offending character, so a caller can print `file:line:column: message`.
/// `description` is one line.
public enum TOMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not what the TOML 1.0 grammar allows at this place (including
    /// invalid UTF-8 and forbidden control characters).
    case syntax(TOMLLocation, message: String)
    /// A key or table defined a second time, or a table extended where TOML forbids it
    /// (an inline table, a table defined by dotted keys reopened by a header, …). `key` is
    /// the full path of keys from the root of the document.
    case redefinition(TOMLLocation, key: [String], message: String)
    /// Arrays and inline tables nested deeper than `TOMLDocument.maximumNesting`.
    case nestingTooDeep(TOMLLocation, limit: Int)

    /// Where the problem is.
    public var location: TOMLLocation {
        switch self {
        case let .syntax(location, _), let .redefinition(location, _, _), let .nestingTooDeep(location, _): location
        }
    }

    /// What is wrong, without the location.
    public var message: String {
        switch self {
        case let .syntax(_, message), let .redefinition(_, _, message): message
        case let .nestingTooDeep(_, limit):
            "arrays and inline tables are nested more than \(limit) deep; flatten the value"
        }
    }

    /// `line:column: message`.
    public var description: String { "\(location): \(message)" }
}
