import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CommonMark to HTML with libcmark-gfm, GitHub's table extension on and raw HTML kept.
///
/// Raw HTML blocks and inline HTML pass through (`CMARK_OPT_UNSAFE`): the archives hold tables and spans
/// as HTML, and libxml2 reads them after. Only the table extension is attached: strikethrough and
/// autolinks register inline special characters, which libcmark-gfm 0.29 keeps in one process-wide table
/// that every parse sets and clears again, so two threads parsing at once would change each other's
/// output (and no archive file writes `~~`; a bare URL reads the same as text either way).
enum CommonMark {
    /// The table extension, registered once: registration is not thread-safe in libcmark-gfm (two first
    /// calls at once abort the process), and a Swift static is initialized exactly once.
    private static let tableExtension = TableExtension()

    private struct TableExtension: @unchecked Sendable {
        let pointer: OpaquePointer?
        init() {
            cmark_gfm_core_extensions_ensure_registered()
            pointer = cmark_find_syntax_extension("table")
        }
    }

    /// The HTML of `markdown` (UTF-8, invalid bytes replaced by U+FFFD); `nil` only when libcmark-gfm
    /// could not allocate its parser.
    static func html(_ markdown: UnsafeRawBufferPointer) -> [UInt8]? {
        if let protected = MarkdownRepair.protectingEscapedAsterisks(markdown) {
            return protected.withUnsafeBytes(htmlWithStandIns).map(MarkdownRepair.restoringAsterisks)
        }
        return htmlWithStandIns(markdown)
    }

    private static func htmlWithStandIns(_ markdown: UnsafeRawBufferPointer) -> [UInt8]? {
        let options = CCMARKGFM_OPT_UNSAFE | CCMARKGFM_OPT_VALIDATE_UTF8
        guard let parser = CmarkParser(options: options) else { return nil }
        if let table = tableExtension.pointer { parser.attach(table) }
        parser.feed(markdown)
        guard let document = parser.finish() else { return nil }
        document.dropBrokenMarkup()
        return document.html(options: options, extensions: parser)
    }
}

/// A libcmark-gfm parser; freed with this object.
private final class CmarkParser {
    let pointer: OpaquePointer

    init?(options: Int32) {
        guard let pointer = cmark_parser_new(options) else { return nil }
        self.pointer = pointer
    }

    deinit { cmark_parser_free(pointer) }

    func attach(_ syntaxExtension: OpaquePointer) {
        cmark_parser_attach_syntax_extension(pointer, syntaxExtension)
    }

    func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        cmark_parser_feed(pointer, base.assumingMemoryBound(to: CChar.self), bytes.count)
    }

    /// The document parsed so far.
    func finish() -> CmarkDocument? {
        cmark_parser_finish(pointer).map(CmarkDocument.init)
    }
}

/// A parsed document's root node; the tree is freed with this object.
private final class CmarkDocument {
    let root: OpaquePointer

    init(root: OpaquePointer) { self.root = root }

    deinit { cmark_node_free(root) }

    /// Removes from the text the Markdown syntax a scraper broke, so that it cannot reach a statement:
    /// runs of two or more `*` that closed nothing (`** **`, `near**–**term`; libcmark-gfm leaves them in
    /// the text), and the `](url)` of a link whose opening bracket a blank line cut off.
    func dropBrokenMarkup() {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_TEXT,
                let literal = cmark_node_get_literal(node)
            else { continue }
            guard strstr(literal, "**") != nil || strstr(literal, "](http") != nil else { continue }
            let text = String(cString: literal)
            var kept = ""
            var stars = 0
            for character in text {
                if character == "*" {
                    stars += 1
                    continue
                }
                if stars == 1 { kept.append("*") }
                stars = 0
                kept.append(character)
            }
            if stars == 1 { kept.append("*") }
            while let start = kept.firstRange(of: "](http"), let close = kept[start.upperBound...].firstIndex(of: ")") {
                kept.removeSubrange(start.lowerBound...close)
            }
            cmark_node_set_literal(node, kept)
        }
    }

    /// The document as HTML, rendered with the extensions that `parser` (which owns their list) attached.
    func html(options: Int32, extensions parser: CmarkParser) -> [UInt8]? {
        let rendered = withExtendedLifetime(parser) {
            cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser.pointer))
        }
        guard let rendered else { return nil }
        // The renderer allocates with the node's allocator, libcmark-gfm's default: `malloc`.
        defer { free(rendered) }
        return Array(UnsafeRawBufferPointer(start: rendered, count: strlen(rendered)))
    }
}
