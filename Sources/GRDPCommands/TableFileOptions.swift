import ArgumentParser
import InputOutput
import Spreadsheets

extension ImportsContent: ExpressibleByArgument {}

/// `--sheet` and `--csv-dialect`: how to read a table or accounts file.
struct TableFileOptions: ParsableArguments {
    @Option(help: "Worksheet of an .xlsx workbook (default: the first sheet).")
    var sheet: String?

    @Option(help: "CSV dialect: \(CSVDialect.names); auto detects it from the header and data rows.")
    var csvDialect: String = "auto"

    func validate() throws {
        guard CSVDialect(name: csvDialect) != nil else {
            throw ValidationError("--csv-dialect must be one of \(CSVDialect.names); got '\(csvDialect)'")
        }
    }

    var fileOptions: TableFile.Options {
        TableFile.Options(sheet: sheet, dialect: CSVDialect(name: csvDialect) ?? .automatic)
    }
}

/// `--region`, `--imports`, `--unit`: what an input-output table holds.
struct TableContentOptions: ParsableArguments {
    @Option(help: "Region code of a multi-region (OECD ICIO-style) table, e.g. VNM: its rows and columns are kept, the other regions' rows become imported inputs and its sales to them exports.")
    var region: String?

    @Option(help: "What the table's flows hold: competitive (imports included; removed by import proportionality) or domestic.")
    var imports: ImportsContent?

    @Option(help: "The table's money unit, e.g. 'billion VND' or 'million VND' (else its '# unit:' line).")
    var unit: String?

    func readOptions(_ file: TableFileOptions) -> IOTableReadOptions {
        IOTableReadOptions(file: file.fileOptions, region: region, imports: imports, unit: unit)
    }
}
