import SearchQuery

extension PodiumIndex {
    /// The parameters of a `--ranking` text.
    static func rankingParameters(_ text: String) throws(PodiumError) -> RankingParameters {
        do {
            return try RankingParameters.parse(text)
        } catch {
            throw PodiumError(
                .usage,
                "--ranking: \(error.message), at character \(error.offset + 1) of '\(text)'",
                hint: "give NAME=NUMBER pairs separated by commas, such as 'k1=1.2,title=0.5,b.answer=0.75'"
            )
        }
    }
}
