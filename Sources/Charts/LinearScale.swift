import Foundation

/// A linear map from a data interval (domain) to a pixel interval (range):
/// y = r₀ + (x − d₀)·(r₁ − r₀)/(d₁ − d₀). A degenerate domain maps everything to the range's
/// middle.
public struct LinearScale: Sendable, Equatable {
    public let domain: ClosedRange<Double>
    /// Pixel coordinates of domain.lowerBound and domain.upperBound (may be decreasing, as for y).
    public let rangeStart: Double
    public let rangeEnd: Double

    public init(domain: ClosedRange<Double>, range: (Double, Double)) {
        self.domain = domain
        rangeStart = range.0
        rangeEnd = range.1
    }

    public func callAsFunction(_ x: Double) -> Double {
        let width = domain.upperBound - domain.lowerBound
        guard width > 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (x - domain.lowerBound) * (rangeEnd - rangeStart) / width
    }

    /// "Nice" tick values covering the domain: multiples of a step 1, 2 or 5 × 10ᵏ chosen so
    /// that about `count` ticks fall in it (Heckbert, "Nice numbers for graph labels",
    /// Graphics Gems, 1990).
    public func ticks(count: Int = 5) -> [Double] {
        let step = LinearScale.niceStep(span: domain.upperBound - domain.lowerBound, count: count)
        guard step > 0, step.isFinite else { return [domain.lowerBound] }
        var values: [Double] = []
        var tick = (domain.lowerBound / step).rounded(.up) * step
        while tick <= domain.upperBound + step * 1e-9, values.count < 100 {
            values.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return values
    }

    /// The step 1, 2 or 5 × 10ᵏ nearest to span/count.
    public static func niceStep(span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite, count > 0 else { return 1 }
        let raw = span / Double(count)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return nice * magnitude
    }

    /// The smallest domain of whole nice steps containing `values` (and `including`), padded
    /// so that no value sits on the frame.
    public static func niceDomain(_ values: [Double], including extra: [Double] = [], count: Int = 5) -> ClosedRange<Double> {
        let finite = (values + extra).filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return 0...1 }
        if low == high { low -= 1; high += 1 }
        let step = niceStep(span: high - low, count: count)
        low = ((low / step).rounded(.down)) * step
        high = ((high / step).rounded(.up)) * step
        if low == finite.min() { low -= step / 2 }
        if high == finite.max() { high += step / 2 }
        return low...high
    }

    /// A tick label with the decimals the step needs.
    public static func label(_ value: Double, step: Double) -> String {
        let decimals = step >= 1 ? 0 : min(6, Int((-log10(step)).rounded(.up)))
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}

/// Evenly spaced categories (quarters, sectors): category i occupies a band of width
/// `bandwidth` starting at `start(i)`; `center(i)` is its middle.
public struct BandScale: Sendable, Equatable {
    public let count: Int
    public let rangeStart: Double
    public let rangeEnd: Double
    /// Fraction of each step left empty between bands.
    public let padding: Double

    public init(count: Int, range: (Double, Double), padding: Double = 0.2) {
        self.count = max(1, count)
        rangeStart = range.0
        rangeEnd = range.1
        self.padding = padding
    }

    public var step: Double { (rangeEnd - rangeStart) / Double(count) }
    public var bandwidth: Double { step * (1 - padding) }
    public func start(_ index: Int) -> Double { rangeStart + Double(index) * step + step * padding / 2 }
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}
