import Foundation
import InputOutput

/// Result tables for the input-output analyses (`grdp io`).
public enum InputOutputReports {
    public static func balance(_ table: IOTable, _ report: BalanceReport, tolerance: Double) -> ResultTable {
        var result = ResultTable(
            id: "balance", title: "Balance check (relative residual = (computed − stated output) / output)",
            columns: [.init("sector", "Sector"), .init("output", "Gross output"),
                      .init("row_residual_pct", "Row residual %"), .init("column_residual_pct", "Column residual %")])
        for (j, sector) in table.sectors.enumerated() {
            result.append([
                .text(sector), .number(table.output[j], decimals: 1),
                .number(report.rowResiduals[j].relative * 100, decimals: 4),
                .value(report.columnResiduals.isEmpty ? nil : report.columnResiduals[j].relative * 100, 4),
            ])
        }
        result.notes.append(String(format: "tolerance %g%% of output", tolerance * 100))
        return result
    }

    public static func multipliers(_ m: Multipliers) -> ResultTable {
        var columns: [ResultTable.Column] = [.init("sector", "Sector"), .init("output_type1", "Output I")]
        if m.output.total != nil { columns.append(.init("output_type2", "Output II")) }
        columns += [.init("value_added", "VA simple"), .init("value_added_type1", "VA Type I")]
        if m.valueAdded.total != nil { columns += [.init("value_added_total", "VA total"), .init("value_added_type2", "VA Type II")] }
        if let income = m.income {
            columns += [.init("income", "Income simple"), .init("income_type1", "Income Type I")]
            if income.total != nil { columns += [.init("income_total", "Income total"), .init("income_type2", "Income Type II")] }
        }
        if let employment = m.employment {
            columns += [.init("employment", "Jobs simple"), .init("employment_type1", "Jobs Type I")]
            if employment.total != nil { columns += [.init("employment_total", "Jobs total"), .init("employment_type2", "Jobs Type II")] }
        }
        var result = ResultTable(id: "multipliers", title: "Multipliers (per unit of final demand for each sector's output)", columns: columns)
        for (j, sector) in m.sectors.enumerated() {
            var row: [Cell] = [.text(sector), .number(m.output.simple[j], decimals: 4)]
            if let total = m.output.total { row.append(.number(total[j], decimals: 4)) }
            for family in [m.valueAdded, m.income, m.employment].compactMap({ $0 }) {
                let decimals = family.name == "employment" ? 6 : 4
                row += [.number(family.simple[j], decimals: decimals), .value(family.typeI?[j], 4)]
                if let total = family.total { row += [.number(total[j], decimals: decimals), .value(family.typeII?[j], 4)] }
            }
            result.append(row)
        }
        result.notes.append("Type I = direct + indirect (Leontief inverse L); Type II adds induced household spending (model closed for households); ratio multipliers divide by the direct coefficient (Miller & Blair 2009, ch. 6)")
        return result
    }

    public static func linkages(_ l: Linkages) -> ResultTable {
        var result = ResultTable(
            id: "linkages", title: "Rasmussen–Hirschman linkages (normalised; > 1 = above average)",
            columns: [.init("sector", "Sector"), .init("backward", "Backward"), .init("forward", "Forward (Ghosh)"),
                      .init("forward_leontief", "Forward (Leontief rows)"), .init("class", "Class"),
                      .init("backward_output_weighted", "Backward (output-weighted)"), .init("forward_output_weighted", "Forward (output-weighted)")])
        let classes = l.classification(threshold: Linkages.defaultClassThreshold)
        for (j, sector) in l.sectors.enumerated() {
            result.append([.text(sector), .number(l.backward[j], decimals: 4), .number(l.forward[j], decimals: 4),
                           .number(l.forwardFromLeontief[j], decimals: 4), .text(classes[j].rawValue),
                           .number(l.backwardOutputWeighted[j], decimals: 4), .number(l.forwardOutputWeighted[j], decimals: 4)])
        }
        result.notes.append("a class is given only where both indices differ from 1 by at least \(NumberText.fixed(Linkages.defaultClassThreshold, 2)); output-weighted indices divide by the output-weighted mean (Miller & Blair 2009, §12.2.4)")
        return result
    }

