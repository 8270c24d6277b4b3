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
    /// Lines between the message and the hint: the query with a caret under the spot it could not read.
    var detail: [String]
    var status: ExitStatus

    init(_ message: String, hint: String? = nil, detail: [String] = [], status: ExitStatus) {
        self.message = message
        self.hint = hint
        self.detail = detail
        self.status = status
    }

    var description: String { message }
}

extension UserFacingError {
    /// Prints the error, its detail and hint on standard error and exits with its status. Never returns.
    func exit() -> Never {
        let style = Style(enabled: Terminal.useColor(.auto, on: .standardError))
        StandardError.line("\(style.error("error:")) \(message)")
        for line in detail { StandardError.line(line) }
        if let hint { StandardError.line("\(style.bold("hint:")) \(hint)") }
        PodiumCommand.exit(withError: ExitCode(status.rawValue))
    }
}
