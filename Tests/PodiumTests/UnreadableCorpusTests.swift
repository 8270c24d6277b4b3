import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A folder or file that cannot be read is an error, never a deletion: refresh keeps its statements, counts
/// it as failed with the system's reason and exits with status 4; a build over an unreadable root fails.
///
/// Permissions do not bind root, so when the tests run as root (as in CI) `podium` runs as uid 65534 through
/// `setpriv`, from a copy of the binary in a folder every user can read.
@Suite(.serialized, .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"))
struct UnreadableCorpusTests {
    static let setpriv = "/usr/bin/setpriv"
    static let isRoot = getuid() == 0
    /// Root without `setpriv` cannot drop its privileges: the permission tests are skipped, and say so.
    static let canDropPrivileges = !isRoot || FileManager.default.isExecutableFile(atPath: setpriv)

    /// A world-readable folder with a copy of the binary, a corpus of the project's pages (two of them in
    /// `sub`) and room for an index that uid 65534 may write.
    final class Setup {
        let root: TemporaryDirectory
        let binary: URL
        var corpus: URL { root.url.appendingPathComponent("corpus") }
        var sub: URL { corpus.appendingPathComponent("sub") }
        var index: URL { root.url.appendingPathComponent("index") }

        init() throws {
            let manager = FileManager.default
            root = try TemporaryDirectory(prefix: "podium-unreadable")
            try manager.setAttributes([.posixPermissions: 0o777], ofItemAtPath: root.url.path)
            binary = root.url.appendingPathComponent("podium")
            try manager.copyItem(at: try PodiumProcess.executable(), to: binary)
            try manager.copyItem(at: SharedData.projectCorpus, to: corpus)
            try manager.createDirectory(at: sub, withIntermediateDirectories: true)
            let pages = try manager.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".html") }.sorted()
            for name in pages.prefix(2) {
                try manager.moveItem(at: corpus.appendingPathComponent(name), to: sub.appendingPathComponent(name))
            }
        }

        /// Runs `podium arguments` as uid 65534 when this process is root (and can), else as this user.
        func run(_ arguments: [String]) throws -> PodiumProcess.Outcome {
            guard UnreadableCorpusTests.isRoot, FileManager.default.isExecutableFile(atPath: setpriv) else {
                return try PodiumProcess.run(executable: binary, arguments, in: root.url)
            }
            let drop = ["--reuid", "65534", "--regid", "65534", "--clear-groups", binary.path]
            return try PodiumProcess.run(
                executable: URL(fileURLWithPath: setpriv),
                drop + arguments,
                in: root.url
            )
        }

        func build() throws -> Int {
            let build = try run(["index", "build", "--corpus", corpus.path, "--index", index.path])
            try #require(build.succeeded, "\(build.summary)")
            return try statements()
        }

        func refresh() throws -> PodiumProcess.Outcome { try run(["index", "refresh", "--index", index.path]) }

        /// The statements indexed, copies folded into others included (a linked page may repeat one).
        func statements() throws -> Int {
            let stats = try run(["index", "stats", "--index", index.path, "--format", "json"])
            try #require(stats.succeeded, "\(stats.summary)")
            let object = try #require(try parseJSON(stats.stdout) as? [String: Any])
            return try #require(object["statements"] as? Int) + (object["folded_duplicates"] as? Int ?? 0)
        }

        func chmod(_ url: URL, _ mode: Int) throws {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        }
    }

    @Test(
        "A subfolder that cannot be listed keeps its statements; refresh fails with the reason",
        .enabled(if: canDropPrivileges, "running as root without setpriv: permissions cannot be tested")
    )
    func unreadableSubfolder() throws {
        let setup = try Setup()
        let before = try setup.build()
        try setup.chmod(setup.sub, 0o000)
        defer { try? setup.chmod(setup.sub, 0o755) }
        let refresh = try setup.refresh()
        #expect(refresh.status == 4 && !refresh.signalled, "\(refresh.summary)")
        #expect(refresh.stderr.contains("failed \(setup.sub.path): permission denied"), "\(refresh.stderr)")
        #expect(refresh.stderr.contains("0 deleted") && refresh.stderr.contains("1 failed"), "\(refresh.stderr)")
        #expect(try setup.statements() == before)
        // Listed but not entered (its entries cannot be stat'ed): the same.
        try setup.chmod(setup.sub, 0o644)
        let listedOnly = try setup.refresh()
        #expect(listedOnly.status == 4, "\(listedOnly.summary)")
        #expect(listedOnly.stderr.contains("failed \(setup.sub.path): permission denied"), "\(listedOnly.stderr)")
        #expect(listedOnly.stderr.contains("1 failed"), "\(listedOnly.stderr)")
        #expect(try setup.statements() == before)
        // Readable again, nothing is left to do.
        try setup.chmod(setup.sub, 0o755)
        let again = try setup.refresh()
        #expect(again.succeeded && again.stderr.contains("nothing to commit"), "\(again.summary)")
        #expect(try setup.statements() == before)
    }

    @Test(
        "A corpus root that can be entered but not listed: build and refresh fail, the index stays",
        .enabled(if: canDropPrivileges, "running as root without setpriv: permissions cannot be tested")
    )
    func unreadableRoot() throws {
        let setup = try Setup()
        let before = try setup.build()
        try setup.chmod(setup.corpus, 0o311)
        defer { try? setup.chmod(setup.corpus, 0o755) }
        let refresh = try setup.refresh()
        #expect(refresh.status == 4, "\(refresh.summary)")
        #expect(refresh.stderr.contains("\(setup.corpus.path): permission denied"), "\(refresh.stderr)")
        #expect(try setup.statements() == before)
        let other = setup.root.url.appendingPathComponent("other-index").path
        let build = try setup.run(["index", "build", "--corpus", setup.corpus.path, "--index", other])
        #expect(build.status == 4, "\(build.summary)")
        #expect(build.stderr.contains("\(setup.corpus.path): permission denied"), "\(build.stderr)")
        #expect(!build.stderr.contains("0 sources: 0 indexed"))
    }

    @Test(
        "A changed file that cannot be read keeps its statements and fails",
        .enabled(if: canDropPrivileges, "running as root without setpriv: permissions cannot be tested")
    )
    func unreadableChangedFile() throws {
        let setup = try Setup()
        let before = try setup.build()
        let page = try #require(
            try FileManager.default.contentsOfDirectory(atPath: setup.corpus.path).first { $0.hasSuffix(".html") }
        )
        let url = setup.corpus.appendingPathComponent(page)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        try setup.chmod(url, 0o000)
        defer { try? setup.chmod(url, 0o644) }
        let refresh = try setup.refresh()
        #expect(refresh.status == 4, "\(refresh.summary)")
        #expect(refresh.stderr.contains("failed \(url.path): permission denied"), "\(refresh.stderr)")
        #expect(refresh.stderr.contains("0 changed, 0 deleted"), "\(refresh.stderr)")
        #expect(try setup.statements() == before)
        // A build over it indexes the rest, names it and fails.
        let other = setup.root.url.appendingPathComponent("other-index").path
        let build = try setup.run(["index", "build", "--corpus", setup.corpus.path, "--index", other])
        #expect(build.status == 4 && build.stderr.contains("failed \(url.path)"), "\(build.summary)")
    }

    @Test("Links: dangling and out-of-corpus ones are reported, --follow follows the latter")
    func symbolicLinks() throws {
        let setup = try Setup()
        let manager = FileManager.default
        let outside = setup.root.url.appendingPathComponent("outside")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        let page = try #require(try manager.contentsOfDirectory(atPath: setup.sub.path).first)
        try manager.copyItem(at: setup.sub.appendingPathComponent(page), to: outside.appendingPathComponent("o.html"))
        let dangling = setup.corpus.appendingPathComponent("dangling.html")
        let away = setup.corpus.appendingPathComponent("away.html")
        try manager.createSymbolicLink(atPath: dangling.path, withDestinationPath: "/no/such/podium/page.html")
        try manager.createSymbolicLink(atPath: away.path, withDestinationPath: outside.path + "/o.html")
        // A link inside the corpus to one of its own folders adds nothing twice.
        try manager.createSymbolicLink(atPath: setup.corpus.path + "/a-link", withDestinationPath: "sub")
        let build = try setup.run(["index", "build", "--corpus", setup.corpus.path, "--index", setup.index.path])
        #expect(build.succeeded, "\(build.summary)")
        #expect(build.stderr.contains("warning: \(dangling.path): symbolic link to nowhere"), "\(build.stderr)")
        #expect(build.stderr.contains("warning: \(away.path): symbolic link to '"), "\(build.stderr)")
        #expect(build.stderr.contains("outside the corpus (--follow follows it)"))
        let plain = try setup.statements()
        let follow = try setup.run(["index", "refresh", "--index", setup.index.path, "--follow"])
        #expect(follow.succeeded && follow.stderr.contains("refreshed: 1 added"), "\(follow.summary)")
        #expect(!follow.stderr.contains("outside the corpus"))
        let followed = try setup.statements()
        #expect(followed > plain)
        // Without --follow the link is reported again, and what it led to is not deleted.
        let again = try setup.refresh()
        #expect(again.succeeded && again.stderr.contains("0 deleted"), "\(again.summary)")
        #expect(try setup.statements() == followed)
        // A dangling link whose page was indexed is a page gone.
        try manager.removeItem(at: away)
        try manager.createSymbolicLink(atPath: away.path, withDestinationPath: outside.path + "/gone.html")
        let gone = try setup.refresh()
        #expect(gone.succeeded && gone.stderr.contains("1 deleted"), "\(gone.summary)")
        #expect(try setup.statements() == plain)
    }
}
