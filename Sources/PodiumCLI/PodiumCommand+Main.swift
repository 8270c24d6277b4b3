import ArgumentParser

extension PodiumCommand {
    /// Runs the command the arguments name, and reports failures the way README's "Exit codes" promises:
    /// a usage mistake caught by the argument parser (unknown option, missing or malformed value, a
    /// `validate()` failure) exits with status 2, not the parser's own 64, and every error is an
    /// `error:` line followed by a `hint:` line, never a stack trace.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            report(error)
        }
    }

    /// Prints `error` and exits with its status. Help, `--version` and completion scripts are printed as
    /// the parser prints them.
    private static func report(_ error: Error) -> Never {
        if let error = error as? UserFacingError { error.exit() }
        let code = exitCode(for: error)
        if code == .success || error is ExitCode { exit(withError: error) }
        let message = message(for: error)
        let usage = code == .validationFailure
        UserFacingError(
            message.isEmpty ? "\(error)" : message,
            hint: usage ? helpHint(for: error) : nil,
            status: usage ? .usage : .input
        ).exit()
    }

    /// "see 'podium search --help'", taken from the parser's full message, which names the subcommand whose
    /// arguments were wrong; the top-level help when the message names none.
    private static func helpHint(for error: Error) -> String {
        let full = fullMessage(for: error, columns: 1000)
        if let line = full.split(separator: "\n").first(where: { $0.contains("See '") }),
            let open = line.firstIndex(of: "'"),
            let close = line[line.index(after: open)...].firstIndex(of: "'")
        {
            return "see '\(line[line.index(after: open)..<close])'"
        }
        return "see 'podium --help'"
    }
}
