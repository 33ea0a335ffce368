import Sampling

/// |a − b| / |b| (or |a − b| when b = 0): the relative error of a result against its reference.
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    expected == 0 ? abs(actual) : abs(actual - expected) / abs(expected)
}

/// `count` standard normals Φ⁻¹(u) from stream `stream` of `seed` (first uniform of each draw).
func standardNormals(seed: UInt64, stream: UInt64, count: Int) -> [Double] {
    (0..<count).map { StandardNormal.quantile(CounterRandomStream.uniforms(seed: seed, stream: stream, index: UInt64($0)).0) }
}

/// `count` uniforms from one stream, filled with the hot-path helper.
func uniforms(seed: UInt64, stream: UInt64, count: Int) -> [Double] {
    var values = [Double](repeating: 0, count: count)
    CounterRandomStream(seed: seed, stream: stream).fill(&values, firstIndex: 0)
    return values
}

/// Mean, population variance and fourth central moment of `values` (two-pass).
func sampleMoments(_ values: [Double]) -> (mean: Double, variance: Double, fourthCentral: Double) {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    var m2 = 0.0, m4 = 0.0
    for x in values {
        let d = (x - mean) * (x - mean)
        m2 += d
        m4 += d * d
    }
    return (mean, m2 / n, m4 / n)
}

/// The exact lower q-quantile of sorted data: the element of rank ⌊q·(n − 1)⌋.
func exactLowerQuantile(_ sorted: [Double], _ q: Double) -> Double {
    sorted[Int((q * Double(sorted.count - 1)).rounded(.down))]
}
