import ArgumentParser
import InputOutput
import LinearAlgebra
import Reporting

/// `grdp info`: the linked BLAS/LAPACK build and a solved Leontief example, to check an
/// installation.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show the BLAS/LAPACK configuration and solve a textbook Leontief example.")

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try outputOptions.emit(try Self.report(), inputs: "the built-in example")
    }

    static func report() throws -> Report {
        // Miller & Blair (2009) §2.3: Z = [[150, 500], [200, 100]], x = [1000, 2000].
        let table = try IOTable(
            sectors: ["sector 1", "sector 2"], intermediate: Matrix(rows: [[150, 500], [200, 100]]),
            finalDemandColumns: [.init(label: "final demand", kind: .other)], finalDemand: Matrix(rows: [[350], [1700]]),
            primaryInputRows: [.init(label: "value added", kind: .valueAdded)], primaryInputs: Matrix(rows: [[650, 1400]]),
            output: [1000, 2000])
        let model = try LeontiefModel(table: table)
        let inverse = try model.leontiefInverse()
        let newOutput = try model.totalOutput(for: [600, 1500])
        var example = ResultTable(
            id: "leontief_example", title: "Miller & Blair (2009) §2.3: L = (I − A)⁻¹ and x for f = [600, 1500]",
            columns: [.init("sector", "Sector"), .init("l_1", "L[·,1]"), .init("l_2", "L[·,2]"), .init("x_new", "x (f = 600, 1500)")])
        for i in 0..<2 {
            example.append([.text(table.sectors[i]), .number(inverse[i, 0], decimals: 4), .number(inverse[i, 1], decimals: 4), .number(newOutput[i], decimals: 4)])
        }
        var headline: [(key: String, value: Cell)] = [
            ("OpenBLAS", .text(BLASConfiguration.openBLASConfiguration)),
            ("OpenBLAS core", .text(BLASConfiguration.coreName)),
            ("OpenBLAS core chosen by", .text(BLASKernelSelection.chooser)),
            ("BLAS threads", .number(Double(BLASConfiguration.threadCount), decimals: 0)),
            ("LAPACK version", .text(BLASConfiguration.lapackVersion)),
        ]
        if let advice = BLASKernelAdvice.line { headline.append(("Note", .text(advice))) }
        return Report(
            title: "grdp build information",
            headline: headline,
            tables: [example],
            figures: [
                KeyFigure("openblas_configuration", .text(BLASConfiguration.openBLASConfiguration)),
                KeyFigure("openblas_core", .text(BLASConfiguration.coreName)),
                KeyFigure("openblas_core_chosen_by", .text(BLASKernelSelection.chooser)),
                KeyFigure("blas_threads", .number(Double(BLASConfiguration.threadCount), decimals: 0), unit: "threads"),
                KeyFigure("lapack_version", .text(BLASConfiguration.lapackVersion)),
            ],
            meta: ReportMeta(command: "info"))
    }
}
