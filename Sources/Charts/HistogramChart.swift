/// The distribution of a quantity (annual GRDP growth) as a histogram, with the target as a
/// vertical line and the share of draws at or above it written beside it. Bars at or above
/// the target are drawn darker.
///
/// Geometry: bin [a, b) spans x = xScale(a)…xScale(b); its height is its share of all draws
/// on a linear y scale from 0. - Complexity: O(bins).
public struct HistogramChart: Sendable, Equatable {
    public struct Bin: Sendable, Equatable {
        public let lower: Double
        public let upper: Double
        public let count: Int
        public init(lower: Double, upper: Double, count: Int) {
            self.lower = lower
            self.upper = upper
            self.count = count
        }
    }

    public let bins: [Bin]
    public let target: Double?
    /// P(value ≥ target), as a fraction, written at the target line.
    public let probabilityAtOrAboveTarget: Double?
    public let valueTitle: String
    public var frame = ChartFrame()

    public init(bins: [Bin], target: Double?, probabilityAtOrAboveTarget: Double?, valueTitle: String) {
        self.bins = bins
        self.target = target
        self.probabilityAtOrAboveTarget = probabilityAtOrAboveTarget
        self.valueTitle = valueTitle
    }

    var total: Int { max(1, bins.reduce(0) { $0 + $1.count }) }

    public var xScale: LinearScale {
        let edges = bins.flatMap { [$0.lower, $0.upper] }
        let low = edges.min() ?? 0, high = edges.max() ?? 1
        var domain = low...high
        if let target, !domain.contains(target) { domain = Swift.min(low, target)...Swift.max(high, target) }
        return LinearScale(domain: domain, range: (frame.plotLeft, frame.plotRight))
    }

    public var yScale: LinearScale {
        let largest = Double(bins.map(\.count).max() ?? 1) / Double(total) * 100
        return LinearScale(domain: LinearScale.niceDomain([0, largest]).clamped(to: 0...100), range: (frame.plotBottom, frame.plotTop))
    }

    public func svg(id: String, title: String) -> SVGElement {
        var svg = frame.root(id: id, title: title)
        let x = xScale, y = yScale
        svg.append(Axis.vertical(LinearScale(domain: 0...y.domain.upperBound, range: (y.rangeStart, y.rangeEnd)), frame: frame, title: "share of draws (%)"))
        svg.append(Axis.horizontal(x, frame: frame, title: valueTitle))
        var bars = SVGElement("g", [("class", "bars")])
        for bin in bins {
            let share = Double(bin.count) / Double(total) * 100
            let top = y(share), left = x(bin.lower), right = x(bin.upper)
            let above = target.map { bin.lower >= $0 - 1e-12 } ?? false
            bars.append(SVGElement("rect", [("class", above ? "bar above-target" : "bar"), ("x", Coordinate.text(left)), ("y", Coordinate.text(top)),
                                            ("width", Coordinate.text(Swift.max(0, right - left - 0.5))), ("height", Coordinate.text(Swift.max(0, y(0) - top))),
                                            ("fill", above ? ChartStyle.barAboveTarget : ChartStyle.bar)]))
        }
        svg.append(bars)
        if let target {
            let tx = x(target)
            svg.append(SVGElement("line", [("class", "target"), ("x1", Coordinate.text(tx)), ("x2", Coordinate.text(tx)),
                                           ("y1", Coordinate.text(frame.plotTop)), ("y2", Coordinate.text(frame.plotBottom)),
                                           ("stroke", ChartStyle.target), ("stroke-width", "2"), ("stroke-dasharray", "6 4")]))
            var text = "target \(LinearScale.label(target, step: 0.1)) %"
            if let p = probabilityAtOrAboveTarget { text += ": P(≥ target) = \(LinearScale.label(p * 100, step: 0.1)) %" }
            svg.append(Axis.label(text, x: tx + 6, y: frame.plotTop + 12, fill: ChartStyle.target, className: "label target-label", weight: "600"))
        }
        return svg
    }
}
