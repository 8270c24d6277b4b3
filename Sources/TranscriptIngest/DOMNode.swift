import CLibXML2

/// Small helpers over libxml2 nodes used by the page walker. Names in libxml2's HTML trees are lowercase.
enum DOM {
    /// Whether the NUL-terminated `name` equals `literal`.
    @inline(__always)
    static func equals(_ name: UnsafePointer<xmlChar>?, _ literal: StaticString) -> Bool {
        guard let name else { return false }
        let bytes = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        for i in 0..<count where name[i] != bytes[i] { return false }
        return name[count] == 0
    }

    /// The value of the attribute `name` on an element (its first text child), or `nil`.
    static func attribute(_ node: xmlNodePtr, _ name: StaticString) -> UnsafePointer<xmlChar>? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if equals(current.pointee.name, name) {
                guard let child = current.pointee.children, let content = child.pointee.content else {
                    return emptyValue
                }
                return UnsafePointer(content)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether the element has the attribute `name` at all.
    static func hasAttribute(_ node: xmlNodePtr, _ name: StaticString) -> Bool {
        var attribute = node.pointee.properties
        while let current = attribute {
            if equals(current.pointee.name, name) { return true }
            attribute = current.pointee.next
        }
        return false
    }

    /// Whether the whitespace-separated list `value` contains `token`.
    static func listContains(_ value: UnsafePointer<xmlChar>?, _ token: StaticString) -> Bool {
        guard let value else { return false }
        let bytes = token.utf8Start
        let count = token.utf8CodeUnitCount
        var i = 0
        while value[i] != 0 {
            while value[i] == 0x20 || value[i] == 0x09 || value[i] == 0x0A || value[i] == 0x0D { i += 1 }
            let start = i
            while value[i] != 0, value[i] != 0x20, value[i] != 0x09, value[i] != 0x0A, value[i] != 0x0D { i += 1 }
            if i - start == count {
                var same = true
                for k in 0..<count where value[start + k] != bytes[k] {
                    same = false
                    break
                }
                if same { return true }
            }
        }
        return false
    }

    /// Whether an inline `style` hides the element (`display:none` or `visibility:hidden`, any spacing or case).
    static func isHiddenByStyle(_ style: UnsafePointer<xmlChar>) -> Bool {
        var compact: [UInt8] = []
        var i = 0
        while style[i] != 0, compact.count < 512 {
            let b = style[i]
            if b != 0x20, b != 0x09, b != 0x0A, b != 0x0D { compact.append(b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0)) }
            i += 1
        }
        return compact.withUnsafeBytes { raw in
            raw.firstIndex(of: "display:none", from: 0, end: raw.count) != nil
                || raw.firstIndex(of: "visibility:hidden", from: 0, end: raw.count) != nil
        }
    }

    /// The string value of a NUL-terminated libxml2 string.
    static func string(_ value: UnsafePointer<xmlChar>?) -> String {
        guard let value else { return "" }
        return String(cString: value)
    }

    // Immutable after creation: one NUL byte shared by every thread.
    nonisolated(unsafe) private static let emptyValue: UnsafePointer<xmlChar> = {
        let pointer = UnsafeMutablePointer<xmlChar>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()
}
