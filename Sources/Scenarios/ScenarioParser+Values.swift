import Sampling
import TOML

/// Typed reading of TOML values: each function checks the type and throws a
/// `ScenarioError` at the value's key path when it is wrong.
extension ScenarioParser {
    /// A `source = "…"` or `assumption = "…"` text.
    struct Reference: Equatable {
        let text: String
        let isAssumption: Bool
    }

    func table(_ value: TOMLValue, at path: String, expected: String = "a table") throws(ScenarioError) -> TOMLTable {
        guard let table = value.table else { throw wrongType(value, at: path, expected: expected) }
        return table
    }

    func string(_ value: TOMLValue, at path: String) throws(ScenarioError) -> String {
        guard let text = value.string else { throw wrongType(value, at: path, expected: "a string") }
        return text
    }

    func nonEmptyString(_ value: TOMLValue, at path: String) throws(ScenarioError) -> String {
        let text = try string(value, at: path)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw error(path, "the text is empty; write it out")
        }
        return text
    }

    /// An integer or a float, finite.
    func number(_ value: TOMLValue, at path: String) throws(ScenarioError) -> Double {
        let number: Double
        switch value {
        case let .integer(integer): number = Double(integer)
        case let .float(float): number = float
        default: throw wrongType(value, at: path, expected: "a number")
        }
        guard number.isFinite else { throw error(path, "the value is \(number); give a finite number") }
        return number
    }

    /// An integer literal (a float such as `1e5` or `100000.0` is rejected, not rounded).
    func integer(_ value: TOMLValue, at path: String) throws(ScenarioError) -> Int {
        guard let integer = value.integer else {
            if let float = value.float {
                throw error(path, "expected an integer, found the float \(float); write it without a decimal point or exponent (e.g. 100000 or 100_000)")
            }
            throw wrongType(value, at: path, expected: "an integer")
        }
        return Int(integer)
    }

    func numbers(_ value: TOMLValue, at path: String) throws(ScenarioError) -> [Double] {
        guard let array = value.array else {
            throw wrongType(value, at: path, expected: "an array of numbers, e.g. [0.25, 0.25, 0.25, 0.25]")
        }
        var result: [Double] = []
        for index in 0..<array.count {
            result.append(try number(array[index], at: "\(path)[\(index)]"))
        }
        return result
    }

    func strings(_ value: TOMLValue, at path: String) throws(ScenarioError) -> [String] {
        guard let array = value.array else {
            throw wrongType(value, at: path, expected: "an array of strings, e.g. [\"trade\", \"tourism\"]")
        }
        var result: [String] = []
        for index in 0..<array.count {
            result.append(try nonEmptyString(array[index], at: "\(path)[\(index)]"))
        }
        return result
    }

    /// A string that must be one of an enumeration's raw values.
    func keyword<Keyword: RawRepresentable & CaseIterable>(
        _ value: TOMLValue, at path: String, as type: Keyword.Type
    ) throws(ScenarioError) -> Keyword where Keyword.RawValue == String {
        let text = try string(value, at: path)
        guard let keyword = Keyword(rawValue: text) else {
            let allowed = Keyword.allCases.map(\.rawValue)
            throw error(path, "unknown value \"\(text)\"; use \(Self.quotedList(allowed, last: "or"))")
        }
        return keyword
    }

    /// `source` or `assumption` in `table`: exactly one.
    func requiredReference(in table: TOMLTable, at path: String) throws(ScenarioError) -> Reference {
        guard let reference = try reference(in: table, at: path) else {
            throw error(
                "\(path).source",
                "missing required key; add source = \"…\" (where the magnitude comes from) or assumption = \"…\" (stated as an assumption)")
        }
        return reference
    }

    /// `source` or `assumption` in `table`, if either is given (both is an error).
    func reference(in table: TOMLTable, at path: String) throws(ScenarioError) -> Reference? {
        let source = try table["source"].map { (value) throws(ScenarioError) in
            try nonEmptyString(value, at: "\(path).source")
        }
        let assumption = try table["assumption"].map { (value) throws(ScenarioError) in
            try nonEmptyString(value, at: "\(path).assumption")
        }
        switch (source, assumption) {
        case let (source?, nil): return Reference(text: source, isAssumption: false)
        case let (nil, assumption?): return Reference(text: assumption, isAssumption: true)
        case (.some, .some):
            throw error(
                "\(path).assumption",
                "both source and assumption are given; keep one: source for a published figure, assumption for a stated judgement")
        case (nil, nil):
            return nil
        }
    }

    func wrongType(_ value: TOMLValue, at path: String, expected: String) -> ScenarioError {
        error(path, "expected \(expected), found \(Self.describe(value)); \(Self.typeHint(value, expected: expected))")
    }

    static func describe(_ value: TOMLValue) -> String {
        switch value {
        case let .string(text): "the string \"\(text)\""
        case let .integer(integer): "the integer \(integer)"
        case let .float(float): "the float \(float)"
        case let .boolean(flag): "the boolean \(flag)"
        case .table: "a table"
        case .array: "an array"
        case .dateTime: "a date or time"
        }
    }

    static func typeHint(_ value: TOMLValue, expected: String) -> String {
        if value.string != nil, expected.contains("number") || expected.contains("integer") {
            return "remove the quotes"
        }
        if expected.hasPrefix("a string") { return "put the text in quotes" }
        return "see docs/scenario-format.md for what this key takes"
    }

    // MARK: Uncertain values

    /// The parameter keys of each `dist` (besides `dist`, `source`, `assumption`).
    static let distributionKeys: [String: [String]] = [
        "constant": ["value"],
        "normal": ["mean", "sd"],
        "lognormal": ["mu", "sigma", "mean", "sd"],
        "uniform": ["min", "max"],
        "triangular": ["min", "mode", "max"],
        "pert": ["min", "mode", "max", "lambda"],
        "beta": ["alpha", "beta", "min", "max"],
        "discrete": ["values", "probabilities"],
    ]
    static let distributionNames = ["normal", "lognormal", "uniform", "triangular", "pert", "beta", "discrete", "constant"]

    /// A plain number (a constant) or `{ dist = "…", parameters…, source/assumption }`.
    /// Parameter checks are `Distribution`'s; its `SamplingError` is reported at the key of
    /// the offending parameter (`…amount.sd`).
    func uncertainValue(_ value: TOMLValue, at path: String) throws(ScenarioError) -> (value: UncertainValue, reference: Reference?) {
        // MARK: A plain number, or a table naming its distribution
        if value.integer != nil || value.float != nil {
            return (.constant(try number(value, at: path)), nil)
        }
        guard let table = value.table else {
            throw wrongType(value, at: path, expected: "a number or a distribution such as { dist = \"normal\", mean = 1.0, sd = 0.5 }")
        }
        guard let distValue = table["dist"] else {
            throw error(
                "\(path).dist",
                "missing required key; add dist = \(Self.quotedList(Self.distributionNames, last: "or")) with its parameters, or give a plain number")
        }
        let dist = try string(distValue, at: "\(path).dist")
        guard let parameterKeys = Self.distributionKeys[dist] else {
            throw error("\(path).dist", "unknown distribution \"\(dist)\"; use \(Self.quotedList(Self.distributionNames, last: "or"))")
        }
        try checkKeys(table, at: path, allowed: ["dist"] + parameterKeys + ["source", "assumption"], context: "in a \(dist) distribution")
        let reference = try reference(in: table, at: path)

        // MARK: The distribution's parameters
        func parameter(_ key: String) throws(ScenarioError) -> Double? {
            try table[key].map { (value) throws(ScenarioError) in try number(value, at: "\(path).\(key)") }
        }
        func required(_ key: String) throws(ScenarioError) -> Double {
            guard let value = try parameter(key) else {
                throw error("\(path).\(key)", "missing required key; a \(dist) distribution needs \(Self.requiredKeys(dist).joined(separator: ", "))")
            }
            return value
        }

        // MARK: One family per distribution name
        let family: Distribution.Family
        switch dist {
        case "constant":
            return (.constant(try required("value")), reference)
        case "normal":
            family = .normal(mean: try required("mean"), standardDeviation: try required("sd"))
        case "lognormal":
            let byLog = table.contains(key: "mu") || table.contains(key: "sigma")
            let byMoments = table.contains(key: "mean") || table.contains(key: "sd")
            if byLog && byMoments {
                throw error(
                    "\(path).\(table.contains(key: "mean") ? "mean" : "sd")",
                    "give either mu and sigma (of log X) or mean and sd (of X), not both")
            }
            if byLog {
                family = .lognormal(logMean: try required("mu"), logStandardDeviation: try required("sigma"))
            } else {
                let mean = try required("mean"), sd = try required("sd")
                do throws(SamplingError) {
                    return (.distribution(try Distribution.lognormal(mean: mean, standardDeviation: sd)), reference)
                } catch {
                    throw samplingError(error, at: path)
                }
            }
        case "uniform":
            family = .uniform(lower: try required("min"), upper: try required("max"))
        case "triangular":
            family = .triangular(lower: try required("min"), mode: try required("mode"), upper: try required("max"))
        case "pert":
            family = .pert(
                lower: try required("min"), mode: try required("mode"), upper: try required("max"),
                shape: try parameter("lambda") ?? 4)
        case "beta":
            family = .beta(
                alpha: try required("alpha"), beta: try required("beta"),
                lower: try parameter("min") ?? 0, upper: try parameter("max") ?? 1)
        default:  // "discrete"
            guard let values = table["values"] else {
                throw error("\(path).values", "missing required key; a discrete distribution needs values and probabilities")
            }
            guard let probabilities = table["probabilities"] else {
                throw error("\(path).probabilities", "missing required key; a discrete distribution needs values and probabilities")
            }
            family = .discrete(
                values: try numbers(values, at: "\(path).values"),
                probabilities: try numbers(probabilities, at: "\(path).probabilities"))
        }
        // MARK: The family checked and built
        do throws(SamplingError) {
            return (.distribution(try Distribution(family)), reference)
        } catch {
            throw samplingError(error, at: path)
        }
    }

    static func requiredKeys(_ dist: String) -> [String] {
        switch dist {
        case "lognormal": ["mu and sigma", "or mean and sd"]
        case "pert": ["min", "mode", "max (lambda optional)"]
        case "beta": ["alpha", "beta (min and max optional)"]
        default: distributionKeys[dist] ?? []
        }
    }

    /// `Distribution`'s error at the key of the parameter it concerns.
    func samplingError(_ error: SamplingError, at path: String) -> ScenarioError {
        let key = Self.parameterKey(for: error)
        return self.error(key.isEmpty ? path : "\(path).\(key)", error.description)
    }

    /// The TOML key of the parameter that `Distribution` names in `error`.
    static func parameterKey(for error: SamplingError) -> String {
        let names = [
            "value": "value", "mean": "mean", "standard deviation": "sd", "log mean": "mu",
            "log standard deviation": "sigma", "lower": "min", "upper": "max", "upper − lower": "max",
            "mode": "mode", "shape": "lambda", "alpha": "alpha", "beta": "beta", "values": "values",
            "probabilities": "probabilities",
        ]
        func key(_ name: String) -> String {
            if name.hasPrefix("value ") { return "values" }
            if name.hasPrefix("probability ") { return "probabilities" }
            return names[name] ?? ""
        }
        switch error {
        case let .nonFiniteParameter(name, _), let .negativeParameter(name, _), let .nonPositiveParameter(name, _),
             let .parameterOutOfRange(name, _, _), let .emptyList(name), let .lengthMismatch(name, _, _):
            return key(name)
        case .boundsReversed: return "min"
        case .modeOutsideBounds: return "mode"
        case .negativeProbability, .probabilitiesDoNotSumToOne: return "probabilities"
        default: return ""
        }
    }
}
