// Indexing and postings-iteration speed of SearchIndex on synthetic tokenized documents.
//
//   swift run -c release --package-path Benchmarks IndexBenchmark [documents] [tokens-per-doc] [index-dir]
//
// Documents have Zipf-distributed words (a 60,000-word vocabulary), like press statements: a title, a
// question, an answer, keyword fields and stored text. Generation is excluded from the timings.
import Foundation
import SearchIndex

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// CPU seconds of this (single-threaded) process: the machine is shared, so wall time says little.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func peakRSSMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kb / 1024
    }
    return 0
}

var args = CommandLine.arguments
// `--jsonl FILE REPEAT`: real statements (fields `question`, `answer`, `spokesperson`), tokenized on
// non-alphanumeric ASCII bytes and lowercased, repeated REPEAT times.
var jsonl: (path: String, repeats: Int)? = nil
if let k = args.firstIndex(of: "--jsonl") {
    jsonl = (args[k + 1], Int(args[k + 2])!)
    args.removeSubrange(k...(k + 2))
}
let docCount = args.count > 1 ? Int(args[1])! : 64_542
let tokensPerDoc = args.count > 2 ? Int(args[2])! : 480
let directory = args.count > 3 ? args[3] : NSTemporaryDirectory() + "podium-index-bench"
try? FileManager.default.removeItem(atPath: directory)

// Vocabulary and Zipf sampler.
var rng = SplitMix(state: 42)
let vocabularySize = 60_000
let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
var vocabulary: [[UInt8]] = (0..<vocabularySize).map { k in
    let length = 2 + Int.random(in: 0..<9, using: &rng)
    return (0..<length).map { _ in letters[Int.random(in: 0..<26, using: &rng)] } + Array(String(k % 97).utf8)
}
var cumulative = [Double](repeating: 0, count: vocabularySize)
var total = 0.0
for k in 0..<vocabularySize {
    total += 1.0 / Double(k + 1)
    cumulative[k] = total
}
@MainActor func sampleWord() -> Int {
    let r = Double.random(in: 0..<total, using: &rng)
    var low = 0
    var high = vocabularySize - 1
    while low < high {
        let mid = (low + high) / 2
        if cumulative[mid] < r { low = mid + 1 } else { high = mid }
    }
    return low
}

struct Doc {
    var title: [Int32]
    var question: [Int32]
    var answer: [Int32]
    var date: Int32
    var source: Int
}
var docs: [Doc] = []
var realTexts: [(String, String, String)] = []
if let jsonl {
    vocabulary.removeAll()
    var ids: [[UInt8]: Int32] = [:]
    func tokenize(_ text: String) -> [Int32] {
        var out: [Int32] = []
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            if let id = ids[word] {
                out.append(id)
            } else {
                let id = Int32(vocabulary.count)
                vocabulary.append(word)
                ids[word] = id
                out.append(id)
            }
            word.removeAll(keepingCapacity: true)
        }
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(b + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: word.append(b)
            default: flush()
            }
        }
        flush()
        return out
    }
    let lines = try String(contentsOfFile: jsonl.path, encoding: .utf8).split(separator: "\n")
    var parsed: [(Doc, (String, String, String))] = []
    for (n, line) in lines.enumerated() {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
        let title = object["spokesperson"] as? String ?? ""
        let question = object["question"] as? String ?? ""
        let answer = object["answer"] as? String ?? ""
        parsed.append(
            (
                Doc(
                    title: tokenize(title),
                    question: tokenize(question),
                    answer: tokenize(answer),
                    date: 20_100_101,
                    source: n / 40
                ), (title, question, answer)
            )
        )
    }
    for _ in 0..<jsonl.repeats {
        for (doc, texts) in parsed {
            docs.append(doc)
            realTexts.append(texts)
        }
    }
    print("\(jsonl.path): \(parsed.count) statements × \(jsonl.repeats), vocabulary \(vocabulary.count)")
} else {
    print("generating \(docCount) documents of ~\(tokensPerDoc) tokens...")
    docs.reserveCapacity(docCount)
    for n in 0..<docCount {
        let q = Int.random(in: 0...(tokensPerDoc / 4), using: &rng)
        let a = max(1, tokensPerDoc - q + Int.random(in: -tokensPerDoc / 2...tokensPerDoc / 2, using: &rng))
        docs.append(
            Doc(
                title: (0..<8).map { _ in Int32(sampleWord()) },
                question: (0..<q).map { _ in Int32(sampleWord()) },
                answer: (0..<a).map { _ in Int32(sampleWord()) },
                date: Int32(20_100_101 + n % 3000),
                source: n / 40
            )
        )
    }
}
@MainActor func text(_ words: [Int32]) -> String {
    var bytes: [UInt8] = []
    for w in words {
        if !bytes.isEmpty { bytes.append(32) }
        bytes.append(contentsOf: vocabulary[Int(w)])
    }
    return String(decoding: bytes, as: UTF8.self)
}
let storedTexts = jsonl != nil ? realTexts : docs.map { (text($0.title), text($0.question), text($0.answer)) }
let textBytes = storedTexts.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + $1.2.utf8.count }
let tokenCount = docs.reduce(0) { $0 + $1.title.count + $1.question.count + $1.answer.count }
print("text: \(String(format: "%.1f", Double(textBytes) / 1e6)) MB, \(tokenCount) tokens")

