import Foundation
import Testing

/// `grdp report` end to end: a self-contained page with one `<svg>` per chart, loaded by
/// headless Chromium with the network disabled. Without Chromium the browser checks are
/// skipped on a developer machine but fail in CI (CI=true), where .ci/run installs it.
@Suite("HTML report", .serialized)
struct ReportBrowserTests {
    /// The default plan's charts: the back-test is there because the embedded dataset has a
    /// history to back-test, the tornado because the report runs one (`--tornado-draws`).
    static let chartIDs = ["chart-fan", "chart-distribution", "chart-sectors", "chart-levers", "chart-tornado", "chart-backtest"]

    static func makeReport() throws -> (directory: URL, html: URL, text: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let html = directory.appendingPathComponent("report.html")
        let outcome = try GRDPBinary.run(["report", "--draws", "5000", "--progress", "none", "-o", html.path, "--svg", directory.appendingPathComponent("svg").path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.isEmpty)
        return (directory, html, try String(contentsOf: html, encoding: .utf8))
    }

    static var chromium: String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"].map { $0 == "true" || $0 == "1" } ?? false }

    /// Runs headless Chromium with the network disabled (every host unresolvable, a dead
    /// proxy) and console logging on standard error.
    static func runChromium(_ browser: String, _ arguments: [String]) throws -> (output: String, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                             "--enable-logging=stderr", "--v=0"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errorData = DispatchQueue(label: "stderr")
        nonisolated(unsafe) var log = Data()
        errorData.async { log = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorData.sync {}
        return (String(decoding: output, as: UTF8.self), String(decoding: log, as: UTF8.self))
    }

    @Test("The page is self-contained: no network URL in src, href or CSS, no external script, one <svg> per chart")
    func selfContained() throws {
        let (directory, _, text) = try Self.makeReport()
        defer { try? FileManager.default.removeItem(at: directory) }
        for forbidden in ["src=\"http", "href=\"http", "src='http", "href='http", "url(http", "url(//", "@import", "<link", "<script src", "<img", "<iframe"] {
            #expect(!text.lowercased().contains(forbidden), "found \(forbidden)")
        }
        #expect(text.components(separatedBy: "<svg ").count - 1 == Self.chartIDs.count)
        for id in Self.chartIDs {
            #expect(text.contains("<svg id=\"\(id)\""), "missing \(id)")
            let file = directory.appendingPathComponent("svg/\(id).svg")
            #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\""))
        }
        // An optional section is left out without its data (no placeholder).
        let withoutTornado = try GRDPBinary.run(["report", "--draws", "2000", "--progress", "none", "--tornado-draws", "0"])
        #expect(withoutTornado.status == 0 && !withoutTornado.standardOutput.contains("chart-tornado"))
        #expect(text.contains("@media print") && text.contains("size: A4"))
        #expect(text.contains("simulated outcomes"))
    }

    @Test("grdp chart KIND writes one SVG; report -o FILE.json writes the run's JSON with command 'report'")
    func chartAndFormats() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("fan.svg")
        let chart = try GRDPBinary.run(["chart", "fan", "--draws", "3000", "--progress", "none", "-o", svg.path])
        #expect(chart.status == 0, "\(chart.standardError)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-fan\""))
        #expect(text.contains("class=\"median\""))
        let json = directory.appendingPathComponent("r.json")
        let report = try GRDPBinary.run(["report", "--draws", "3000", "--progress", "none", "-o", json.path])
        #expect(report.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        #expect((document["meta"] as? [String: Any])?["command"] as? String == "report")
        let bad = try GRDPBinary.run(["chart", "pie"])
        #expect(bad.status == 64)
    }

    @Test("Headless Chromium loads it offline: every chart in the DOM, no console error, a screenshot that is not blank")
    func chromiumLoads() throws {
        guard let browser = Self.chromium else {
            if Self.inCI { Issue.record("CI=true but Chromium is not installed: .ci/run must install it (apt-get install -y chromium)") }
            return
        }
        let (directory, html, _) = try Self.makeReport()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dom = try Self.runChromium(browser, ["--dump-dom", html.absoluteString])
        // The page's inline script marks <html> when loaded and records any script error there.
        let root = try #require(dom.output.range(of: "<html").map { start in dom.output[start.lowerBound...].prefix { $0 != ">" } })
        #expect(root.contains("data-loaded=\"yes\""), "the page's script did not run: \(dom.log.suffix(500))")
        #expect(!root.contains("data-errors"), "\(root)")
        for id in Self.chartIDs { #expect(dom.output.contains("<svg id=\"\(id)\""), "DOM lacks \(id)") }
        let consoleLines = dom.log.split(separator: "\n").filter { $0.contains("CONSOLE") }
        #expect(consoleLines.isEmpty, "console: \(consoleLines.prefix(3))")

        // Not blank: the report's screenshot is several times larger (as PNG) than a blank
        // page's of the same size, which compresses to almost nothing.
        let blank = directory.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: blank, atomically: true, encoding: .utf8)
        var sizes: [Int] = []
        for (page, name) in [(html, "report.png"), (blank, "blank.png")] {
            let shot = directory.appendingPathComponent(name)
            _ = try Self.runChromium(browser, ["--window-size=1000,1400", "--screenshot=\(shot.path)", page.absoluteString])
            let attributes = try FileManager.default.attributesOfItem(atPath: shot.path)
            sizes.append((attributes[.size] as? NSNumber)?.intValue ?? 0)
        }
        #expect(sizes[1] > 0)
        #expect(sizes[0] > 5 * sizes[1], "report \(sizes[0]) bytes, blank \(sizes[1]) bytes")
    }
}
