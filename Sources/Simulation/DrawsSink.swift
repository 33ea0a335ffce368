/// Where kept draws go: the caller's staged file (written in draw order; the caller
/// commits or abandons it once the whole command is done).
public protocol DrawsSink: AnyObject, Sendable {
    /// Appends CSV lines; throws `cannotWriteDraws` on a write error (e.g. a full disk).
    func appendDraws(_ text: String) throws(SimulationError)
}

/// Writes the header, then each block's lines, to the sink.
final class DrawsWriter: @unchecked Sendable {
    let sink: any DrawsSink

    init(sink: any DrawsSink, header: [String]) throws(SimulationError) {
        self.sink = sink
        try append((["draw"] + header).joined(separator: ",") + "\n")
    }

    static func format(_ value: Double) -> String { "\(value)" }

    func append(_ text: String) throws(SimulationError) {
        try sink.appendDraws(text)
    }
}
