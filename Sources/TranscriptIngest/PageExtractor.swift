import CLibXML2

/// What a page's DOM says, copied out of libxml2 into Swift values.
struct ExtractedPage: Sendable {
    /// The `<title>` element's text.
    var documentTitle = ""
    /// The on-page heading: `h2.title`, `#News_Body_Title`, or the first `<h1>`.
    var heading = ""
    /// The text of `#News_Body_Time` (or an element with class `date`/`time` holding a date).
    var dateText = ""
    /// Breadcrumb link texts (`div.urhere`, `div.nav`), outermost first.
    var breadcrumbs: [String] = []
    /// `<link rel="canonical">` or `<meta property="og:url">`, whichever comes first.
    var canonicalURL = ""
    /// Whether `canonicalURL` came from `<link rel="canonical">`.
    var canonicalFromLink = false
    /// `<html lang>`.
    var htmlLanguage = ""
    /// Whether a transcript body container was found.
    var hasBody = false
    /// The body's paragraphs.
    var blocks: [TextBlock] = []
    /// Upload stamps (`W0YYYYMMDD…`) of the body's images: the site names uploads by date.
    var imageStamps: [String] = []
    /// The main text when the page is not in the ministry's layout and was read as an article (`blocks`
    /// then holds the same paragraphs); `nil` for a ministry transcript.
    var article: [ArticleParagraph]?
    /// What the page says about itself (meta tags, JSON-LD, `<time>`, byline), for a page read as an
    /// article; `nil` for a ministry transcript, whose metadata comes from its own elements.
    var signals: PageSignals?
    /// The reader the page's layout calls for.
    var reader: ReaderKind = .ministryTranscript
    /// The speaker turns when the page is a transcript in another layout (`blocks` then holds its
    /// element's paragraphs); `nil` otherwise.
    var transcript: TranscriptBody?
}

/// Walks a parsed page once to find its landmarks, then once more over the body to collect its paragraphs.
///
/// The walk is iterative (no recursion, so hostile nesting depth cannot overflow the stack) and reads
/// libxml2's nodes directly; it is the hot path of ingest.
enum PageExtractor {
    /// - Parameter wholeBody: every paragraph outside a transcript layout is main text, none is page
    ///   furniture: the page is a Markdown file's body, which holds no navigation, and whose short
    ///   releases the article reader would take for listings.
    static func extract(_ document: HTMLDocument, wholeBody: Bool = false) -> ExtractedPage {
        var page = ExtractedPage()
        guard let root = document.rootElement else { return page }
        page.htmlLanguage = DOM.string(DOM.attribute(root, "lang"))

        var titleNode: xmlNodePtr?
        var headingNode: xmlNodePtr?
        var dateNode: xmlNodePtr?
        var crumbNode: xmlNodePtr?
        var bodyNode: xmlNodePtr?
        // The ministry's layout: `#News_Body_Txt_A`, or `div.content` with the site's date, title or
        // breadcrumb element, or with questions and answers in it. Any other page is read as an article.
        var ministryLayout = false

        walk(root) { node in
            guard let name = node.pointee.name else { return true }
            switch name[0] {
            case UInt8(ascii: "s"):
                if DOM.equals(name, "script") || DOM.equals(name, "style") { return false }
            case UInt8(ascii: "t"):
                if titleNode == nil, DOM.equals(name, "title") {
                    titleNode = node
                    return false
                }
            case UInt8(ascii: "l"):
                if DOM.equals(name, "link"), page.canonicalURL.isEmpty,
                    DOM.listContains(DOM.attribute(node, "rel"), "canonical")
                {
                    page.canonicalURL = DOM.string(DOM.attribute(node, "href"))
                    page.canonicalFromLink = true
                }
            case UInt8(ascii: "m"):
                if DOM.equals(name, "meta"), page.canonicalURL.isEmpty,
                    DOM.string(DOM.attribute(node, "property")) == "og:url"
                {
                    page.canonicalURL = DOM.string(DOM.attribute(node, "content"))
                }
            case UInt8(ascii: "h"):
                if headingNode == nil, DOM.equals(name, "h1") || DOM.equals(name, "h2"),
                    DOM.listContains(DOM.attribute(node, "class"), "title") || DOM.equals(name, "h1")
                {
                    headingNode = node
                    return false
                }
            default:
                break
            }
            guard node.pointee.properties != nil else { return true }
            let id = DOM.attribute(node, "id")
            if let id {
                if DOM.equals(id, "News_Body_Txt_A") {
                    bodyNode = node
                    ministryLayout = true
                    return false
                }
                if DOM.equals(id, "News_Body_Time") {
                    if dateNode == nil { dateNode = node }
                    ministryLayout = true
                    return false
                }
                if DOM.equals(id, "News_Body_Title") {
                    headingNode = node
                    ministryLayout = true
                    return false
                }
            }
            let classes = DOM.attribute(node, "class")
            if classes != nil, DOM.equals(name, "div") {
                if bodyNode == nil, DOM.listContains(classes, "content") {
                    bodyNode = node
                    return false
                }
                if crumbNode == nil,
                    DOM.listContains(classes, "urhere") || DOM.listContains(classes, "nav")
                        || DOM.listContains(classes, "breadcrumb")
                {
                    crumbNode = node
                    if DOM.listContains(classes, "urhere") { ministryLayout = true }
                    return false
                }
            }
            return true
        }

        if let titleNode { page.documentTitle = plainText(titleNode) }
        if let headingNode { page.heading = plainText(headingNode) }
        if let dateNode { page.dateText = plainText(dateNode) }
        if let crumbNode { page.breadcrumbs = linkTexts(crumbNode) }
        if let bodyNode {
            page.hasBody = true
            collectBlocks(bodyNode, into: &page)
            if ministryLayout { return page }
            if hasQuestionsAndAnswers(page.blocks) {
                // Questions and answers outside the ministry's layout: what the page says about itself fills
                // what the ministry's rules leave empty.
                page.signals = PageSignals(root: root)
                return page
            }
            page = ExtractedPage(
                documentTitle: page.documentTitle,
                heading: page.heading,
                dateText: page.dateText,
                breadcrumbs: page.breadcrumbs,
                canonicalURL: page.canonicalURL,
                canonicalFromLink: page.canonicalFromLink,
                htmlLanguage: page.htmlLanguage
            )
        }
        readArticle(root, into: &page, wholeBody: wholeBody)
        return page
    }

