/// Where kept draws go: the caller's staged file (written in draw order; the caller
/// commits or abandons it once the whole command is done).
public protocol DrawsSink: AnyObject, Sendable {
    /// Appends CSV lines; throws `cannotWriteDraws` on a write error (e.g. a full disk).
    func appendDraws(_ text: String) throws(SimulationError)
    /// True when the sink continues the draws of a checkpointed run, whose header it holds.
    var holdsHeader: Bool { get }
}

extension DrawsSink {
    public var holdsHeader: Bool { false }
}

/// How far a checkpointed run's kept-draws file had got when its checkpoint was written:
/// the file's length and the CRC-32 of its bytes, and, for gzip, the length and CRC-32 of
/// the text compressed so far (the gzip trailer's fields). A resumed run checks the file
/// against it, cuts it back to it and appends the draws of the blocks that follow.
public struct KeptDrawsMark: Sendable, Equatable {
    public var fileBytes: Int
    public var fileCRC32: UInt32
    public var textBytes: Int
    public var textCRC32: UInt32

    public init(fileBytes: Int, fileCRC32: UInt32, textBytes: Int, textCRC32: UInt32) {
        self.fileBytes = fileBytes
        self.fileCRC32 = fileCRC32
        self.textBytes = textBytes
        self.textCRC32 = textCRC32
    }
}

/// Writes the header (unless the sink holds it already), then each block's lines, to the sink.
final class DrawsWriter: @unchecked Sendable {
    let sink: any DrawsSink

    init(sink: any DrawsSink, header: [String]) throws(SimulationError) {
        self.sink = sink
        if !sink.holdsHeader { try append((["draw"] + header).joined(separator: ",") + "\n") }
    }

    static func format(_ value: Double) -> String { "\(value)" }

    func append(_ text: String) throws(SimulationError) {
        try sink.appendDraws(text)
    }
}
