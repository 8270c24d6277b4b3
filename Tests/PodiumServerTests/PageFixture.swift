import Foundation
import Hummingbird
import HummingbirdTesting
import Podium
import TestSupport
import Testing

@testable import PodiumServer

/// An index built for the page tests, and the pages served from it in process.
struct PageFixture: Sendable {
    /// The index of `Corpus/` (with its topics), built once for all the page tests.
    static let corpus = Result { try PageFixture(corpus: SharedDataPaths.corpus) }
    /// The index of the browser test's hostile corpus: markup and script in every field.
    static let hostile = Result { try PageFixture(corpus: SharedDataPaths.hostile) }

    let directory: String
    let index: PodiumIndex
    let topicsFile: String?

    /// Builds an index of `corpus` in `index`, by default a new folder under the system's temporary one.
    init(corpus: URL, index: URL? = nil) throws {
        let directory =
            index?.appendingPathComponent("index").path
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("podium-pages-\(UUID().uuidString)").path
        _ = try Indexer.build(IndexingOptions(corpus: [corpus.path], index: directory, jobs: 1))
        self.directory = directory
        topicsFile = Indexer.keptTopicsFile(index: directory)
        self.index = try PodiumIndex(directory: directory, topicsFile: topicsFile)
    }

    /// The application with the page routes, reading this index.
    func application() -> some ApplicationProtocol {
        let router = Router()
        let index = self.index
        let topicsFile = self.topicsFile
        PageRoutes.register(on: router) { () throws(PodiumError) in (index, topicsFile) }
        return Application(router: router)
    }

    /// `GET uri`: the status, the headers and the body as text.
    func get(
        _ uri: String,
        headers: HTTPFields = [:]
    ) async throws -> (
        status: HTTPResponse.Status, headers: HTTPFields, body: String
    ) {
        try await application().test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { response in
                (response.status, response.headers, String(buffer: response.body))
            }
        }
    }
}

/// Where the fixtures' corpora are.
enum SharedDataPaths {
    static let corpus = SharedData.projectCorpus
    static let hostile = SharedData.packageRoot.appendingPathComponent("Tests/Browser/hostile")
}

/// What a page's markup says, read with regular expressions: enough to find elements the tests look for,
/// since every `<` of a text is escaped and so every `<` left starts a real tag.
struct Markup {
    let html: String

    /// Every start tag, as written: `<a href="/">`.
    var tags: [String] {
        html.matches(of: try! Regex("<[a-zA-Z][^>]*>")).map { String(html[$0.range]) }
    }

    /// The values of `attribute` on every tag that has it, unescaped.
    func values(of attribute: String) -> [String] {
        tags.compactMap { tag in
            guard let range = tag.range(of: " \(attribute)=\"") else { return nil }
            let rest = tag[range.upperBound...]
            return Markup.unescaped(String(rest.prefix { $0 != "\"" }))
        }
    }

    /// How many times `text` occurs.
    func count(_ text: String) -> Int {
        html.components(separatedBy: text).count - 1
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
