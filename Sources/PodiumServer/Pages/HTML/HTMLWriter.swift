/// HTML built so that text from an index or a request can only ever enter a page as text.
///
/// Element and attribute names are `StaticString`s, so they come from this module's code and never from data.
/// Every text and attribute value is escaped as it is written; a URL enters an `href` or `src` only as a
/// ``PageLink``, which holds either a path of this server or an `http`/`https` address. There is no way to
/// write a string unescaped: the one door for markup, ``trusted(_:)``, takes a `StaticString` as well.
struct HTMLWriter {
    /// The markup written so far.
    private(set) var output: String = ""

    init(capacity: Int = 16 * 1024) {
        output.reserveCapacity(capacity)
    }

    /// Writes `text` as text: `&`, `<`, `>`, `"` and `'` become character references.
    mutating func text(_ text: some StringProtocol) {
        HTMLWriter.escape(text, into: &output)
    }

    /// Writes an element with its attributes, its content written by `body`.
    mutating func element(
        _ name: StaticString,
        _ attributes: [HTMLAttribute] = [],
        _ body: (inout HTMLWriter) -> Void = { _ in }
    ) {
        open(name, attributes)
        body(&self)
        output += "</"
        output += name.description
        output += ">"
    }

    /// Writes an element whose content is `text`, escaped.
    mutating func element(_ name: StaticString, _ attributes: [HTMLAttribute] = [], text: some StringProtocol) {
        element(name, attributes) { $0.text(text) }
    }

    /// Writes a void element (`input`, `meta`, `link`, `img`, `br`): no content, no end tag.
    mutating func void(_ name: StaticString, _ attributes: [HTMLAttribute] = []) {
        open(name, attributes)
    }

    /// Writes markup that is part of this module's source, never data: a doctype, a separator.
    mutating func trusted(_ markup: StaticString) {
        output += markup.description
    }

    private mutating func open(_ name: StaticString, _ attributes: [HTMLAttribute]) {
        output += "<"
        output += name.description
        for attribute in attributes {
            output += " "
            output += attribute.name.description
            if let value = attribute.value {
                output += "=\""
                HTMLWriter.escape(value, into: &output)
                output += "\""
            }
        }
        output += ">"
    }

    /// Appends `text` to `out` with the five characters that can end a text or an attribute value escaped.
    static func escape(_ text: some StringProtocol, into out: inout String) {
        // Most text has nothing to escape: copy it whole.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// `text` escaped for HTML.
    static func escaped(_ text: some StringProtocol) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }
}

/// One attribute of an element; its value is escaped when written.
///
/// Attributes that load or navigate (`href`, `src`, `action`) can only be made from a ``PageLink``, and event
/// handler attributes (`on…`) and `style` cannot be made at all: the pages run no inline script or style.
struct HTMLAttribute {
    let name: StaticString
    let value: String?

    private init(name: StaticString, value: String?) {
        self.name = name
        self.value = value
    }

    /// A plain attribute: `class`, `id`, `name`, `value`, `lang`, `aria-…`, `for`, `type`…
    ///
    /// Names that take a URL, hold script or style are refused: they have constructors of their own or none.
    static func attr(_ name: StaticString, _ value: String) -> HTMLAttribute {
        precondition(isPlain(name), "\(name) needs a PageLink, or is never written")
        return HTMLAttribute(name: name, value: value)
    }

    /// A boolean attribute (`selected`, `open`, `required`, `defer`) present without a value.
    static func flag(_ name: StaticString) -> HTMLAttribute {
        precondition(isPlain(name), "\(name) needs a PageLink, or is never written")
        return HTMLAttribute(name: name, value: nil)
    }

    /// `class="…"`.
    static func `class`(_ value: String) -> HTMLAttribute { attr("class", value) }

    /// `href` of a link checked as safe to follow.
    static func href(_ link: PageLink) -> HTMLAttribute { HTMLAttribute(name: "href", value: link.value) }

    /// `src` of a link checked as safe to load.
    static func src(_ link: PageLink) -> HTMLAttribute { HTMLAttribute(name: "src", value: link.value) }

    /// `action` of a form: a path of this server.
    static func action(_ link: PageLink) -> HTMLAttribute { HTMLAttribute(name: "action", value: link.value) }

    private static func isPlain(_ name: StaticString) -> Bool {
        let text = name.description.lowercased()
        let refused: Set<String> = [
            "href", "src", "srcset", "action", "formaction", "style", "poster", "data", "background", "xlink:href",
        ]
        return !text.hasPrefix("on") && !refused.contains(text)
    }
}