    public static func impact(_ impact: DemandImpact) -> ResultTable {
        var columns: [ResultTable.Column] = [.init("sector", "Sector"), .init("demand_change", "Δ final demand"),
                                             .init("output_change", "Δ output"), .init("value_added_change", "Δ value added")]
        if impact.income != nil { columns.append(.init("income_change", "Δ income")) }
        if impact.employment != nil { columns.append(.init("employment_change", "Δ jobs")) }
        if impact.outputWithInduced != nil {
            columns += [.init("output_change_type2", "Δ output incl. induced"), .init("value_added_change_type2", "Δ VA incl. induced")]
        }
        var result = ResultTable(id: "impact", title: "Impact of the final-demand change", columns: columns)
        func row(_ label: String, _ j: Int?) -> [Cell] {
            func pick(_ values: [Double]?) -> Cell {
                guard let values else { return .empty }
                return .number(j.map { values[$0] } ?? values.reduce(0, +), decimals: 3)
            }
            var cells: [Cell] = [.text(label), pick(impact.demandChange), pick(impact.output), pick(impact.valueAddedChanges)]
            if impact.income != nil { cells.append(pick(impact.income)) }
            if impact.employment != nil { cells.append(pick(impact.employment)) }
            if impact.outputWithInduced != nil { cells += [pick(impact.outputWithInduced), pick(impact.valueAddedChangesWithInduced)] }
            return cells
        }
        for j in impact.sectors.indices { result.append(row(impact.sectors[j], j)) }
        result.append(row("total", nil))
        return result
    }

    public static func price(_ effect: PriceEffect) -> ResultTable {
        var result = ResultTable(
            id: "price_effect", title: "Leontief price model: cost push of the shock",
            columns: [.init("sector", "Sector"), .init("price_change_pct", "Price change %"), .init("cpi_weight_pct", "CPI weight %")])
        let total = effect.consumerWeights.reduce(0, +)
        for (j, sector) in effect.sectors.enumerated() {
            result.append([.text(sector), .number(effect.priceChange[j] * 100, decimals: 4),
                           .number(total > 0 ? effect.consumerWeights[j] / total * 100 : 0, decimals: 2)])
        }
        result.append([.text("consumer prices (household basket)"), .number(effect.consumerPriceChange * 100, decimals: 4), .number(100, decimals: 2)])
        result.notes.append("fixed coefficients, full pass-through, unchanged import prices (Miller & Blair 2009, §2.6)")
        return result
    }

    public static func extraction(_ results: [ExtractionResult]) -> ResultTable {
        var result = ResultTable(
            id: "extraction", title: "Hypothetical extraction: total output lost (% of total output)",
            columns: [.init("sector", "Sector"), .init("complete_pct", "Complete %"), .init("backward_pct", "Backward %"),
                      .init("forward_pct", "Forward %"), .init("complete", "Complete"), .init("backward", "Backward"), .init("forward", "Forward")])
        for r in results {
            result.append([.text(r.sector), .number(r.completeShare * 100, decimals: 3), .number(r.backwardShare * 100, decimals: 3),
                           .number(r.forwardShare * 100, decimals: 3), .number(r.completeLoss, decimals: 1),
                           .number(r.backwardLoss, decimals: 1), .number(r.forwardLoss, decimals: 1)])
        }
        result.notes.append("complete: sector removed; backward: it buys no inputs; forward: it sells no inputs (Miller & Lahr 2001)")
        return result
    }

    public static func coefficients(_ table: IOTable, _ a: Matrix, title: String, id: String) -> ResultTable {
        var result = ResultTable(id: id, title: title, columns: [.init("sector", "Sector")] + table.sectors.map { .init($0, $0) })
        for (i, sector) in table.sectors.enumerated() {
            result.append([.text(sector)] + (0..<table.sectorCount).map { .number(a[i, $0], decimals: 4) })
        }
        return result
    }
}

import LinearAlgebra
