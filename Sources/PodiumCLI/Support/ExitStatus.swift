import ArgumentParser

/// The exit statuses `podium` documents (README, "Exit codes").
enum ExitStatus: Int32 {
    /// Success; for searches, at least one result.
    case success = 0
    /// A search, export or trend that ran fine and matched nothing.
    case noMatch = 1
    /// Bad usage: unknown option, bad query syntax, bad date, unknown topic.
    case usage = 2
    /// The index is missing, locked, damaged or built by another analyzer.
    case index = 3
    /// An input could not be used: an unreadable source or a topics file with a mistake.
    case input = 4
    /// An output could not be written: `--out` unwritable, disk full.
    case output = 5
}

/// An error a user can act on: one line saying what went wrong, one hint saying what to do.
struct UserFacingError: Error, CustomStringConvertible {
    var message: String
    var hint: String?
    var status: ExitStatus

    init(_ message: String, hint: String? = nil, status: ExitStatus) {
        self.message = message
        self.hint = hint
        self.status = status
    }

    var description: String { message }
}

extension UserFacingError {
    /// Prints the error (and hint) on standard error and exits with its status. Never returns.
    func exit() -> Never {
        let style = Style(enabled: Terminal.stderrIsTerminal && Terminal.useColor(.auto) || false)
        StandardError.line("\(style.error("error:")) \(message)")
        if let hint { StandardError.line("hint: \(hint)") }
        PodiumCommand.exit(withError: ExitCode(status.rawValue))
    }
}
