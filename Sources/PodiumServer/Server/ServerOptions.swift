/// How `podium serve` runs: where the index is, where to listen, and the limits each request keeps to.
public struct ServerOptions: Sendable {
    /// The index directory.
    public var index: String
    /// The topics file, or `nil` for the copy the index keeps.
    public var topicsFile: String?
    /// The address to listen on: loopback unless asked otherwise.
    public var host: String = "127.0.0.1"
    /// The port (0 lets the system choose one; the URL printed names it).
    public var port: Int = 8080
    /// No request logs.
    public var quiet = false
    /// The longest a request may run before it is stopped with a 503.
    public var timeLimit: Duration = .seconds(5)
    /// The longest query accepted, in characters.
    public var maxQueryLength = 1_000
    /// The most hits one page of results holds.
    public var maxLimit = 100
    /// The most hits a page may pass over: deep pages cost a pass over every match before them.
    public var maxOffset = 10_000
    /// The most statements one export holds.
    public var maxExport = 100_000

    /// Options for the index in `index` with the defaults above.
    public init(index: String, topicsFile: String? = nil) {
        self.index = index
        self.topicsFile = topicsFile
    }
}
