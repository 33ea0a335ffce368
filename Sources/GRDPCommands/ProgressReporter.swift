import ArgumentParser
import Foundation

/// How a long run shows its progress on standard error.
enum ProgressMode: String, CaseIterable, ExpressibleByArgument {
    /// Nothing.
    case none
    /// A bar with done/total, rate and ETA, redrawn in place (a terminal).
    case bar
    /// A line every few seconds (a log file or CI).
    case log
}

/// Progress of a Monte Carlo run on standard error: the engine calls `report(done)` after
/// each merged block (from one thread at a time, in block order); the reporter throttles
/// to 4 redraws a second (bar) or one line every 5 s (log). Rate = done / elapsed; ETA =
/// (total − done) / rate.
final class ProgressReporter: @unchecked Sendable {
    let mode: ProgressMode
    let total: Int
    let interval: TimeInterval
    private let lock = NSLock()
    private let start = Date()
    private var last = Date.distantPast
    private var drewBar = false

    init(mode: ProgressMode, total: Int, interval: TimeInterval? = nil) {
        self.mode = mode
        self.total = max(1, total)
        self.interval = interval ?? (mode == .bar ? 0.25 : 5)
        // A log's first line comes one interval after the start: a short run logs nothing.
        last = mode == .log ? start : .distantPast
    }

    /// The engine's progress callback for `mode` (nil: bar on a terminal, log otherwise;
    /// `GRDP_PROGRESS_INTERVAL` seconds overrides the log interval), or nil for `none`.
    static func make(_ mode: ProgressMode?, total: Int) -> (@Sendable (Int) -> Void)? {
        let resolved = mode ?? (isatty(STDERR_FILENO) == 1 ? .bar : .log)
        guard resolved != .none else { return nil }
        let interval = ProcessInfo.processInfo.environment["GRDP_PROGRESS_INTERVAL"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
        let reporter = ProgressReporter(mode: resolved, total: total, interval: interval)
        active = reporter
        return { done in reporter.report(done) }
    }

    /// The reporter of the current run, so that `finish()` can clear the bar.
    nonisolated(unsafe) static var active: ProgressReporter?

    /// Clears the bar (a log needs nothing).
    static func finish() {
        active?.finishLine()
        active = nil
    }

    func report(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(last) >= interval || (mode == .bar && done >= total) else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 1e-3)
        let line = Self.line(done: done, total: total, elapsed: elapsed, bar: mode == .bar)
        if mode == .bar {
            FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
            drewBar = true
        } else {
            FileHandle.standardError.write(Data(("grdp: " + line + "\n").utf8))
        }
    }

    func finishLine() {
        lock.lock()
        defer { lock.unlock() }
        if drewBar { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drewBar = false
    }

    /// `[#######.............]  35% 7,000,000/20,000,000 draws  412k draws/s  ETA 0:32`
    /// (bar) or `35% 7,000,000/20,000,000 draws, 412k draws/s, ETA 0:32` (log).
    static func line(done: Int, total: Int, elapsed: TimeInterval, bar: Bool) -> String {
        let fraction = min(1, Double(done) / Double(max(1, total)))
        let rate = Double(done) / max(elapsed, 1e-3)
        let eta = rate > 0 ? Double(total - min(done, total)) / rate : .infinity
        let percent = String(format: "%3.0f%%", fraction * 100)
        let counts = "\(grouped(done))/\(grouped(total)) draws"
        let parts = [percent + " " + counts, rateText(rate) + " draws/s", "ETA " + duration(eta)]
        guard bar else { return parts.joined(separator: ", ") }
        let width = 24, filled = Int((fraction * Double(width)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " + parts.joined(separator: "  ")
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, character) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }

    static func rateText(_ rate: Double) -> String {
        rate >= 1e6 ? String(format: "%.1fM", rate / 1e6) : rate >= 1e3 ? String(format: "%.0fk", rate / 1e3) : String(format: "%.0f", rate)
    }

    /// 0:07, 12:34, 1:02:03; "--" when unknown.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e7 else { return "--" }
        let s = Int(seconds.rounded(.up))
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
