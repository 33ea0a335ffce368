/// A fan chart of a quantity by period (GRDP growth by quarter): P5–P95 and P25–P75 bands,
/// the median line, the published values as dots, and a horizontal target line.
///
/// Geometry: period i sits at the centre of band i of a `BandScale` over the plot's width;
/// a value v at y = `yScale(v)`, a linear map of a nice domain holding every band, published
/// value and the target. - Complexity: O(periods).
public struct FanChart: Sendable, Equatable {
    public struct Period: Sendable, Equatable {
        public let label: String
        public let p5: Double, p25: Double, p50: Double, p75: Double, p95: Double
        /// The published value, when the period is known.
        public let published: Double?
        public init(label: String, p5: Double, p25: Double, p50: Double, p75: Double, p95: Double, published: Double? = nil) {
            self.label = label
            self.p5 = p5
            self.p25 = p25
            self.p50 = p50
            self.p75 = p75
            self.p95 = p95
            self.published = published
        }
    }

    public let periods: [Period]
    public let target: Double?
    public let valueTitle: String
    public var frame = ChartFrame()

    public init(periods: [Period], target: Double?, valueTitle: String) {
        self.periods = periods
        self.target = target
        self.valueTitle = valueTitle
    }

    public var xScale: BandScale { BandScale(count: periods.count, range: (frame.plotLeft, frame.plotRight), padding: 0) }

    public var yScale: LinearScale {
        let values = periods.flatMap { [$0.p5, $0.p95] + ($0.published.map { [$0] } ?? []) }
        return LinearScale(domain: LinearScale.niceDomain(values, including: target.map { [$0] } ?? []), range: (frame.plotBottom, frame.plotTop))
    }

    /// The median line's vertices, one per period.
    public var medianPoints: [(x: Double, y: Double)] {
        let x = xScale, y = yScale
        return periods.indices.map { (x.center($0), y(periods[$0].p50)) }
    }

    func band(_ low: KeyPath<Period, Double>, _ high: KeyPath<Period, Double>) -> [(x: Double, y: Double)] {
        let x = xScale, y = yScale
        let upper = periods.indices.map { (x: x.center($0), y: y(periods[$0][keyPath: high])) }
        let lower = periods.indices.reversed().map { (x: x.center($0), y: y(periods[$0][keyPath: low])) }
        return upper + lower
    }

    public func svg(id: String, title: String) -> SVGElement {
        var svg = frame.root(id: id, title: title)
        let x = xScale, y = yScale
        svg.append(Axis.vertical(y, frame: frame, title: valueTitle))
        var labels = SVGElement("g", [("class", "axis x-axis")])
        for (i, period) in periods.enumerated() {
            labels.append(Axis.label(period.label, x: x.center(i), y: frame.plotBottom + 18, anchor: "middle", fill: ChartStyle.muted, className: "tick"))
        }
        svg.append(labels)
        svg.append(SVGElement("polygon", [("class", "band band-90"), ("points", Coordinate.points(band(\.p5, \.p95))), ("fill", ChartStyle.outerBand)]))
        svg.append(SVGElement("polygon", [("class", "band band-50"), ("points", Coordinate.points(band(\.p25, \.p75))), ("fill", ChartStyle.innerBand),
                                          ("fill-opacity", "0.8")]))
        svg.append(SVGElement("polyline", [("class", "median"), ("points", Coordinate.points(medianPoints)), ("fill", "none"),
                                           ("stroke", ChartStyle.median), ("stroke-width", "2.5")]))
        if let target {
            let ty = y(target)
            svg.append(SVGElement("line", [("class", "target"), ("x1", Coordinate.text(frame.plotLeft)), ("x2", Coordinate.text(frame.plotRight)),
                                           ("y1", Coordinate.text(ty)), ("y2", Coordinate.text(ty)), ("stroke", ChartStyle.target),
                                           ("stroke-width", "1.5"), ("stroke-dasharray", "6 4")]))
            svg.append(Axis.label("target \(LinearScale.label(target, step: 0.1)) %", x: frame.plotRight - 4, y: ty - 6, anchor: "end",
                                  fill: ChartStyle.target))
        }
        for (i, period) in periods.enumerated() {
            guard let value = period.published else { continue }
            svg.append(SVGElement("circle", [("class", "published"), ("cx", Coordinate.text(x.center(i))), ("cy", Coordinate.text(y(value))),
                                             ("r", "5"), ("fill", ChartStyle.published)]))
            svg.append(Axis.label("published \(LinearScale.label(value, step: 0.01))", x: x.center(i) + 8, y: y(value) - 8, fill: ChartStyle.published))
        }
        svg.append(legend([("P5–P95", ChartStyle.outerBand), ("P25–P75", ChartStyle.innerBand), ("median", ChartStyle.median)]
            + (periods.contains { $0.published != nil } ? [("published", ChartStyle.published)] : [])
            + (target != nil ? [("target", ChartStyle.target)] : [])))
        return svg
    }

    func legend(_ entries: [(String, String)]) -> SVGElement {
        var group = SVGElement("g", [("class", "legend")])
        var x = frame.plotRight
        for (text, colour) in entries.reversed() {
            let width = Double(text.count) * 7.2 + 26
            x -= width
            group.append(SVGElement("rect", [("x", Coordinate.text(x)), ("y", Coordinate.text(frame.plotTop - 24)), ("width", "12"), ("height", "10"),
                                             ("fill", colour)]))
            group.append(Axis.label(text, x: x + 16, y: frame.plotTop - 15, fill: ChartStyle.muted))
        }
        return group
    }
}