let schema = IndexSchema(
    textFields: ["title", "question", "answer", "speaker", "outlet"],
    keywordFields: ["language", "kind", "source", "id"],
    storedFields: ["title", "question", "answer", "source", "id"]
)
let title = schema.field(named: "title")!
let question = schema.field(named: "question")!
let answer = schema.field(named: "answer")!
let language = schema.field(named: "language")!
let sourceField = schema.field(named: "source")!
let idField = schema.field(named: "id")!
let storedIDs = ["title", "question", "answer", "source", "id"].map { schema.storedField(named: $0)! }

// MARK: - Indexing
@MainActor func fill(_ d: inout IndexDocument, _ n: Int, _ doc: Doc) {
    d.removeAll()
    for (field, words) in [(title, doc.title), (question, doc.question), (answer, doc.answer)] {
        for (p, w) in words.enumerated() {
            vocabulary[Int(w)].withUnsafeBytes { d.addToken(field: field, term: $0, position: UInt32(p)) }
        }
    }
    d.addKeyword(field: language, term: "en")
    let source = "source-\(doc.source).html"
    let id = "\(doc.source)#\(n)"
    d.addKeyword(field: sourceField, term: source)
    d.addKeyword(field: idField, term: id)
    d.date = doc.date
    let texts = storedTexts[n]
    d.addStored(field: storedIDs[0], value: texts.0)
    d.addStored(field: storedIDs[1], value: texts.1)
    d.addStored(field: storedIDs[2], value: texts.2)
    d.addStored(field: storedIDs[3], value: source)
    d.addStored(field: storedIDs[4], value: id)
}
var d = IndexDocument()
let fillStart = now()
for (n, doc) in docs.enumerated() { fill(&d, n, doc) }
let fillSeconds = now() - fillStart
print(String(format: "filling IndexDocuments alone (the analyzer's share, excluded below): %.2f s", fillSeconds))

let start = now()
let budgetMB = Int(ProcessInfo.processInfo.environment["BUDGET_MB"] ?? "256")!
let writer = try IndexWriter(
    directory: directory,
    schema: schema,
    analyzer: AnalyzerIdentity(name: "bench", version: "1"),
    options: IndexWriterOptions(memoryBudget: budgetMB << 20)
)
for (n, doc) in docs.enumerated() {
    fill(&d, n, doc)
    try writer.add(d)
}
let added = now() - fillSeconds
try writer.commit(userData: [:])
print("segments after commit: \(IndexSnapshot.openSegmentsCount(directory))")
let committed = now() - fillSeconds
try writer.forceMerge(maxSegments: 1)
let merged = now() - fillSeconds
writer.close()

