import CZlibStream
import Foundation

/// An output file that appears only when the command has succeeded.
///
/// The target decides how it is written:
/// - a regular file, or a name that does not exist yet: the text goes to a temporary file
///   `.NAME.tmp-PID-N` in the same directory, which `commit()` renames over the target, so
///   readers never see a half-written file and a failure leaves any previous file untouched;
/// - a symbolic link to a regular file: the same, on the link's final target, so the link
///   itself is kept;
/// - anything else (a character or block device such as `/dev/null` or `/dev/full`, a FIFO,
///   a socket, or a link to one): written in place — a device cannot be replaced by a file.
///   `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to the process's own descriptor.
///   Text appended before `commit()` is buffered when `streaming` is false (reports), or
///   written at once when it is true (kept draws, which can be large).
///
/// Every write is checked: a short write or an error such as ENOSPC (`/dev/full`) is a
/// `ReportingError.cannotWrite` naming the target. Temporary files are registered with
/// `TemporaryFiles`, so a SIGINT or SIGTERM removes them.
/// With `gzip`, every byte is compressed on its way to the file (`GzipStream`), and the
/// gzip trailer is written by `commit()`.
///
/// A resumable file (`init(resumable:gzip:)`, kept draws of a `--checkpoint` run) is staged
/// under a fixed name, `.NAME.checkpoint-draws` next to the target, which a failure or a kill
/// leaves in place: `start(at:)` either starts it afresh or checks it against the mark its
/// checkpoint recorded (`mark()`: length and CRC-32, after an fsync), cuts it back to that
/// length and continues it.
/// - Complexity: O(bytes written); `start(at:)` reads the bytes kept once.
public final class StagedFile: @unchecked Sendable {
    /// The path the user gave.
    public let path: String
    private enum Mode {
        case atomic(temporary: String, target: String, slot: Int?)
        case inPlace
    }
    private let mode: Mode
    private var descriptor: Int32
    private let ownsDescriptor: Bool
    private let streaming: Bool
    private var gzip: GzipStream?
    private var buffered: [UInt8] = []
    private var finished = false
    /// Bytes written to the descriptor so far, and their CRC-32 (a resumable file's mark).
    private var writtenBytes = 0
    private var writtenCRC32: UInt32 = 0
    private let resumable: Bool
    /// Whether this is a resumable file (`init(resumable:gzip:)`).
    public var isResumable: Bool { resumable }
    /// True once a resumable file continues a checkpointed run's draws (header included).
    public private(set) var holdsHeader = false
    private let lock = NSLock()
    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    /// Opens the target for writing: creates the temporary file (regular targets) or opens
    /// the device, FIFO or descriptor (in place; a FIFO blocks until it has a reader).
    /// - Throws: `ReportingError.cannotWrite` when the directory is missing or not writable,
    ///   the target is a directory, or a symbolic link points nowhere.
    public init(path: String, streaming: Bool = false, gzip: Bool = false) throws(ReportingError) {
        self.path = path
        self.streaming = streaming
        self.gzip = gzip ? try GzipStream(path: path) : nil
        resumable = false
        guard !path.isEmpty else { throw .cannotWrite(path: path, reason: "the file name is empty") }
        if let fd = Self.processDescriptor(path) {
            guard fcntl(fd, F_GETFD) != -1 else { throw .cannotWrite(path: path, reason: "descriptor \(fd) is not open") }
            mode = .inPlace
            descriptor = fd
            ownsDescriptor = false
            return
        }
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0 {
            throw .cannotWrite(path: path, reason: "it is a symbolic link to a missing file")
        }
        let exists = stat(path, &info) == 0
        let kind = info.st_mode & S_IFMT
        if exists, kind == S_IFDIR {
            throw .cannotWrite(path: path, reason: "it is a directory; give a file name")
        }
        if exists, kind != S_IFREG {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .cannotWrite(path: path, reason: Self.lastError()) }
            mode = .inPlace
            descriptor = fd
            ownsDescriptor = true
            return
        }
        let target = exists ? (Self.resolved(path) ?? path) : path
        let url = URL(fileURLWithPath: target)
        let number: Int = Self.counterLock.withLock {
            Self.counter += 1
            return Self.counter
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(number)").path
        let slot = TemporaryFiles.register(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = Self.lastError()
            TemporaryFiles.unregister(slot)
            throw .cannotWrite(path: path, reason: reason)
        }
        if exists { _ = fchmod(fd, info.st_mode & 0o7777) }
        mode = .atomic(temporary: temporary, target: target, slot: slot)
        descriptor = fd
        ownsDescriptor = true
    }

