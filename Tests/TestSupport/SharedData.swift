import Testing
import Foundation

/// Locations of the project's own fixtures and of the real corpus in `../shared`.
///
/// Tests that read `../shared` are guarded with `.enabled(if: SharedData.isAvailable, SharedData.skipNote)`,
/// so `swift test` passes on a fresh clone without it and says which suites it skipped.
public enum SharedData {
    /// The package root: two levels above this file (`Tests/TestSupport/SharedData.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the package root, or `PODIUM_SHARED` when set.
    public static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["PODIUM_SHARED"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// Whether the real corpus is present.
    public static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("corpus/raw-html").path)
    }

    /// The note a skipped test shows.
    public static let skipNote: Comment = "skipped: ../shared (the real corpus) is not beside this checkout"

    public static var rawHTML: URL { root.appendingPathComponent("corpus/raw-html") }
    public static var presconJSONL: URL { root.appendingPathComponent("corpus/mfa-presscon.jsonl") }
    public static var presconZhJSONL: URL { root.appendingPathComponent("corpus/mfa-presscon-zh.jsonl") }
    public static var cmfaJSONL: URL { root.appendingPathComponent("corpus/cmfa-v4-ukraine-subset.jsonl") }
    public static var snowballEnglish: URL { root.appendingPathComponent("testdata/snowball-english") }

    /// The project's shipped transcripts.
    public static var projectCorpus: URL { packageRoot.appendingPathComponent("Corpus") }
}

/// A fresh temporary directory, removed when the value is released.
public final class TemporaryDirectory {
    public let url: URL

    public init(prefix: String = "podium-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
