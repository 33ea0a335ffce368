import InputOutput
import LinearAlgebra

/// The demand side of value added through the Leontief model: how much of each sector's
/// value added each final-demand category (households, government, investment, exports...)
/// induces — "which demand carries the economy".
///
///     VA_c = v̂ · L · f_c          (n-vector, one per category c)
///
/// where v = value added / output (coefficients), L = (I − A)⁻¹ and f_c is column c of
/// the final-demand block (Miller & Blair 2009, *Input-Output Analysis*, 2nd ed., §2.3 and
/// §6.2 on value-added effects). All categories are solved at once with the model's LU
/// factors (one multi-right-hand-side solve, no inverse).
///
/// Additivity: Σ_c f_c = f (all non-import columns), so Σ_c VA_c = v̂·L·f. When the table's
/// final demand has no imports column (a regional "domestic" table) and balances,
/// L·f = x and Σ_c VA_c = v̂·x = VA exactly. With a (competitive) imports column,
/// L·f ≠ x: the difference is v̂·L·f_imports, reported in `importsValueAdded`, and
/// `residualValueAdded` = VA − Σ_c VA_c shows the total left over (imports plus any
/// imbalance of the table).
///
/// Value added here is at basic prices (the table's value-added rows); product taxes less
/// subsidies, part of GRDP, are not in it.
public struct DemandContributions: Sendable, Equatable {
    public let sectors: [String]
    /// The final-demand categories analysed: every final-demand column except imports.
    public let categories: [FinalDemandColumn]
    /// VA_{i,c} = vᵢ (L f_c)ᵢ: sector i's value added induced by category c (n × m),
    /// in the table's units.
    public let valueAddedByCategory: Matrix
    /// The table's value added by sector, VAᵢ.
    public let sectorValueAdded: [Double]
    /// Σᵢ VA_{i,c}: each category's total induced value added.
    public let categoryValueAdded: [Double]
    /// Σᵢ VAᵢ of the table.
    public let totalValueAdded: Double
    /// v̂·L·f_imports by sector when the table has an imports column (negative), else nil.
    public let importsValueAdded: [Double]?
    /// VAᵢ − Σ_c VA_{i,c}: zero (to rounding) for a balanced table without an imports column.
    public let residualValueAdded: [Double]

    /// - Throws: `inputOutput` when the table has a sector without positive output or the
    ///   solve fails; `nonFiniteArgument` when the total value added is not positive.
    /// - Complexity: O(n²·m) given the model's LU factors.
    public init(model: LeontiefModel) throws(GrowthError) {
        let table = model.table
        let n = table.sectorCount
        let categoryIndices = table.finalDemandColumns.indices.filter { table.finalDemandColumns[$0].kind != .imports }
        let importIndices = table.finalDemandColumns.indices.filter { table.finalDemandColumns[$0].kind == .imports }
        let m = categoryIndices.count
        do throws(InputOutputError) {
            let v = try table.valueAddedCoefficients()
            // Right-hand sides: the m category columns, then (if any) the summed imports column.
            var demand = Matrix(rows: n, columns: m + (importIndices.isEmpty ? 0 : 1))
            for (k, c) in categoryIndices.enumerated() {
                for i in 0..<n { demand[i, k] = table.finalDemand[i, c] }
            }
            for c in importIndices {
                for i in 0..<n { demand[i, m] += table.finalDemand[i, c] }
            }
            var induced = demand
            if demand.columns > 0 { induced = try model.totalOutput(for: demand) }
            for k in 0..<induced.columns {
                for i in 0..<n { induced[i, k] *= v[i] }
            }
            var valueAdded = Matrix(rows: n, columns: m)
            for k in 0..<m {
                for i in 0..<n { valueAdded[i, k] = induced[i, k] }
            }
            let sectorValueAdded = table.valueAddedLevels
            self.sectors = table.sectors
            self.categories = categoryIndices.map { table.finalDemandColumns[$0] }
            self.valueAddedByCategory = valueAdded
            self.sectorValueAdded = sectorValueAdded
            self.categoryValueAdded = (0..<m).map { k in (0..<n).reduce(0) { $0 + valueAdded[$1, k] } }
            self.totalValueAdded = sectorValueAdded.reduce(0, +)
            self.importsValueAdded = importIndices.isEmpty ? nil : (0..<n).map { induced[$0, m] }
            self.residualValueAdded = (0..<n).map { i in
                sectorValueAdded[i] - (0..<m).reduce(0) { $0 + valueAdded[i, $1] }
            }
        } catch {
            throw .inputOutput(error)
        }
        guard totalValueAdded > 0, totalValueAdded.isFinite else {
            throw .nonFiniteArgument(name: "total value added of the table (must be > 0)", value: totalValueAdded)
        }
    }

