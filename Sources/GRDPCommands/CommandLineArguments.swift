import ArgumentParser
import Foundation

/// What the command line is checked for before ArgumentParser sees it, and how its errors
/// are turned into one line.
enum CommandLineArguments {
    /// `--draws -5` as `--draws=-5`: ArgumentParser reads a word starting with `-` as an
    /// option, so a negative number after an option would be reported as a missing value
    /// instead of reaching the option's own check ("must be at least 1").
    static func joiningNegativeNumbers(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                result.append(contentsOf: arguments[index...])
                break
            }
            if argument.hasPrefix("--"), !argument.contains("="), index + 1 < arguments.count,
               isNegativeNumber(arguments[index + 1]) {
                result.append(argument + "=" + arguments[index + 1])
                index += 2
                continue
            }
            result.append(argument)
            index += 1
        }
        return result
    }

    static func isNegativeNumber(_ text: String) -> Bool {
        guard text.hasPrefix("-"), text.count > 1 else { return false }
        return Double(text) != nil || text.lowercased() == "-inf" || text.lowercased() == "-nan"
    }

    /// The subcommand names of `grdp`.
    static var commandNames: [String] {
        GRDP.configuration.subcommands.map { $0._commandName }
    }

    /// A first word that is neither an option, a command, nor plausibly a scenario file
    /// (`run` is the default command, so `grdp plan.toml` runs a file): the message for a
    /// misspelt command, with the nearest command name.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first), first != "help" else { return nil }
        let looksLikeFile = first.contains(".") || first.contains("/") || FileManager.default.fileExists(atPath: first)
        guard !looksLikeFile else { return nil }
        let nearest = commandNames.min { editDistance($0, first) < editDistance($1, first) }
        let suggestion = nearest.map { editDistance($0, first) <= max(2, first.count / 2) ? "; did you mean '\($0)'?" : "" } ?? ""
        return "unknown command '\(first)'\(suggestion) (see grdp --help)"
    }

    /// Levenshtein distance (insertions, deletions, substitutions). - Complexity: O(|a|·|b|).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    /// The subcommand the arguments name (for the `--help` hint), e.g. `io` or `data export`.
    static func commandPath(_ arguments: [String]) -> String {
        var path: [String] = []
        var candidates: [ParsableCommand.Type] = GRDP.configuration.subcommands
        for argument in arguments {
            guard let command = candidates.first(where: { $0._commandName == argument }) else { break }
            path.append(argument)
            candidates = command.configuration.subcommands
        }
        return path.isEmpty ? "" : " " + path.joined(separator: " ")
    }

    /// One line: ArgumentParser's message without its "Error: " prefix and usage block,
    /// line breaks folded, then the help hint.
    static func usageLine(for error: Error, arguments: [String]) -> String {
        var message = GRDP.message(for: error)
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let text = lines.filter { !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }.joined(separator: "; ")
        return CommandLineMain.errorPrefix + "\(text) (see grdp\(commandPath(arguments)) --help)"
    }

    /// User text inside a message, with line breaks and other control characters escaped
    /// (`\n`, `\r`, `\t`, `\u{1B}`), so that every error stays on one line.
    static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}", "\u{85}": out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                if scalar.properties.generalCategory == .control {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Input files are checked before they are read: a directory, a device or a FIFO gives a
/// clear message (reading one would fail with an opaque system error, or block).
enum InputFile {
    /// - Parameter role: how the file was given, e.g. `--accounts` or `scenario`.
    static func check(_ path: String, role: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }  // a missing file: the reader says so
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw CommandInputError("\(path): is a directory, not a file (\(role)); give the path of a file inside it")
        default: throw CommandInputError("\(path): is not a regular file (\(role): a device, FIFO or socket); give the path of a file")
        }
    }
}
