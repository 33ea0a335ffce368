import LinearAlgebra
import Sampling

extension Scenario {
    /// Checks the scenario against the dataset it will run on, in this order:
    /// 1. every `[baseline]` entry names an accounts line;
    /// 2. every sector a lever names (demand `sectors`, growth and cost-shock `sector`,
    ///    local-sourcing `supplier` and `buyers`) is a sector of the IO table;
    /// 3. every `correlation.parameters` id is an uncertain parameter of the scenario
    ///    (`uncertainParameters`) or `assumptions.ID` with ID a dataset assumption (and
    ///    `dataset_assumptions = "sample"`); constants cannot be correlated;
    /// 4. the correlation matrix is symmetric with a unit diagonal, entries in [−1, 1], and
    ///    positive definite (Cholesky, through `GaussianCopula`).
    ///
    /// - Parameters:
    ///   - sectors: the IO table's sector ids.
    ///   - accountsLines: the GRDP accounts' line names (sectors and `product_taxes`).
    ///   - assumptionIDs: the dataset's assumption ids (as in `assumptions.ID`).
    /// - Returns: the Gaussian copula of `[correlation]` (nil without one), factored once
    ///   here for the caller to use.
    /// - Throws: `ScenarioError` at the offending key; unknown names list the known ones.
    /// - Complexity: O(levers · sectors + k³) for k correlated parameters.
    @discardableResult
    public func validate(sectors: [String], accountsLines: [String], assumptionIDs: [String]) throws(ScenarioError) -> GaussianCopula? {
        for entry in baseline where !accountsLines.contains(entry.accountsLine) {
            throw error(
                at: TOMLKeyLocator.path("baseline", entry.accountsLine),
                "unknown accounts line \"\(entry.accountsLine)\"; the accounts' lines are: \(accountsLines.joined(separator: ", "))")
        }
        for lever in levers {
            let path = TOMLKeyLocator.path("levers", lever.id)
            func check(_ sector: String, at key: String) throws(ScenarioError) {
                guard sectors.contains(sector) else {
                    throw error(at: key, "unknown sector \"\(sector)\"; the dataset's sectors are: \(sectors.joined(separator: ", "))")
                }
            }
            switch lever.kind {
            case let .demand(_, weights, _, _):
                for (sector, _) in weights { try check(sector, at: TOMLKeyLocator.path("\(path).sectors", sector)) }
            case let .growth(sector, _):
                try check(sector, at: "\(path).sector")
            case let .localSourcing(supplier, buyers, _):
                try check(supplier, at: "\(path).supplier")
                for (index, buyer) in (buyers ?? []).enumerated() { try check(buyer, at: "\(path).buyers[\(index)]") }
            case let .costShock(sector, _):
                try check(sector, at: "\(path).sector")
            }
        }
        guard correlation != nil else { return nil }
        try validateCorrelationParameters(assumptionIDs: assumptionIDs)
        return try correlationCopula()
    }

    /// The prefix of correlation ids that name dataset assumptions.
    public static let assumptionPrefix = "assumptions."

    func validateCorrelationParameters(assumptionIDs: [String]) throws(ScenarioError) {
        guard let correlation else { return }
        let all = parameters
        for (index, id) in correlation.parameters.enumerated() {
            let key = "correlation.parameters[\(index)]"
            if id.hasPrefix(Self.assumptionPrefix) {
                let assumption = String(id.dropFirst(Self.assumptionPrefix.count))
                guard assumptionIDs.contains(assumption) else {
                    throw error(
                        at: key,
                        "unknown dataset assumption \"\(assumption)\"; the dataset's assumptions are: \(assumptionIDs.joined(separator: ", "))")
                }
                guard datasetAssumptions == .sample else {
                    throw error(
                        at: key,
                        "\(id) is held at its central value (dataset_assumptions = \"central\"), so it cannot be correlated; remove it or set dataset_assumptions = \"sample\"")
                }
            } else if let parameter = all.first(where: { $0.id == id }) {
                guard !parameter.value.isConstant else {
                    throw error(
                        at: key,
                        "\(id) is the constant \(parameter.value) (line \(parameter.line)); constants cannot be correlated — give it a distribution or remove it from parameters and the matrix")
                }
            } else if id == Self.taxElasticityParameterID {
                throw error(
                    at: key,
                    "baseline.tax_elasticity is the constant 1 (the default); constants cannot be correlated — give it a distribution in [baseline] or remove it")
            } else {
                let known = uncertainParameters.map(\.id) + ["assumptions.ID (a dataset assumption)"]
                throw error(at: key, "unknown parameter \"\(id)\"; the scenario's uncertain parameters are: \(known.joined(separator: ", "))")
            }
        }
    }

    /// The Gaussian copula of `[correlation]` (nil when there is none), after checking the
    /// matrix: symmetric within 1e-12, unit diagonal, entries in [−1, 1], positive definite.
    /// Entry errors are reported at the line of the matrix row; a matrix that is not
    /// positive definite at the line of `matrix`, naming the column (and its parameter)
    /// where the Cholesky factorisation fails.
    /// - Throws: `ScenarioError` at `correlation.matrix`.
    /// - Complexity: O(k³).
    public func correlationCopula() throws(ScenarioError) -> GaussianCopula? {
        guard let correlation else { return nil }
        let key = "correlation.matrix"
        let matrix: Matrix
        do {
            matrix = try Matrix(rows: correlation.matrix)
        } catch {
            throw self.error(at: key, "the matrix is not rectangular (\(error)); give one row and one column per parameter")
        }
        do throws(SamplingError) {
            return try GaussianCopula(correlation: matrix)
        } catch {
            func rowError(_ row: Int, _ detail: String = "") -> ScenarioError {
                ScenarioError(
                    file: path, line: line(of: "\(key)[\(row)]") ?? correlation.line, key: key,
                    message: error.description + detail)
            }
            func name(_ index: Int) -> String {
                index < correlation.parameters.count ? correlation.parameters[index] : "parameter \(index + 1)"
            }
            switch error {
            case let .correlationNonFinite(row, _, _), let .correlationOutOfRange(row, _, _):
                throw rowError(row)
            case let .correlationNotSymmetric(row, column, _, _):
                throw rowError(row, " (\(name(row)) and \(name(column)))")
            case let .correlationDiagonalNotOne(index, _):
                throw rowError(index, " (\(name(index)))")
            case let .correlationNotPositiveDefinite(column):
                throw ScenarioError(
                    file: path, line: correlation.line, key: key,
                    message: "the matrix is not positive definite: the Cholesky factorisation fails at column \(column + 1) (\(name(column))); its correlations with the parameters before it contradict one another — weaken them")
            default:
                throw ScenarioError(file: path, line: correlation.line, key: key, message: error.description)
            }
        }
    }
}
