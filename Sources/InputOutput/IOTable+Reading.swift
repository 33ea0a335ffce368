import Spreadsheets

/// What the intermediate and final-demand flows of a table hold.
public enum ImportsContent: String, Sendable, CaseIterable {
    /// Flows include imported goods (one imports column, negative, and no import matrix):
    /// converted to domestic flows by import proportionality (`domesticFlows()`).
    case competitive
    /// Flows are domestic products only; imported inputs are a primary-input row.
    case domestic
}

/// How to read a table file: the file options (sheet, CSV dialect), the region of a
/// multi-region table, what the flows hold and the unit. Options left nil may be set by
/// the file's leading `# key: value` lines (`# unit: billion VND`, `# imports: competitive`,
/// `# region: VNM`); an option that contradicts its line is an error.
public struct IOTableReadOptions: Sendable, Equatable {
    public var file: TableFile.Options
    public var region: String?
    public var imports: ImportsContent?
    public var unit: String?

    public init(file: TableFile.Options = .init(), region: String? = nil, imports: ImportsContent? = nil, unit: String? = nil) {
        self.file = file
        self.region = region
        self.imports = imports
        self.unit = unit
    }
}

/// A table as read, with what was declared about it.
public struct LoadedIOTable: Sendable {
    /// The table in domestic flows when imports were declared competitive, one region's when selected.
    public let table: IOTable
    /// The unit as stated (`--unit` or `# unit:`), nil when not stated.
    public let unit: String?
    public let imports: ImportsContent?
    public let region: String?
    /// Warnings for the user: each one line that says how to act on it.
    public let warnings: [String]

    public init(table: IOTable, unit: String?, imports: ImportsContent?, region: String?, warnings: [String]) {
        self.table = table
        self.unit = unit
        self.imports = imports
        self.region = region
        self.warnings = warnings
    }
}

extension IOTable {
    static let metadataKeys: Set<String> = ["unit", "imports", "region"]

    /// Reads a table file: CSV in any dialect or a worksheet of an .xlsx workbook; then
    /// selects `region` of a multi-region (ICIO-style) table (`MultiRegionTable`), and
    /// converts competitive imports to domestic flows (`domesticFlows()`).
    ///
    /// When the imports are not declared, a table with a nonzero imports column whose
    /// value-added and tax multipliers leave no leakage (every unit of final demand ends
    /// up as domestic primary input: the flows must include the imports) gets a warning
    /// that says how to declare it.
    /// - Throws: `InputOutputError` naming the file and the cell, line or option.
    /// - Complexity: O(cells) to read, O(n³) for the leakage check.
    /// A `path` of `-` reads standard input (named `<stdin>` in errors).
    public static func read(path given: String, options: IOTableReadOptions = .init()) throws(InputOutputError) -> LoadedIOTable {
        let contents: TableFile.Contents
        do {
            contents = try TableFile.open(path: given, options: options.file)
        } catch {
            if case let .unreadableFile(path, reason) = error { throw .unreadableFile(path: path, reason: reason) }
            throw .spreadsheet(error)
        }
        let path = given == "-" ? TableFile.standardInputName : given
        let (metadata, sheetName, firstColumn) = declaredMetadata(contents)
        func place(_ line: Int) -> String {
            CellLocation(path: path, sheet: sheetName, row: line, column: sheetName == nil ? nil : firstColumn).description
        }
        func declared(_ key: String, option: String?, flag: String) throws(InputOutputError) -> String? {
            guard let stated = metadata[key] else { return option }
            if let option, normalise(option) != normalise(stated.value) {
                throw .invalidMetadata(at: place(stated.line), key: key, value: stated.value,
                                       reason: "contradicts \(flag) '\(option)'; drop the option or correct the line")
            }
            return stated.value
        }
        let unit = try declared("unit", option: options.unit, flag: "--unit")
        // A `# region:` line names the region of a single-region table; it selects one only in a multi-region table.
        let regions: [String]
        switch contents {
        case let .sheet(sheet): regions = MultiRegionTable.regions(of: sheet)
        case let .csv(table): regions = MultiRegionTable.regions(header: table.header, rowLabels: table.rows.lazy.map(\.label))
        }
        let regionCode = try declared("region", option: options.region, flag: "--region").flatMap { code in
            options.region == nil && regions.isEmpty ? nil : code
        }
        var imports = options.imports
        if let stated = metadata["imports"] {
            guard let content = ImportsContent(rawValue: stated.value.lowercased()) else {
                throw .invalidMetadata(at: place(stated.line), key: "imports", value: stated.value, reason: "is not competitive or domestic; write one of them")
            }
            if let option = options.imports, option != content {
                throw .invalidMetadata(at: place(stated.line), key: "imports", value: stated.value,
                                       reason: "contradicts --imports \(option.rawValue); drop the option or correct the line")
            }
            imports = content
        }

        var table: IOTable
        if let regionCode {
            table = try IOTable(sheet: MultiRegionTable.extract(regionCode, from: contents.sheet))
        } else if !regions.isEmpty {
            throw .regionRequired(path: path, regions: regions)
        } else if case let .csv(csv) = contents {
            table = try IOTable(csv: csv)
        } else {
            table = try IOTable(sheet: contents.sheet)
        }
        var warnings: [String] = []
        switch imports {
        case .competitive?:
            guard table.finalDemand(of: .imports).contains(where: { $0 != 0 }) else { throw .noImportsToRemove(path: path) }
            table = try table.domesticFlows()
        case .domestic?:
            break
        case nil:
            if let leakage = try table.largestImportLeakage(), leakage < 1e-4 {
                warnings.append("warning: \(path) has an imports column but its multipliers leak nothing to imports (largest leakage \(String(format: "%.2g", leakage))): its flows seem to include imports; if so pass --imports competitive (or add '# imports: competitive'), else --imports domestic")
            }
        }
        return LoadedIOTable(table: table, unit: unit, imports: imports, region: regionCode, warnings: warnings)
    }

