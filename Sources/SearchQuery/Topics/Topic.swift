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

    /// A topic.
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

    /// An entry.
    public init(text: String, weight: Double, line: Int) {
        self.text = text
        self.weight = weight
        self.line = line
    }
}
