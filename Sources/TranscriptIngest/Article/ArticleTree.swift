import CLibXML2

/// A block-level element of a page, with the counts the article reader decides by.
///
/// Nodes are stored in document order (a parent before its children), so sums over subtrees take one
/// backward pass and flags inherited from ancestors one forward pass.
struct ArticleNode {
    var parent: Int32
    var tag: ArticleTag
    var hints: ArticleHints
    /// Whether the element sits in a table or a `<code>` element: Readability never drops those as unlikely.
    var inTable: Bool
    /// Block-level elements right inside this one.
    var childNodes = 0
    /// Characters of text in the subtree, of which in links, and commas.
    var characters = 0
    var linkCharacters = 0
    var commas = 0
    /// Characters of text in headings and in list items of the subtree.
    var headingCharacters = 0
    var listCharacters = 0
    /// Elements in the subtree: paragraphs (of text in a `<p>` or loose in a container), images, list items, form inputs, embedded frames and objects.
    var paragraphs = 0
    var images = 0
    var listItems = 0
    var inputs = 0
    var embeds = 0
    /// `<time>` elements in the subtree.
    var times = 0

    /// The share of the subtree's text that is link text.
    var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}

/// One paragraph of text with the element that holds it.
struct ArticleBlock {
    /// The innermost block-level element around the text.
    var node: Int32
    var text: TextBlock
    var characters: Int
    var linkCharacters: Int
    var commas: Int
}

/// The page as the article reader sees it: block-level elements and the paragraphs of text inside them.
struct ArticleTree {
    private(set) var nodes: [ArticleNode] = []
    private(set) var blocks: [ArticleBlock] = []

    /// Builds the tree of everything under `root` that a reader could see: scripts, styles, navigation,
    /// footers, asides, form controls and elements hidden by `hidden`, `aria-hidden` or an inline style
    /// are left out.
    init(root: xmlNodePtr) {
        var builder = Builder()
        builder.walk(root)
        nodes = builder.nodes
        blocks = builder.blocks
        sumSubtrees()
    }

    /// Adds each node's counts to its parent's, children first.
    private mutating func sumSubtrees() {
        for i in stride(from: nodes.count - 1, through: 1, by: -1) {
            let node = nodes[i]
            let p = Int(node.parent)
            guard p >= 0 else { continue }
            nodes[p].characters += node.characters
            nodes[p].linkCharacters += node.linkCharacters
            nodes[p].commas += node.commas
            nodes[p].headingCharacters += node.headingCharacters
            nodes[p].listCharacters += node.listCharacters
            nodes[p].paragraphs += node.paragraphs
            nodes[p].images += node.images
            nodes[p].listItems += node.listItems
            nodes[p].inputs += node.inputs
            nodes[p].embeds += node.embeds
            nodes[p].times += node.times
        }
    }
}

// MARK: - Building

/// The walk that builds an `ArticleTree`: iterative, so hostile nesting cannot overflow the stack.
private struct Builder {
    var nodes: [ArticleNode] = []
    var blocks: [ArticleBlock] = []
    /// Line feeds and no-break spaces are noted: a transcript may run several turns into one paragraph.
    private var text = BlockBuilder(notingBreaks: true)
    /// What each open element pushed: a node, a link, bold, or nothing.
    private var frames: [Frame] = []
    private var current: Int32 = -1
    private var linkDepth = 0
    private var codeDepth = 0
    private var boldDepth = 0
    private var linkBytes = 0

    private enum Frame {
        case node(Int32)
        case link
        case code
        case bold
        case other
    }

    mutating func walk(_ root: xmlNodePtr) {
        current = appendNode(tag: .division, hints: ArticleHints(), parent: -1)
        var node = root.pointee.children
        while let visiting = node {
            if visiting.pointee.type == XML_ELEMENT_NODE {
                if enter(visiting) {
                    if let child = visiting.pointee.children {
                        node = child
                        continue
                    }
                    leave()
                }
            } else if visiting.pointee.type == XML_TEXT_NODE || visiting.pointee.type == XML_CDATA_SECTION_NODE,
                let content = visiting.pointee.content
            {
                appendText(UnsafePointer(content))
            }
            node = nil
            var climbing = visiting
            while true {
                if let next = climbing.pointee.next {
                    node = next
                    break
                }
                guard let parent = climbing.pointee.parent, parent != root else { break }
                leave()
                climbing = parent
            }
        }
        endBlock()
    }

