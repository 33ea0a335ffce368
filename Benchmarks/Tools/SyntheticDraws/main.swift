// Writes every draw of the synthetic benchmark model (parameters and outputs, as
// `grdp run --keep-draws` does) so that `numpy_montecarlo.py --model synthetic
// --validate-draws FILE` can check that NumPy evaluates the same model:
//
//   swift run -c release --scratch-path .build-mcbench synthetic-draws FILE [DRAWS]
import Foundation
import Simulation
import SyntheticModels

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first, arguments.count <= 2, let draws = Int(arguments.dropFirst().first ?? "2000"), draws >= 1 else {
    FileHandle.standardError.write(Data("usage: synthetic-draws FILE [DRAWS ≥ 1, default 2000]\n".utf8))
    exit(64)
}
/// Appends the engine's CSV lines to a file (a benchmark input, not a product output).
final class FileSink: DrawsSink, @unchecked Sendable {
    let handle: FileHandle
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }
    func appendDraws(_ text: String) throws(SimulationError) { handle.write(Data(text.utf8)) }
}

do {
    let model = try SyntheticModel.make(sectors: 200, levers: 10)
    let sink = try FileSink(path: path)
    let configuration = RunConfiguration(draws: draws, seed: 2025, sampling: .latinHypercube, threads: 1, keptDraws: sink)
    let result = try MonteCarloEngine.run(model: model, configuration: configuration)
    try sink.handle.close()
    print("wrote \(draws) draws of \(model.parameters.count) parameters and \(result.layout.count) outputs to \(path)")
} catch {
    FileHandle.standardError.write(Data("synthetic-draws: error: \(error)\n".utf8))
    exit(1)
}
