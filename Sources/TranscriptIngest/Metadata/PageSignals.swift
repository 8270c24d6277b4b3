import CLibXML2

/// What a page says about itself, gathered in one walk for the metadata of a page that is not in the
/// ministry's layout: its `<meta>` tags, JSON-LD blocks, `<time>` elements, microdata, heading and byline.
///
/// Dates in lists, sidebars, footers and comments (a related story's, a reader's) are left out here, so
/// that only the article's own markers compete for its date.
struct PageSignals {
    /// `<meta>` contents by lowercased `property`, `name` or `itemprop`; the first of each key wins.
    var metas: [String: String] = [:]
    /// The text of each `<script type="application/ld+json">`, in page order.
    var jsonLD: [String] = []
    /// The first `itemprop="datePublished"` outside page furniture: its `content`, `datetime` or text.
    var itempropDate = ""
    /// `<time>` elements outside page furniture, in page order: their `datetime`, else their text.
    var times: [String] = []
    /// The first `<h1>`'s text.
    var heading = ""
    /// The text that follows the first `<h1>`, up to `datelineCharacters`: where a dated line would be.
    var afterHeading = ""
    /// The text just before the first `<h1>`, up to `datelineCharacters / 2`, nearest last: a dated
    /// line above the title (`By Jane Doe, published on 25 September 2018`).
    var beforeHeading = ""
    /// The first byline: an element whose class or id says `byline`, or a `rel="author"` link.
    var byline = ""
    /// `<link rel="canonical">`'s `href`.
    var canonicalLink = ""

    /// How much text after the heading is searched for a dated line.
    static let datelineCharacters = 400

    init() {}