    /// The file's leading `# key: value` lines for the keys `metadataKeys` (each with its
    /// line), and where its cells are (sheet name, first column) for messages.
    static func declaredMetadata(_ contents: TableFile.Contents) -> ([String: (value: String, line: Int)], String?, Int) {
        let comments: [SheetComment], firstRow: Int, sheetName: String?, firstColumn: Int
        switch contents {
        case let .sheet(sheet):
            (comments, firstRow, sheetName, firstColumn) = (sheet.comments, sheet.rows.first?.number ?? Int.max, sheet.sheet, sheet.firstColumn)
        case let .csv(table):
            (comments, firstRow, sheetName, firstColumn) = (table.comments, table.headerLine == 0 ? Int.max : table.headerLine, nil, 1)
        }
        var metadata: [String: (value: String, line: Int)] = [:]
        for comment in comments where comment.number < firstRow {
            guard let colon = comment.text.firstIndex(of: ":") else { continue }
            let key = normalise(String(comment.text[..<colon]).trimmingCharacters(in: .whitespaces))
            guard metadataKeys.contains(key) else { continue }
            metadata[key] = (String(comment.text[comment.text.index(after: colon)...]).trimmingCharacters(in: .whitespaces), comment.number)
        }
        return (metadata, sheetName, firstColumn)
    }

    /// The largest share of a unit of final demand that leaks to imports, over sectors:
    /// maxⱼ (1 − Σ_r uᵣᵀ L eⱼ) with uᵣ the primary inputs other than imported inputs per
    /// unit of output (value added, taxes, other rows; Miller & Blair 2009 §6.2: the
    /// value-added and import multipliers add up to one). nil when the table has no
    /// nonzero imports column or no productive coefficients.
    ///
    /// The solve is skipped when a lower bound already exceeds the warning's threshold:
    /// with sⱼ = 1 − Σᵢ aᵢⱼ − uⱼ (what a unit of j's output pays that is not in u: imported
    /// inputs, column residual), uᵀ = 1ᵀ(I − A) − sᵀ so 1 − uᵀL = sᵀL, and for s ≥ 0,
    /// A ≥ 0, ρ(A) < 1, L = I + A + A² + … ≥ I gives (sᵀL)ⱼ ≥ sⱼ. Then max sⱼ (≥ 2·10⁻⁴,
    /// twice the threshold for rounding) is returned in place of the exact maximum.
    /// - Complexity: O(n²) when the bound decides, else O(n³).
    func largestImportLeakage() throws(InputOutputError) -> Double? {
        guard finalDemand(of: .imports).contains(where: { $0 != 0 }) else { return nil }
        let hasTotal = hasPrimaryInput(.valueAdded)
        var perUnit = [Double](repeating: 0, count: sectorCount)
        for (r, row) in primaryInputRows.enumerated() where row.kind != .imports && !(hasTotal && row.kind.isValueAddedComponent) {
            for j in 0..<sectorCount where output[j] != 0 { perUnit[j] += primaryInputs[r, j] / output[j] }
        }
        let columnSums = intermediate.columnSums
        let rest = (0..<sectorCount).map { j in output[j] > 0 ? 1 - columnSums[j] / output[j] - perUnit[j] : -1 }
        if let bound = rest.max(), bound >= 2e-4, rest.allSatisfy({ $0 >= 0 }) { return bound }
        guard let model = try? LeontiefModel(table: self) else { return nil }
        let multipliers = try model.transposedSolve(perUnit)
        return multipliers.map { 1 - $0 }.max()
    }
}
