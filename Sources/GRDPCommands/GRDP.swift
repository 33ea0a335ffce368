import ArgumentParser
import Foundation
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
                      InputOutputCommand.self, DataCommand.self, InfoCommand.self, SensitivityCommand.self, GoalSeekCommand.self, DiscoverCommand.self, CompareCommand.self,
                      ExperimentCommand.self, MergeCommand.self, HistoryCommand.self, BatchCommand.self],
        defaultSubcommand: RunCommand.self
    )

    public init() {}
}

extension ExitCode {
    /// EX_SOFTWARE (sysexits.h): an internal error, a bug.
    static let internalError: Int32 = 70
}

/// Runs the command line: parses, runs, and turns every error into one line on standard
/// error and a documented exit code.
public enum CommandLineMain {
    public static func main(_ arguments: [String]? = nil) -> Never {
        TemporaryFiles.removeOnTermination()
        let given = arguments ?? Array(CommandLine.arguments.dropFirst())
        let prepared = CommandLineArguments.joiningNegativeNumbers(given)
        var command: ParsableCommand
        switch parse(given) {
        case let .command(parsed): command = parsed
        case let .usageError(line):
            printError(line)
            exit(ExitCode.validationFailure.rawValue)
        case let .helpOrVersion(error): GRDP.exit(withError: error)
        }
        do {
            try command.run()
            exit(0)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch let error as ValidationError {
            printError(CommandLineArguments.usageLine(for: error, arguments: prepared))
            exit(ExitCode.validationFailure.rawValue)
        } catch {
            if let message = UserFacingErrors.message(for: error) {
                printError(CommandLineMain.errorPrefix + message)
                exit(1)
            }
            switch GRDP.exitCode(for: error) {
            case .success: GRDP.exit(withError: error)  // help or version requested late
            case .validationFailure:
                printError(CommandLineArguments.usageLine(for: error, arguments: prepared))
                exit(ExitCode.validationFailure.rawValue)
            default: break
            }
            printError(CommandLineMain.errorPrefix + "internal: \(InternalErrors.reason(for: error)); please report it with the command line that caused it")
            exit(ExitCode.internalError)
        }
    }

    /// The start of every error line, whatever its exit code (1 bad input, 64 bad command line,
    /// 70 internal: `grdp: error: internal: …`).
    public static let errorPrefix = "grdp: error: "

    /// What the command line asks for, before anything runs.
    public enum Parsed {
        case command(ParsableCommand)
        /// The one line to print (exit 64).
        case usageError(String)
        /// `--help` or `--version`: ArgumentParser prints the text (exit 0).
        case helpOrVersion(Error)
    }

    /// Parses without running: an unknown command, then negative numbers joined to their
    /// options, then ArgumentParser (which also runs the commands' `validate()`). The
    /// command-line fuzz target calls this.
    /// - Complexity: O(arguments · commands).
    public static func parse(_ given: [String]) -> Parsed {
        if let unknown = CommandLineArguments.unknownCommand(given) { return .usageError(CommandLineMain.errorPrefix + unknown) }
        let prepared = CommandLineArguments.joiningNegativeNumbers(given)
        do {
            return .command(try GRDP.parseAsRoot(prepared))
        } catch {
            guard GRDP.exitCode(for: error) != .success else { return .helpOrVersion(error) }
            return .usageError(CommandLineArguments.usageLine(for: error, arguments: prepared))
        }
    }

    /// `line` as printed: control characters escaped, so it is one line.
    public static func printable(_ line: String) -> String { CommandLineArguments.oneLine(line) }

    /// One line on standard error; control characters in it (from file names or file
    /// contents quoted in the message) are escaped so it stays one line.
    static func printError(_ line: String) {
        let text = CommandLineArguments.oneLine(line) + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    }
}
