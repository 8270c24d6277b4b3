import SearchQuery

extension PodiumIndex {
    /// The proximity settings of a search: the defaults, or those written for a tuning run.
    static func proximity(_ settings: String?) throws(PodiumError) -> Proximity {
        guard let settings else { return Proximity() }
        do {
            return try Proximity(settings: settings)
        } catch {
            throw PodiumError(
                .usage,
                "--proximity: \(error.description)",
                hint: "write the settings as weight=0.2,window=8,phrase=0.5,pairs=8, or off"
            )
        }
    }
}
