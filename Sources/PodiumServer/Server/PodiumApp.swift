import Hummingbird
import Logging

/// Builds the server: its router with the API, the pages and the middleware every response passes through.
public enum PodiumApp {
    /// The request context of every route.
    public typealias Context = BasicRequestContext

    /// The router: request logs (unless quiet), security headers, and JSON errors around the
    /// API's and the pages' routes.
    public static func router(holder: IndexHolder, options: ServerOptions, logger: Logger) -> Router<Context> {
        let router = Router(context: Context.self)
        if !options.quiet { router.add(middleware: RequestLogMiddleware(logger: logger)) }
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: JSONErrorMiddleware())
        APIRoutes(holder: holder, options: options).register(on: router)
        PageRoutes.register(on: router, holder: holder)
        return router
    }

    /// The application: the router listening on `options.host` and `options.port`; `onRunning` gets the
    /// URL it listens on once the socket is bound.
    public static func application(
        options: ServerOptions,
        logger: Logger,
        onRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let holder = IndexHolder(directory: options.index, topicsFile: options.topicsFile)
        var serverLogger = logger
        // Hummingbird's own lines (server started, shutting down) only when something is wrong.
        serverLogger.logLevel = .warning
        return Application(
            router: router(holder: holder, options: options, logger: logger),
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port),
                serverName: "podium"
            ),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                await onRunning("http://\(host):\(port)/")
            },
            logger: serverLogger
        )
    }
}
