#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the source files under the paths a user names.
public enum SourceFiles {
    /// Every extension read as a source: `.html`, `.htm`, `.shtml`, `.md`, `.markdown`, `.jsonl`, each also
    /// gzipped (`.html.gz`).
    public static let extensions: Set<String> = TranscriptReader.htmlExtensions.union(
        TranscriptReader.markdownExtensions
    ).union(TranscriptReader.jsonlExtensions)

    /// The source files named by `paths`, as `scan` finds them, without its problems.
    ///
    /// - Throws: `SourceFilesError` naming the first path that does not exist or cannot be listed.
    public static func list(_ paths: [String]) throws(SourceFilesError) -> [String] {
        try scan(paths).files
    }

    /// The source files named by `paths`, and what stood in the way of finding them all.
    ///
    /// A file is taken as given (whatever its extension: reading it reports an unsupported type); a
    /// directory contributes every file below it with a source extension, hidden files and folders
    /// excluded, a Markdown file only when it opens with front matter (`---`; a folder's `README.md` is
    /// not a briefing), and counts the other files by extension in `unread`. The files are sorted by path (byte order) and have no duplicates, so the same tree always
    /// yields the same list. A subfolder or file that cannot be read is a problem with the system's reason,
    /// never a silent gap: a refresh must not take it for a deleted source. A symbolic link is followed when
    /// its target lies inside one of `paths` (or always, with `followSymlinks`, as `rg -L` does); a
    /// dangling link and a link that leads out of the corpus are reported.
    ///
    /// - Parameters:
    ///   - paths: files and folders, as the user named them.
    ///   - followSymlinks: follow links whose target lies outside `paths` too.
    /// - Throws: `SourceFilesError` naming the first path that does not exist or, for a folder named in
    ///   `paths`, cannot be listed.
    public static func scan(_ paths: [String], followSymlinks: Bool = false) throws(SourceFilesError) -> SourceListing {
        var walker = Walker(roots: paths.compactMap(realPath), followAll: followSymlinks)
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else {
                throw SourceFilesError(path: path, message: systemMessage(errno))
            }
            guard isDirectory(st) else {
                walker.found.insert(path)
                continue
            }
            let base = path.hasSuffix("/") && path != "/" ? String(path.dropLast()) : path
            if let message = walker.walk(base, device: UInt64(st.st_dev), inode: UInt64(st.st_ino)) {
                throw SourceFilesError(path: path, message: message)
            }
        }
        // Links last, so that a folder reached both directly and through a link is listed under its own path.
        while !walker.links.isEmpty {
            let links = walker.links.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            walker.links = []
            for link in links { walker.visit(link, name: String(link.split(separator: "/").last ?? "")) }
        }
        let files = walker.found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let problems = walker.problems.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return SourceListing(files: files, problems: problems, unread: walker.unread)
    }

    /// The system's reason for `code`, in the words the reader uses: `"permission denied"`.
    static func systemMessage(_ code: Int32) -> String { BlockFileError(errno: code).message }

    static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// One listing's state: what was found, what went wrong, which folders were entered.
    private struct Walker {
        var roots: [String]
        var followAll: Bool
        var found: Set<String> = []
        var problems: [SourceProblem] = []
        /// Folders entered, by device and inode, so that a link cycle is walked once.
        var visited: Set<[UInt64]> = []
        /// Symbolic links met and not yet visited.
        var links: [String] = []
        /// Files of a kind not read, by extension.
        var unread: [String: Int] = [:]

        /// Lists `directory` and everything below it. Returns the system's reason when `directory` itself
        /// cannot be listed; problems below it are recorded.
        mutating func walk(_ directory: String, device: UInt64, inode: UInt64) -> String? {
            guard visited.insert([device, inode]).inserted else { return nil }
            guard let stream = opendir(directory) else { return systemMessage(errno) }
            var names: [String] = []
            while true {
                errno = 0
                guard let entry = readdir(stream) else { break }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if !name.hasPrefix(".") { names.append(name) }
            }
            let readError = errno
            closedir(stream)
            if readError != 0 { return systemMessage(readError) }
            for name in names {
                let path = directory == "/" ? "/" + name : directory + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else {
                    // Gone since the listing: nothing to read. Otherwise (a folder that can be listed but not
                    // entered) nothing below it can be known: the folder is the problem, reported once.
                    if errno == ENOENT { continue }
                    return systemMessage(errno)
                }
                if (st.st_mode & S_IFMT) == S_IFLNK {
                    links.append(path)
                } else {
                    visit(path, name: name)
                }
            }
            return nil
        }

        mutating func visit(_ path: String, name: String) {
            var st = stat()
            guard lstat(path, &st) == 0 else {
                problems.append(SourceProblem(path: path, kind: .unreadable, message: systemMessage(errno)))
                return
            }
            if (st.st_mode & S_IFMT) == S_IFLNK {
                guard stat(path, &st) == 0 else {
                    let reason = systemMessage(errno)
                    let kind: SourceProblem.Kind = errno == ENOENT || errno == ELOOP ? .danglingLink : .unreadable
                    let message = kind == .danglingLink ? "symbolic link to nowhere (\(reason))" : reason
                    problems.append(SourceProblem(path: path, kind: kind, message: message))
                    return
                }
                let target = realPath(path) ?? path
                if !followAll, !roots.contains(where: { target == $0 || target.hasPrefix($0 == "/" ? "/" : $0 + "/") })
                {
                    guard isDirectory(st) || hasSourceExtension(name) else { return }
                    let message = "symbolic link to '\(target)', outside the corpus (--follow follows it)"
                    problems.append(SourceProblem(path: path, kind: .outsideLink, message: message))
                    return
                }
            }
            if isDirectory(st) {
                if let message = walk(path, device: UInt64(st.st_dev), inode: UInt64(st.st_ino)) {
                    problems.append(SourceProblem(path: path, kind: .unreadable, message: message))
                }
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                if hasSourceExtension(name) {
                    if isMarkdownWithoutFrontMatter(path, name: name) {
                        unread[TranscriptReader.fileExtension(of: name) + " without front matter", default: 0] += 1
                    } else {
                        found.insert(path)
                    }
                } else {
                    unread[unreadKind(name), default: 0] += 1
                }
            }
        }

        private func hasSourceExtension(_ name: String) -> Bool {
            extensions.contains(TranscriptReader.fileExtension(of: name))
        }

        /// Whether a Markdown file in a folder does not open with front matter (`---`): a folder's
        /// `README.md` or notes, not a release or briefing. A gzipped one is taken as a source.
        private func isMarkdownWithoutFrontMatter(_ path: String, name: String) -> Bool {
            guard !TranscriptReader.isGzipped(name),
                TranscriptReader.markdownExtensions.contains(TranscriptReader.fileExtension(of: name))
            else { return false }
            let descriptor = open(path, O_RDONLY)
            // Unreadable: listed, so that reading it reports why.
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var head = [UInt8](repeating: 0, count: 6)
            let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 6) }
            guard count >= 3 else { return true }
            let start = count >= 6 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0
            return head[start..<start + 3] != [0x2D, 0x2D, 0x2D]
        }

        /// `pdf` for `a.pdf`, `pdf.gz` for `a.pdf.gz`, `""` for a name without an extension.
        private func unreadKind(_ name: String) -> String {
            let ext = TranscriptReader.fileExtension(of: name)
            guard TranscriptReader.isGzipped(name) else { return ext }
            return ext.isEmpty ? TranscriptReader.gzipExtension : ext + "." + TranscriptReader.gzipExtension
        }
    }

    /// The line that tells what a listing passed over, or `nil` when it passed over nothing:
    /// `not read: 12 .pdf, 3 .docx (podium reads .html .htm .shtml .md .markdown .jsonl and their .gz)`.
    /// Kinds are ordered by count, then name; a file without an extension counts as `(no extension)`.
    public static func unreadSummary(_ unread: [String: Int]) -> String? {
        guard !unread.isEmpty else { return nil }
        let kinds = unread.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let counts = kinds.map { "\($0.value) \($0.key.isEmpty ? "(no extension)" : "." + $0.key)" }
        return "not read: \(counts.joined(separator: ", ")) (podium reads \(readExtensions) and their .gz)"
    }

    /// The extensions read, in a fixed order for messages: `.html .htm .shtml .md .markdown .jsonl`.
    public static let readExtensions = ["html", "htm", "shtml", "md", "markdown", "jsonl"].map { "." + $0 }
        .joined(separator: " ")
}

