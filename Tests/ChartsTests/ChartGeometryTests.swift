import Charts
import Foundation
import Testing

@Suite("Chart geometry")
struct ChartGeometryTests {
    /// Four quarters whose bands span 4…10 with a target of 8: the nice step for a span of 6
    /// over 5 ticks is 1 (Heckbert), so the domain is [4, 10] padded by half a step, 3.5…10.5.
    /// The default frame puts the plot at x ∈ [56, 696], y ∈ [36, 276]: quarter i's centre is
    /// x = 56 + 160·i + 80 and value v is at y = 276 − (v − 3.5)·240/7.
    static let chart = FanChart(periods: [
        .init(label: "Q1", p5: 7.41, p25: 7.41, p50: 7.41, p75: 7.41, p95: 7.41, published: 7.41),
        .init(label: "Q2", p5: 5.0, p25: 6.5, p50: 7.2, p75: 7.9, p95: 9.0),
        .init(label: "Q3", p5: 4.0, p25: 6.0, p50: 7.0, p75: 8.0, p95: 10.0),
        .init(label: "Q4", p5: 4.5, p25: 6.8, p50: 7.6, p75: 8.4, p95: 9.6),
    ], target: 8, valueTitle: "GRDP growth (% y/y)")

    static func expectedY(_ value: Double) -> Double { 276 - (value - 3.5) * 240 / 7 }

    /// Reads the `points` attribute of the median polyline out of the rendered SVG text.
    static func renderedMedian(_ svg: String) throws -> [(Double, Double)] {
        let polyline = try #require(svg.range(of: "<polyline class=\"median\" points=\""))
        let rest = svg[polyline.upperBound...]
        let end = try #require(rest.firstIndex(of: "\""))
        return try rest[..<end].split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            try #require(xy.count == 2)
            return (xy[0], xy[1])
        }
    }

    @Test("The median line's vertex at each quarter is at the quarter's centre and the median's y (±0.005 px, SVG rounding)")
    func medianLine() throws {
        let points = try Self.renderedMedian(Self.chart.svg(id: "fan", title: "fan").rendered())
        #expect(points.count == 4)
        for (i, period) in Self.chart.periods.enumerated() {
            #expect(abs(points[i].0 - (136 + 160 * Double(i))) <= 0.005)
            #expect(abs(points[i].1 - Self.expectedY(period.p50)) <= 0.005, "Q\(i + 1): \(points[i].1) vs \(Self.expectedY(period.p50))")
        }
        #expect(Self.chart.yScale.domain == 3.5...10.5)
    }

    @Test("Target line and published dot are drawn at their values' y (±0.005 px)")
    func targetAndPublished() throws {
        let svg = Self.chart.svg(id: "fan", title: "fan")
        let target = try #require(svg.elements(withClass: "target").first)
        #expect(abs((Double(target.attribute("y1") ?? "") ?? .nan) - Self.expectedY(8)) <= 0.005)
        let dots = svg.elements(withClass: "published")
        #expect(dots.count == 1)
        #expect(abs((Double(dots[0].attribute("cy") ?? "") ?? .nan) - Self.expectedY(7.41)) <= 0.005)
        #expect(dots[0].attribute("cx") == "136")
    }

    /// Heckbert's nice steps: span/count rounded to 1, 2, 5 or 10 × 10ᵏ at the thresholds 1.5, 3, 7 (35/5 = 7 rounds up to 10).
    @Test("Nice ticks", arguments: [(6.0, 5, 1.0), (0.9, 5, 0.2), (30.0, 5, 5.0), (1000.0, 4, 200.0), (35.0, 5, 10.0)])
    func niceSteps(_ span: Double, _ count: Int, _ step: Double) {
        #expect(LinearScale.niceStep(span: span, count: count) == step)
    }

    @Test("Histogram bars: heights are shares of all draws; bins at or above the target are marked")
    func histogram() throws {
        let chart = HistogramChart(bins: [.init(lower: 6, upper: 7, count: 30), .init(lower: 7, upper: 8, count: 50), .init(lower: 8, upper: 9, count: 20)],
                                   target: 8, probabilityAtOrAboveTarget: 0.2, valueTitle: "growth")
        let svg = chart.svg(id: "h", title: "h")
        let bars = svg.elements(withClass: "bar")
        #expect(bars.count == 3)
        #expect(svg.elements(withClass: "above-target").count == 1)
        // Heights in proportion to the counts 30 : 50 : 20 (±0.01 px from rounding).
        let heights = bars.compactMap { Double($0.attribute("height") ?? "") }
        #expect(abs(heights[0] / heights[1] - 0.6) < 0.001 && abs(heights[2] / heights[1] - 0.4) < 0.001)
        #expect(svg.rendered().contains("P(≥ target) = 20.0 %"))
    }

    @Test("Labels from data are escaped")
    func escaping() {
        let chart = IntervalChart(rows: [.init(label: "a<b & \"c\"", low: -1, centre: 0, high: 1)], valueTitle: "pp")
        let text = chart.svg(id: "i", title: "t").rendered()
        #expect(text.contains("a&lt;b &amp; &quot;c&quot;"))
        #expect(!text.contains("a<b"))
    }
}
