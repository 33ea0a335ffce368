import Foundation
import Testing

/// Bad input of every kind gives one line on standard error, naming the file (with its line
/// and key) or the flag, and exit 1 (bad input) or 64 (bad command line); never a hang, a
/// NaN or an infinity.
@Suite("grdp bad input", .serialized)
struct BadInputTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Runs and checks the common shape: the status, nothing on standard output, exactly one
    /// line on standard error; returns that line.
    static func oneLine(_ arguments: [String], status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let outcome = try GRDPBinary.run(arguments)
        #expect(outcome.status == status, "\(arguments): \(outcome.standardError)", sourceLocation: sourceLocation)
        #expect(outcome.standardOutput.isEmpty, "\(arguments)", sourceLocation: sourceLocation)
        #expect(outcome.standardError.hasSuffix("\n") && outcome.standardError.filter { $0 == "\n" }.count == 1,
                "\(arguments): \(outcome.standardError)", sourceLocation: sourceLocation)
        return String(outcome.standardError.dropLast())
    }

    static let header = """
        [scenario]
        name = "bad"
        draws = 100
        dataset_assumptions = "central"

        """

    /// Each scenario, its expected `file:line: key: message` suffix (after the file name).
    static let scenarios: [(body: String, expected: String)] = [
        ("[levers.x]\nkind = \"growth\"\nassumption = \"t\"\nsector = \"industry\"\nshift = { dist = \"pert\", min = 0, mode = 1, max = 2, lambda = 1e300 }\n",
         ":9: levers.x.shift.lambda: lambda is 1e+300; it must be at most 10000 (a larger lambda is a point mass at the mode: use a constant)"),
        ("[levers.x]\nkind = \"growth\"\nassumption = \"t\"\nsector = \"industry\"\nshift = { dist = \"beta\", alpha = 2, beta = 1e300 }\n",
         ":9: levers.x.shift.beta: beta is 1e+300; alpha and beta must be at most 10000"),
        ("[levers.x]\nkind = \"growth\"\nassumption = \"t\"\nsector = \"industry\"\nshift = { dist = \"normal\", mean = 1, sd = 1e300 }\n",
         ":9: levers.x.shift: normal(mean: 1.0, sd: 1e+300) reaches 8.500000000000001e+300; values (for a normal: mean ± 8.5 sd) must stay within ±1e15 — check the units and the magnitudes"),
        ("[levers.x]\nkind = \"demand\"\ncategory = \"visitors\"\nassumption = \"t\"\nsectors = { tourism = 1.0 }\namount = 1e308\n",
         ":10: levers.x.amount: the value is 1e+308; values (for a normal: mean ± 8.5 sd) must stay within ±1e15 — check the units and the magnitudes"),
        ("target = 1e308\n", ":5: scenario.target: the target is 1e+308%; give a GRDP growth target between -100 and 1000 (%)"),
        ("actual_quarters = [7.0, 1e308]\n", ":5: scenario.actual_quarters[1]: Q2 growth is 1e+308%; published quarterly growth lies between -100 and 1000 (%)"),
        ("year = 2030\n", ":5: scenario.year: dataset \"hanoi-2024\" has base year 2024 and is for 2025, not 2030; set year = 2025, or give accounts for 2030 with accounts = \"FILE.csv\""),
        ("year = 2026\n", ":5: scenario.year: dataset \"hanoi-2024\" has base year 2024 and is for 2025, not 2026; set year = 2025 or dataset = \"hanoi-2025\", or give accounts for 2026 with accounts = \"FILE.csv\""),
        ("[levers.x]\nkind = \"local_sourcing\"\nassumption = \"t\"\nsupplier = \"agriculture\"\nincrease = -0.5\n",
         ":9: levers.x.increase: the increase -0.5 can be negative; local sourcing only raises the coefficients: give values ≥ 0 (a normal needs mean ≥ 0; its negative draws count as no change)"),
        ("[levers.x]\nkind = \"local_sourcing\"\nassumption = \"t\"\nsupplier = \"agriculture\"\nincrease = { dist = \"uniform\", min = -0.1, max = 0.1 }\n",
         ":9: levers.x.increase: the increase uniform(-0.1, 0.1) can be negative"),
        ("[levers.x]\nkind = \"local_sourcing\"\nassumption = \"t\"\nsupplier = \"agriculture\"\nincrease = 50\n",
         ":9: levers.x.increase: the increase 50.0 reaches 50.0; it is a relative increase of the input coefficients (0.05 = +5%) and may be at most 1.0 (+100%, local purchases doubled): write e.g. 0.5 for +50%"),
        ("[levers.x]\nkind = \"local_sourcing\"\nassumption = \"t\"\nsupplier = \"agriculture\"\nincrease = { dist = \"normal\", mean = 2, sd = 0.1 }\n",
         ":9: levers.x.increase: the increase normal(mean: 2.0, sd: 0.1) reaches"),
        ("[levers.x]\nkind = \"cost_shock\"\nassumption = \"t\"\nsector = \"electricity\"\nprice_change = -150\n",
         ":9: levers.x.price_change: the price change -150.0 reaches below -100%, a negative price; give changes ≥ -100 (for a normal: mean − 8.5 sd ≥ -100)"),
    ]

    /// `validate` and `run` both reject them (run would otherwise hang on the lambda, or
    /// print NaN); the message is the scenario's `file:line: key: …`.
    @Test("Unusable scenario values are located errors", arguments: 0..<scenarios.count)
    func scenarioBounds(index: Int) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.toml")
        // Lines 1–4 are the header; the body starts at line 5 (a [scenario] key, or [levers.x]).
        let text = Self.header + Self.scenarios[index].body
        try text.write(to: file, atomically: true, encoding: .utf8)
        for command in ["validate", "run"] {
            let line = try Self.oneLine([command, file.path], status: 1)
            #expect(line.hasPrefix("grdp: error: \(file.path)\(Self.scenarios[index].expected)"), "\(command): \(line)")
        }
    }

    @Test("Values the table or accounts reject name the flag, exit 1", arguments: [
        (["io", "--impact", "mining=5"], "grdp: error: --impact: unknown sector 'mining'; known sectors: "),
        (["io", "--price-shock", "mining=5"], "grdp: error: --price-shock: unknown sector 'mining'; known sectors: "),
        (["contrib", "--demand-growth", "tourists=5"], "grdp: error: --demand-growth: unknown category 'tourists'; categories are "),
        (["quarterly", "--actual", "Q1=7", "--weights", "Q1=0.5,Q2=0.5,Q3=0,Q4=0"], "grdp: error: --weights: quarterly weights [0.5, 0.5, 0.0, 0.0] are invalid"),
        (["io", "--disaggregate", "mining=a:1;b:1"], "grdp: error: --disaggregate: unknown sector 'mining'"),
    ])
    func commandLineValues(arguments: [String], expected: String) throws {
        let line = try Self.oneLine(arguments, status: 1)
        #expect(line.hasPrefix(expected), "\(line)")
    }

    /// `name=value` options are parsed by ArgumentParser: bad syntax, a value out of the
    /// option's range or a name given twice is a usage error naming the flag.
    @Test("Malformed, out-of-range and duplicate name=value options exit 64 naming the flag", arguments: [
        (["io", "--impact", "industry=1e308"], "grdp: error: The value 'industry=1e308' is invalid for '--impact <impact>': 1e308 for 'industry' is out of range; give a value between -1e+15 and 1e+15 (see grdp io --help)"),
        (["io", "--impact", "industry"], "grdp: error: The value 'industry' is invalid for '--impact <impact>': 'industry' is not of the form name=value; write e.g. --impact industry=100,trade=50 (see grdp io --help)"),
        (["io", "--impact", "industry=abc"], "grdp: error: The value 'industry=abc' is invalid for '--impact <impact>': 'abc' for 'industry' is not a number (see grdp io --help)"),
        (["io", "--price-shock", "electricity=1e308"], "grdp: error: The value 'electricity=1e308' is invalid for '--price-shock <price-shock>': 1e308 for 'electricity' is out of range; give a value between -100 and 1000 (see grdp io --help)"),
        (["io", "--price-shock", "electricity=-150"], "grdp: error: The value 'electricity=-150' is invalid for '--price-shock <price-shock>': -150 for 'electricity' is out of range; give a value between -100 and 1000 (see grdp io --help)"),
        (["io", "--impact", "industry=1,industry=2"], "grdp: error: The value 'industry=1,industry=2' is invalid for '--impact <impact>': 'industry' is given twice; give each name once (see grdp io --help)"),
        (["io", "--price-shock", "electricity=5,electricity=7"], "grdp: error: The value 'electricity=5,electricity=7' is invalid for '--price-shock <price-shock>': 'electricity' is given twice; give each name once (see grdp io --help)"),
        (["io", "--disaggregate", "services"], "grdp: error: The value 'services' is invalid for '--disaggregate <disaggregate>': write sector=part:weight;part:weight, e.g. services=trade:0.3;other:0.7 (see grdp io --help)"),
        (["io", "--disaggregate", "services=trade"], "grdp: error: The value 'services=trade' is invalid for '--disaggregate <disaggregate>': 'trade' is not part:weight; write e.g. services=trade:0.3;other:0.7 (see grdp io --help)"),
        (["contrib", "--demand-growth", "households=1e308"], "grdp: error: The value 'households=1e308' is invalid for '--demand-growth <demand-growth>': 1e308 for 'households' is out of range; give a value between -100 and 1000 (see grdp contrib --help)"),
        (["quarterly", "--actual", "Q1=1e308"], "grdp: error: The value 'Q1=1e308' is invalid for '--actual <actual>': 1e308 for 'Q1' is out of range; give a value between -100 and 1000 (see grdp quarterly --help)"),
        (["quarterly", "--actual", "Q2=7"], "grdp: error: The value 'Q2=7' is invalid for '--actual <actual>': expected Q1 in position 1, got 'Q2'; list quarters in order from Q1 (see grdp quarterly --help)"),
        (["quarterly", "--weights", "Q1=0.5,Q2=0.5"], "grdp: error: The value 'Q1=0.5,Q2=0.5' is invalid for '--weights <weights>': give all four quarters, e.g. --weights Q1=0.22,Q2=0.24,Q3=0.25,Q4=0.29 (see grdp quarterly --help)"),
        (["run", "--actual", "Q1=7.4,Q3=8"], "grdp: error: The value 'Q1=7.4,Q3=8' is invalid for '--actual <actual>': expected Q2, got 'Q3'; list the GRDP's quarters in order from Q1 (see grdp run --help)"),
        (["run", "--actual", "tourism.Q1=8"], "grdp: error: The value 'tourism.Q1=8' is invalid for '--actual <actual>': 'tourism.Q1' is neither Qn nor AGGREGATE.Qn; the aggregates are agriculture_forestry_fishery, industry_construction, services, product_taxes_less_subsidies (see grdp run --help)"),
        (["run", "--actual", "Q1=abc"], "grdp: error: The value 'Q1=abc' is invalid for '--actual <actual>': 'abc' for 'Q1' is not a growth rate in % between -100 and 100 (see grdp run --help)"),
    ])
    func nameValueSyntax(arguments: [String], expected: String) throws {
        let line = try Self.oneLine(arguments, status: 64)
        #expect(line == expected)
    }

    @Test("Usage errors are one line with the help hint, exit 64", arguments: [
        (["run", "--draws"], "grdp: error: Missing value for '--draws <draws>' (see grdp run --help)"),
        (["run", "--draws", "-5"], "grdp: error: --draws must be between 1 and "),
        (["run", "--draws=-5"], "grdp: error: --draws must be between 1 and "),
        (["run", "--threads", "-2"], "grdp: error: --threads must be at least 1 (see grdp run --help)"),
        (["run", "--seed", "-1"], "grdp: error: The value '-1' is invalid for '--seed <seed>': --seed must be a whole number from 0 to 9223372036854775807 (zero or positive), got '-1' (see grdp run --help)"),
        (["io", "--tolerance", "-1"], "grdp: error: --tolerance must be in (0, 1) (see grdp io --help)"),
        (["contrib", "--target", "1e308"], "grdp: error: --target must be a growth rate between -100 and 1000 (%), got 1e+308 (see grdp contrib --help)"),
        (["io", "--no-such-flag"], "grdp: error: Unknown option '--no-such-flag' (see grdp io --help)"),
        (["run", "--keep-draws", "same.csv", "-o", "same.csv"], "grdp: error: --keep-draws and --output name the same file 'same.csv'; give two different files (see grdp run --help)"),
        (["io", "--write", "same.csv", "--output", "./same.csv"], "grdp: error: --write and --output name the same file './same.csv'; give two different files (see grdp io --help)"),
        (["rnu"], "grdp: error: unknown command 'rnu'; did you mean 'run'? (see grdp --help)"),
        (["contirb", "--actual"], "grdp: error: unknown command 'contirb'; did you mean 'contrib'? (see grdp --help)"),
    ])
    func usage(arguments: [String], expected: String) throws {
        let line = try Self.oneLine(arguments, status: 64)
        #expect(line.hasPrefix(expected), "\(line)")
    }

    @Test("help, --help and --version still print their text and exit 0")
    func helpStillWorks() throws {
        for arguments in [["help"], ["help", "io"], ["run", "--help"], ["--version"]] {
            let outcome = try GRDPBinary.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
            #expect(!outcome.standardOutput.isEmpty, "\(arguments)")
        }
    }

    @Test("A directory or a device as input is a clear error")
    func directoryAndDevice() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try Self.oneLine(["io", directory.path], status: 1)
        #expect(folder == "grdp: error: \(directory.path): is a directory, not a file (table); give the path of a file inside it")
        let device = try Self.oneLine(["run", "/dev/zero"], status: 1)
        #expect(device == "grdp: error: /dev/zero: is not a regular file (scenario: a device, FIFO or socket); give the path of a file")
        let accounts = try Self.oneLine(["contrib", "--accounts", directory.path], status: 1)
        #expect(accounts.hasPrefix("grdp: error: \(directory.path): is a directory, not a file (--accounts)"))
        // Files named inside a scenario are read by the loaders, which refuse them the same way.
        let scenario = directory.appendingPathComponent("s.toml")
        try "[scenario]\nname = \"x\"\naccounts = \"\(directory.path)\"\n".write(to: scenario, atomically: true, encoding: .utf8)
        let folderAccounts = try Self.oneLine(["validate", scenario.path], status: 1)
        #expect(folderAccounts == "grdp: error: \(directory.path): cannot read the accounts file (it is a directory, not a file); check the path and permissions")
        try "[scenario]\nname = \"x\"\ntable = \"/dev/zero\"\n".write(to: scenario, atomically: true, encoding: .utf8)
        let deviceTable = try Self.oneLine(["validate", scenario.path], status: 1)
        #expect(deviceTable == "grdp: error: /dev/zero: cannot read the file (it is not a regular file but a device, FIFO or socket); check the path and permissions")
    }

    /// `-o` naming the input (or a link to it) would replace the input with the report.
    @Test("-o refuses to replace the file the report is computed from")
    func outputIsInput() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = directory.appendingPathComponent("table.csv").path
        let text = "sector,a,b,households,total\na,1,2,3,6\nb,1,2,3,6\ncompensation,4,2,,\noutput,6,6,,\n"
        try text.write(toFile: table, atomically: true, encoding: .utf8)
        let link = directory.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: table)
        let line = try Self.oneLine(["io", link, "--multipliers", "-o", table], status: 1)
        #expect(line == "grdp: error: -o \(table): is the table this report is computed from (\(link)); write the report to another file")
        #expect(try String(contentsOfFile: table, encoding: .utf8) == text)
    }

    @Test("Line breaks in user text are escaped: the error stays one line")
    func lineBreaks() throws {
        let line = try Self.oneLine(["io", "--impact", "mi\nning=5"], status: 1)
        #expect(line.hasPrefix("grdp: error: --impact: unknown sector 'mi\\nning'"), "\(line)")
    }

    @Test("IO-table errors name the file; overflowing totals fail the balance check")
    func tableErrorsNameTheFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let overflow = directory.appendingPathComponent("overflow.csv")
        try "sector,a,b,households,total\na,1e308,1e308,1,1e308\nb,1,1,2,4\nvalue_added,1,2,,\n".write(to: overflow, atomically: true, encoding: .utf8)
        for extra in [[], ["--accept-imbalance"]] {
            let line = try Self.oneLine(["io", overflow.path] + extra, status: 1)
            #expect(line == "grdp: error: \(overflow.path): the row total of sector 'a' is not a finite number (its entries overflow double precision); express the table in larger units (e.g. billions) so that every sum stays below 1e300")
        }
        let negative = directory.appendingPathComponent("negative.csv")
        try "sector,a,b,households,total\na,-10,20,90,100\nb,10,20,170,200\nvalue_added,100,160,,\n".write(to: negative, atomically: true, encoding: .utf8)
        let flow = try Self.oneLine(["io", negative.path], status: 1)
        #expect(flow.hasPrefix("grdp: error: \(negative.path): negative intermediate flow -10.0 from 'a' to 'a'"), "\(flow)")
        let unbalanced = directory.appendingPathComponent("unbalanced.csv")
        try "sector,a,b,households,total\na,10,20,90,100\nb,10,20,170,200\nvalue_added,80,160,,\n".write(to: unbalanced, atomically: true, encoding: .utf8)
        let balance = try Self.oneLine(["io", unbalanced.path], status: 1)
        #expect(balance.hasPrefix("grdp: error: \(unbalanced.path): row (supply = use) balance fails"), "\(balance)")
    }

    @Test("Accounts values out of range are located errors")
    func accountsBounds() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let huge = directory.appendingPathComponent("huge.csv")
        try "# region: X\n# grdp_target: 8\nsector,group,base_value,target,growth\na,g,1e308,5,4\nb,g,1e308,5,3\n".write(to: huge, atomically: true, encoding: .utf8)
        let base = try Self.oneLine(["contrib", "--accounts", huge.path], status: 1)
        #expect(base == "grdp: error: \(huge.path):4:3: 'base_value' of sector 'a' is 1e+308; base values must be at most 1e300 (their sum must stay finite); express them in larger units")
        let growth = directory.appendingPathComponent("growth.csv")
        try "# region: X\n# grdp_target: 8\nsector,group,base_value,target,growth\na,g,1,5,1e308\nb,g,1,5,3\n".write(to: growth, atomically: true, encoding: .utf8)
        let rate = try Self.oneLine(["contrib", "--accounts", growth.path, "--actual"], status: 1)
        #expect(rate == "grdp: error: \(growth.path):4:5: 'growth' of sector 'a' is 1e+308; growth rates in % must lie between -100 and 1000")
    }

    /// docs/io-table-format.md lists `other` among the final-demand columns. Miller & Blair's
    /// 2×2 table (§2.3) with its final demand split into households and other: splitting a
    /// final-demand column changes neither A nor L, so the multiplier table must be
    /// byte-identical to that of the unsplit table (exact comparison).
    @Test("The 'other' final-demand column is accepted")
    func otherFinalDemand() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let split = directory.appendingPathComponent("other.csv")
        try "sector,a,b,households,other,total\na,150,500,300,50,1000\nb,200,100,1000,700,2000\nvalue_added,650,1400,,,\n".write(to: split, atomically: true, encoding: .utf8)
        let whole = directory.appendingPathComponent("whole.csv")
        try "sector,a,b,households,total\na,150,500,350,1000\nb,200,100,1700,2000\nvalue_added,650,1400,,\n".write(to: whole, atomically: true, encoding: .utf8)
        let withOther = try GRDPBinary.run(["io", split.path, "--multipliers", "--format", "csv"])
        #expect(withOther.status == 0, "\(withOther.standardError)")
        let without = try GRDPBinary.run(["io", whole.path, "--multipliers", "--format", "csv"])
        #expect(without.status == 0, "\(without.standardError)")
        let tables = { (text: String) in text.components(separatedBy: "# Multipliers").last ?? "" }
        #expect(!tables(withOther.standardOutput).isEmpty && tables(withOther.standardOutput) == tables(without.standardOutput))
    }
}