    public var categoryCount: Int { categories.count }

    /// Each category's share of total value added, in %: Σᵢ VA_{i,c} / VA · 100.
    public var categorySharesPercent: [Double] {
        categoryValueAdded.map { $0 / totalValueAdded * 100 }
    }

    /// Within each sector, the share of its value added carried by each category, in %:
    /// VA_{i,c} / VAᵢ · 100 (n × m; a row of zeros for a sector without value added).
    public var sectorSharesByCategoryPercent: Matrix {
        var shares = Matrix(rows: sectors.count, columns: categories.count)
        for c in 0..<categories.count {
            for i in sectors.indices where sectorValueAdded[i] != 0 {
                shares[i, c] = valueAddedByCategory[i, c] / sectorValueAdded[i] * 100
            }
        }
        return shares
    }

    /// Contributions to value-added growth of given growth rates of the final-demand
    /// categories (e.g. exports +7%), in the linear model: a category growing by g_c
    /// changes value added by ΔVA_{i,c} = VA_{i,c} · g_c / 100, so
    ///
    ///     contribution_{i,c} (pp) = VA_{i,c} · g_c / VA      (share of total VA growth)
    ///     contribution_c          = Σᵢ contribution_{i,c}
    ///     VA growth (%)           = Σ_c contribution_c
    ///
    /// The imports column, if any, is held fixed (its growth is not a lever here).
    /// - Parameter categoryGrowthPercent: one rate per entry of `categories`.
    /// - Throws: `lengthMismatch`, `nonFiniteArgument`.
    /// - Complexity: O(n·m).
    public func growthContributions(categoryGrowthPercent growth: [Double]) throws(GrowthError) -> DemandGrowthContributions {
        try GRDPAccounts.requireFinite(growth, name: "final-demand category growth", count: categories.count)
        let n = sectors.count, m = categories.count
        var contributions = Matrix(rows: n, columns: m)
        var byCategory = [Double](repeating: 0, count: m)
        var bySector = [Double](repeating: 0, count: n)
        var sectorChange = [Double](repeating: 0, count: n)
        for c in 0..<m {
            for i in 0..<n {
                let change = valueAddedByCategory[i, c] * growth[c] / 100
                let points = change / totalValueAdded * 100
                contributions[i, c] = points
                byCategory[c] += points
                bySector[i] += points
                sectorChange[i] += change
            }
        }
        return DemandGrowthContributions(
            sectors: sectors, categories: categories.map(\.label), categoryGrowthPercent: growth,
            contributionPercentagePoints: contributions,
            categoryContributionPercentagePoints: byCategory,
            sectorContributionPercentagePoints: bySector,
            sectorValueAddedGrowthPercent: (0..<n).map { sectorValueAdded[$0] == 0 ? nil : sectorChange[$0] / sectorValueAdded[$0] * 100 },
            valueAddedGrowthPercent: byCategory.reduce(0, +))
    }
}

/// Contributions of final-demand growth to value-added growth, by sector and category.
public struct DemandGrowthContributions: Sendable, Equatable {
    public let sectors: [String]
    public let categories: [String]
    public let categoryGrowthPercent: [Double]
    /// VA_{i,c} · g_c / VA: percentage points of total value-added growth (n × m).
    public let contributionPercentagePoints: Matrix
    /// Column sums: each category's contribution, percentage points.
    public let categoryContributionPercentagePoints: [Double]
    /// Row sums: each sector's contribution to total VA growth, percentage points.
    public let sectorContributionPercentagePoints: [Double]
    /// Σ_c VA_{i,c} g_c / VAᵢ: each sector's own value-added growth in %; nil when VAᵢ = 0.
    public let sectorValueAddedGrowthPercent: [Double?]
    /// Σ_c contribution_c: total value-added growth in %.
    public let valueAddedGrowthPercent: Double
}