let snapshot = try IndexSnapshot.open(directory: directory)
let sizes = snapshot.bytesByKind()
let indexBytes = sizes.values.reduce(0, +)
let seconds = committed - start
print(
    String(
        format: "index (CPU): %.2f s (add %.2f s, commit %.2f s) = %.1f MB/s of text, %.2f M tokens/s",
        seconds,
        added - start,
        committed - added,
        Double(textBytes) / 1e6 / seconds,
        Double(tokenCount) / 1e6 / seconds
    )
)
print(String(format: "force merge to 1 segment: %.2f s", merged - committed))
print(
    String(
        format: "index size: %.1f MB (%.0f%% of text)",
        Double(indexBytes) / 1e6,
        100 * Double(indexBytes) / Double(textBytes)
    )
)
for (kind, bytes) in sizes.sorted(by: { $0.value > $1.value }) {
    print(String(format: "  .%@ %.1f MB", kind.rawValue, Double(bytes) / 1e6))
}
print(
    String(
        format: "segments: %d, terms: %d, peak RSS: %.0f MB",
        snapshot.segments.count,
        snapshot.termCount,
        peakRSSMB()
    )
)

extension IndexSnapshot {
    static func openSegmentsCount(_ directory: String) -> Int {
        (try? IndexSnapshot.open(directory: directory, verification: .footers).segments.count) ?? -1
    }
}

// MARK: - Postings iteration
let segment = snapshot.segments[0]
let frequent = (0..<40).map { vocabulary[$0] }
var postings = 0
var checksum: Int64 = 0
let iterStart = now()
for _ in 0..<5 {
    for term in frequent {
        guard let cursor = try term.withUnsafeBytes({ try segment.postings(field: answer, term: $0) }) else { continue }
        while cursor.next() != PostingsCursor.noMoreDocs {
            checksum &+= Int64(cursor.freq)
            postings += 1
        }
    }
}
let iterSeconds = now() - iterStart
print(
    String(
        format: "next(): %.1f M postings/s (%.2f ns each)",
        Double(postings) / 1e6 / iterSeconds,
        iterSeconds * 1e9 / Double(postings)
    )
)

var advances = 0
let advStart = now()
for _ in 0..<5 {
    for term in frequent {
        guard let cursor = try term.withUnsafeBytes({ try segment.postings(field: answer, term: $0) }) else { continue }
        var target: Int32 = 0
        while cursor.advance(to: target) != PostingsCursor.noMoreDocs {
            target = cursor.doc + 97
            advances += 1
        }
    }
}
let advSeconds = now() - advStart
print(String(format: "advance(+97): %.0f ns each", advSeconds * 1e9 / Double(advances)))

var positions: [UInt32] = []
var positionCount = 0
let posStart = now()
for term in frequent.prefix(10) {
    guard let cursor = try term.withUnsafeBytes({ try segment.postings(field: answer, term: $0) }) else { continue }
    while cursor.next() != PostingsCursor.noMoreDocs {
        try cursor.readPositions(into: &positions)
        positionCount += positions.count
    }
}
let posSeconds = now() - posStart
print(String(format: "positions: %.1f M/s", Double(positionCount) / 1e6 / posSeconds))

let storedStart = now()
for k in 0..<1000 { _ = try segment.storedFields(Int32((k * 7919) % segment.maxDoc)) }
print(String(format: "stored fields: %.1f µs per document", (now() - storedStart) * 1e6 / 1000))
let openStart = now()
for _ in 0..<100 { _ = try IndexSnapshot.open(directory: directory, verification: .footers) }
let openFooters = (now() - openStart) * 1e4
let checkedStart = now()
for _ in 0..<5 { _ = try IndexSnapshot.open(directory: directory, verification: .checksums) }
print(
    String(format: "open snapshot: %.0f µs (.footers), %.1f ms (.checksums)", openFooters, (now() - checkedStart) * 200)
)
let structureStart = now()
try snapshot.verifyStructure()
print(String(format: "verifyStructure: %.2f s", now() - structureStart))
print("checksum \(checksum)")
