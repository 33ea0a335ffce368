import Dispatch
import Foundation
import Reporting

/// SIGINT and SIGTERM stop a run cleanly: the handler (a dispatch source, so it runs on an
/// ordinary thread, not in the signal context) clears the progress bar, removes every
/// registered temporary file (`TemporaryFiles`: atomic writes and `--keep-draws`), prints
/// one line and exits with 128 + the signal number (130, 143), the shell convention.
enum SignalHandling {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for (number, name) in [(SIGINT, "interrupted"), (SIGTERM, "terminated")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInitiated))
            source.setEventHandler {
                ProgressReporter.finish()
                TemporaryFiles.removeAll()
                FileHandle.standardError.write(Data("grdp: \(name); no partial output was left\n".utf8))
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
