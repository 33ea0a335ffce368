import Sampling

/// The moments of a block's outputs, four outputs at a time: lane i of a SIMD vector carries
/// output o + i through `RunningMoments.insert(contentsOf:)`'s corrected two-pass algorithm
/// (mean = Σx/n, then M₂ = Σ(x − mean)² − (Σ(x − mean))²/n; Chan, Golub & LeVeque 1983),
/// value after value in draw order, so each lane rounds exactly as the one-output loop does;
/// the four outputs' sums are independent, so side by side they take one vector operation
/// where the one-output loop took four. Outputs left over (fewer than four) go through
/// `RunningMoments.insert(contentsOf:)` itself.
/// - Complexity: O(outputs · count), two passes, no allocation but the result's.
enum BlockMoments {
    /// The moments of `outputs` rows of `count` values, row o starting at `rows + o · rowStride`.
    static func moments(of rows: UnsafePointer<Double>, rowStride: Int, outputs: Int, count: Int) -> [RunningMoments] {
        var result = [RunningMoments](repeating: RunningMoments(), count: outputs)
        guard count > 0 else { return result }
        let lanes = 4
        var o = 0
        while o &+ lanes <= outputs {
            let row = rows + o &* rowStride
            let four = fourOutputs(row, row + rowStride, row + 2 &* rowStride, row + 3 &* rowStride, count: count)
            for lane in 0..<lanes {
                result[o &+ lane] = RunningMoments(
                    count: count, mean: four.mean[lane], sumOfSquaredDeviations: four.sumOfSquaredDeviations[lane],
                    minimum: four.minimum[lane], maximum: four.maximum[lane])
            }
            o &+= lanes
        }
        while o < outputs {
            result[o].insert(contentsOf: UnsafeBufferPointer(start: rows + o &* rowStride, count: count))
            o &+= 1
        }
        return result
    }

    /// Four rows' block summaries, lane by lane the values `RunningMoments.insert(contentsOf:)`
    /// gives one row (including NaN extremes for a row whose mean is NaN). - Complexity: O(count).
    @inline(__always)
    static func fourOutputs(
        _ r0: UnsafePointer<Double>, _ r1: UnsafePointer<Double>, _ r2: UnsafePointer<Double>, _ r3: UnsafePointer<Double>,
        count n: Int
    ) -> (mean: SIMD4<Double>, sumOfSquaredDeviations: SIMD4<Double>, minimum: SIMD4<Double>, maximum: SIMD4<Double>) {
        var sum = SIMD4<Double>(repeating: 0)
        var low = SIMD4<Double>(repeating: .infinity), high = SIMD4<Double>(repeating: -.infinity)
        var t = 0
        while t < n {
            let x = SIMD4<Double>(r0[t], r1[t], r2[t], r3[t])
            sum += x
            low.replace(with: x, where: x .< low)
            high.replace(with: x, where: x .> high)
            t &+= 1
        }
        let size = Double(n)
        let mean = sum / SIMD4<Double>(repeating: size)
        var squares = SIMD4<Double>(repeating: 0), deviations = SIMD4<Double>(repeating: 0)
        t = 0
        while t < n {
            let deviation = SIMD4<Double>(r0[t], r1[t], r2[t], r3[t]) - mean
            squares += deviation * deviation
            deviations += deviation
            t &+= 1
        }
        let m2 = squares - deviations * deviations / SIMD4<Double>(repeating: size)
        var minimum = low, maximum = high
        for lane in 0..<4 where mean[lane].isNaN {
            minimum[lane] = .nan
            maximum[lane] = .nan
        }
        return (mean, m2, minimum, maximum)
    }
}
