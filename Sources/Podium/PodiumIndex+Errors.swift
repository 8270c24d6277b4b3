import Foundation
import SearchIndex
import SearchQuery
import TextAnalysis

// MARK: - Errors of dates, queries and searches, in the words of the options

extension PodiumIndex {
    /// The error for `--since` and `--until` values that make no range, in the options' names.
    static func dateError(_ error: DateRangeError) -> PodiumError {
        switch error.code {
        case .invalidStart: return badDate(error.start ?? "", option: "--since")
        case .invalidEnd: return badDate(error.end ?? "", option: "--until")
        case .reversed:
            let since = error.start ?? "", until = error.end ?? ""
            return PodiumError(
                .usage,
                "--until '\(until)' is before --since '\(since)'",
                hint: "swap them: --since \(until) --until \(since)"
            )
        }
    }

    static func badDate(_ text: String, option: String) -> PodiumError {
        PodiumError(
            .usage,
            "\(option) '\(text)' is not a date",
            hint: "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. \(option) 2019-05"
        )
    }

    /// What to do about a query the parser could not read, by the kind of mistake.
    static func syntaxHint(_ code: QuerySyntaxError.Code) -> String {
        switch code {
        case .unknownTopic: return "see the topics with: podium topics list"
        case .invalidDate, .reversedDateRange: return "for example date:2019-05 or date:2019-01-01..2019-06-30"
        case .unknownField: return "quote a word with a colon to search for it as it is, e.g. \"note:china\""
        case .missingValue: return "give a value, e.g. speaker:geng, or quote the word to search for it: \"note:\""
        case .tooLong, .tooDeep, .tooManyWords: return "shorten the query"
        case .nothingToSearch: return "type some words: operators alone find nothing"
        case .missingOperand: return "finish it (trade AND tariffs), or quote the operator to search for it: \"AND\""
        case .missingTopicName, .notOneValue: return "quote words that should be read literally, e.g. \"U.S.-China\""
        }
    }

    static func translate(_ error: SearchError, index: String, query: String?) -> PodiumError {
        switch error {
        case .syntax(let syntax):
            var error = PodiumError(
                .usage,
                "cannot read the query: \(syntax.message) (at character \(syntax.offset + 1))",
                hint: syntaxHint(syntax.code),
                detail: QueryCaret.lines(query: query ?? "", offset: syntax.offset)
            )
            error.queryOffset = syntax.offset
            return error
        case .cancelled:
            var error = PodiumError(.usage, error.description)
            error.isCancelled = true
            return error
        case .unknownTopic:
            return PodiumError(.usage, error.description, hint: "see the topics with: podium topics list")
        case .unknownFacet:
            return PodiumError(
                .index,
                error.description,
                hint: "rebuild the index with this podium: podium index build --index \(index)"
            )
        case .index(let message):
            return PodiumError(
                .index,
                message,
                hint: "run 'podium index verify --index \(index)', then rebuild with '\(PodiumError.rebuild(index))'"
            )
        }
    }
}
