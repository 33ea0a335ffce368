import Foundation

/// The temporary files this process has open, so that SIGINT, SIGTERM and SIGHUP remove
/// them before the process ends (exit status 128 + signal: 130 for SIGINT, 143 for SIGTERM).
///
/// The handler may run at any instruction, so it only reads a fixed table of C strings
/// (filled under a lock by `register`) and calls `unlink`, `write` (one line on standard
/// error) and `_exit`, all async-signal-safe. At most `capacity` files are tracked at once; beyond that a file is
/// still written, only not cleaned up on a signal.
public enum TemporaryFiles {
    static let capacity = 64
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    static let lock = NSLock()

    /// Records `path`; returns its slot for `unregister` (nil when the table is full).
    static func register(_ path: String) -> Int? {
        lock.withLock {
            for index in 0..<capacity where slots[index] == nil {
                slots[index] = strdup(path)
                return index
            }
            return nil
        }
    }

    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.withLock {
            let pointer = slots[slot]
            slots[slot] = nil
            free(pointer)
        }
    }

    /// Installs the handlers and unblocks the signals (a parent may have started the process
    /// with them blocked, and threads inherit the mask); call once at start-up, on the main
    /// thread, before any other thread or temporary file exists.
    public static func removeOnTermination() {
        _ = slots
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            sigaddset(&unblocked, signalNumber)
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = temporaryFilesSignalHandler
            #else
            action.__sigaction_u.__sa_handler = temporaryFilesSignalHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }
}

private func temporaryFilesSignalHandler(_ signalNumber: Int32) {
    let slots = TemporaryFiles.slots
    for index in 0..<TemporaryFiles.capacity {
        if let path = slots[index] { unlink(path) }
    }
    // One line on standard error; `write` is async-signal-safe, and the messages are static.
    let message: StaticString = signalNumber == SIGINT
        ? "grdp: interrupted; no partial output was left\n"
        : "grdp: stopped by a signal; no partial output was left\n"
    _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
    _exit(128 + signalNumber)
}
