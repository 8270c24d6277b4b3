import Foundation
import Podium

// Usage: PodiumConsumer CORPUS INDEX QUERY — builds an index of CORPUS and prints the best hits for QUERY.
let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    print("usage: PodiumConsumer CORPUS INDEX QUERY")
    exit(2)
}
do {
    let report = try Indexer.build(IndexingOptions(corpus: [arguments[1]], index: arguments[2]))
    print("indexed \(report.statementsIndexed) statements")
    let index = try PodiumIndex(directory: arguments[2])
    let outcome = try index.search(SearchOptions(query: arguments[3], limit: 3))
    for hit in outcome.hits {
        print("\(hit.statement.date)  \(hit.statement.spokesperson)  \(hit.excerpt.marked())")
    }
    exit(outcome.hits.isEmpty ? 1 : 0)
} catch {
    print("error: \(error)")
    exit(1)
}
