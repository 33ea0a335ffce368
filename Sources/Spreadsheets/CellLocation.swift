/// Where a cell or row of a user's table is: `path:line:column` for a CSV file (as
/// compilers print it, so that editors can jump to it), `path:Sheet!B3` for a cell of an
/// Excel workbook in A1 notation, `path:Sheet!3:3` for a whole row of a sheet.
/// Lines, rows and columns are 1-based.
public struct CellLocation: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    /// The worksheet name; nil for a CSV file.
    public let sheet: String?
    /// The CSV line or the sheet row.
    public let row: Int
    /// The column (1-based), nil when the location is a whole row.
    public let column: Int?

    public init(path: String, sheet: String? = nil, row: Int, column: Int? = nil) {
        self.path = path
        self.sheet = sheet
        self.row = row
        self.column = column
    }

    public var description: String {
        guard let sheet else { return column.map { "\(path):\(row):\($0)" } ?? "\(path):\(row)" }
        let name = Self.quotedSheetName(sheet)
        guard let column else { return "\(path):\(name)!\(row):\(row)" }
        return "\(path):\(name)!\(Self.columnLetters(column))\(row)"
    }

    /// The A1-notation letters of a 1-based column: 1 → A, 26 → Z, 27 → AA, 16384 → XFD.
    /// - Complexity: O(log₂₆ column).
    public static func columnLetters(_ column: Int) -> String {
        var n = max(column, 1)
        var letters: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The 1-based column of A1 letters (`B` → 2, `AA` → 27), nil when `letters` is not one.
    public static func columnNumber(_ letters: Substring) -> Int? {
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var n = 0
        for scalar in letters.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { return nil }
            n = n * 26 + Int(scalar.value - 64)
        }
        return n
    }

    /// A sheet name as Excel writes it in a reference: quoted when it holds anything but
    /// letters, digits and `_` (`'IO table'!B3`), with `'` doubled.
    static func quotedSheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
