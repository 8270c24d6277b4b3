/// A named profile of weighted terms and phrases that ranks statements by how much they are about it.
public struct Topic: Hashable, Sendable {
    /// The name used on the command line and in `topic:NAME` (lower-case letters, digits, `-`, `_`).
    public var name: String
    /// A short human title (`Intellectual property`).
    public var label: String
    /// What the topic covers, in a sentence.
    public var description: String
    /// The entries in the order the file lists them.
    public var entries: [TopicEntry]

    public init(name: String, label: String, description: String, entries: [TopicEntry]) {
        self.name = name
        self.label = label
        self.description = description
        self.entries = entries
    }
}

/// One weighted term or phrase of a topic.
public struct TopicEntry: Hashable, Sendable {
    /// The text as written; analyzed like a query word, and an exact phrase when it yields several terms.
    public var text: String
    /// The factor on the entry's BM25 score.
    public var weight: Double
    /// The line of the topics file that defines it (1-based), for messages about it.
    public var line: Int

    public init(text: String, weight: Double, line: Int) {
        self.text = text
        self.weight = weight
        self.line = line
    }
}

/// A mistake in a topics file, with the line and column where it is.
public struct TopicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path as given, or a name for text that did not come from a file.
    public var file: String
    /// 1-based line; `0` when the file could not be read at all.
    public var line: Int
    /// 1-based column in characters.
    public var column: Int
    public var message: String

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
