import Foundation
import Testing

/// Checks a JSON value against a schema of the OpenAPI document: `$ref`, `type` (one or a list),
/// `required`, `properties`, `items`, `additionalProperties`, `enum`, `minimum`, `maximum`. What it reports
/// is a list of problems, each with the JSON path where it was found; an empty list is a pass.
struct SchemaValidator: @unchecked Sendable {
    let document: [String: Any]

    init(data: Data) throws {
        document = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The schema of the 200 answer of `GET path` with `contentType`.
    func responseSchema(
        path: String,
        status: String = "200",
        contentType: String = "application/json"
    )
        -> [String: Any]?
    {
        let paths = document["paths"] as? [String: Any]
        let get = (paths?[path] as? [String: Any])?["get"] as? [String: Any]
        let response = (get?["responses"] as? [String: Any])?[status] as? [String: Any]
        let content = (response?["content"] as? [String: Any])?[contentType] as? [String: Any]
        return content?["schema"] as? [String: Any]
    }

    /// The problems of `value` against `schema`.
    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
            guard let target = schemas?[name] as? [String: Any] else { return ["\(path): unknown $ref \(ref)"] }
            return problems(value, target, at: path)
        }
        var found: [String] = []
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty, !types.contains(where: { Self.has(value, type: $0) }) {
            return ["\(path): expected \(types.joined(separator: " or ")), found \(type(of: value)) \(value)"]
        }
        if let choices = schema["enum"] as? [String], let text = value as? String, !choices.contains(text) {
            found.append("\(path): '\(text)' is not one of \(choices)")
        }
        if let number = value as? NSNumber, !Self.isBool(value) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum {
                found.append("\(path): \(number) < minimum \(minimum)")
            }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum {
                found.append("\(path): \(number) > maximum \(maximum)")
            }
        }
        if let object = value as? [String: Any] {
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path): missing required '\(name)'")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (name, member) in object {
                if let sub = properties[name] as? [String: Any] {
                    found += problems(member, sub, at: "\(path).\(name)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    found += problems(member, extra, at: "\(path).\(name)")
                } else if !properties.isEmpty {
                    found.append("\(path): '\(name)' is not in the document")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (n, element) in array.enumerated() { found += problems(element, items, at: "\(path)[\(n)]") }
        }
        return found
    }

    private static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func has(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "boolean": return isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number": return value is NSNumber && !isBool(value)
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        default: return false
        }
    }
}
