import Sampling
import Testing

@Suite("SamplingError")
struct SamplingErrorTests {
    @Test("every description is one line that names the value and the fix")
    func descriptions() {
        // Exact string properties: no newline, mentions the offending value.
        let errors: [(SamplingError, String)] = [
            (.nonFiniteParameter(name: "mean", value: .nan), "nan"),
            (.negativeParameter(name: "standard deviation", value: -2), "-2.0"),
            (.nonPositiveParameter(name: "alpha", value: 0), "0.0"),
            (.parameterOutOfRange(name: "relative accuracy", value: 2, interval: "(0, 1)"), "(0, 1)"),
            (.boundsReversed(lower: 3, upper: 1), "3.0"),
            (.modeOutsideBounds(mode: 9, lower: 0, upper: 1), "9.0"),
            (.emptyList(name: "values"), "values"),
            (.lengthMismatch(name: "probabilities", expected: 3, actual: 2), "2"),
            (.negativeProbability(index: 0, value: -0.1), "probability 1"),
            (.probabilitiesDoNotSumToOne(sum: 0.9), "0.9"),
            (.correlationNotSquare(rows: 2, columns: 3), "2×3"),
            (.correlationNonFinite(row: 0, column: 1, value: .infinity), "column 2"),
            (.correlationNotSymmetric(row: 1, column: 0, value: 0.5, transposedValue: 0.4), "(2, 1)"),
            (.correlationDiagonalNotOne(index: 2, value: 0.9), "entry 3"),
            (.correlationOutOfRange(row: 0, column: 1, value: 1.2), "1.2"),
            (.correlationNotPositiveDefinite(column: 2), "column 3"),
            (.indexOutOfRange(name: "draw", value: 10, count: 10), "0..<10"),
            (.nonPositiveCount(name: "draw count", value: 0), "draw count"),
            (.incompatibleMerge(name: "threshold", value: 1, otherValue: 2), "2.0"),
        ]
        for (error, fragment) in errors {
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }
}
