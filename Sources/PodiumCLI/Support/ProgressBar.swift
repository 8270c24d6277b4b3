import Foundation

/// A progress bar on standard error, redrawn in place, with rate and time left. It draws only when
/// standard error is a terminal; in a pipe or a log it stays silent and the caller's summary line
/// says what happened.
final class ProgressBar {
    private let label: String
    /// What `done` and `total` count, shown as "12/49 excerpts"; `nil` when they count internal work
    /// units, and the bar shows the megabytes read instead.
    private let unit: String?
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drewSomething = false

    init(label: String, unit: String?, enabled: Bool = Terminal.stderrIsTerminal) {
        self.label = label
        self.unit = unit
        self.enabled = enabled
    }

    /// Shows `done` of `total`, with the MB read and the rate when `bytes` is given. The fraction, and the
    /// time left, come from `bytes` of `totalBytes` when that is known (files differ in size), else from
    /// `done` of `total`. Redraws at most ten times a second, and always when `force` is set.
    func update(done: Int, total: Int, bytes: Int64 = 0, totalBytes: Int64 = 0, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drewSomething = true
        let elapsed = max(now.timeIntervalSince(start), 1e-3)
        let fraction =
            totalBytes > 0
            ? min(1, Double(bytes) / Double(totalBytes)) : total > 0 ? min(1, Double(done) / Double(total)) : 0
        var tail = ""
        if let unit { tail += " \(done)/\(total) \(unit)" }
        if bytes > 0 {
            tail += String(format: "  %.1f MB  %.1f MB/s", Double(bytes) / 1e6, Double(bytes) / 1e6 / elapsed)
        }
        // The first second's rate says little about the rest.
        if fraction > 0 && fraction < 1 && elapsed >= 1 {
            tail += "  ETA " + Self.duration(elapsed / fraction * (1 - fraction))
        }
        let barWidth = max(10, min(40, Terminal.width - label.count - tail.count - 10))
        let filled = Int(fraction * Double(barWidth))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        // A line longer than the terminal wraps, and "\r" would then redraw only its last part.
        let line = String("\(label) \(bar) \(Int(fraction * 100))%\(tail)".prefix(Terminal.width - 1))
        StandardError.write("\r\u{1B}[2K" + line)
    }

    /// Clears the bar so that the summary line that follows starts on a clean line.
    func finish() {
        guard enabled, drewSomething else { return }
        StandardError.write("\r\u{1B}[2K")
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
