import SearchIndex

extension Indexer {
    /// Runs `body`, the part of a build or refresh that writes files; when it fails (no space, an
    /// interruption), removes the files it wrote that no commit references, while the writer still holds
    /// the lock, and rethrows. The next writer removes a killed one's on its own.
    static func removingPartialFiles(
        of index: String,
        _ body: () throws(PodiumError) -> Void
    ) throws(PodiumError) {
        do { try body() } catch {
            removePartialFiles(of: index)
            throw error
        }
    }

    /// Deletes the segment files and temporary commits of `index` that its last commit does not name.
    /// Nothing is removed when the commit cannot be read (an index of an older format being rebuilt, say):
    /// which files it uses is then unknown.
    static func removePartialFiles(of index: String) {
        let commit: IndexCommit?
        do { commit = try IndexCommit.read(directory: index) } catch {
            guard error.code == .notFound else { return }
            commit = nil
        }
        try? IndexWriter.removeUnreferencedFiles(directory: index, commit: commit)
    }

    /// Throws the interruption `options` reports, if any.
    static func stopIfInterrupted(_ options: IndexingOptions) throws(PodiumError) {
        guard let signal = options.interruption() else { return }
        throw PodiumError.interrupted(by: signal)
    }
}

extension PodiumError {
    /// A build or refresh stopped by `signal` before its commit.
    static func interrupted(by signal: Int32) -> PodiumError {
        let name = signal == 2 ? "SIGINT" : signal == 15 ? "SIGTERM" : "signal \(signal)"
        var error = PodiumError(.output, "interrupted by \(name); the index is as it was before this run")
        error.interruptedBy = signal
        return error
    }
}
