import Exploration

/// Reports of `grdp discover`.
public enum DiscoveryReports {
    public static func report(_ result: DiscoveryResult, title: String, source: String) -> Report {
        let chosen = result.trajectory[result.chosen]
        let headline: [(key: String, value: Cell)] = [
            ("Method", .text("PRIM peeling (Friedman & Fisher 1999), α = 0.05, minimum mass 0.05, no pasting")),
            ("Event", .text("GRDP growth ≥ \(fmt(result.threshold))%")),
            ("Draws", .text("\(result.draws) (\(source))")),
            ("Share of draws in the event", .number(result.trajectory[0].density, decimals: 4)),
            ("Chosen box", .text("step \(result.chosen): coverage \(fmt(chosen.coverage, 3)), density \(fmt(chosen.density, 3)), mass \(fmt(chosen.mass, 3))")),
        ]
        var trajectory = ResultTable(
            id: "prim_trajectory", title: "Peeling trajectory",
            columns: [.init("step", "Step"), .init("coverage", "Coverage"), .init("density", "Density"), .init("mass", "Mass"),
                      .init("restricted_inputs", "Inputs restricted")])
        for (i, box) in result.trajectory.enumerated() {
            trajectory.append([.number(Double(i), decimals: 0), .number(box.coverage, decimals: 3), .number(box.density, decimals: 3),
                               .number(box.mass, decimals: 3), .number(Double(box.restrictions.count), decimals: 0)])
        }
        trajectory.notes.append("coverage: share of the event's draws inside the box; density: share of the box's draws in the event; mass: share of all draws in the box")
        var box = ResultTable(
            id: "prim_box", title: "The chosen box: what reaching the event looks like (inputs in their own units)",
            columns: [.init("input", "Input"), .init("lower", "At least"), .init("upper", "At most"),
                      .init("sampled_min", "Sampled min"), .init("sampled_max", "Sampled max")])
        for r in chosen.restrictions {
            box.append([.text(result.inputs[r.input]), .value(r.lower, 3), .value(r.upper, 3),
                        .number(result.minimum[r.input], decimals: 3), .number(result.maximum[r.input], decimals: 3)])
        }
        box.notes.append("the box keeps the draws with every listed input inside its bounds; inputs not listed are unrestricted")
        return Report(title: "Scenario discovery: \(title)", headline: headline, tables: [trajectory, box])
    }
}

private func fmt(_ value: Double?, _ decimals: Int = 2) -> String { SimulationReports.fmt(value, decimals) }
