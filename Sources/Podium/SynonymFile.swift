import Foundation
import SearchQuery
import TOMLKit
import TextAnalysis

/// Reads a synonyms file (TOML, as `Docs/synonyms.toml`): a `[synonyms]` table and a `[cross-language]`
/// table, each mapping a word or phrase to an array of the words or phrases that mean the same.
///
/// Every mistake is an error that names the file and its line: TOML syntax (TOMLKit's position), an
/// unknown table, a value that is not an array of strings, or a member that holds no word.
enum SynonymFile {
    /// The tables a synonyms file may have.
    static let tables = ["synonyms", "cross-language"]

    /// The synonyms in `path`.
    /// - Throws: `.input` naming the file (and the line) when it cannot be read or has a mistake.
    static func load(_ path: String) throws(PodiumError) -> SynonymSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PodiumError(.input, "cannot read the synonyms file '\(path)'", hint: "name another with --synonyms")
        }
        return try parse(String(decoding: data, as: UTF8.self), name: path)
    }

    /// The synonyms in `text`, read as the file `name`.
    static func parse(_ text: String, name: String) throws(PodiumError) -> SynonymSet {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw mistake(name, line: error.source.begin.line, error.description)
        } catch {
            throw mistake(name, line: nil, "\(error)")
        }
        let analyzer = Analyzer()
        var groups: [String: [[String]]] = [:]
        for key in table.keys {
            guard tables.contains(key), let entries = table[key]?.table else {
                throw mistake(
                    name,
                    line: line(of: key, in: text, table: nil),
                    "'\(key)' is not a table of the file (\(tables.map { "[\($0)]" }.joined(separator: " or ")))"
                )
            }
            for word in entries.keys {
                let at = line(of: word, in: text, table: key)
                guard let array = entries[word]?.array else {
                    throw mistake(name, line: at, "'\(word)' must be given an array of words or phrases")
                }
                var group = [word]
                for value in array {
                    guard let member = value.string else {
                        throw mistake(name, line: at, "'\(word)' must be given words or phrases in quotes")
                    }
                    group.append(member)
                }
                for member in group where analyzer.tokens(member).isEmpty {
                    throw mistake(name, line: at, "'\(member)' holds no word to search")
                }
                guard group.count >= 2 else { throw mistake(name, line: at, "'\(word)' is given no synonym") }
                groups[key, default: []].append(group)
            }
        }
        return SynonymSet(synonyms: groups["synonyms"] ?? [], crossLanguage: groups["cross-language"] ?? [])
    }

    private static func mistake(_ name: String, line: Int?, _ message: String) -> PodiumError {
        PodiumError(
            .input,
            "synonyms file '\(name)'\(line.map { ", line \($0)" } ?? ""): \(message)",
            hint: "fix the synonyms file, or name another with --synonyms"
        )
    }

    /// The line (from 1) where `key` is defined: in `[table]` when given, else as a table header or a
    /// top-level key.
    static func line(of key: String, in text: String, table: String?) -> Int? {
        var current: String? = nil
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                current = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if table == nil && current == key { return n + 1 }
                continue
            }
            guard current == table, let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            if name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) == key { return n + 1 }
        }
        return nil
    }
}
