import CLibXML2

/// How the body walker treats an element.
enum Tag: Equatable {
    /// Inline markup (`span`, `a`, `font`, …): its text joins the current block.
    case inline
    /// Bold markup (`b`, `strong`): inline, and marks its text bold.
    case bold
    /// A block element: starts and ends a paragraph.
    case block
    /// `<br>`: ends the current line as a paragraph.
    case lineBreak
    /// A table cell: a word boundary.
    case cell
    /// `<img>`: no text; its file name may carry an upload date.
    case image
    /// Never text: scripts, styles, forms, embedded frames, navigation, footers.
    case skip

    init(_ name: UnsafePointer<xmlChar>?) {
        guard let name else {
            self = .inline
            return
        }
        switch name[0] {
        case UInt8(ascii: "a"):
            self =
                DOM.equals(name, "aside")
                ? .skip : (DOM.equals(name, "address") || DOM.equals(name, "article")) ? .block : .inline
        case UInt8(ascii: "b"):
            if name[1] == 0 {
                self = .bold
            } else if DOM.equals(name, "br") {
                self = .lineBreak
            } else if DOM.equals(name, "blockquote") || DOM.equals(name, "body") {
                self = .block
            } else if DOM.equals(name, "button") {
                self = .skip
            } else {
                self = .inline
            }
        case UInt8(ascii: "c"):
            self = DOM.equals(name, "center") || DOM.equals(name, "caption") ? .block : .inline
        case UInt8(ascii: "d"):
            self =
                DOM.equals(name, "div") || DOM.equals(name, "dl") || DOM.equals(name, "dd") || DOM.equals(name, "dt")
                    || DOM.equals(name, "details") ? .block : .inline
        case UInt8(ascii: "f"):
            if DOM.equals(name, "footer") || DOM.equals(name, "frameset") || DOM.equals(name, "frame") {
                self = .skip
            } else if DOM.equals(name, "form") || DOM.equals(name, "figure") || DOM.equals(name, "figcaption")
                || DOM.equals(name, "fieldset")
            {
                self = .block
            } else {
                self = .inline
            }
        case UInt8(ascii: "h"):
            if (name[1] >= UInt8(ascii: "1") && name[1] <= UInt8(ascii: "6") && name[2] == 0) || DOM.equals(name, "hr")
                || DOM.equals(name, "header") || DOM.equals(name, "html")
            {
                self = .block
            } else if DOM.equals(name, "head") {
                self = .skip
            } else {
                self = .inline
            }
        case UInt8(ascii: "i"):
            self =
                DOM.equals(name, "img")
                ? .image : DOM.equals(name, "iframe") || DOM.equals(name, "input") ? .skip : .inline
        case UInt8(ascii: "l"):
            self = DOM.equals(name, "li") || DOM.equals(name, "legend") ? .block : .inline
        case UInt8(ascii: "m"):
            self =
                DOM.equals(name, "main")
                ? .block : DOM.equals(name, "map") || DOM.equals(name, "menu") ? .skip : .inline
        case UInt8(ascii: "n"):
            self =
                DOM.equals(name, "nav") || DOM.equals(name, "noscript") || DOM.equals(name, "noframes")
                ? .skip : .inline
        case UInt8(ascii: "o"):
            if DOM.equals(name, "ol") {
                self = .block
            } else if DOM.equals(name, "object") || DOM.equals(name, "option") || DOM.equals(name, "optgroup") {
                self = .skip
            } else {
                self = .inline
            }
        case UInt8(ascii: "p"):
            self = name[1] == 0 || DOM.equals(name, "pre") ? .block : .inline
        case UInt8(ascii: "s"):
            if DOM.equals(name, "strong") {
                self = .bold
            } else if DOM.equals(name, "script") || DOM.equals(name, "style") || DOM.equals(name, "select")
                || DOM.equals(name, "svg")
            {
                self = .skip
            } else if DOM.equals(name, "section") || DOM.equals(name, "summary") {
                self = .block
            } else {
                self = .inline
            }
        case UInt8(ascii: "t"):
            if DOM.equals(name, "td") || DOM.equals(name, "th") {
                self = .cell
            } else if DOM.equals(name, "tr") || DOM.equals(name, "table") || DOM.equals(name, "tbody")
                || DOM.equals(name, "thead") || DOM.equals(name, "tfoot")
            {
                self = .block
            } else if DOM.equals(name, "template") || DOM.equals(name, "textarea") || DOM.equals(name, "title") {
                self = .skip
            } else {
                self = .inline
            }
        case UInt8(ascii: "u"):
            self = DOM.equals(name, "ul") ? .block : .inline
        case UInt8(ascii: "v"):
            self = DOM.equals(name, "video") ? .skip : .inline
        default:
            self = .inline
        }
    }
}
