import Foundation
import HummingbirdTesting
import Podium
import PodiumServer
import TestSupport
import Testing

@Suite("The server's behaviour: freshness, damage, read-only, cancellation")
struct ServerBehaviourTests {
    /// A copy of `Corpus/` without its newest English page, and an index of it.
    struct GrowingIndex: @unchecked Sendable {
        let directory: TemporaryDirectory
        var corpus: String { directory.url.appendingPathComponent("corpus").path }
        var index: String { directory.url.appendingPathComponent("index").path }
        let heldBack: String

        init() throws {
            directory = try TemporaryDirectory(prefix: "podium-server")
            let files = try FileManager.default.contentsOfDirectory(atPath: SharedData.projectCorpus.path)
            heldBack = try #require(files.filter { $0.hasSuffix(".html") && $0.contains("-en-") }.sorted().last)
            try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
            for file in files where file != heldBack {
                try FileManager.default.copyItem(
                    atPath: SharedData.projectCorpus.appendingPathComponent(file).path,
                    toPath: corpus + "/" + file
                )
            }
            _ = try ServerFixture.buildIndex(at: index, corpus: [corpus])
        }

        /// Puts the held-back page into the corpus and refreshes the index.
        func addHeldBack() throws {
            try FileManager.default.copyItem(
                atPath: SharedData.projectCorpus.appendingPathComponent(heldBack).path,
                toPath: corpus + "/" + heldBack
            )
            _ = try Indexer.refresh(IndexingOptions(corpus: [corpus], index: index))
        }
    }

    static func total(_ client: any TestClientProtocol, _ uri: String) async throws -> Int? {
        try await client.execute(uri: uri, method: .get) { response in
            try response.json()["total"] as? Int ?? (try response.json()["statements"] as? Int)
        }
    }

    @Test("a refresh under a running app is seen by the next request; a held snapshot still answers")
    func freshness() async throws {
        let growing = try GrowingIndex()
        let holder = IndexHolder(directory: growing.index)
        let before = try holder.current()
        try await ServerFixture.app(index: growing.index).test(.router) { client in
            let statements = try await Self.total(client, "/api/stats")
            #expect(statements ?? 0 < 310)
            try growing.addHeldBack()
            #expect(try await Self.total(client, "/api/stats") == 310)
            // The held-back page's statements are found by a search through the same running app.
            let after = try PodiumIndex(directory: growing.index)
            let id = try #require(
                try after.search(SearchOptions(query: "trade", limit: 400)).hits
                    .first { $0.statement.source.hasSuffix(growing.heldBack) }?.statement.id
            )
            let encoded = try #require(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            try await client.execute(uri: "/api/statements/\(encoded)", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        // The snapshot taken before the refresh is whole and keeps its own count.
        #expect(before.statementCount < 310)
        #expect(try before.search(SearchOptions(query: "trade")).total > 0)
        #expect(try holder.current() !== before)
    }

    @Test("a damaged index answers a JSON 503 with the command line's message; the server stays up")
    func damagedIndex() async throws {
        let directory = try TemporaryDirectory(prefix: "podium-server-damage")
        let index = directory.url.appendingPathComponent("index").path
        _ = try ServerFixture.buildIndex(at: index)
        let postings = try #require(
            try FileManager.default.contentsOfDirectory(atPath: index).first { $0.hasSuffix(".doc") }
        )
        var bytes = try Data(contentsOf: URL(fileURLWithPath: index + "/" + postings))
        for offset in stride(from: 64, to: max(65, bytes.count - 64), by: 97) { bytes[offset] ^= 0x5A }
        try bytes.write(to: URL(fileURLWithPath: index + "/" + postings))
        let cliMessage: String
        do {
            _ = try PodiumIndex(directory: index).search(SearchOptions(query: "trade tariffs china"))
            cliMessage = ""
        } catch {
            cliMessage = error.message
        }
        try await ServerFixture.app(index: index).test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/api/search?q=trade+tariffs+china", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    let error = try #require(try response.json()["error"] as? [String: Any])
                    #expect(error["code"] as? String == "index_unavailable")
                    #expect(!cliMessage.isEmpty && error["message"] as? String == cliMessage)
                }
                try await client.execute(uri: "/api/topics", method: .get) { response in
                    #expect(response.status == .ok)
                }
            }
        }
        // No index at all: a 503 too, and nothing else breaks.
        try await ServerFixture.app(index: directory.url.appendingPathComponent("none").path).test(.router) {
            client in
            try await client.execute(uri: "/api/search?q=trade", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let error = try response.json()["error"] as? [String: Any]
                #expect(error?["code"] as? String == "index_unavailable")
            }
        }
    }

    @Test("the server never writes to the index: its files are the same after a session of requests")
    func readOnly() async throws {
        let directory = try TemporaryDirectory(prefix: "podium-server-ro")
        let index = directory.url.appendingPathComponent("index").path
        _ = try ServerFixture.buildIndex(at: index)
        func listing() throws -> [String: String] {
            var files: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: index) {
                let path = index + "/" + name
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                files[name] = "\(data.hashValue) \(attributes[.modificationDate] ?? "") \(data.count)"
            }
            return files
        }
        let before = try listing()
        try await ServerFixture.app(index: index).test(.router) { client in
            for uri in [
                "/api/search?q=trade&facets=speaker,year&sort=-date&offset=3", "/api/stats", "/api/topics",
                "/api/topics/ip/rank", "/api/trend?topic=ip", "/api/trend.svg?q=tariffs", "/api/export?q=trade&all=1",
                "/api/statements/nope", "/api/search?q=(((",
            ] {
                try await client.execute(uri: uri, method: .get) { _ in }
            }
        }
        #expect(try listing() == before)
    }

    @Test("a cancelled task stops the scoring loops, and the facade says so")
    func cancellation() async throws {
        let index = try PodiumIndex(directory: ServerFixture.shared)
        let task = Task { () -> PodiumError? in
            withUnsafeCurrentTask { $0?.cancel() }
            do throws(PodiumError) {
                _ = try index.search(SearchOptions(query: "trade tariffs china"))
                return nil
            } catch {
                return error
            }
        }
        let error = try #require(await task.value as PodiumError?)
        #expect(error.isCancelled)
        #expect(APIError(error).status == .serviceUnavailable)
        #expect(APIError(error).code == "time_limit")
    }
}
