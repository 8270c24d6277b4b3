import Testing

@testable import TextAnalysis

/// Whether `query`, read as one phrase, occurs in `document`: every query term at the same offset from
/// the phrase start as in the query. This is how the query layer matches a hyphenated word or a CJK run.
func phraseMatches(_ query: String, in document: String, language: Language = .auto) -> Bool {
    let analyzer = Analyzer()
    let phrase = analyzer.tokens(query, language: language)
    let text = analyzer.tokens(document, language: language)
    guard let first = phrase.first else { return false }
    var termsAt: [Int: Set<String>] = [:]
    for token in text { termsAt[token.position, default: []].insert(token.term) }
    return text.contains { anchor in
        phrase.allSatisfy { termsAt[anchor.position + $0.position - first.position]?.contains($0.term) == true }
    }
}

@Suite("Analyzer: the behaviour search relies on")
struct AnalyzerExamplesTests {
    let analyzer = Analyzer()

    func terms(_ text: String, language: Language = .auto) -> [String] {
        analyzer.tokens(text, language: language).map(\.term)
    }

    // MARK: - Chinese

    @Test("知识产权保护 gives overlapping bigrams, and the query 知识产权 matches it")
    func chineseBigrams() {
        #expect(terms("知识产权保护") == ["知识", "识产", "产权", "权保", "保护"])
        #expect(phraseMatches("知识产权", in: "加强知识产权保护"))
        #expect(!phraseMatches("知识产权", in: "知识和产权"))
    }

    @Test("A lone CJK character is a unigram; a mixed run keeps its Latin word whole")
    func chineseUnigramsAndMixedRuns() {
        #expect(terms("中 美") == ["中", "美"])
        #expect(terms("5G网络") == ["5g", "网络"])
        #expect(terms("推动5G网络建设") == ["推动", "5g", "网络", "络建", "建设"])
        #expect(phraseMatches("5G网络", in: "推动5G网络建设"))
    }

    @Test("CJK offsets cover each bigram's two characters")
    func chineseOffsets() {
        let tokens = analyzer.tokens("一带一路")
        #expect(tokens.map(\.start) == [0, 3, 6])
        #expect(tokens.map(\.end) == [6, 9, 12])
        #expect(tokens.map(\.isJoinedToPrevious) == [false, true, true])
    }

    // MARK: - Compounds and phrases

    @Test("new-energy is found by the phrase \"new energy\", by new-energy and by the words new and energy")
    func hyphenatedCompound() {
        let document = "China's new-energy vehicles sell well."
        #expect(phraseMatches("new energy", in: document))
        #expect(phraseMatches("new-energy", in: document))
        #expect(phraseMatches("new-energy", in: "new energy vehicles"))
        let documentTerms = Set(terms(document))
        #expect(documentTerms.isSuperset(of: terms("new")))
        #expect(documentTerms.isSuperset(of: terms("energy")))
        #expect(!phraseMatches("new-energy", in: "energy is new"))
    }

    @Test("Compound parts take consecutive positions and are joined to the part before them")
    func compoundTokens() {
        let tokens = analyzer.tokens("the Belt-and-Road Initiative")
        #expect(tokens.map(\.term) == ["the", "belt", "and", "road", "initi"])
        #expect(tokens.map(\.position) == [0, 1, 2, 3, 4])
        #expect(tokens.map(\.isJoinedToPrevious) == [false, false, true, true, false])
        #expect(phraseMatches("Belt and Road", in: "the Belt-and-Road Initiative"))
    }

    @Test("A dangling hyphen or a dash does not join words")
    func dashes() {
        let tokens = analyzer.tokens("peace - and talks – now")
        #expect(tokens.map(\.term) == ["peac", "and", "talk", "now"])
        #expect(tokens.allSatisfy { !$0.isJoinedToPrevious })
    }

    // MARK: - Acronyms, numbers, possessives, apostrophes

    @Test("U.S. is one token that the query U.S. finds, and the pronoun us does not")
    func dottedAcronyms() {
        #expect(terms("U.S. and U.K. officials") == ["u.s", "and", "uk", "offici"])
        #expect(phraseMatches("U.S.", in: "talks between China and the U.S. resumed"))
        #expect(phraseMatches("U.S.", in: "the U.S-China relationship"))
        #expect(!phraseMatches("U.S.", in: "let us talk"))
        #expect(!phraseMatches("us", in: "the U.S. side"))
        let tokens = analyzer.tokens("the U.S.")
        #expect(tokens.last?.start == 4 && tokens.last?.end == 8)
        #expect(terms("e.g. U.S.A. A.I.D.S.") == ["eg", "usa", "aid"])
        #expect(phraseMatches("U.K.", in: "the UK side") && phraseMatches("uk", in: "the U.K. side"))
    }

    @Test("US is U.S., WHO is not the stop word who, and other capitals are plain words")
    func capitalAcronyms() {
        #expect(terms("US UK WHO EU AFP") == ["u.s", "uk", "w.h.o", "eu", "afp"])
        #expect(phraseMatches("U.S.", in: "China-US relations"))
        #expect(phraseMatches("US", in: "the U.S. side"))
        #expect(!phraseMatches("US", in: "tell us more"))
        #expect(phraseMatches("afp", in: "AFP: a question"))
        #expect(!analyzer.isStopWord(terms("WHO")[0]) && analyzer.isStopWord(terms("who")[0]))
        #expect(terms("Us It A I NATO G7") == ["us", "it", "a", "i", "nato", "g7"])
    }