    /// Opens an element; returns whether to descend into it (a frame was pushed when it returns `true`).
    private mutating func enter(_ element: xmlNodePtr) -> Bool {
        guard let name = element.pointee.name else { return false }
        let tag = Tag(name)
        switch tag {
        case .skip:
            countSkipped(name)
            return false
        case .image:
            nodes[Int(current)].images += 1
            return false
        case .lineBreak:
            endBlock()
            return false
        default:
            break
        }
        let hints = element.pointee.properties == nil ? ArticleHints() : ArticleHints(element)
        if hints.isHidden { return false }
        if let articleTag = ArticleTag(name, tag) {
            endBlock()
            current = appendNode(tag: articleTag, hints: hints, parent: current)
            frames.append(.node(current))
        } else if hints.isNamedByline {
            return false  // an inline caption, credit or byline (`<span class="caption">`)
        } else if DOM.equals(name, "a") {
            linkDepth += 1
            frames.append(.link)
        } else if DOM.equals(name, "time") {
            nodes[Int(current)].times += 1
            frames.append(.other)
        } else if DOM.equals(name, "code") {
            codeDepth += 1
            frames.append(.code)
        } else if tag == .bold {
            // A transcript's heading in bold capitals (`SUPPORTING AMERICAN INDUSTRY:`) is not a speaker.
            boldDepth += 1
            frames.append(.bold)
        } else {
            frames.append(.other)
        }
        return true
    }

    /// Closes the innermost open element.
    private mutating func leave() {
        switch frames.popLast() {
        case .node(let index)?:
            endBlock()
            current = nodes[Int(index)].parent
        case .link?: linkDepth -= 1
        case .code?: codeDepth -= 1
        case .bold?: boldDepth -= 1
        case .other?, nil: break
        }
    }

    private mutating func countSkipped(_ name: UnsafePointer<xmlChar>) {
        if DOM.equals(name, "input") || DOM.equals(name, "select") || DOM.equals(name, "textarea")
            || DOM.equals(name, "button")
        {
            nodes[Int(current)].inputs += 1
        } else if DOM.equals(name, "iframe") || DOM.equals(name, "object") || DOM.equals(name, "video") {
            nodes[Int(current)].embeds += 1
        }
    }

    private mutating func appendNode(tag: ArticleTag, hints: ArticleHints, parent: Int32) -> Int32 {
        let inTable = parent >= 0 && (nodes[Int(parent)].inTable || nodes[Int(parent)].tag == .table) || codeDepth > 0
        var node = ArticleNode(parent: parent, tag: tag, hints: hints, inTable: inTable)
        if parent >= 0 { nodes[Int(parent)].childNodes += 1 }
        if tag == .listItem { node.listItems = 1 }
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    private mutating func appendText(_ content: UnsafePointer<UInt8>) {
        guard linkDepth > 0 else {
            text.append(content, bold: boldDepth > 0)
            return
        }
        let before = text.pendingCount
        text.append(content, bold: boldDepth > 0)
        linkBytes += max(0, text.pendingCount - before)
    }

    /// Ends the paragraph being written and files it under the current node.
    private mutating func endBlock() {
        guard let block = text.takeBlock() else {
            linkBytes = 0
            return
        }
        var characters = 0
        var commas = 0
        let bytes = block.bytes
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
            characters += 1
            if b == UInt8(ascii: ",") {
                commas += 1
            } else if i + 2 < bytes.count,
                b == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x8C
                    || b == 0xE3 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x81
            {
                commas += 1  // the full-width comma and the ideographic comma of Chinese and Japanese text
            }
        }
        let links = min(characters, linkBytes * characters / max(1, block.bytes.count))
        linkBytes = 0
        blocks.append(
            ArticleBlock(node: current, text: block, characters: characters, linkCharacters: links, commas: commas)
        )
        let i = Int(current)
        nodes[i].characters += characters
        nodes[i].linkCharacters += links
        nodes[i].commas += commas
        // Readability counts `<p>` elements after turning runs of text and `<br>`s into paragraphs.
        if nodes[i].tag == .paragraph || nodes[i].tag == .division { nodes[i].paragraphs += 1 }
        if nodes[i].tag == .heading { nodes[i].headingCharacters += characters }
        if nodes[i].tag == .listItem { nodes[i].listCharacters += characters }
    }
}