    /// A resumable staged file for `path` (a regular file or a new name), opened by `start(at:)`.
    /// - Throws: `ReportingError.cannotWrite` when the target is not a regular file (a device
    ///   or FIFO cannot be cut back to a checkpoint) or its directory is not writable.
    public init(resumable path: String, gzip: Bool) throws(ReportingError) {
        self.path = path
        streaming = true
        self.gzip = gzip ? try GzipStream(path: path) : nil
        resumable = true
        try Self.checkWritable(path)
        var info = stat()
        let exists = stat(path, &info) == 0
        guard Self.processDescriptor(path) == nil, !exists || (info.st_mode & S_IFMT) == S_IFREG else {
            throw .cannotWrite(path: path, reason: "with --checkpoint the kept draws go to a regular file, which a resumed run continues; give a file name")
        }
        let target = exists ? (Self.resolved(path) ?? path) : path
        let url = URL(fileURLWithPath: target)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).checkpoint-draws").path
        mode = .atomic(temporary: temporary, target: target, slot: nil)
        descriptor = -1
        ownsDescriptor = true
    }

    /// Opens a resumable file: empty (no `mark`), or continuing the bytes `mark` describes.
    /// - Returns: nil, or what is wrong with the kept file (missing, shorter than the mark,
    ///   other bytes), for the caller's message.
    /// - Throws: `ReportingError.cannotWrite` on an I/O error.
    public func start(at mark: KeptDrawsMark?) throws(ReportingError) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard resumable, descriptor < 0, case let .atomic(temporary, _, _) = mode else {
            throw .cannotWrite(path: path, reason: "the file was already opened")
        }
        guard let mark else {
            descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw .cannotWrite(path: temporary, reason: Self.lastError()) }
            return nil
        }
        let fd = open(temporary, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return "the draws kept so far (\(temporary)) are missing" }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) >= mark.fileBytes else {
            close(fd)
            return "the draws kept so far (\(temporary)) are shorter than it recorded"
        }
        var crc = UInt(0), offset = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while offset < mark.fileBytes {
            let got = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, mark.fileBytes - offset), off_t(offset)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else {
                close(fd)
                throw .cannotWrite(path: temporary, reason: got < 0 ? Self.lastError() : "it ended while it was read")
            }
            crc = chunk.withUnsafeBufferPointer { crc32_z(crc, $0.baseAddress, got) }
            offset += got
        }
        guard UInt32(crc) == mark.fileCRC32 else {
            close(fd)
            return "the draws kept so far (\(temporary)) are not the ones it recorded"
        }
        guard ftruncate(fd, off_t(mark.fileBytes)) == 0, lseek(fd, 0, SEEK_END) >= 0 else {
            let reason = Self.lastError()
            close(fd)
            throw .cannotWrite(path: temporary, reason: reason)
        }
        descriptor = fd
        writtenBytes = mark.fileBytes
        writtenCRC32 = mark.fileCRC32
        if gzip != nil { gzip = try GzipStream(path: path, resumingAfter: mark.textBytes, textCRC32: mark.textCRC32, headerWritten: true) }
        holdsHeader = true
        return nil
    }

    /// Where a resumable file has got, once its bytes are on disk (fsync), for a checkpoint.
    /// - Throws: `ReportingError.cannotWrite` when fsync fails.
    public func mark() throws(ReportingError) -> KeptDrawsMark {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0, fsync(descriptor) == 0 else { throw .cannotWrite(path: path, reason: descriptor < 0 ? "the file is not open" : Self.lastError()) }
        return KeptDrawsMark(fileBytes: writtenBytes, fileCRC32: writtenCRC32,
                             textBytes: gzip?.textBytes ?? writtenBytes, textCRC32: gzip?.textCRC32 ?? writtenCRC32)
    }

    /// Writes the whole text (see the type's notes on buffering).
    /// - Throws: `ReportingError.cannotWrite` on any write error, e.g. ENOSPC.
    public func append(_ text: String) throws(ReportingError) {
        try append(bytes: Array(text.utf8))
    }

    /// Writes the bytes (see the type's notes on buffering).
    public func append(bytes: [UInt8]) throws(ReportingError) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished, !resumable || descriptor >= 0 else { throw .cannotWrite(path: path, reason: "the file is not open") }
        if case .inPlace = mode, !streaming {
            buffered.append(contentsOf: bytes)
            return
        }
        if let gzip { return try writeAll(gzip.compress(bytes, path: path)) }
        try writeAll(bytes)
    }

    /// Flushes and closes, then renames the temporary file over the target (regular files).
    /// - Throws: `ReportingError.cannotWrite`; the temporary file is then removed.
    public func commit() throws(ReportingError) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        do throws(ReportingError) {
            if !buffered.isEmpty { try writeAll(gzip?.compress(buffered, path: path) ?? buffered) }
            buffered = []
            if let gzip { try writeAll(gzip.finish(path: path)) }
            if case .atomic = mode, fsync(descriptor) != 0 { throw .cannotWrite(path: path, reason: Self.lastError()) }
            if ownsDescriptor, descriptor >= 0, close(descriptor) != 0 { throw .cannotWrite(path: path, reason: Self.lastError()) }
        } catch {
            removeTemporary()
            throw error
        }
        if case let .atomic(temporary, target, slot) = mode {
            if rename(temporary, target) != 0 {
                let reason = Self.lastError()
                removeTemporary()
                throw .cannotWrite(path: path, reason: reason)
            }
            TemporaryFiles.unregister(slot)
        }
    }

    /// Gives up: closes and removes the temporary file; a device or FIFO is left as it is.
    /// A resumable file is closed and kept (its checkpoint refers to it).
    public func abandon() {
        lock.withLock {
            guard !finished else { return }
            finished = true
            buffered = []
            if ownsDescriptor, descriptor >= 0 { _ = close(descriptor) }
            if !resumable { removeTemporary() }
        }
    }

    deinit { abandon() }

    private func removeTemporary() {
        guard case let .atomic(temporary, _, slot) = mode else { return }
        _ = unlink(temporary)
        TemporaryFiles.unregister(slot)
    }

    private func writeAll(_ bytes: [UInt8]) throws(ReportingError) {
        var offset = 0
        let failure: String? = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return Self.lastError()
                }
                if written == 0 { return "nothing could be written" }
                offset += written
            }
            writtenCRC32 = UInt32(crc32_z(UInt(writtenCRC32), raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count))
            return nil
        }
        if let failure { throw .cannotWrite(path: path, reason: failure) }
        writtenBytes += bytes.count
    }

    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` name a descriptor of
    /// this process; they are written through it (opening them anew could truncate a file
    /// the shell opened for appending, or fail on a socket).
    static func processDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// Checks, without creating anything, that `path` could be staged: not a directory, not
    /// a link to nothing, and (for a regular target) in an existing, writable directory. A
    /// long run calls it first, so that a mistyped `-o` fails before the work, not after.
    /// - Throws: `ReportingError.cannotWrite`, as `init` would.
    public static func checkWritable(_ path: String) throws(ReportingError) {
        guard !path.isEmpty else { throw .cannotWrite(path: path, reason: "the file name is empty") }
        if processDescriptor(path) != nil { return }
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0 {
            throw .cannotWrite(path: path, reason: "it is a symbolic link to a missing file")
        }
        var target = path
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw .cannotWrite(path: path, reason: "it is a directory; give a file name")
            case S_IFREG: target = resolved(path) ?? path
            default: return
            }
        }
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent().path
        guard access(directory, W_OK) == 0 else { throw .cannotWrite(path: path, reason: lastError()) }
    }

    /// Whether two paths name the same regular file (or the same new name): two staged
    /// files committed to one target would silently lose the first.
    public static func sameTarget(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else {
            return URL(fileURLWithPath: first).standardizedFileURL.path == URL(fileURLWithPath: second).standardizedFileURL.path
        }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino && (a.st_mode & S_IFMT) == S_IFREG
    }

    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

import Simulation

/// Kept draws stream into a staged file (`--keep-draws`), committed by the command once the
/// report has been written too.
extension StagedFile: DrawsSink {
    public func appendDraws(_ text: String) throws(SimulationError) {
        do { try append(text) } catch {
            switch error {
            case let .cannotWrite(_, reason): throw .cannotWriteDraws(path: path, reason: reason)
            default: throw .cannotWriteDraws(path: path, reason: error.description)
            }
        }
    }
}