    /// Reads a page that is not in the ministry's layout as a transcript when it holds enough speaker turns,
    /// else as an article: its main text, or no body at all when nothing on it reads like one (a listing,
    /// a login wall, a gallery).
    private static func readArticle(_ root: xmlNodePtr, into page: inout ExtractedPage, wholeBody: Bool) {
        let tree = ArticleTree(root: root)
        if let transcript = TranscriptBody(tree) {
            page.hasBody = true
            page.blocks = transcript.blocks
            page.transcript = transcript
            page.reader = .genericTranscript
            page.signals = PageSignals(root: root)
            return
        }
        let paragraphs =
            wholeBody
            ? ArticleExtractor.everything(tree, title: page.documentTitle)
            : ArticleExtractor.extract(tree, title: page.documentTitle)
        guard wholeBody ? !paragraphs.isEmpty : ArticleExtractor.isMainText(paragraphs) else {
            if !wholeBody { page.reader = .listing }
            return
        }
        page.reader = wholeBody ? .markdown : .article
        page.signals = PageSignals(root: root)
        page.hasBody = true
        page.article = paragraphs
        page.blocks = paragraphs.map(\.text)
    }

    /// Whether a `div.content` outside the ministry's layout holds a transcript: a question marker and an
    /// answer marker (`Q:`/`A:`, `问：`/`答：`, a bold outlet and a spokesperson's name).
    private static func hasQuestionsAndAnswers(_ blocks: [TextBlock]) -> Bool {
        var question = false
        var answer = false
        for block in blocks {
            switch SpeakerMarker(
                block,
                state: question ? .afterQuestion : .other,
                names: SpeakerNames.knownSpokespersons
            )?
            .role
            {
            case .question?: question = true
            case .answer?: answer = question
            case nil: break
            }
            if answer { return true }
        }
        return false
    }

    // MARK: - Walking

