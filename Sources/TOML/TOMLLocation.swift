/// A place in a TOML document: 1-based line and 1-based column, the column counted in
/// Unicode scalars (so a key after `"é" = 1` on the same line is where an editor shows it).
public struct TOMLLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1-based line.
    public let line: Int
    /// 1-based column, in Unicode scalars.
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (left: TOMLLocation, right: TOMLLocation) -> Bool {
        (left.line, left.column) < (right.line, right.column)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
