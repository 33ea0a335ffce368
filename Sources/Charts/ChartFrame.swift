/// The drawing area of a chart: the SVG's size and the margins that hold the axes, so that
/// the plot occupies x ∈ [left, width − right], y ∈ [top, height − bottom].
public struct ChartFrame: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var left: Double

    public init(width: Double = 720, height: Double = 320, top: Double = 36, right: Double = 24, bottom: Double = 44, left: Double = 56) {
        self.width = width
        self.height = height
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    public var plotLeft: Double { left }
    public var plotRight: Double { width - right }
    public var plotTop: Double { top }
    public var plotBottom: Double { height - bottom }

    /// The root `<svg>` element: fixed viewBox, scales to its container's width, with a
    /// `<title>` for screen readers and tooltips.
    func root(id: String, title: String) -> SVGElement {
        SVGElement("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("id", id), ("class", "chart"), ("role", "img"),
            ("viewBox", "0 0 \(Coordinate.text(width)) \(Coordinate.text(height))"), ("width", Coordinate.text(width)),
            ("height", Coordinate.text(height)), ("font-family", ChartStyle.fontFamily), ("font-size", "12"),
        ], children: [.element(SVGElement("title", children: [.text(title)]))])
    }
}

/// Colours and type of every chart (print-safe on white).
public enum ChartStyle {
    public static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
    public static let ink = "#1f2933"
    public static let muted = "#616e7c"
    public static let grid = "#e4e7eb"
    public static let outerBand = "#c6dbef"
    public static let innerBand = "#6baed6"
    public static let median = "#08519c"
    public static let target = "#c0392b"
    public static let published = "#1f2933"
    public static let bar = "#9ecae1"
    public static let barAboveTarget = "#2171b5"
}

/// Axis drawing shared by the charts.
enum Axis {
    /// Horizontal grid lines and labels at the y scale's ticks, with an axis title.
    static func vertical(_ scale: LinearScale, frame: ChartFrame, title: String, count: Int = 5) -> SVGElement {
        var group = SVGElement("g", [("class", "axis y-axis")])
        let ticks = scale.ticks(count: count)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        for tick in ticks {
            let y = Coordinate.text(scale(tick))
            group.append(SVGElement("line", [("x1", Coordinate.text(frame.plotLeft)), ("x2", Coordinate.text(frame.plotRight)),
                                             ("y1", y), ("y2", y), ("stroke", ChartStyle.grid)]))
            group.append(SVGElement("text", [("x", Coordinate.text(frame.plotLeft - 6)), ("y", y), ("dy", "0.32em"), ("text-anchor", "end"),
                                             ("fill", ChartStyle.muted)], children: [.text(LinearScale.label(tick, step: step))]))
        }
        group.append(SVGElement("text", [("x", Coordinate.text(frame.plotLeft)), ("y", Coordinate.text(frame.plotTop - 14)),
                                         ("fill", ChartStyle.muted)], children: [.text(title)]))
        return group
    }

    /// Vertical grid lines and labels at the x scale's ticks, with an axis title below.
    static func horizontal(_ scale: LinearScale, frame: ChartFrame, title: String, count: Int = 6) -> SVGElement {
        var group = SVGElement("g", [("class", "axis x-axis")])
        let ticks = scale.ticks(count: count)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        for tick in ticks {
            let x = Coordinate.text(scale(tick))
            group.append(SVGElement("line", [("x1", x), ("x2", x), ("y1", Coordinate.text(frame.plotTop)),
                                             ("y2", Coordinate.text(frame.plotBottom)), ("stroke", ChartStyle.grid)]))
            group.append(SVGElement("text", [("x", x), ("y", Coordinate.text(frame.plotBottom + 16)), ("text-anchor", "middle"),
                                             ("fill", ChartStyle.muted)], children: [.text(LinearScale.label(tick, step: step))]))
        }
        group.append(SVGElement("text", [("x", Coordinate.text((frame.plotLeft + frame.plotRight) / 2)), ("y", Coordinate.text(frame.height - 6)),
                                         ("text-anchor", "middle"), ("fill", ChartStyle.muted)], children: [.text(title)]))
        return group
    }

    /// A text label.
    static func label(_ text: String, x: Double, y: Double, anchor: String = "start", fill: String = ChartStyle.ink,
                      className: String = "label", weight: String? = nil) -> SVGElement {
        var attributes = [("class", className), ("x", Coordinate.text(x)), ("y", Coordinate.text(y)), ("text-anchor", anchor), ("fill", fill)]
        if let weight { attributes.append(("font-weight", weight)) }
        return SVGElement("text", attributes, children: [.text(text)])
    }
}