    /// Visits the elements under `root` in document order. `visit` returns whether to descend.
    private static func walk(_ root: xmlNodePtr, _ visit: (xmlNodePtr) -> Bool) {
        var node = root.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, visit(current), let child = current.pointee.children {
                node = child
                continue
            }
            node = nextNode(after: current, within: root)
        }
    }

    /// The next node in document order after `node`'s subtree, staying inside `root`.
    @inline(__always)
    private static func nextNode(after node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
        var current = node
        while true {
            if let next = current.pointee.next { return next }
            guard let parent = current.pointee.parent, parent != root else { return nil }
            current = parent
        }
    }

    /// The visible text of a small element (title, date, heading), on one line.
    private static func plainText(_ element: xmlNodePtr) -> String {
        var builder = BlockBuilder()
        var node = element.pointee.children
        while let current = node {
            let type = current.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                builder.append(UnsafePointer(content), bold: false)
            } else if type == XML_ELEMENT_NODE {
                let tag = Tag(current.pointee.name)
                if tag == .skip {
                    node = nextNode(after: current, within: element)
                    continue
                }
                // `特使<br>代表团`: a line break in a heading is layout, not a word boundary.
                if tag == .block { builder.space() }
                if let child = current.pointee.children {
                    node = child
                    continue
                }
            }
            node = nextNode(after: current, within: element)
        }
        return builder.joinedText
    }

    /// The texts of the links in a breadcrumb.
    private static func linkTexts(_ element: xmlNodePtr) -> [String] {
        var texts: [String] = []
        walk(element) { node in
            if DOM.equals(node.pointee.name, "a") {
                let text = plainText(node)
                if !text.isEmpty { texts.append(text) }
                return false
            }
            return true
        }
        return texts
    }

    /// The body's paragraphs, with bold tracked and hidden or non-content elements dropped.
    private static func collectBlocks(_ body: xmlNodePtr, into page: inout ExtractedPage) {
        var builder = BlockBuilder()
        var boldDepth = 0
        var node = body.pointee.children
        while let current = node {
            let type = current.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if let content = current.pointee.content {
                    builder.append(UnsafePointer(content), bold: boldDepth > 0)
                }
            } else if type == XML_ELEMENT_NODE {
                let tag = Tag(current.pointee.name)
                var descend = tag != .skip
                if descend, current.pointee.properties != nil {
                    if let style = DOM.attribute(current, "style"), DOM.isHiddenByStyle(style) { descend = false }
                    if DOM.hasAttribute(current, "hidden") { descend = false }
                    if tag == .image, let source = DOM.attribute(current, "src") {
                        noteImageStamp(source, into: &page)
                    }
                }
                switch tag {
                case .block, .lineBreak: builder.endBlock()
                case .cell: builder.space()
                default: break
                }
                if descend, let child = current.pointee.children {
                    if tag == .bold { boldDepth += 1 }
                    node = child
                    continue
                }
            }
            // Leave `current` and every ancestor whose last child it was.
            var leaving = current
            node = nil
            while true {
                if leaving != current, leaving.pointee.type == XML_ELEMENT_NODE {
                    switch Tag(leaving.pointee.name) {
                    case .bold: boldDepth -= 1
                    case .block: builder.endBlock()
                    case .cell: builder.space()
                    default: break
                    }
                }
                if let next = leaving.pointee.next {
                    node = next
                    break
                }
                guard let parent = leaving.pointee.parent, parent != body else { break }
                leaving = parent
            }
            if current.pointee.type == XML_ELEMENT_NODE, Tag(current.pointee.name) == .block { builder.endBlock() }
        }
        builder.endBlock()
        page.blocks = builder.blocks
    }

    /// Records `YYYYMMDD` from an image named like `W020180910808183192.jpg`.
    private static func noteImageStamp(_ source: UnsafePointer<xmlChar>, into page: inout ExtractedPage) {
        let bytes = Array(UnsafeBufferPointer(start: source, count: Int(xmlStrlen(source))))
        var start: Int?
        for i in stride(from: bytes.count - 2, through: 0, by: -1)
        where bytes[i] == UInt8(ascii: "W") && bytes[i + 1] == UInt8(ascii: "0") {
            start = i + 2
            break
        }
        guard let start, start + 8 <= bytes.count else { return }
        let digits = bytes[start..<start + 8]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return }
        page.imageStamps.append(String(decoding: digits, as: UTF8.self))
    }
}
