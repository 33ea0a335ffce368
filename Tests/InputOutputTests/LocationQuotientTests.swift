import Foundation
import InputOutput
import LinearAlgebra
import Testing

/// Location quotients and regionalisation against a 3-sector example worked by hand, and
/// against identities of the formulas.
///
/// Hand example: regional sizes (20, 30, 50), total 100; national (400, 300, 300), total
/// 1000. Shares 0.2, 0.3, 0.5 against 0.4, 0.3, 0.3, so SLQ = (1/2, 1, 5/3) and
/// CILQᵢⱼ = SLQᵢ/SLQⱼ; xʳ/xⁿ = 0.1.
@Suite("Location quotients")
struct LocationQuotientTests {
    static var hand: RegionalSectorSizes {
        get throws { try RegionalSectorSizes(regional: [20, 30, 50], national: [400, 300, 300]) }
    }
    /// λ* = log₂(1.1)^0.3, computed in Python: `math.log2(1 + 100/1000) ** 0.3`.
    static let lambdaDelta03 = 0.5514347723323603
    /// log₂(1 + 5/3) = log₂(8/3) = 3 − log₂ 3, from Python `math.log2(8/3)`.
    static let log2EightThirds = 1.4150374992788437
    static let handCILQ: [[Double]] = [[1, 0.5, 0.3], [2, 1, 0.6], [10.0 / 3, 5.0 / 3, 1]]
    static var nationalA: Matrix {
        get throws { try Matrix(rows: [[0.10, 0.20, 0.05], [0.15, 0.10, 0.20], [0.05, 0.30, 0.10]]) }
    }

    /// Closed forms above; each value takes ≤ 4 roundings, so relative tolerance 1e-14.
    @Test("SLQ and CILQ of the hand example")
    func simpleAndCrossIndustry() throws {
        expectClose((try Self.hand).simpleLocationQuotients, [0.5, 1, 5.0 / 3], relative: 1e-14)
        expectClose(try (try Self.hand).crossIndustryLocationQuotients(), Self.handCILQ, relative: 1e-14)
    }

    /// FLQ = CILQ·λ* off the diagonal, SLQ·λ* on it; AFLQ multiplies column 2 (SLQ = 5/3 > 1)
    /// by log₂(8/3). λ* and log₂(8/3) are Python literals; relative tolerance 1e-14.
    @Test("FLQ and AFLQ of the hand example, δ = 0.3")
    func fleggHandExample() throws {
        let lambda = Self.lambdaDelta03
        #expect(abs(try (try Self.hand).regionalSizeFactor(delta: 0.3) - lambda) < 1e-15)
        var flq = Self.handCILQ.map { $0.map { $0 * lambda } }
        for (i, slq) in [0.5, 1, 5.0 / 3].enumerated() { flq[i][i] = slq * lambda }
        expectClose(try (try Self.hand).fleggLocationQuotients(delta: 0.3), flq, relative: 1e-14)
        let aflq = flq.map { row in [row[0], row[1], row[2] * Self.log2EightThirds] }
        expectClose(try (try Self.hand).augmentedFleggLocationQuotients(delta: 0.3), aflq, relative: 1e-14)
    }

    /// aʳᵢⱼ = aⁿᵢⱼ·min(1, LQᵢⱼ) by hand. SLQ scales row 0 by 1/2 and leaves rows 1, 2
    /// (SLQ ≥ 1); CILQ < 1 only at (0,1) = 0.5, (0,2) = 0.3, (1,2) = 0.6. Exact up to one
    /// rounding: tolerance 1e-15 absolute (coefficients ≤ 0.3).
    @Test("Regional coefficients of the hand example")
    func regionalisedHandExample() throws {
        let bySLQ = try (try Self.hand).regionalCoefficients(nationalTechnicalCoefficients: (try Self.nationalA), method: .slq)
        expectClose(bySLQ.technicalCoefficients,
                    [[0.05, 0.10, 0.025], [0.15, 0.10, 0.20], [0.05, 0.30, 0.10]], absolute: 1e-15)
        expectClose(bySLQ.regionalPurchaseCoefficients, [[0.5, 0.5, 0.5], [1, 1, 1], [1, 1, 1]], absolute: 0)
        #expect(bySLQ.method == .slq)
        let byCILQ = try (try Self.hand).regionalCoefficients(nationalTechnicalCoefficients: (try Self.nationalA), method: .cilq)
        expectClose(byCILQ.technicalCoefficients,
                    [[0.10, 0.10, 0.015], [0.15, 0.10, 0.12], [0.05, 0.30, 0.10]], absolute: 1e-15)
        expectClose(byCILQ.locationQuotients, Self.handCILQ, relative: 1e-14)
    }