    @Test(
        "Numbers and alphanumerics stay whole",
        arguments: [
            ("2019", ["2019"]), ("5G", ["5g"]), ("G20", ["g20"]), ("COP28", ["cop28"]),
            ("COVID-19", ["covid", "19"]), ("3.5 percent", ["3.5", "percent"]), ("1,000,000", ["1000000"]),
            ("1,2", ["1", "2"]), ("the 1990s", ["the", "1990s"]), ("in 2019.", ["in", "2019"]),
        ]
    )
    func numbers(text: String, expected: [String]) {
        #expect(terms(text) == expected)
    }

    @Test("COVID-19 is found by the query COVID-19, by covid, and not by a stray 19")
    func covid() {
        let document = "The COVID-19 pandemic"
        #expect(phraseMatches("COVID-19", in: document))
        #expect(phraseMatches("covid", in: document))
        #expect(phraseMatches("COVID-19 pandemic", in: document))
        #expect(!phraseMatches("COVID-19", in: "COVID cases in 19 countries"))
    }

    @Test("Possessives drop 's from the term and keep it in the surface")
    func possessives() {
        let text = "China's position and the countries' views"
        let tokens = analyzer.tokens(text)
        #expect(tokens.map(\.term) == ["china", "posit", "and", "the", "countri", "view"])
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[tokens[0].start..<tokens[0].end], as: UTF8.self) == "China's")
        #expect(terms("China’s") == ["china"])
        #expect(terms("Xi Jinping's") == ["xi", "jinp"])
    }

    @Test("The apostrophes ' and ’ are the same inside words")
    func apostrophes() {
        #expect(terms("don't") == terms("don’t"))
        #expect(terms("Xi'an") == ["xi'an"])
        #expect(terms("Xi’an") == ["xi'an"])
        #expect(terms("'quoted'") == ["quot"])
    }

    // MARK: - Folding and stemming

    @Test("Case and full-width forms fold to lowercase ASCII")
    func folding() {
        #expect(terms("ＣＨＩＮＡ　２０１９") == ["china", "2019"])
        #expect(terms("ＣＯＶＩＤ－１９") == ["covid", "19"])
        #expect(terms("Díaz Çavuşoğlu Vučić Łódź") == terms("Diaz Cavusoglu Vucic Lodz"))
        #expect(terms("communiqués") == terms("communiques"))
        #expect(terms("Straße Æsop œuvre") == ["strass", "aesop", "oeuvr"])
        #expect(terms("× ÷") == [])
        #expect(terms("Москва") == ["москва"])
    }

    @Test("English words are stemmed; --lang zh keeps Latin words unstemmed")
    func stemmingByLanguage() {
        #expect(terms("negotiations continued") == ["negoti", "continu"])
        #expect(terms("negotiations continued", language: .english) == ["negoti", "continu"])
        #expect(terms("negotiations continued", language: .chinese) == ["negotiations", "continued"])
        #expect(terms("中美谈判", language: .chinese) == ["中美", "美谈", "谈判"])
    }

    // MARK: - Stop words

    @Test("Stop words keep their positions, and the query layer can recognise them")
    func stopWords() {
        let tokens = analyzer.tokens("the Ministry of Foreign Affairs")
        #expect(tokens.map(\.term) == ["the", "ministri", "of", "foreign", "affair"])
        #expect(tokens.map(\.position) == [0, 1, 2, 3, 4])
        #expect(analyzer.isStopWord("the") && analyzer.isStopWord("of") && analyzer.isStopWord("and"))
        #expect(analyzer.isStopWord("does") && analyzer.isStopWord(terms("does")[0]))
        #expect(!analyzer.isStopWord("china") && !analyzer.isStopWord("u.s") && !analyzer.isStopWord("us"))
        #expect(phraseMatches("Ministry of Foreign Affairs", in: "the Ministry of Foreign Affairs said"))
    }

    // MARK: - Buffer

    @Test("A reused buffer is cleared by each call and its term bytes match the terms")
    func bufferReuse() {
        var buffer = TokenBuffer()
        analyzer.analyze("Nations united in the United Nations", into: &buffer)
        analyzer.analyze("United nations", into: &buffer)
        #expect(buffer.count == 2)
        #expect(buffer.tokens.map(\.term) == ["unit", "nation"])
        for index in 0..<buffer.count {
            let bytes = buffer.withTermBytes(at: index) { Array($0) }
            #expect(bytes == Array(buffer.term(at: index).utf8))
            #expect(Array(buffer.termBytes[buffer.termRange(at: index)]) == bytes)
        }
        analyzer.analyze("", into: &buffer)
        #expect(buffer.isEmpty)
    }

    @Test("The analyzer has a name and a version for the index to store")
    func identity() {
        #expect(Analyzer.name == "podium-standard")
        #expect(Analyzer.version >= 1)
    }
}
