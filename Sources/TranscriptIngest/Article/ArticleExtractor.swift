/// One paragraph of an article's main text.
struct ArticleParagraph: Equatable {
    /// What kind of block held it; headings and list items are paragraph boundaries of their own.
    enum Kind: Equatable {
        case paragraph
        case heading
        case listItem
    }

    var text: TextBlock
    var kind: Kind
    /// Characters of the text, and of those inside links.
    var characters: Int
    var linkCharacters: Int
}

/// Finds the text a publisher wrote on a page and drops the rest: navigation, headers and footers,
/// related links, share bars, cookie banners, comments, ads and forms.
///
/// The decision follows Readability.js's, on `ArticleTree`'s counts: every paragraph of 25 characters or
/// more gives its parent and grandparent (and, fading, three more ancestors) a score of one plus its commas
/// plus one per 100 characters (at most three); a container starts from a score by its tag and by what
/// its class and id say; the score is scaled by the share of text outside links. The best container,
/// moved up when the other strong candidates share an ancestor with it, is the article, with those of its
/// siblings that score close to it or read like paragraphs of prose. Inside the article, lists, tables,
/// forms and containers that are mostly links, images, inputs or embeds, or whose class says boilerplate,
/// are dropped (Readability's conditional cleaning), as are share bars, bylines and the heading that
/// repeats the page's title. When that leaves less than 500 characters, the pass is run again without
/// first setting aside the elements whose names read like page furniture, and the longer text wins (not
/// weighing class names at all, Readability's third try, finds footers on listing pages); when even that
/// is no article, every `<p>` of the page that is not a link is taken (trafilatura's baseline), and
/// `isMainText` has the last word.
enum ArticleExtractor {
    /// The main text of `tree`'s page, in document order; empty when nothing reads like an article.
    ///
    /// - Parameter title: the page's `<title>` (or `og:title`): a heading that repeats it is not text.
    static func extract(_ tree: ArticleTree, title: String) -> [ArticleParagraph] {
        var best = ArticlePass(tree: tree, setAsideUnlikely: true).run()
        if characters(of: best) < 500 {
            let second = ArticlePass(tree: tree, setAsideUnlikely: false).run()
            if characters(of: second) > characters(of: best) { best = second }
        }
        let paragraphs = finish(best, tree: tree, title: title)
        if isMainText(paragraphs) { return paragraphs }
        let baseline = ArticlePass(tree: tree, setAsideUnlikely: false).paragraphsEverywhere()
        return finish(baseline, tree: tree, title: title)
    }

    /// Every paragraph of `tree`'s page but a heading that repeats `title` and the marks that end a press
    /// release or separate its parts (`###`, `***`): the main text of a page that is nothing else.
    static func everything(_ tree: ArticleTree, title: String) -> [ArticleParagraph] {
        let marks: Set<UInt8> = [UInt8(ascii: "#"), UInt8(ascii: "*"), UInt8(ascii: "_"), 0x20]
        let kept = tree.blocks.map { block in block.text.bytes.allSatisfy(marks.contains) ? 0 : block.characters }
        return finish(kept, tree: tree, title: title)
    }

    /// Whether `paragraphs` are an article's text rather than what is left of a listing, a login wall or
    /// a gallery: at least 150 characters outside links, with one paragraph of 60 or more.
    static func isMainText(_ paragraphs: [ArticleParagraph]) -> Bool {
        var prose = 0
        var longest = 0
        for paragraph in paragraphs {
            let own = paragraph.characters - paragraph.linkCharacters
            prose += own
            longest = max(longest, own)
        }
        return prose >= 150 && longest >= 60
    }

    /// How many characters of the paragraphs a selection keeps.
    private static func characters(of kept: [Int]) -> Int { kept.reduce(0) { $0 + $1 } }

    private static func finish(_ kept: [Int], tree: ArticleTree, title: String) -> [ArticleParagraph] {
        let titleWords = TitleWords(title)
        var paragraphs: [ArticleParagraph] = []
        for (index, block) in tree.blocks.enumerated() where kept[index] > 0 {
            let tag = tree.nodes[Int(block.node)].tag
            let kind: ArticleParagraph.Kind =
                tag == .heading ? .heading : tag == .listItem ? .listItem : .paragraph
            if kind == .heading, titleWords.isRepeated(by: block.text) { continue }
            paragraphs.append(
                ArticleParagraph(
                    text: block.text,
                    kind: kind,
                    characters: block.characters,
                    linkCharacters: block.linkCharacters
                )
            )
        }
        return paragraphs
    }
}

/// The words of a page title, to recognize the heading that repeats it (Readability's text similarity:
/// at most a quarter of the heading's text is words the title lacks).
private struct TitleWords {
    let words: Set<String>

    init(_ title: String) { words = Set(Self.split(title)) }

    func isRepeated(by heading: TextBlock) -> Bool {
        guard !words.isEmpty else { return false }
        let tokens = Self.split(heading.text)
        guard !tokens.isEmpty else { return false }
        let total = tokens.reduce(0) { $0 + $1.count + 1 }
        let unknown = tokens.filter { !words.contains($0) }.reduce(0) { $0 + $1.count + 1 }
        return Double(unknown) / Double(total) < 0.25
    }

    private static func split(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
