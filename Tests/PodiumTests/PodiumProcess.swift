import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The `podium` executable that `swift test` built, run as a child process.
struct PodiumProcess {
    /// The binary: `PODIUM_BIN`, or `podium` beside the test bundle, or `.build/debug/podium` in the package.
    static let binary: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["PODIUM_BIN"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("podium"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("podium"))
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("podium"))
        }
        candidates.append(SharedData.packageRoot.appendingPathComponent(".build/debug/podium"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// `binary`, or an error saying it is missing.
    static func executable() throws -> URL {
        guard let binary else { throw MissingBinary() }
        return binary
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String { "the podium binary was not built (set PODIUM_BIN to its path)" }
    }

    /// How a finished run ended.
    struct Outcome {
        var status: Int32
        /// Whether it was ended by a signal (then `status` is the signal number).
        var signalled: Bool
        var stdout: String
        var stderr: String

        var succeeded: Bool { !signalled && status == 0 }
    }

    /// Runs `podium arguments` to its end.
    /// - Parameters:
    ///   - directory: The working directory (default: this process's).
    ///   - environment: Variables set or replaced in the child's environment.
    ///   - input: Standard input (default: none, an empty stream).
    static func run(
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:],
        input: Data? = nil
    ) throws -> Outcome {
        try run(executable: try executable(), arguments, in: directory, environment: environment, input: input)
    }

    /// Runs `podium` inside `/bin/sh -c script`, where `"$@"` are the arguments (for `ulimit` and `trap`).
    static func runInShell(_ script: String, _ arguments: [String]) throws -> Outcome {
        let podium = try executable()
        return try run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script, "sh", podium.path] + arguments)
    }

    static func run(
        executable: URL,
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:],
        input: Data? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        // The input waits in the pipe (small inputs only: a pipe holds 64 KB), so a child that exits without
        // reading it cannot make this process write to a closed pipe.
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        try process.run()
        // Drain both pipes while the child runs, so that a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return Outcome(
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    /// Runs `podium arguments` on a pseudo-terminal made by util-linux `script`, as if typed in a terminal:
    /// standard output and error both go to it, and the outcome's `stdout` holds what the terminal received
    /// (with CRLF line ends). `TERM` is a colour terminal and `NO_COLOR` empty unless `environment` says
    /// otherwise.
    static func runOnTerminal(
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Outcome {
        let command = ([try executable().path] + arguments).map(shellQuoted).joined(separator: " ")
        return try run(
            executable: URL(fileURLWithPath: script),
            ["-qec", command, "/dev/null"],
            in: directory,
            environment: ["TERM": "xterm-256color", "NO_COLOR": ""].merging(environment) { $1 }
        )
    }

    /// `script` from util-linux, which gives a command a pseudo-terminal.
    static let script = "/usr/bin/script"
    static var hasScript: Bool { FileManager.default.isExecutableFile(atPath: script) }

    private static func shellQuoted(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Starts `podium arguments` without waiting; output is discarded.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `podium arguments` and kills it with SIGKILL after `seconds`, unless it ended first.
    /// - Returns: whether the kill happened before the process ended.
    static func runAndKill(_ arguments: [String], after seconds: Double) throws -> Bool {
        let process = try start(arguments)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(2_000) }
        guard process.isRunning else { return false }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    /// Wall seconds of a complete run, which must succeed.
    static func timedRun(_ arguments: [String]) throws -> Double {
        let start = Date()
        let outcome = try run(arguments)
        #expect(outcome.succeeded, "podium \(arguments.joined(separator: " ")) failed: \(outcome.stderr)")
        return Date().timeIntervalSince(start)
    }
}
