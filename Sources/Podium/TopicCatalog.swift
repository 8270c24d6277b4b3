import SearchQuery

/// A topic as the command line lists it.
public struct TopicInfo: Sendable {
    /// The name to rank by (`ip`, `green-tech`).
    public var name: String
    /// A short human label; may be empty.
    public var label: String
    /// A sentence on what the topic covers; may be empty.
    public var description: String
    /// Words and phrases with their weights, in file order.
    public var entries: [(text: String, weight: Double)]
}

/// Reads topics files.
public enum TopicCatalog {
    /// The topics of the file at `path`.
    /// - Throws: `.input` naming the file and line of a mistake.
    public static func load(_ path: String) throws(PodiumError) -> [TopicInfo] {
        try PodiumIndex.loadTopics(path).topics.map { topic in
            TopicInfo(
                name: topic.name,
                label: topic.label,
                description: topic.description,
                entries: topic.entries.map { ($0.text, $0.weight) }
            )
        }
    }
}
