import ArgumentParser
import Foundation

/// `podium-corpusgen`: writes a deterministic corpus of N statements re-sampled from the real ones.
@main
struct CorpusGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podium-corpusgen",
        abstract: "Generate a large, realistic, deterministic corpus of statements for benchmarks.",
        discussion: """
            Each generated briefing copies the shape of a real one in ../shared/corpus (kind, spokesperson, \
            title, number of statements, outlets, follow-ups, sentences per paragraph) and fills it with \
            sentences sampled from the real statements of its language, under a new date between --from and \
            --to. The same seed gives the same bytes; part i (file part-0000i.jsonl) depends only on the seed, \
            i and --variant, so single parts can be regenerated to simulate edits.

            Examples:
              podium-corpusgen --statements 1000000 --files 100 --out /tmp/corpus-1m
              podium-corpusgen --statements 100000 --files 1000 --out c --only 3,17 --variant 1   # change 2 files
              podium-corpusgen --statements 2000 --format html --out pages
              podium-corpusgen --queries 100 --out queries
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, html }

    @Option(help: "Statements in the whole corpus (all parts).")
    var statements: Int = 0

    @Option(help: "Parts: JSONL files (part-NNNNN.jsonl), or groups of HTML pages.")
    var files: Int = 1

    @Option(help: "Output format.")
    var format: Format = .jsonl

    @Option(help: "The output folder (created).")
    var out: String

    @Option(help: "Random seed.")
    var seed: UInt64 = 20_261_125

    @Option(help: "Write only these parts (comma-separated indexes; may exceed --files to add parts).")
    var only: String?

    @Option(help: "Variant of the parts written: another variant gives a part new content (an edit).")
    var variant: Int = 0

    @Option(help: "Share of Chinese statements (default: the share in the real corpus).")
    var chineseShare: Double?

    @Option(help: "First year of the dates.")
    var from: Int = 2002

    @Option(help: "Last year of the dates.")
    var to: Int = 2024

    @Option(help: "Also write N queries of each kind to OUT/queries/{single,and,or,phrase,runs}.tsv.")
    var queries: Int = 0

    @Option(
        help:
            "The shared folder that holds corpus/mfa-presscon*.jsonl. (default: PODIUM_SHARED or ../shared beside the package)"
    )
    var shared: String?

    func validate() throws {
        guard statements >= 0, files >= 1 else { throw ValidationError("--statements must be ≥ 0 and --files ≥ 1") }
        guard statements > 0 || queries > 0 else {
            throw ValidationError("nothing to do: give --statements or --queries")
        }
        guard from <= to else { throw ValidationError("--from must not be after --to") }
        if let share = chineseShare, !(0...1).contains(share) {
            throw ValidationError("--chinese-share must be in 0...1")
        }
        _ = try parts()
    }

    func parts() throws -> [Int] {
        guard let only else { return Array(0..<files) }
        return try only.split(separator: ",").map { item in
            guard let n = Int(item.trimmingCharacters(in: .whitespaces)), n >= 0 else {
                throw ValidationError("--only: '\(item)' is not a part index")
            }
            return n
        }
    }

    static func sharedDirectory(_ option: String?) -> String {
        if let option { return option }
        if let env = ProcessInfo.processInfo.environment["PODIUM_SHARED"], !env.isEmpty { return env }
        // Benchmarks/Sources/podium-corpusgen/CorpusGen.swift → the folder beside the project's root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared").path
    }

    func run() throws {
        let start = Date()
        let corpus: RealCorpus
        do { corpus = try RealCorpus.load(corpusDirectory: Self.sharedDirectory(shared) + "/corpus") } catch {
            throw ValidationError("\(error)")
        }
        let realShare = Double(corpus.statementCounts[1]) / Double(max(1, corpus.statementCounts.reduce(0, +)))
        let share = chineseShare ?? realShare
        // Chinese briefings hold fewer statements on average than English ones: pick briefings' languages so
        // that the share of *statements* comes out right.
        let mean = (0..<2).map { Double(corpus.statementCounts[$0]) / Double(max(1, corpus.briefings[$0].count)) }
        let briefingShare =
            share == 0 || share == 1 ? share : (share / mean[1]) / (share / mean[1] + (1 - share) / mean[0])
        let settings = GeneratorSettings(
            seed: seed,
            chineseShare: share,
            chineseBriefingShare: briefingShare,
            firstDay: CivilDate.days(year: from, month: 1, day: 1),
            lastDay: CivilDate.days(year: to, month: 12, day: 31)
        )
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        if queries > 0 {
            let sets = QuerySets(corpus: corpus, count: queries, seed: seed, chineseShare: settings.chineseShare)
            try FileManager.default.createDirectory(atPath: out + "/queries", withIntermediateDirectories: true)
            for (name, text) in sets.files {
                try text.write(toFile: out + "/queries/" + name, atomically: true, encoding: .utf8)
            }
        }
        guard statements > 0 else { return }
        let partList = try parts()
        let results = generate(parts: partList, corpus: corpus, settings: settings)
        var total = (files: 0, statements: 0, bytes: 0)
        for result in results {
            switch result {
            case .success(let r):
                total = (total.files + r.files, total.statements + r.statements, total.bytes + r.bytes)
            case .failure(let error): throw ValidationError("\(error)")
            }
        }
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(
            Data(
                String(
                    format: "podium-corpusgen: %d statements in %d %@, %.1f MB, %.1f s (%.0f%% Chinese)\n",
                    total.statements,
                    total.files,
                    format == .jsonl ? "files" : "pages",
                    Double(total.bytes) / 1e6,
                    seconds,
                    settings.chineseShare * 100
                ).utf8
            )
        )
    }

    /// Statements of part `i`: the total spread evenly over `--files` parts; added parts get the usual share.
    func statementsInPart(_ i: Int) -> Int { statements / files + (i < statements % files ? 1 : 0) }

    /// Writes the parts on every core; each part has its own random stream, so the bytes do not depend on it.
    func generate(
        parts: [Int],
        corpus: RealCorpus,
        settings: GeneratorSettings
    )
        -> [Result<(files: Int, statements: Int, bytes: Int), Error>]
    {
        let results = ResultBox(count: parts.count)
        let format = format, out = out, variant = variant
        let counts = parts.map(statementsInPart)
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            let part = parts[k]
            var generator = PartGenerator(corpus: corpus, settings: settings, part: part, variant: variant)
            results.set(
                k,
                Result {
                    switch format {
                    case .jsonl:
                        let name = String(part)
                        let file = try OutputFile(
                            path: "\(out)/part-\(String(repeating: "0", count: max(0, 5 - name.count)))\(name).jsonl"
                        )
                        let n = try generator.writeJSONL(statements: counts[k], to: file)
                        return (1, n, file.bytesWritten)
                    case .html:
                        let r = try generator.writeHTML(statements: counts[k], directory: out)
                        return (r.pages, r.statements, r.bytes)
                    }
                }
            )
        }
        return results.values
    }
}

/// Results written by index from concurrent workers.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<(files: Int, statements: Int, bytes: Int), Error>]

    init(count: Int) { storage = Array(repeating: .success((0, 0, 0)), count: count) }

    func set(_ k: Int, _ value: Result<(files: Int, statements: Int, bytes: Int), Error>) {
        lock.lock()
        storage[k] = value
        lock.unlock()
    }

    var values: [Result<(files: Int, statements: Int, bytes: Int), Error>] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
