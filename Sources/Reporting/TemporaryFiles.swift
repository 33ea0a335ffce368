import Foundation

/// The temporary files this process has open for atomic writes, so that an interrupted run
/// (SIGINT, SIGTERM) can remove them before it exits. Registration is cheap (a lock and a
/// set insert); `removeAll` is called from the signal handler's dispatch queue, not from
/// the signal context itself.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    public static func register(_ path: String) {
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }

    public static func unregister(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    /// The temporary sibling an atomic write of `path` uses: `.NAME.tmp-PID` in the same
    /// directory (the rule of `AtomicFile` and of the engine's `--keep-draws` writer).
    public static func siblingPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
    }

    /// Removes every registered file that exists; returns how many were removed.
    @discardableResult
    public static func removeAll() -> Int {
        lock.lock()
        let current = paths
        paths.removeAll()
        lock.unlock()
        var removed = 0
        for path in current where unlink(path) == 0 { removed += 1 }
        return removed
    }
}
