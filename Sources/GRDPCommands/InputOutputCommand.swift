import ArgumentParser
import Datasets
import Foundation
import InputOutput
import LinearAlgebra
import Reporting
import Spreadsheets

/// `grdp io [TABLE.csv]`: input-output analysis of a table (the embedded Hanoi table
/// when no file is given): transformations first (aggregate, disaggregate, regionalise,
/// balance), then the requested analyses; `--write` saves the transformed table.
struct InputOutputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io",
        abstract: "Input-output analysis: multipliers, linkages, impacts, price effects, extraction; regionalise, aggregate, balance.",
        discussion: """
            TABLE is a CSV (any separator, decimal point or comma) or an .xlsx workbook in the layout of \
            docs/io-table-format.md; OECD ICIO tables with --region. Transformations apply in this order: \
            --aggregate, --disaggregate, --regionalize, --balance; analyses then run on the result. \
            With no analysis flag, prints the balance check, multipliers and linkages.
            Examples:
              grdp io table.csv --multipliers --linkages
              grdp io workbook.xlsx --sheet IO --imports competitive --multipliers
              grdp io icio_extract.csv --region VNM --multipliers
              grdp io table.csv --impact construction=1000 --format csv
              grdp io table.csv --price-shock electricity=10
              grdp io national.csv --regionalize hanoi_sizes.csv --lq-method flq --delta 0.1 --write hanoi.csv
            """)

    @Argument(help: "Input-output table (CSV or .xlsx). Default: the embedded Hanoi 2024 table.")
    var table: String?
    @Option(help: "Embedded table when no TABLE is given: hanoi-2024 (default) or hanoi-2025.") var dataset: String?

    @OptionGroup var tableFile: TableFileOptions
    @OptionGroup var tableContent: TableContentOptions

    @Flag(help: "Multipliers: output, value added, income, employment (Type I and II).") var multipliers = false
    @Flag(help: "Rasmussen–Hirschman backward and forward linkages and key sectors.") var linkages = false
    @Flag(help: "Hypothetical extraction (complete, backward, forward) for every sector.") var extraction = false
    @Flag(help: "Technical coefficients A and the Leontief inverse L.") var coefficients = false

    @Option(help: "Final-demand change by sector, in table units (|amount| ≤ 1e15, each sector once): sector=amount,... (Δx = L·Δf).",
            transform: NamedValues.impact)
    var impact: NamedValues?

    @Option(help: "Price shock by sector in percent (-100 … 1000, each sector once): sector=percent,... (Leontief cost-push price model and CPI effect).",
            transform: NamedValues.priceShock)
    var priceShock: NamedValues?

    @Option(help: "Aggregate with a concordance CSV (sector,group).")
    var aggregate: String?

    @Option(help: "Split a sector proportionally: sector=part:weight;part:weight (e.g. services=trade:0.3;other:0.7).",
            transform: SectorSplitArgument.parse)
    var disaggregate: SectorSplit?

    @Option(help: "Regionalise with regional sector sizes from a CSV (sector,size).")
    var regionalize: String?

    @Option(help: "Measure of the regional sizes: output, value_added, or a satellite row name such as employment.")
    var sizeMeasure: String = "value_added"

    @Option(help: "Location-quotient method for --regionalize: slq, cilq, flq, aflq.")
    var lqMethod: LocationQuotientOption = .flq

    @Option(help: "δ for FLQ and AFLQ, in [0, 1) (Flegg & Tohmo 2013 suggest about 0.05–0.3).")
    var delta: Double = 0.1

    @Option(help: "Rebalance the intermediate flows to new totals from a CSV (sector,row_total,column_total) with RAS, or GRAS when entries are negative.")
    var balance: String?

    @Option(help: "Write the (transformed) table to this CSV file, atomically.")
    var write: String?

    @Flag(help: "Accept a table whose rows or columns do not balance (the residuals are printed).")
    var acceptImbalance = false

    @Option(help: "Relative balance tolerance.")
    var tolerance: Double = 1e-6

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard tolerance > 0, tolerance < 1 else { throw ValidationError("--tolerance must be in (0, 1)") }
        guard (0..<1).contains(delta) else { throw ValidationError("--delta must be in [0, 1)") }
        if table == nil, tableFile.sheet != nil || tableContent.region != nil || tableContent.imports != nil || tableContent.unit != nil {
            throw ValidationError("--sheet, --region, --imports and --unit describe a TABLE file; give one, or drop them for the embedded table")
        }
        if let dataset {
            guard table == nil else { throw ValidationError("--dataset names an embedded table; give either TABLE or --dataset") }
            guard HanoiBase(id: dataset) != nil else {
                throw ValidationError("--dataset: unknown dataset '\(dataset)'; the embedded datasets are \(HanoiBase.allCases.map(\.id).joined(separator: ", "))")
            }
        }
        if let write, let output = outputOptions.output, StagedFile.sameTarget(write, output) {
            throw ValidationError("--write and --output name the same file '\(output)'; give two different files")
        }
    }

    /// `--write` is staged and committed with the report, once every check and analysis
    /// has passed.
    func run() throws {
        let (report, tableText) = try makeReport()
        let written = try write.map { path in
            let file = try StagedFile(path: path)
            do { try file.append(tableText) } catch {
                file.abandon()
                throw error
            }
            return file
        }
        try outputOptions.emit(report, inputs: inputsDescription, committing: written.map { [$0] } ?? [])
    }

    /// What the results are computed from, for messages.
    var inputsDescription: String {
        var inputs = [table == "-" ? TableFile.standardInputName : table ?? "the embedded table"]
        if impact != nil { inputs.append("--impact") }
        if priceShock != nil { inputs.append("--price-shock") }
        if regionalize != nil { inputs.append("--regionalize") }
        if balance != nil { inputs.append("--balance") }
        return inputs.joined(separator: " and ")
    }

    /// The report and the transformed table's CSV text (for `--write`): read, check the
    /// balance, transform (`IOTablePipeline`), analyse, summarise.
    func makeReport() throws -> (Report, String) {
        let tableFingerprint = InputFingerprint(role: "table", path: self.table)  // hashed while the table is read and analysed
        let loaded = try loadTable()
        if loaded.table.sectorCount >= BLASKernelAdvice.largeTableSectors { BLASKernelAdvice.note() }
        let tableName = self.table == "-" ? TableFile.standardInputName : self.table ?? embeddedTableName
        let balanceReport = try InputOutputError.at(tableName) { try loaded.table.validate(tolerance: tolerance, acceptImbalance: acceptImbalance) }
        var notes: [String] = loaded.warnings
        if acceptImbalance, max(balanceReport.largestRelativeRowResidual, balanceReport.largestRelativeColumnResidual) > tolerance {
            notes.append("imbalance accepted: largest row residual \(balanceReport.largestRelativeRowResidual * 100)%, column \(balanceReport.largestRelativeColumnResidual * 100)%")
        }
        try checkSideFiles()
        let transformed = try IOTablePipeline(configuration: pipelineConfiguration).apply(to: loaded.table)
        let table = transformed.table
        let source = ([sourceDescription(loaded)] + transformed.steps.map(Self.describe)).joined(separator: ", ")
        let model = try InputOutputError.at(source) { try LeontiefModel(table: table) }
        let tables = try analysisTables(table: table, model: model)
        if let balancing = transformed.balancing {
            notes.append("\(balancing.report.iterations) balancing iterations; largest relative residuals: rows \(balancing.report.maxRelativeRowResidual), columns \(balancing.report.maxRelativeColumnResidual)")
        }
        let rcond = model.reciprocalConditionNumber
        if rcond < 1e-12 { notes.append("warning: I − A is ill-conditioned (1/κ₁ ≈ \(rcond)); results may have lost most digits") }
        let inputs = try ([tableFingerprint.value] + [("aggregate", aggregate), ("regionalize", regionalize), ("balance", balance)]
            .map { try InputFile.fingerprint(role: $0.0, path: $0.1) }).compactMap { $0 }
        let report = Report(
            title: "Input-output analysis", headline: headline(source: source, table: table, model: model, unit: loaded.unit, notes: notes),
            tables: tables, figures: figures(source: source, table: table, model: model, reciprocalCondition: rcond, notes: notes), meta: ReportMeta(command: "io", inputs: inputs))
        return (report, write == nil ? "" : table.csvText(comments: loaded.unit.map { ["unit: \($0)"] } ?? []))  // the table text only for --write
    }

    /// The transformations the options ask for, each named by its flag in errors.
    var pipelineConfiguration: IOTablePipeline.Configuration {
        IOTablePipeline.Configuration(
            aggregation: aggregate.map { IOTablePipeline.Aggregation(concordancePath: $0, source: "--aggregate") },
            disaggregation: disaggregate.map { IOTablePipeline.Disaggregation(split: $0, source: "--disaggregate") },
            regionalisation: regionalize.map { IOTablePipeline.Regionalisation(sizesPath: $0, measure: measure, method: method, source: "--regionalize") },
            balancing: balance.map { IOTablePipeline.Balancing(targetsPath: $0, source: "--balance") })
    }

    /// Side files that are directories, devices or FIFOs are refused before any is read.
    func checkSideFiles() throws {
        for (path, role) in [(aggregate, "--aggregate"), (regionalize, "--regionalize"), (balance, "--balance")] {
            if let path { try InputFile.check(path, role: role) }
        }
    }

    /// The table as read: its file (or the embedded table), region and imports treatment.
    func sourceDescription(_ loaded: LoadedIOTable) -> String {
        self.table.map { path in
            ([path == "-" ? TableFile.standardInputName : path] + (loaded.region.map { ["region \($0)"] } ?? [])
                + (loaded.imports == .competitive ? ["competitive imports removed by import proportionality"] : [])).joined(separator: ", ")
        } ?? embeddedTableName
    }

    /// A transformation step as the report's "Table" line names it.
    static func describe(_ step: IOTablePipeline.Step) -> String {
        switch step {
        case let .aggregated(concordancePath): "aggregated by \(concordancePath)"
        case let .disaggregated(sector): "\(sector) split"
        case let .regionalised(method): "regionalised (\(method))"
        case .rebalanced: "rebalanced"
        }
    }

    /// The requested analyses of the transformed table; with none, the balance check,
    /// multipliers and linkages.
    func analysisTables(table: IOTable, model: LeontiefModel) throws -> [ResultTable] {
        var tables: [ResultTable] = []
        let anyAnalysis = multipliers || linkages || extraction || coefficients || impact != nil || priceShock != nil
        if !anyAnalysis {
            tables.append(InputOutputReports.balance(table, table.balanceReport, tolerance: tolerance))
        }
        if coefficients {
            tables.append(InputOutputReports.coefficients(table, model.technicalCoefficients, title: "Technical coefficients A", id: "technical_coefficients"))
            tables.append(InputOutputReports.coefficients(table, try model.leontiefInverse(), title: "Leontief inverse L = (I − A)⁻¹", id: "leontief_inverse"))
        }
        if multipliers || !anyAnalysis { tables.append(InputOutputReports.multipliers(try Multipliers(model: model))) }
        if linkages || !anyAnalysis { tables.append(InputOutputReports.linkages(try Linkages(model: model))) }
        if extraction { tables.append(InputOutputReports.extraction(try HypotheticalExtraction.analyse(model: model))) }
        if let impact {
            var change = [Double](repeating: 0, count: table.sectorCount)
            for (sector, amount) in impact.pairs {
                change[try InputOutputError.at("--impact") { try table.sectorIndex(sector) }] += amount
            }
            tables.append(InputOutputReports.impact(try InputOutputError.at("--impact") { try DemandImpact(model: model, demandChange: change) }))
        }
        if let priceShock {
            var shocks: [Int: Double] = [:]
            for (sector, percent) in priceShock.pairs {
                shocks[try InputOutputError.at("--price-shock") { try table.sectorIndex(sector) }] = percent / 100
            }
            tables.append(InputOutputReports.price(try InputOutputError.at("--price-shock") { try PriceModel.costPush(model: model, priceShocks: shocks) }))
        }
        return tables
    }

    func headline(source: String, table: IOTable, model: LeontiefModel, unit: String?, notes: [String]) -> [(key: String, value: Cell)] {
        var headline: [(key: String, value: Cell)] = [
            ("Table", .text(source)),
            ("Sectors", .number(Double(table.sectorCount), decimals: 0)),
            ("Unit", .text(unit ?? (self.table == nil ? "billion VND" : "not stated"))),
            ("Spectral radius of A", .text(String(format: "%.4f – %.4f (Hawkins–Simon: productive)", model.spectralRadiusBounds.lowerBound, model.spectralRadiusBounds.upperBound))),
        ]
        if let write { headline.append(("Table written to", .text(write))) }
        for note in notes { headline.append(("Note", .text(note))) }
        return headline
    }

    /// `reciprocalCondition` is the model's 1/κ₁ estimate, computed once by the caller (an O(n²) `dgecon`).
    func figures(source: String, table: IOTable, model: LeontiefModel, reciprocalCondition: Double, notes: [String]) -> [KeyFigure] {
        var figures = [
            KeyFigure("table", .text(source)), KeyFigure("sectors", .number(Double(table.sectorCount), decimals: 0), unit: "sectors"),
            KeyFigure("spectral_radius_low", model.spectralRadiusBounds.lowerBound, unit: nil),
            KeyFigure("spectral_radius_high", model.spectralRadiusBounds.upperBound, unit: nil),
            KeyFigure("reciprocal_condition_number", reciprocalCondition, unit: nil),
        ]
        if let write { figures.append(KeyFigure("table_written_to", .text(write))) }
        if !notes.isEmpty { figures.append(KeyFigure("notes", .text(notes.joined(separator: "; ")))) }
        return figures
    }

    var measure: SectorSizeMeasure {
        switch sizeMeasure {
        case "output": .output
        case "value_added": .valueAdded
        default: .satellite(sizeMeasure)
        }
    }

    var method: LocationQuotientMethod { lqMethod.method(delta: delta) }

    func loadTable() throws -> LoadedIOTable {
        if let table {
            try InputFile.check(table, role: "table")
            let name = table == "-" ? TableFile.standardInputName : table  // `-`: standard input
            return try InputOutputError.at(name) { try IOTable.read(path: table, options: tableContent.readOptions(tableFile)) }
        }
        return LoadedIOTable(table: try HanoiDataset.embedded(id: dataset ?? HanoiBase.base2024.id).table, unit: "billion VND", imports: .domestic, region: nil, warnings: [])
    }

    /// "embedded Hanoi 2024 table", or 2025 with `--dataset hanoi-2025`.
    var embeddedTableName: String { "embedded Hanoi \(HanoiBase(id: dataset ?? "")?.baseYear ?? 2024) table" }
}