    static let randomCases: [UInt64] = [1, 2, 3, 4, 5]

    /// λ*^0 = 1 exactly, so FLQ(δ = 0) equals CILQ off the diagonal bit for bit and SLQ on
    /// it; hence the regional coefficients agree wherever CILQ < 1 off the diagonal
    /// (everywhere off it, in fact). Tolerance 0 off the diagonal; the diagonal SLQᵢ·1 is
    /// exact too.
    @Test("FLQ with δ = 0 is CILQ off the diagonal and SLQ on it", arguments: randomCases)
    func fleggAtZeroDelta(seed: UInt64) throws {
        let sizes = try randomSizes(seed: seed, sectors: 12)
        let cilq = try sizes.crossIndustryLocationQuotients()
        let flq = try sizes.fleggLocationQuotients(delta: 0)
        let slq = sizes.simpleLocationQuotients
        let a = randomCoefficients(seed: seed, sectors: 12)
        let byCILQ = try sizes.regionalCoefficients(nationalTechnicalCoefficients: a, method: .cilq)
        let byFLQ = try sizes.regionalCoefficients(nationalTechnicalCoefficients: a, method: .flq(delta: 0))
        for i in 0..<12 {
            for j in 0..<12 where i != j {
                #expect(flq[i, j] == cilq[i, j])
                if cilq[i, j] < 1 { #expect(byFLQ.technicalCoefficients[i, j] == byCILQ.technicalCoefficients[i, j]) }
            }
            #expect(flq[i, i] == slq[i])
        }
    }

    /// min(1, LQ) ≤ 1 and aⁿ ≥ 0 give aʳ ≤ aⁿ for every method (exact comparison); and
    /// log₂(1 + SLQⱼ) > 1 when SLQⱼ > 1 gives AFLQ ≥ FLQ (exact comparison).
    @Test("Regional coefficients never exceed national ones; AFLQ ≥ FLQ", arguments: randomCases)
    func bounds(seed: UInt64) throws {
        let sizes = try randomSizes(seed: seed, sectors: 15)
        let a = randomCoefficients(seed: seed, sectors: 15)
        let methods: [LocationQuotientMethod] = [.slq, .cilq, .flq(delta: 0), .flq(delta: 0.3), .aflq(delta: 0.3), .aflq(delta: 0.9)]
        for method in methods {
            let regional = try sizes.regionalCoefficients(nationalTechnicalCoefficients: a, method: method)
            for j in 0..<15 {
                for i in 0..<15 {
                    #expect(regional.technicalCoefficients[i, j] <= a[i, j])
                    #expect(regional.technicalCoefficients[i, j] >= 0)
                    #expect(regional.regionalPurchaseCoefficients[i, j] <= 1)
                }
            }
        }
        for delta in [0.0, 0.15, 0.3, 0.6, 0.99] {
            let flq = try sizes.fleggLocationQuotients(delta: delta)
            let aflq = try sizes.augmentedFleggLocationQuotients(delta: delta)
            for j in 0..<15 { for i in 0..<15 { #expect(aflq[i, j] >= flq[i, j]) } }
        }
    }

    /// λ* = 1 when δ = 0 or when the region is the whole nation (log₂ 2 = 1), exactly; it
    /// falls as δ rises for a region smaller than the nation (strict comparison).
    @Test("Regional-size factor λ*")
    func regionalSizeFactor() throws {
        #expect(try (try Self.hand).regionalSizeFactor(delta: 0) == 1)
        let whole = try RegionalSectorSizes(regional: [400, 300, 300], national: [400, 300, 300])
        #expect(try whole.regionalSizeFactor(delta: 0.5) == 1)
        #expect(whole.simpleLocationQuotients == [1, 1, 1])
        let factors = try [0.0, 0.1, 0.3, 0.5, 0.9].map { try (try Self.hand).regionalSizeFactor(delta: $0) }
        #expect(zip(factors, factors.dropFirst()).allSatisfy { $0 > $1 })
    }

    /// The entry point returns the shape of each formula; the vector form expands row-wise.
    @Test("One entry point for the CLI")
    func entryPoint() throws {
        guard case let .bySellingSector(slq) = try (try Self.hand).locationQuotients(.slq) else {
            Issue.record("SLQ should be a vector"); return
        }
        #expect(slq == (try Self.hand).simpleLocationQuotients)
        let expanded = LocationQuotients.bySellingSector(slq).matrix
        #expect(expanded.row(0) == [0.5, 0.5, 0.5])
        guard case let .bySectorPair(flq) = try (try Self.hand).locationQuotients(.flq(delta: 0.3)) else {
            Issue.record("FLQ should be a matrix"); return
        }
        #expect(flq == (try (try Self.hand).fleggLocationQuotients(delta: 0.3)))
        #expect(LocationQuotientMethod.aflq(delta: 0.3).description == "aflq(δ=0.3)")
    }

    @Test("Invalid δ", arguments: [-0.1, 1.0, 1.5, Double.nan, Double.infinity])
    func invalidDelta(delta: Double) throws {
        for method in [LocationQuotientMethod.flq(delta: delta), .aflq(delta: delta)] {
            #expect(throws: InputOutputError.self) {
                _ = try (try Self.hand).regionalCoefficients(nationalTechnicalCoefficients: (try Self.nationalA), method: method)
            }
        }
        #expect {
            _ = try (try Self.hand).regionalSizeFactor(delta: delta)
        } throws: { error in
            guard case let .invalidParameter(name, _, _) = error as? InputOutputError else { return false }
            return name == "FLQ δ"
        }
    }

    @Test("Invalid sector sizes")
    func invalidSizes() throws {
        let bad: [(regional: [Double], national: [Double])] = [
            ([20, -1, 50], [400, 300, 300]),        // negative regional size
            ([20, 30, 50], [400, 0, 300]),          // zero national size
            ([20, 30, 50], [400, -300, 300]),       // negative national size
            ([0, 0, 0], [400, 300, 300]),           // zero regional total
            ([20, .nan, 50], [400, 300, 300]),      // non-finite
            ([20, 30, 50], [400, .infinity, 300]),  // non-finite
        ]
        for (regional, national) in bad {
            #expect {
                _ = try RegionalSectorSizes(regional: regional, national: national)
            } throws: { error in
                guard case .invalidParameter = error as? InputOutputError else { return false }
                return true
            }
        }
        #expect(throws: InputOutputError.dimensionMismatch(what: "regional sector sizes", expected: 3, actual: 2)) {
            _ = try RegionalSectorSizes(regional: [20, 30], national: [400, 300, 300])
        }
        #expect(throws: InputOutputError.self) {
            _ = try RegionalSectorSizes(regional: [], national: [])
        }
        #expect(throws: InputOutputError.self) {
            _ = try RegionalSectorSizes(regional: [1, 2], national: [3, 4], sectors: ["only one label"])
        }
    }

    /// A sector absent from the region: SLQ works (its row is fully imported), the
    /// cross-industry formulas divide by SLQⱼ = 0 and say which sector. A regional total
    /// above the national one (mixed units) is refused by λ*.
    @Test("Sector absent from the region; region larger than the nation")
    func absentSectorAndUnits() throws {
        let sizes = try RegionalSectorSizes(regional: [20, 0, 50], national: [400, 300, 300], sectors: ["agri", "mining", "services"])
        let regional = try sizes.regionalCoefficients(nationalTechnicalCoefficients: (try Self.nationalA), method: .slq)
        #expect(regional.technicalCoefficients.row(1) == [0, 0, 0])
        #expect {
            _ = try sizes.fleggLocationQuotients(delta: 0.3)
        } throws: { error in
            guard case let .invalidParameter(name, value, _) = error as? InputOutputError else { return false }
            return name.contains("'mining'") && value == 0
        }
        let mixedUnits = try RegionalSectorSizes(regional: [20_000, 30_000, 50_000], national: [400, 300, 300])
        #expect(mixedUnits.simpleLocationQuotients == (try Self.hand).simpleLocationQuotients)  // SLQ is unit-free
        #expect(throws: InputOutputError.self) { _ = try mixedUnits.fleggLocationQuotients(delta: 0.3) }
    }

    /// The table-level helper: Z/x reproduces the hand example's Aⁿ (x = 100 everywhere) and
    /// the employment row its national sizes, so the result matches the hand values
    /// (tolerance 1e-15 absolute: one rounding in zᵢⱼ·(1/xⱼ), one in the product).
    @Test("IOTable-level regionalisation")
    func tableLevel() throws {
        let table = try IOTable(
            sectors: ["agri", "industry", "services"],
            intermediate: Matrix(rows: [[10, 20, 5], [15, 10, 20], [5, 30, 10]]),
            finalDemandColumns: [.init(label: "households", kind: .households)],
            finalDemand: Matrix(rows: [[65], [55], [55]]),
            primaryInputRows: [.init(label: "value_added", kind: .valueAdded)],
            primaryInputs: Matrix(rows: [[70, 40, 65]]),
            output: [100, 100, 100],
            satelliteRows: ["employment"], satellites: Matrix(rows: [[400, 300, 300]]))
        let regional = try table.regionalCoefficients(
            regionalSizes: [20, 30, 50], measure: .satellite("employment"), method: .cilq)
        expectClose(regional.technicalCoefficients,
                    [[0.10, 0.10, 0.015], [0.15, 0.10, 0.12], [0.05, 0.30, 0.10]], absolute: 1e-15)
        #expect(try table.sectorSizes(.valueAdded) == [70, 40, 65])
        #expect(throws: InputOutputError.missingValueAddedRow("jobs")) {
            _ = try table.regionalCoefficients(regionalSizes: [20, 30, 50], measure: .satellite("jobs"), method: .slq)
        }
        #expect(throws: InputOutputError.self) {  // four regional sizes for three sectors
            _ = try table.regionalCoefficients(regionalSizes: [20, 30, 50, 1], measure: .output, method: .slq)
        }
    }

    @Test("Regionalisation input checks")
    func regionalisationInputs() throws {
        #expect(throws: InputOutputError.self) {  // 2×2 coefficients for 3 sectors
            _ = try (try Self.hand).regionalCoefficients(nationalTechnicalCoefficients: Matrix.identity(2), method: .slq)
        }
        #expect(throws: InputOutputError.self) {  // non-square
            _ = try RegionalCoefficients.regionalize(nationalTechnicalCoefficients: Matrix(rows: 3, columns: 2), with: .bySellingSector([1, 1, 1]))
        }
        var negative = (try Self.nationalA)
        negative[1, 2] = -0.1
        #expect(throws: InputOutputError.self) {
            _ = try (try Self.hand).regionalCoefficients(nationalTechnicalCoefficients: negative, method: .cilq)
        }
        #expect(throws: InputOutputError.self) {
            _ = try RegionalCoefficients.regionalize(nationalTechnicalCoefficients: (try Self.nationalA), with: .bySellingSector([1, .nan, 1]))
        }
    }
}

