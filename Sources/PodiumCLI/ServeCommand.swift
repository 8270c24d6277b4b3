import ArgumentParser
import Foundation
import Logging
import PodiumServer

/// `podium serve`: the search pages and the JSON API over HTTP, read-only over the index.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search pages and the JSON API over HTTP.",
        discussion: """
            Listens on loopback (127.0.0.1) unless --host says otherwise, and prints the URL. The API is under \
            /api/ (its OpenAPI document at /api/openapi.json). A commit of 'podium index refresh' is seen by the \
            next request, without a restart. Each request is logged to standard error unless --quiet. \
            Ctrl-C stops the server once the requests under way have been answered.

            Examples:
              podium serve
              podium serve --index ~/podium-index --port 9000
              podium serve --host 0.0.0.0 --quiet
            """
    )

    @OptionGroup var indexOptions: IndexOptions

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 for any free port).")
    var port: Int = 8080

    @Option(help: "The most seconds a request may take before it is stopped with a 503.")
    var timeLimit: Double = 5

    @Flag(help: "No request log lines on standard error.")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be more than 0 seconds") }
    }

    func run() async throws {
        // The default index is built from Corpus/ on first use, as for every other reading command.
        _ = try indexOptions.location.open()
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var options = ServerOptions(index: indexOptions.index, topicsFile: indexOptions.location.topicsFile)
        options.host = host
        options.port = port
        options.quiet = quiet
        options.timeLimit = .milliseconds(Int((timeLimit * 1000).rounded()))
        let index = options.index
        let app = PodiumApp.application(options: options, logger: Logger(label: "podium")) { url in
            // Unbuffered, so that a script reading the pipe learns the URL at once.
            let line = "podium serve: listening on \(url) (index \(index); Ctrl-C stops)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        try await app.runService()
    }
}