    /// Walks the page under `root` once.
    init(root: xmlNodePtr) {
        var headingNode: xmlNodePtr?
        var node = root.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, visit(current, headingNode: &headingNode),
                let child = current.pointee.children
            {
                node = child
                continue
            }
            node = Self.nextNode(after: current, within: root)
        }
        if let headingNode {
            afterHeading = Self.text(after: headingNode, within: root)
            beforeHeading = Self.text(before: headingNode, within: root)
        }
    }

    /// Records what `element` says; returns whether to look inside it.
    private mutating func visit(_ element: xmlNodePtr, headingNode: inout xmlNodePtr?) -> Bool {
        guard let name = element.pointee.name else { return true }
        if DOM.equals(name, "meta") {
            noteMeta(element)
            return false
        }
        if DOM.equals(name, "link") {
            if canonicalLink.isEmpty, DOM.listContains(DOM.attribute(element, "rel"), "canonical") {
                canonicalLink = Self.squeezed(DOM.string(DOM.attribute(element, "href")))
            }
            return false
        }
        if DOM.equals(name, "script") {
            if let type = DOM.attribute(element, "type"), Self.contains(type, "ld+json") {
                let text = Self.rawContent(element)
                if !text.isEmpty { jsonLD.append(text) }
            }
            return false
        }
        if DOM.equals(name, "style") || DOM.equals(name, "noscript") || DOM.equals(name, "template") { return false }
        if DOM.equals(name, "time") {
            if !Self.isInFurniture(element) {
                let value = DOM.string(DOM.attribute(element, "datetime"))
                let text = value.isEmpty ? Self.content(element) : value
                if !text.isEmpty { times.append(text) }
            }
            return false
        }
        if headingNode == nil, DOM.equals(name, "h1") {
            headingNode = element
            heading = Self.content(element)
        }
        guard element.pointee.properties != nil else { return true }
        // One walk over the attributes for what every element may say.
        var itemprop: UnsafePointer<xmlChar>?
        var isByline = false
        var attribute = element.pointee.properties
        while let current = attribute, let name = current.pointee.name {
            attribute = current.pointee.next
            guard let value = current.pointee.children?.pointee.content else { continue }
            switch name[0] {
            case UInt8(ascii: "i"):
                if DOM.equals(name, "itemprop") {
                    itemprop = UnsafePointer(value)
                } else if byline.isEmpty, DOM.equals(name, "id"), Self.contains(value, "byline") {
                    isByline = true
                }
            case UInt8(ascii: "c"):
                if byline.isEmpty, DOM.equals(name, "class"), Self.contains(value, "byline") { isByline = true }
            case UInt8(ascii: "r"):
                if byline.isEmpty, DOM.equals(name, "rel"), DOM.listContains(value, "author") { isByline = true }
            default:
                break
            }
        }
        if let itemprop, itempropDate.isEmpty, DOM.listContains(itemprop, "datePublished"), !Self.isInFurniture(element)
        {
            let value = DOM.string(DOM.attribute(element, "content") ?? DOM.attribute(element, "datetime"))
            itempropDate = value.isEmpty ? Self.content(element) : value
        }
        if isByline {
            byline = Self.content(element)
            return false
        }
        return true
    }

    private mutating func noteMeta(_ element: xmlNodePtr) {
        guard let content = DOM.attribute(element, "content") else { return }
        let key =
            DOM.attribute(element, "property") ?? DOM.attribute(element, "name") ?? DOM.attribute(element, "itemprop")
        guard let key else { return }
        let name = Self.lowercased(key)
        guard metas[name] == nil else { return }
        let value = Self.squeezed(DOM.string(content))
        guard !value.isEmpty else { return }
        metas[name] = value
        if name == "datepublished", itempropDate.isEmpty { itempropDate = value }
    }

    // MARK: - Helpers

    /// Whether an ancestor of `element` is page furniture: `aside`, `nav`, `footer`, or a class or id that
    /// names related stories, a sidebar, comments or a promotion.
    static func isInFurniture(_ element: xmlNodePtr) -> Bool {
        var node = element.pointee.parent
        var depth = 0
        while let current = node, current.pointee.type == XML_ELEMENT_NODE, depth < 40 {
            if let name = current.pointee.name,
                DOM.equals(name, "aside") || DOM.equals(name, "nav") || DOM.equals(name, "footer")
            {
                return true
            }
            if current.pointee.properties != nil {
                for attribute in [DOM.attribute(current, "class"), DOM.attribute(current, "id")] {
                    guard let attribute else { continue }
                    if furnitureNames.contains(where: { contains(attribute, $0) }) { return true }
                }
            }
            node = current.pointee.parent
            depth += 1
        }
        return false
    }

    private static let furnitureNames: [StaticString] = [
        "related", "sidebar", "recommend", "popular", "trending", "most-read", "mostread", "teaser", "promo",
        "comment", "rail", "more-stories", "outbrain", "taboola", "widget", "newsletter",
    ]

    /// Whether the NUL-terminated `value` holds `needle` (lowercase ASCII), ignoring ASCII case.
    static func contains(_ value: UnsafePointer<xmlChar>, _ needle: StaticString) -> Bool {
        let bytes = needle.utf8Start
        let count = needle.utf8CodeUnitCount
        var start = 0
        while value[start] != 0 {
            var k = 0
            while k < count {
                let c = value[start + k]
                let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                guard c != 0, lower == bytes[k] else { break }
                k += 1
            }
            if k == count { return true }
            start += 1
        }
        return false
    }

    /// The text of `element`'s subtree on one line, spaces squeezed.
    static func content(_ element: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(element) else { return "" }
        defer { clibxml2_free(raw) }
        return squeezed(UnsafeBufferPointer(start: raw, count: Int(xmlStrlen(raw))))
    }

    /// The text of `element`'s subtree as it is.
    private static func rawContent(_ element: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(element) else { return "" }
        defer { clibxml2_free(raw) }
        return String(cString: raw)
    }

    /// The text after `heading`'s subtree in page order, scripts and styles left out, up to
    /// `datelineCharacters`.
    private static func text(after heading: xmlNodePtr, within root: xmlNodePtr) -> String {
        var out = ""
        var node = nextNode(after: heading, within: root)
        while let current = node, out.utf8.count < datelineCharacters {
            let type = current.pointee.type
            if type == XML_TEXT_NODE, let content = current.pointee.content {
                out += String(cString: content) + " "
            } else if type == XML_ELEMENT_NODE, let name = current.pointee.name,
                !(DOM.equals(name, "script") || DOM.equals(name, "style")), let child = current.pointee.children
            {
                node = child
                continue
            }
            node = nextNode(after: current, within: root)
        }
        return squeezed(out)
    }

    /// The text before `heading` in page order, scripts and styles left out, up to half of
    /// `datelineCharacters`.
    private static func text(before heading: xmlNodePtr, within root: xmlNodePtr) -> String {
        var pieces: [String] = []
        var count = 0
        var node = previousNode(before: heading, within: root)
        while let current = node, count < datelineCharacters / 2 {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content,
                let parent = current.pointee.parent?.pointee.name,
                !(DOM.equals(parent, "script") || DOM.equals(parent, "style"))
            {
                let text = String(cString: content)
                pieces.append(text)
                count += text.utf8.count
            }
            node = previousNode(before: current, within: root)
        }
        return squeezed(pieces.reversed().joined(separator: " "))
    }

    /// The node before `node` in page order (the last descendant of its previous sibling, else its
    /// parent), staying inside `root`.
    private static func previousNode(before node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
        guard var current = node.pointee.prev else {
            guard let parent = node.pointee.parent, parent != root else { return nil }
            return parent
        }
        while let last = current.pointee.last { current = last }
        return current
    }

    static func nextNode(after node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
        var current = node
        while true {
            if let next = current.pointee.next { return next }
            guard let parent = current.pointee.parent, parent != root else { return nil }
            current = parent
        }
    }

    static func lowercased(_ value: UnsafePointer<xmlChar>) -> String { DOM.string(value).lowercased() }

    /// `text` with runs of whitespace (ASCII and the no-break space) made one space, trimmed.
    static func squeezed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { squeezed($0) }
    }

    /// The UTF-8 `bytes` with runs of whitespace (ASCII and the no-break space) made one space, trimmed.
    static func squeezed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                pendingSpace = true
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
                pendingSpace = true
                i += 2
                continue
            }
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
