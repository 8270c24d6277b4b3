import Foundation
import Testing
import TestSupport
import TranscriptIngest

/// The publication day of the 181 pages of the article benchmark, checked against
/// `Benchmarks/extraction-dates.tsv`, which was read from the pages by hand (issue 13, acceptance 4).
@Suite(.enabled(if: ArticleBenchmark.isAvailable, ArticleBenchmark.skipNote))
struct ExtractionDatesTests {
    /// One row of the file: the page's day (or `none`) and the other days it gives for the same publication.
    struct Row {
        var day: String
        var also: [String]
    }

    static let rows: [String: Row] = {
        let url = SharedData.packageRoot.appendingPathComponent("Benchmarks/extraction-dates.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var rows: [String: Row] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("hash\t") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4 else { continue }
            rows[columns[0]] = Row(day: columns[1], also: columns[2].split(separator: ",").map(String.init))
        }
        return rows
    }()

    /// Each page's date as podium reads it (the date of its statements), by hash.
    static let found: [String: String] = {
        let keys = rows.keys.sorted()
        let paths = keys.map { ArticleBenchmark.folder.appendingPathComponent("html/\($0).html.gz").path }
        var dates: [String: String] = [:]
        for (key, result) in zip(keys, TranscriptReader().read(paths: paths)) {
            dates[key] = result.statements.first?.date ?? ""
        }
        return dates
    }()

    @Test func theFileCoversEveryPage() throws {
        #expect(Self.rows.count == 181)
        for (hash, row) in Self.rows {
            #expect(row.day == "none" || row.day.count == 10, "\(hash): \(row.day)")
        }
    }

    @Test func podiumFindsTheDayOfAtLeast95PercentOfThePagesThatStateOne() {
        let stated = Self.rows.filter { $0.value.day != "none" }
        let right = stated.filter { Self.found[$0.key] == $0.value.day }
        let share = Double(right.count) / Double(max(1, stated.count))
        let missed = stated.keys.filter { Self.found[$0] != stated[$0]!.day }.sorted().map { $0.prefix(12) }
        #expect(share >= 0.95, "\(right.count) of \(stated.count) right; missed \(missed)")
    }

    @Test func neverTodayNorADayThePageDoesNotGive() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = calendar.dateComponents([.year, .month, .day], from: Date())
        let today = String(format: "%04d-%02d-%02d", now.year!, now.month!, now.day!)
        for (hash, row) in Self.rows {
            let date = Self.found[hash] ?? ""
            guard !date.isEmpty else { continue }
            #expect(date != today, "\(hash): today's date")
            #expect(date == row.day || row.also.contains(date), "\(hash): \(date), the page gives \(row.day)")
        }
    }
}