/// What `SourceFiles.scan` found under a corpus.
public struct SourceListing: Sendable, Equatable {
    /// The source files, sorted by path.
    public var files: [String]
    /// Folders, files and links that kept sources from being listed, sorted by path.
    public var problems: [SourceProblem]
    /// Files found in the folders whose kind is not read (`.pdf`, `.docx`), counted by extension
    /// (`"pdf"`, `"pdf.gz"`; `""` for none). Hidden files are not counted: they are never sources.
    public var unread: [String: Int] = [:]
}

/// A folder, file or link under a corpus that `SourceFiles.scan` could not take as a source.
public struct SourceProblem: Sendable, Equatable, CustomStringConvertible {
    /// What kind of obstacle it is.
    public enum Kind: Sendable, Equatable {
        /// A folder or file that the system refused to list or stat: what it holds is unknown, not gone.
        case unreadable
        /// A symbolic link whose target does not exist.
        case danglingLink
        /// A symbolic link to a place outside the corpus, not followed.
        case outsideLink
    }

    /// The path of the folder, file or link.
    public var path: String
    /// What kind of obstacle it is.
    public var kind: Kind
    /// Why, in the system's words where it gave them.
    public var message: String

    /// A problem with `path`.
    public init(path: String, kind: Kind, message: String) {
        self.path = path
        self.kind = kind
        self.message = message
    }

    /// `"path: message"`.
    public var description: String { "\(path): \(message)" }

    /// Whether `source` is this path or lies below it: a source whose state is unknown while it stands.
    public func covers(_ source: String) -> Bool {
        source == path || source.hasPrefix(path + "/")
    }
}

/// A path given to `SourceFiles.list` that cannot be listed.
public struct SourceFilesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// What is wrong with it.
    public var message: String

    /// `"path: message"`.
    public var description: String { "\(path): \(message)" }
}
