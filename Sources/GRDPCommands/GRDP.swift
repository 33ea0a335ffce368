import ArgumentParser
import Foundation
import LinearAlgebra
import Reporting

/// The `grdp` command tree. Each subcommand lives in its own file; the economics lives
/// in the library targets, the tables in Reporting, and this target only parses
/// arguments, loads files, and writes output.
public struct GRDP: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "grdp",
        abstract: "GRDP growth simulation: input-output model, growth accounting and Monte Carlo over policy levers.",
        discussion: """
            Exit codes: 0 success; 1 bad input (file, table, scenario, parameter); \
            64 bad command line; 70 internal error.
            """,
        version: ReportMeta.toolVersion,
        subcommands: [RunCommand.self, ReportCommand.self, ChartCommand.self, ValidateCommand.self, BacktestCommand.self, ContribCommand.self, QuarterlyCommand.self,
                      InputOutputCommand.self, DataCommand.self, InfoCommand.self, SensitivityCommand.self, GoalSeekCommand.self, DiscoverCommand.self, CompareCommand.self],
        defaultSubcommand: RunCommand.self
    )

    public init() {}
}

/// Runs the command line: parses, runs, and turns every error into one line on standard
/// error and a documented exit code.
public enum CommandLineMain {
    public static func main(_ arguments: [String]? = nil) -> Never {
        SignalHandling.install()
        do {
            var command = try GRDP.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            if let message = UserFacingErrors.message(for: error) {
                FileHandle.standardError.write(Data(("grdp: error: " + message + "\n").utf8))
                exit(1)
            }
            GRDP.exit(withError: error)
        }
    }
}
