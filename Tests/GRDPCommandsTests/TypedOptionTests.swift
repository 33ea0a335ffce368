import Foundation
import Testing
@testable import GRDPCommands

/// Options typed as enums are parsed by ArgumentParser: a bad value exits 64 with one line that
/// names the flag and the accepted values.
@Suite("Typed option values", .serialized)
struct TypedOptionTests {
    @Test("A bad --sampling or --lq-method exits 64 naming the flag and its values", arguments: [
        (["run", "--sampling", "sobol", "--draws", "10"], "--sampling", "latin-hypercube"),
        (["io", "docs/examples/miller_blair_2x2.csv", "--lq-method", "xlq"], "--lq-method", "aflq"),
    ])
    func badValue(_ arguments: [String], flag: String, accepted: String) throws {
        let line = try BadInputTests.oneLine(arguments, status: 64)
        #expect(line.hasPrefix("grdp: error: "), "\(line)")
        #expect(line.contains(flag), "\(line)")
        #expect(line.contains(accepted), "\(line)")
    }
}

/// `compare --thresholds` and `goal-seek --scale` are comma lists parsed by ArgumentParser: bad
/// text exits 64 with one line naming the flag.
@Suite("Comma-list option values", .serialized)
struct CommaListOptionTests {
    @Test("A malformed --thresholds or --scale exits 64 naming the flag", arguments: [
        (["compare", "scenarios/tourism.toml", "--thresholds", "6,x"], "--thresholds", "'x' is not a number"),
        (["compare", "scenarios/tourism.toml", "--thresholds", "6,,8"], "--thresholds", "item 2 is empty"),
        (["compare", "scenarios/tourism.toml", "--thresholds", "8,8"], "--thresholds", "'8' is given twice"),
        (["compare", "scenarios/tourism.toml", "--thresholds", "5000"], "--thresholds", "outside -100 … 1000"),
        (["goal-seek", "--scale", "public_investment,"], "--scale", "item 2 is empty"),
        (["goal-seek", "--scale", "public investment"], "--scale", "is not a lever id"),
    ])
    func badList(_ arguments: [String], flag: String, message: String) throws {
        let line = try BadInputTests.oneLine(arguments, status: 64)
        #expect(line.hasPrefix("grdp: error: "), "\(line)")
        #expect(line.contains(flag), "\(line)")
        #expect(line.contains(message), "\(line)")
    }

    @Test("The lists' values: numbers in order; ids trimmed")
    func parsed() throws {
        #expect(try CommaList.thresholds("6, 7.5,8") == [6, 7.5, 8])
        #expect(try CommaList.leverIDs("public_investment, levers.tourism_visitors.amount") == ["public_investment", "levers.tourism_visitors.amount"])
    }
}
