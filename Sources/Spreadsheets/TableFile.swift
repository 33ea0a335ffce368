import Foundation

/// Reads a table file into rows of cells, by what the file is: an Excel workbook
/// (`.xlsx`, `.xlsm`, or any file that is a zip container) through `XLSXWorkbook`, else
/// CSV text (UTF-8, with or without a byte-order mark) in `dialect`. The legacy Excel
/// (`.xls`, an OLE2 compound file) and OpenDocument (`.ods`) formats are refused with
/// what to save them as.
public enum TableFile {
    /// How to read a table file; the defaults suit a CSV from any locale and a workbook's first sheet.
    public struct Options: Sendable, Equatable {
        /// The worksheet of a workbook, nil for the first one.
        public var sheet: String?
        public var dialect: CSVDialect
        public init(sheet: String? = nil, dialect: CSVDialect = .automatic) {
            self.sheet = sheet
            self.dialect = dialect
        }
    }

    /// The name standard input goes by in messages, when the path is `-`.
    public static let standardInputName = "<stdin>"

    /// What a table file holds: a worksheet, or CSV text indexed for reading by bytes.
    public enum Contents: Sendable {
        case sheet(TableSheet)
        case csv(CSVTable)

        /// The rows of cells (a CSV is read into text cells).
        public var sheet: TableSheet {
            switch self {
            case let .sheet(sheet): sheet
            case let .csv(table): table.sheet()
            }
        }
    }

    /// The file at `path`, or standard input when `path` is `-` (read to its end, named
    /// `<stdin>` in errors; a workbook is recognised by its zip signature).
    /// - Throws: `SpreadsheetError`.
    /// - Complexity: O(file size).
    public static func read(path given: String, options: Options = Options()) throws(SpreadsheetError) -> TableSheet {
        try open(path: given, options: options).sheet
    }

    /// The file at `path` (or standard input for `-`) as a worksheet, or, for CSV, as a
    /// `CSVTable` over its bytes, whose numbers can be read without a `String` per cell.
    /// - Throws: `SpreadsheetError` (`unterminatedQuote` for a CSV quote that never closes).
    /// - Complexity: O(file size).
    public static func open(path given: String, options: Options = Options()) throws(SpreadsheetError) -> Contents {
        let path = given == "-" ? Self.standardInputName : given
        let bytes: [UInt8]
        if given == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            if let problem = InputFileKind.problem(path) { throw .unreadableFile(path: path, reason: problem) }
            bytes = try Self.contents(of: path)
        }
        let lowered = path.lowercased()
        let isZip = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) || lowered.hasSuffix(".xls") {
            throw .unsupportedFormat(path: path, format: "legacy Excel (.xls)",
                                     howToFix: "save it as an Excel Workbook (.xlsx) or as CSV UTF-8 (Excel: File › Save As) and read that file")
        }
        if lowered.hasSuffix(".ods") || lowered.hasSuffix(".numbers") {
            throw .unsupportedFormat(path: path, format: lowered.hasSuffix(".ods") ? "OpenDocument (.ods)" : "Numbers (.numbers)",
                                     howToFix: "save it as an Excel Workbook (.xlsx) or as CSV (LibreOffice: File › Save As) and read that file")
        }
        if isZip || lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xlsm") {
            let workbook = try XLSXWorkbook(data: Data(bytes), path: path)
            return .sheet(try workbook.sheet(named: options.sheet))
        }
        if let sheet = options.sheet { throw .sheetForCSV(path: path, sheet: sheet) }
        return .csv(try CSVTable(bytes: bytes, path: path, dialect: options.dialect))
    }

    /// A regular file's bytes, read with `read(2)` into one buffer of the file's size, left
    /// uninitialised until read into (no zero fill, no second buffer); bytes past that size
    /// (a file that grew, or a size `stat` does not know) are read in chunks and appended.
    static func contents(of path: String) throws(SpreadsheetError) -> [UInt8] {
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        /// Reads into `buffer` until it is full or the file ends: the bytes read, or the errno of a failed read.
        func fill(_ buffer: UnsafeMutableRawBufferPointer) -> (filled: Int, error: CInt?) {
            guard let base = buffer.baseAddress else { return (0, nil) }
            var filled = 0
            while filled < buffer.count {
                let got = Foundation.read(fd, base + filled, buffer.count - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    return (filled, errno)
                }
                if got == 0 { break }
                filled += got
            }
            return (filled, nil)
        }
        let size = max(Int(info.st_size), 0)
        var failure: CInt?
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            (initialized, failure) = fill(UnsafeMutableRawBufferPointer(buffer))
        }
        if bytes.count == size, failure == nil {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let (count, error) = chunk.withUnsafeMutableBytes { fill($0) }
                failure = error
                if failure != nil || count == 0 { break }
                bytes.append(contentsOf: chunk[..<count])
                if count < chunk.count { break }
            }
        }
        if let failure { throw .unreadableFile(path: path, reason: String(cString: strerror(failure))) }
        return bytes
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedDescription
    }
}
