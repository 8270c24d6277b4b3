import Foundation

/// The topics of a topics file, in the order the file defines them.
///
/// The file is a small subset of TOML (see `Corpus/topics.toml`):
/// ```toml
/// [ip]
/// label = "Intellectual property"
/// description = "Patents, trademarks, copyright…"
///
/// [ip.terms]
/// "intellectual property" = 3.0
/// patent = 2.5
/// "知识产权" = 3.0
/// ```
/// Podium reads it with its own reader rather than a general TOML library: one entry per line is all a
/// topic needs, and owning the reader lets every mistake — a syntax slip, an unknown key, a weight of
/// zero, a duplicate entry, a topic without terms — be reported with its line and column.
public struct TopicSet: Hashable, Sendable {
    /// The topics, in file order.
    public private(set) var topics: [Topic]

    /// A set of topics, in the order given.
    public init(_ topics: [Topic]) { self.topics = topics }

    /// The topic named `name` (case-insensitive), if any.
    public subscript(name: String) -> Topic? {
        let key = name.lowercased()
        return topics.first { $0.name == key }
    }

    /// The names, in file order.
    public var names: [String] { topics.map(\.name) }

    /// Reads a topics file.
    /// - Parameter url: The file, usually `Corpus/topics.toml` or the `--topics` argument.
    /// - Returns: Its topics.
    /// - Throws: ``TopicFileError`` naming the file and, for a mistake inside it, the line and column.
    public static func load(from url: URL) throws(TopicFileError) -> TopicSet {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TopicFileError(file: url.path, line: 0, column: 0, message: "cannot read the topics file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TopicFileError(file: url.path, line: 0, column: 0, message: "the topics file is not UTF-8 text")
        }
        return try parse(text, file: url.path)
    }

    /// Reads topics from text in the topics-file format.
    /// - Parameters:
    ///   - text: The file's content.
    ///   - file: The name messages use for it.
    /// - Throws: ``TopicFileError`` with the line and column of the first mistake.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, file: String = "topics.toml") throws(TopicFileError) -> TopicSet {
        var reader = TopicFileReader(file: file)
        return try reader.read(text)
    }
}
