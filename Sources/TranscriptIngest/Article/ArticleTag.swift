import CLibXML2

/// The block-level elements the article reader tells apart; every other element is inline or skipped.
enum ArticleTag: UInt8 {
    case paragraph  // p
    case division  // div, section, main, article, center, header, details, body and other containers
    case heading  // h1–h6
    case listItem  // li, dt, dd
    case list  // ul, ol, dl
    case table  // table, tbody, thead, tfoot
    case row  // tr
    case cell  // td, th
    case preformatted  // pre
    case quote  // blockquote
    case form  // form, fieldset
    case figure  // figure, figcaption
    case address  // address

    /// The article tag of a block-level element `name`, whose `Tag` is `tag`, or `nil` for an inline one.
    init?(_ name: UnsafePointer<xmlChar>, _ tag: Tag) {
        switch tag {
        case .inline, .bold, .image, .skip, .lineBreak:
            return nil
        case .cell:
            self = .cell
        case .block:
            self = Self.block(name)
        }
    }

    private static func block(_ name: UnsafePointer<xmlChar>) -> ArticleTag {
        switch name[0] {
        case UInt8(ascii: "p"): return name[1] == 0 ? .paragraph : .preformatted
        case UInt8(ascii: "h") where name[1] >= UInt8(ascii: "1") && name[1] <= UInt8(ascii: "6"): return .heading
        case UInt8(ascii: "l"): return DOM.equals(name, "li") ? .listItem : .division
        case UInt8(ascii: "u"), UInt8(ascii: "o"): return .list
        case UInt8(ascii: "d"):
            if DOM.equals(name, "dl") { return .list }
            if DOM.equals(name, "dd") || DOM.equals(name, "dt") { return .listItem }
            return .division
        case UInt8(ascii: "t"): return DOM.equals(name, "tr") ? .row : .table
        case UInt8(ascii: "b"): return DOM.equals(name, "blockquote") ? .quote : .division
        case UInt8(ascii: "f"):
            return DOM.equals(name, "form") || DOM.equals(name, "fieldset") ? .form : .figure
        case UInt8(ascii: "a"): return DOM.equals(name, "address") ? .address : .division
        default: return .division
        }
    }

    /// Readability's starting score for a candidate of this kind.
    var baseScore: Double {
        switch self {
        case .division: 5
        case .preformatted, .cell, .quote: 3
        case .address, .list, .listItem, .form: -3
        case .heading: -5
        default: 0
        }
    }

    /// Whether text right inside the element is a paragraph of its parent (a `<p>`), rather than loose
    /// text of a container that is itself the candidate.
    var isParagraphLike: Bool {
        switch self {
        case .paragraph, .preformatted, .cell, .heading, .listItem: true
        default: false
        }
    }
}