// MARK: - Helpers

/// Sizes with shares spread over two orders of magnitude, the region ≈ 5–15 % of the nation.
private func randomSizes(seed: UInt64, sectors n: Int) throws -> RegionalSectorSizes {
    var state = seed &* 0x9E37_79B9_7F4A_7C15
    func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
    let national = (0..<n).map { _ in 10 + 990 * next() }
    let regional = national.map { $0 * (0.02 + 0.2 * next()) }
    return try RegionalSectorSizes(regional: regional, national: national)
}

/// Non-negative coefficients with column sums < 1.
private func randomCoefficients(seed: UInt64, sectors n: Int) -> Matrix {
    var state = seed &+ 17
    var a = Matrix(rows: n, columns: n)
    for j in 0..<n {
        for i in 0..<n {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            a[i, j] = Double(state >> 11) / Double(1 << 53) * 0.8 / Double(n)
        }
    }
    return a
}

private func expectClose(_ actual: [Double], _ expected: [Double], relative: Double,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= relative * abs(e), "\(a) vs \(e)", sourceLocation: sourceLocation)
    }
}

private func expectClose(_ actual: Matrix, _ expected: [[Double]], relative: Double = 0, absolute: Double = 0,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.rows == expected.count && actual.columns == (expected.first?.count ?? 0), sourceLocation: sourceLocation)
    for (i, row) in expected.enumerated() where i < actual.rows {
        for (j, e) in row.enumerated() where j < actual.columns {
            let a = actual[i, j]
            #expect(abs(a - e) <= max(absolute, relative * abs(e)), "[\(i), \(j)]: \(a) vs \(e)", sourceLocation: sourceLocation)
        }
    }
}
