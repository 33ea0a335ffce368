/// Horizontal intervals by row (contributions with bands, a tornado, a back-test): each row
/// shows a bar from `low` to `high`, a dot at `centre`, and optionally a marker (a published
/// outcome), on a linear x scale that includes zero.
///
/// Geometry: row i is band i of a `BandScale` down the plot's height; a value v at
/// x = `xScale(v)`. - Complexity: O(rows).
public struct IntervalChart: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let label: String
        public let low: Double
        public let centre: Double
        public let high: Double
        public let marker: Double?
        public init(label: String, low: Double, centre: Double, high: Double, marker: Double? = nil) {
            self.label = label
            self.low = low
            self.centre = centre
            self.high = high
            self.marker = marker
        }
    }

    public let rows: [Row]
    public let valueTitle: String
    public let legend: (band: String, centre: String, marker: String?)
    /// A vertical reference line (e.g. the target), besides zero.
    public let reference: (value: Double, label: String)?
    public var frame: ChartFrame

    public init(rows: [Row], valueTitle: String, bandLabel: String = "P5–P95", centreLabel: String = "median",
                markerLabel: String? = nil, reference: (value: Double, label: String)? = nil, labelWidth: Double = 190) {
        self.rows = rows
        self.valueTitle = valueTitle
        legend = (bandLabel, centreLabel, markerLabel)
        self.reference = reference
        frame = ChartFrame(width: 720, height: Double(rows.count) * 26 + 84, top: 36, right: 24, bottom: 44, left: labelWidth)
    }

    public static func == (lhs: IntervalChart, rhs: IntervalChart) -> Bool {
        lhs.rows == rhs.rows && lhs.valueTitle == rhs.valueTitle && lhs.frame == rhs.frame
    }

    public var xScale: LinearScale {
        let values = rows.flatMap { [$0.low, $0.high, $0.centre] + ($0.marker.map { [$0] } ?? []) }
        return LinearScale(domain: LinearScale.niceDomain(values, including: [0] + (reference.map { [$0.value] } ?? [])),
                           range: (frame.plotLeft, frame.plotRight))
    }

    public var yScale: BandScale { BandScale(count: rows.count, range: (frame.plotTop, frame.plotBottom), padding: 0.35) }

    public func svg(id: String, title: String) -> SVGElement {
        var svg = frame.root(id: id, title: title)
        let x = xScale, y = yScale
        svg.append(Axis.horizontal(x, frame: frame, title: valueTitle))
        let zero = Coordinate.text(x(0))
        svg.append(SVGElement("line", [("class", "zero"), ("x1", zero), ("x2", zero), ("y1", Coordinate.text(frame.plotTop)),
                                       ("y2", Coordinate.text(frame.plotBottom)), ("stroke", ChartStyle.muted)]))
        if let reference {
            let rx = x(reference.value)
            svg.append(SVGElement("line", [("class", "target"), ("x1", Coordinate.text(rx)), ("x2", Coordinate.text(rx)),
                                           ("y1", Coordinate.text(frame.plotTop)), ("y2", Coordinate.text(frame.plotBottom)),
                                           ("stroke", ChartStyle.target), ("stroke-dasharray", "6 4")]))
            svg.append(Axis.label(reference.label, x: rx + 4, y: frame.plotTop - 4, fill: ChartStyle.target))
        }
        for (i, row) in rows.enumerated() {
            var group = SVGElement("g", [("class", "row")])
            let top = y.start(i), middle = y.center(i)
            group.append(Axis.label(row.label, x: frame.plotLeft - 8, y: middle + 4, anchor: "end", className: "row-label"))
            let left = x(Swift.min(row.low, row.high)), right = x(Swift.max(row.low, row.high))
            group.append(SVGElement("rect", [("class", "interval"), ("x", Coordinate.text(left)), ("y", Coordinate.text(top)),
                                             ("width", Coordinate.text(Swift.max(1, right - left))), ("height", Coordinate.text(y.bandwidth)),
                                             ("fill", ChartStyle.outerBand)]))
            group.append(SVGElement("circle", [("class", "centre"), ("cx", Coordinate.text(x(row.centre))), ("cy", Coordinate.text(middle)),
                                               ("r", "4.5"), ("fill", ChartStyle.median)]))
            if let marker = row.marker {
                let mx = x(marker)
                group.append(SVGElement("path", [("class", "marker"), ("d", "M\(Coordinate.text(mx)) \(Coordinate.text(middle - 6))l6 6l-6 6l-6-6z"),
                                                 ("fill", ChartStyle.target)]))
            }
            svg.append(group)
        }
        var key = SVGElement("g", [("class", "legend")])
        key.append(SVGElement("rect", [("x", Coordinate.text(frame.plotLeft)), ("y", Coordinate.text(frame.plotTop - 26)), ("width", "14"), ("height", "10"),
                                       ("fill", ChartStyle.outerBand)]))
        key.append(Axis.label(legend.band, x: frame.plotLeft + 18, y: frame.plotTop - 17, fill: ChartStyle.muted))
        key.append(SVGElement("circle", [("cx", Coordinate.text(frame.plotLeft + 100)), ("cy", Coordinate.text(frame.plotTop - 21)), ("r", "4"),
                                         ("fill", ChartStyle.median)]))
        key.append(Axis.label(legend.centre, x: frame.plotLeft + 108, y: frame.plotTop - 17, fill: ChartStyle.muted))
        if let marker = legend.marker {
            key.append(Axis.label("◆ " + marker, x: frame.plotLeft + 200, y: frame.plotTop - 17, fill: ChartStyle.target))
        }
        svg.append(key)
        return svg
    }
}
