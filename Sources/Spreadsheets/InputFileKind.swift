import Foundation

/// Whether a path names a regular file that can be read to its end: a directory, a device or
/// a FIFO is refused before reading (reading `/dev/zero` would never end, a FIFO would block,
/// and Foundation reports a directory as "NSCocoaErrorDomain error 256").
public enum InputFileKind {
    /// nil for a regular file; else the reason, for the caller's typed error. O(1).
    public static func problem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return String(cString: strerror(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a directory, not a file"
        default: return "it is not a regular file but a device, FIFO or socket"
        }
    }
}
