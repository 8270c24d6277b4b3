/// What to generate: the settings shared by every part.
struct GeneratorSettings: Sendable {
    var seed: UInt64
    /// Share of statements drawn from Chinese briefings.
    var chineseShare: Double
    /// Share of briefings drawn from Chinese ones, which gives `chineseShare` of the statements.
    var chineseBriefingShare: Double
    /// First and last day (days since 1970-01-01) of the date range.
    var firstDay: Int
    var lastDay: Int
}

/// One briefing to write: a real template, a new date, and how many of its statements to keep.
struct PlannedBriefing {
    var template: Int
    var language: RealCorpus.Language
    var date: CivilDate
    var statements: Int
}

/// Generates one part of the corpus (one JSONL file, or a group of HTML pages) from its own random stream,
/// so that any part can be regenerated alone, in any order, on any number of threads, with the same bytes.
struct PartGenerator {
    let corpus: RealCorpus
    let settings: GeneratorSettings
    let part: Int
    let variant: Int
    var rng: SplitMix64

    init(corpus: RealCorpus, settings: GeneratorSettings, part: Int, variant: Int) {
        self.corpus = corpus
        self.settings = settings
        self.part = part
        self.variant = variant
        rng = SplitMix64(seed: settings.seed, stream: UInt64(part), variant: UInt64(variant))
    }

    /// Briefings holding `statements` statements in all, in date order.
    mutating func plan(statements: Int) -> [PlannedBriefing] {
        var planned: [PlannedBriefing] = []
        var left = statements
        while left > 0 {
            let language: RealCorpus.Language = rng.unit() < settings.chineseBriefingShare ? .chinese : .english
            let templates = corpus.briefings[language.rawValue]
            let template = rng.below(templates.count)
            let take = min(left, templates[template].statements.count)
            planned.append(
                PlannedBriefing(template: template, language: language, date: randomWeekday(), statements: take)
            )
            left -= take
        }
        planned.sort { $0.date < $1.date }
        return planned
    }

    private mutating func randomWeekday() -> CivilDate {
        while true {
            let day = settings.firstDay + rng.below(settings.lastDay - settings.firstDay + 1)
            let weekday = CivilDate.weekday(daysSinceEpoch: day)
            if weekday != 0 && weekday != 6 { return CivilDate(daysSinceEpoch: day) }
        }
    }

    func template(_ briefing: PlannedBriefing) -> RealCorpus.BriefingTemplate {
        corpus.briefings[briefing.language.rawValue][briefing.template]
    }

    func title(_ briefing: PlannedBriefing) -> String {
        let t = template(briefing)
        guard t.titleHasDate else { return t.titlePrefix }
        let date = briefing.language == .chinese ? briefing.date.chinese : briefing.date.english
        return t.titlePrefix + date + t.titleSuffix
    }

    /// The statement id: language, date, part, briefing and ordinal, unique across parts.
    func statementID(_ briefing: PlannedBriefing, index: Int, ordinal: Int) -> String {
        let p = String(part), b = String(index), o = String(ordinal)
        return
            "gen-\(briefing.language.code)-\(briefing.date.iso)-p\(String(repeating: "0", count: max(0, 5 - p.count)))\(p)"
            + "-b\(String(repeating: "0", count: max(0, 3 - b.count)))\(b)-\(String(repeating: "0", count: max(0, 3 - o.count)))\(o)"
    }

    // MARK: - Text

    /// Appends `shape`'s paragraphs of sampled sentences, paragraphs separated by `paragraphBreak`.
    ///
    /// - Parameter escaped: take the JSON-escaped copy of each sentence (else the raw one, HTML-escaped).
    mutating func appendText(
        _ shape: [Int],
        pool: SentencePool,
        language: RealCorpus.Language,
        paragraphBreak: [UInt8],
        json: Bool,
        to out: inout [UInt8]
    ) {
        guard !pool.isEmpty else { return }
        for (p, sentences) in shape.enumerated() {
            if p > 0 { out.append(contentsOf: paragraphBreak) }
            for s in 0..<sentences {
                if s > 0 && language == .english { out.append(0x20) }
                let k = rng.below(pool.count)
                if json {
                    out.append(contentsOf: pool.json[pool.jsonRange(k)])
                } else {
                    JSONText.appendHTML(pool.raw[pool.rawRange(k)], to: &out)
                }
            }
        }
    }
}
