/// A URL that is safe to put in an `href` or `src`: a path of this server built from percent-encoded parts,
/// or an absolute `http`/`https` address taken from an index.
///
/// A statement's URL comes from the page it was read from and can be anything (`javascript:alert(1)`,
/// `data:text/html,…`); ``external(_:)`` gives a link only for a web address, so anything else is shown as
/// text and never followed.
struct PageLink: Equatable {
    /// The URL as it goes into the attribute (escaped there like any value).
    let value: String

    private init(value: String) {
        self.value = value
    }

    /// A path of this server: fixed segments from the code, data segments percent-encoded, and a query.
    ///
    ///     PageLink.path("/statement/", id) → /statement/2019-05-09-en%23%33
    /// - Parameters:
    ///   - base: the fixed part, from this module's code (`/`, `/topics/`).
    ///   - segment: one path segment from data, every byte outside the unreserved set percent-encoded.
    ///   - query: name and value pairs; empty values are left out, so links stay short.
    static func path(_ base: StaticString, _ segment: String? = nil, query: [(String, String)] = []) -> PageLink {
        var url = base.description
        if let segment { url += percentEncoded(segment) }
        let items = query.filter { !$0.1.isEmpty }
        if !items.isEmpty {
            url += "?" + items.map { percentEncoded($0.0) + "=" + percentEncoded($0.1) }.joined(separator: "&")
        }
        return PageLink(value: url)
    }

    /// An address from an index, when it is an absolute `http` or `https` URL with a host and nothing that
    /// could end or bend an attribute (spaces, control characters, quotes, angle brackets, backslashes);
    /// otherwise `nil`, and the page shows the text without a link.
    static func external(_ text: String) -> PageLink? {
        let lower = text.prefix(8).lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return nil
        }
        guard let first = rest.unicodeScalars.first, first != "/",
            !text.unicodeScalars.contains(where: isRefused)
        else { return nil }
        return PageLink(value: text)
    }

    private static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || "\"'<>\\`".unicodeScalars.contains(scalar) || scalar.properties.isWhitespace
    }

    /// `text` with every byte outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`) percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return out
    }
}
