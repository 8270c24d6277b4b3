import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Podium
import PodiumServer
import TestSupport
import Testing

/// An index of the project's `Corpus/` (59 sources, 310 statements), built once per test process and
/// only read by the tests that share it; tests that change an index build their own.
enum ServerFixture {
    /// The shared index directory.
    static let shared: String = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("podium-server-tests-\(getpid())", isDirectory: true).path
        try? FileManager.default.removeItem(atPath: directory)
        _ = try! buildIndex(at: directory)
        return directory
    }()

    /// The shared index as the server opens it: with the topics file it keeps.
    static func openShared() throws -> PodiumIndex {
        try PodiumIndex(directory: shared, topicsFile: Indexer.keptTopicsFile(index: shared))
    }

    /// Builds an index of `Corpus/` (its topics included) at `directory`.
    static func buildIndex(at directory: String, corpus: [String]? = nil) throws -> IndexingReport {
        let root = SharedData.projectCorpus.path
        var options = IndexingOptions(corpus: corpus ?? [root], index: directory)
        options.topicsFile = root + "/topics.toml"
        return try Indexer.build(options)
    }

    /// The application over `index`, quiet, with these limits.
    static func app(
        index: String = shared,
        configure: (inout ServerOptions) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var options = ServerOptions(index: index)
        options.quiet = true
        configure(&options)
        let holder = IndexHolder(directory: options.index, topicsFile: options.topicsFile)
        return Application(router: PodiumApp.router(holder: holder, options: options, logger: Logger(label: "test")))
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body parsed as a JSON object.
    func json() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return try #require(value as? [String: Any], "not a JSON object: \(text.prefix(200))")
    }
}
