/// A mistake in a topics file, with the line and column where it is.
public struct TopicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path as given, or a name for text that did not come from a file.
    public var file: String
    /// 1-based line; `0` when the file could not be read at all.
    public var line: Int
    /// 1-based column in characters.
    public var column: Int
    /// What is wrong, and what to write instead when that is clear.
    public var message: String

    /// An error at a line and column of `file`.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form editors and terminals turn into a link.
    public var description: String {
        line == 0 ? "\(file): \(message)" : "\(file):\(line):\(column): \(message)"
    }
}
