import Foundation
import TextAnalysis

@testable import SearchQuery

/// A statement as the reference evaluator sees it: analyzed text per field number, keywords, date.
struct ReferenceDocument {
    /// Per field: each term's positions.
    var fields: [UInt8: [String: Set<Int>]] = [:]
    /// Per field: the token count.
    var lengths: [UInt8: Int] = [:]
    var keywords: [UInt8: String] = [:]
    var date: Int32 = 0
    var isDeleted = false

    init(date: Int32, isDeleted: Bool) {
        self.date = date
        self.isDeleted = isDeleted
    }

    /// Records a field's tokens.
    mutating func add(_ tokens: [Token], field: UInt8) {
        guard !tokens.isEmpty else { return }
        lengths[field] = tokens.count
        var terms: [String: Set<Int>] = [:]
        for token in tokens { terms[token.term, default: []].insert(token.position) }
        fields[field] = terms
    }
}

/// The slow, obviously-correct way to answer a plan: read every statement's text, count every clause,
/// score every match with exhaustive BM25F in `Double` (each clause's fields' length-normalized, weighted
/// frequencies summed, then saturated). It shares only the plan with the engine — no
/// postings, no cursors, no pruning — so agreeing with it shows that the index walk and the pruning
/// never change what matches or what ranks first.
struct NaiveEvaluator {
    let segments: [[ReferenceDocument]]
    /// The field length BM25 sees for a token count (the index keeps lengths in one lossy byte).
    let quantize: (Int) -> Double
    var ranking = RankingParameters()
    /// A field number's name, for its length normalization.
    var fieldName: (UInt8) -> String? = {
        MemoryIndex.fieldNames.indices.contains(Int($0)) ? MemoryIndex.fieldNames[Int($0)] : nil
    }

    struct Scored {
        var address: DocumentAddress
        var score: Double
    }

    /// Every match and its score, best first (ties: earlier address first).
    func evaluate(_ plan: QueryPlan) -> [Scored] {
        let all = segments.joined()
        let liveCount = all.filter { !$0.isDeleted }.count
        var lengthSum: [UInt8: Double] = [:]
        var lengthDocs: [UInt8: Double] = [:]
        for document in all {
            for (field, length) in document.lengths {
                lengthSum[field, default: 0] += Double(length)
                lengthDocs[field, default: 0] += 1
            }
        }
        // Document frequencies of single terms, deleted statements included, as Lucene counts them.
        func documentFrequency(_ field: UInt8, _ term: String) -> Int {
            all.filter { document in
                document.keywords[field] == term || document.fields[field]?[term] != nil
            }.count
        }
        // Each term's IDF from the field where it is most frequent.
        let idfs: [Double] = plan.clauses.map { clause in
            clause.key.terms.reduce(0.0) { sum, term in
                let df = Double(clause.key.fields.map { documentFrequency($0.number, term) }.max() ?? 0)
                let n = max(Double(liveCount), df)
                return sum + log(1 + (n - df + 0.5) / (df + 0.5))
            }
        }
        var result: [Scored] = []
        for (segmentNumber, documents) in segments.enumerated() {
            for (number, document) in documents.enumerated() where !document.isDeleted {
                let frequencies = plan.clauses.map { clause in
                    clause.key.fields.map { frequency(of: clause, in: $0.number, of: document) }
                }
                guard holds(plan.condition, frequencies.map { $0.reduce(0, +) }, document) else { continue }
                var score = 0.0
                for (index, clause) in plan.clauses.enumerated() where clause.boost > 0 {
                    var combined = 0.0
                    for (field, tf) in zip(clause.key.fields, frequencies[index]) where tf > 0 {
                        let average = (lengthSum[field.number] ?? 0) / max(lengthDocs[field.number] ?? 1, 1)
                        var length = quantize(document.lengths[field.number] ?? 0)
                        if fieldName(field.number) == "answer" {
                            length = max(length, Double(ranking.minimumAnswerLength))
                        }
                        let b = Double(fieldName(field.number).map { ranking.b(forField: $0) } ?? ranking.otherB)
                        let normalization = 1 - b + b * length / (average > 0 ? average : 1)
                        combined += Double(field.weight) * Double(tf) / normalization
                    }
                    guard combined > 0 else { continue }
                    score += Double(clause.boost) * idfs[index] * combined / (combined + Double(ranking.k1))
                }
                result.append(
                    Scored(address: DocumentAddress(segment: segmentNumber, document: Int32(number)), score: score)
                )
            }
        }
        return result.sorted { $0.score != $1.score ? $0.score > $1.score : $0.address < $1.address }
    }

    private func frequency(of clause: PlanClause, in field: UInt8, of document: ReferenceDocument) -> Int {
        if let keyword = document.keywords[field] { return keyword == clause.key.terms[0] ? 1 : 0 }
        guard let terms = document.fields[field], let starts = terms[clause.key.terms[0]] else { return 0 }
        if clause.key.terms.count == 1 { return starts.count }
        if clause.key.window > 0 {
            // Each word's occurrences with the other within the window, the smaller count of the two.
            guard let others = terms[clause.key.terms[1]] else { return 0 }
            let window = Int(clause.key.window)
            let near = { (mine: Set<Int>, theirs: Set<Int>) in
                mine.filter { p in theirs.contains { abs($0 - p) <= window } }.count
            }
            return min(near(starts, others), near(others, starts))
        }
        return starts.filter { start in
            zip(clause.key.terms, clause.key.offsets).allSatisfy { terms[$0]?.contains(start + Int($1)) == true }
        }.count
    }

    private func holds(_ predicate: MatchCondition, _ frequencies: [Int], _ document: ReferenceDocument) -> Bool {
        switch predicate {
        case .clause(let index): return frequencies[index] > 0
        case .any(let children): return children.contains { holds($0, frequencies, document) }
        case .all(let children): return children.allSatisfy { holds($0, frequencies, document) }
        case .not(let child): return !holds(child, frequencies, document)
        case .date(let range): return range.contains(document.date)
        case .matchAll: return true
        case .matchNone: return false
        }
    }
}
