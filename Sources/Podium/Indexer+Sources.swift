import Foundation
import TranscriptIngest

extension Indexer {
    /// A source file found under a corpus root.
    struct SourceFile: Sendable {
        /// Absolute path: the key of the sources table and the `source` of its statements.
        var path: String
        /// Stable statement-id prefix: the path below its corpus root, without extension.
        var idPrefix: String
        var fingerprint: FileFingerprint
        var isJSONL: Bool
    }

    /// The sources found under the corpus roots, and what kept others from being found.
    struct CorpusListing {
        var files: [SourceFile] = []
        /// Unreadable folders and files, dangling links, links out of the corpus not followed.
        var problems: [SourceProblem] = []
        /// Files of a kind not read, by extension.
        var unread: [String: Int] = [:]

        /// Whether the state of `path` is unknown: it lies in a folder that could not be listed, or it is a
        /// file that could not be stat'ed, or a link that was not followed. Such a source is never deleted.
        func isUnknown(_ path: String) -> Bool {
            problems.contains { $0.kind != .danglingLink && $0.covers(path) }
        }

        /// Reports the problems (unreadable ones as failed sources, links as warnings) and the files not read.
        func report(into report: inout IndexingReport) {
            report.unread = unread
            for problem in problems {
                switch problem.kind {
                case .unreadable: report.failed.append((problem.path, problem.message))
                case .danglingLink, .outsideLink:
                    report.warnings.append(SourceWarning(source: problem.path, message: problem.message))
                }
            }
        }
    }

    static func resolveRoots(_ corpus: [String]) throws(PodiumError) -> [String] {
        let cwd = FileManager.default.currentDirectoryPath
        return corpus.map { path in
            let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
            return URL(fileURLWithPath: absolute).standardizedFileURL.path
        }
    }

    static func encodeRoots(_ roots: [String]) -> String {
        let data = (try? JSONEncoder().encode(roots)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Lists the sources under `roots`.
    /// - Throws: `.input` when a root does not exist or cannot be listed.
    static func listSources(_ roots: [String], followSymlinks: Bool = false) throws(PodiumError) -> CorpusListing {
        var listing = CorpusListing()
        var seen = Set<String>()
        for root in roots {
            let scanned: SourceListing
            do { scanned = try SourceFiles.scan([root], followSymlinks: followSymlinks) } catch {
                throw PodiumError(.input, "\(error.path): \(error.message)", hint: "check the --corpus paths")
            }
            listing.problems += scanned.problems
            listing.unread.merge(scanned.unread, uniquingKeysWith: +)
            let base = root.hasSuffix("/") ? root : root + "/"
            for path in scanned.files where seen.insert(path).inserted {
                guard let fingerprint = FileFingerprint(path: path) else {
                    let reason = BlockFileError(errno: errno).message
                    listing.problems.append(SourceProblem(path: path, kind: .unreadable, message: reason))
                    continue
                }
                var relative =
                    path.hasPrefix(base) ? String(path.dropFirst(base.count)) : (path as NSString).lastPathComponent
                if let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") {
                    relative = String(relative[..<dot])
                }
                let isJSONL = TranscriptReader.jsonlExtensions.contains((path as NSString).pathExtension.lowercased())
                let file = SourceFile(path: path, idPrefix: relative, fingerprint: fingerprint, isJSONL: isJSONL)
                listing.files.append(file)
            }
        }
        return listing
    }
}
