import Podium

/// Runs `body`; a `PodiumError` becomes a message, a hint and the matching exit status.
func handlingErrors<T>(_ body: () throws(PodiumError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        UserFacingError(error).exit()
    }
}

extension UserFacingError {
    /// The error as the user sees it: the library's message, detail and hint, with the exit status of its kind.
    init(_ error: PodiumError) {
        let status: ExitStatus =
            switch error.kind {
            case .usage: .usage
            case .index: .index
            case .input: .input
            case .output: .output
            }
        self.init(error.message, hint: error.hint, detail: error.detail, status: status)
    }
}
