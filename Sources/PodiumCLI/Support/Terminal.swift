import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// What the terminal around the process can show.
enum Terminal {
    /// The two streams `podium` writes to; each decides on colour for itself, so that
    /// `podium export … > report.md` still shows a red `error:` on the terminal.
    enum Stream {
        case standardOutput, standardError

        var descriptor: Int32 { self == .standardOutput ? STDOUT_FILENO : STDERR_FILENO }
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether to colour `stream`: `always`; never with `never`; with `auto`, only when the stream is a
    /// terminal, `NO_COLOR` is unset or empty (no-color.org) and `TERM` is not `dumb`.
    static func useColor(_ choice: ColorChoice, on stream: Stream = .standardOutput) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(stream.descriptor) == 1
        }
    }

    /// Columns of `stream` when it is a terminal.
    static func columns(of stream: Stream) -> Int? {
        var size = winsize()
        guard isatty(stream.descriptor) == 1, ioctl(stream.descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0
        else { return nil }
        return Int(size.ws_col)
    }

    /// Columns of the terminal on standard error, 80 when unknown.
    static var width: Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }
}

/// ANSI styles, applied only when colour is on.
struct Style {
    let enabled: Bool

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func highlight(_ s: String) -> String { wrap(s, "1;33") }
    func accent(_ s: String) -> String { wrap(s, "36") }
    func error(_ s: String) -> String { wrap(s, "1;31") }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}

/// Unbuffered writes to standard error.
enum StandardError {
    static func write(_ s: String) {
        var s = s
        s.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    static func line(_ s: String) { write(s + "\n") }
}
