import Foundation
import Spreadsheets

/// Reads an input file as UTF-8 text, with reasons a user can act on.
///
/// A directory, a device or a FIFO is refused before reading (`InputFileKind`); other failures give the system's reason (ENOENT,
/// EACCES, …) or say that the bytes are not UTF-8.
public enum InputFileText {
    /// - Returns: the text, or the reason it cannot be read (for the caller's typed error).
    /// - Complexity: O(file size).
    public static func read(_ path: String) -> Result<String, Problem> {
        if let problem = InputFileKind.problem(path) { return .failure(Problem(problem)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            let fd = open(path, O_RDONLY)
            if fd >= 0 { close(fd) }
            return .failure(Problem(fd < 0 ? String(cString: strerror(errno)) : "it cannot be read"))
        }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(Problem("it is not UTF-8 text")) }
        return .success(text)
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
