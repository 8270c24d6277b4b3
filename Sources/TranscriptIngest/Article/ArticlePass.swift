/// One pass of `ArticleExtractor`'s decision over a tree: score, choose, clean.
struct ArticlePass {
    let tree: ArticleTree
    /// Whether elements whose class, id or role read like page furniture are set aside before scoring.
    let setAsideUnlikely: Bool

    private var nodes: [ArticleNode] { tree.nodes }

    /// For each block of the tree, its characters when it belongs to the main text, else 0.
    func run() -> [Int] {
        let excluded = excludedNodes()
        var scores = ContentScores(count: nodes.count)
        score(into: &scores, excluded: excluded)
        let top = topCandidate(scores, excluded: excluded)
        let roots = selection(around: top, scores: scores, excluded: excluded)
        let removed = removedNodes(scores: scores, excluded: excluded, roots: roots)
        var keep = [Bool](repeating: false, count: nodes.count)
        keep[0] = roots.contains(0)
        for i in 1..<nodes.count {
            keep[i] = (roots.contains(i) || keep[Int(nodes[i].parent)]) && !removed[i]
        }
        return tree.blocks.map { keep[Int($0.node)] && !Self.isLinkLine($0) ? $0.characters : 0 }
    }

    // MARK: - Scoring

    /// The nodes set aside with their subtrees: page furniture by name (when asked), outside tables.
    private func excludedNodes() -> [Bool] {
        var excluded = [Bool](repeating: false, count: nodes.count)
        guard setAsideUnlikely else { return excluded }
        for i in 1..<nodes.count {
            let node = nodes[i]
            excluded[i] = excluded[Int(node.parent)] || (node.hints.unlikely && !node.inTable)
        }
        return excluded
    }

    private func score(into scores: inout ContentScores, excluded: [Bool]) {
        for block in tree.blocks where block.characters >= 25 && !excluded[Int(block.node)] {
            let owner = nodes[Int(block.node)]
            if owner.tag == .listItem { continue }
            let paragraphLike = owner.tag.isParagraphLike || (owner.tag == .division && owner.childNodes == 0)
            var ancestor = paragraphLike ? Int(owner.parent) : Int(block.node)
            let content = 1 + Double(block.commas) + Double(min(block.characters / 100, 3))
            var level = 0
            while ancestor >= 0, level < 5 {
                if !scores.isScored(ancestor) { scores.initialize(ancestor, nodes[ancestor]) }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                scores.add(content / divider, to: ancestor)
                ancestor = Int(nodes[ancestor].parent)
                level += 1
            }
        }
        for i in 0..<nodes.count where scores.isScored(i) {
            scores.scale(i, by: 1 - nodes[i].linkDensity)
        }
    }

    private func topCandidate(_ scores: ContentScores, excluded: [Bool]) -> Int {
        var ranked: [(index: Int, score: Double)] = []
        for i in 1..<nodes.count where scores.isScored(i) && !excluded[i] {
            ranked.append((i, scores[i]))
        }
        ranked.sort { $0.score > $1.score }
        guard var top = ranked.first?.index else { return 0 }
        top = commonAncestorOfAlternatives(top, ranked: ranked.prefix(5))
        top = climbWhileParentScoresHigher(top, scores)
        while top > 0, nodes[top].parent > 0, nodes[Int(nodes[top].parent)].childNodes == 1 {
            top = Int(nodes[top].parent)
        }
        return top
    }

    /// When three or more other top candidates scoring at least three quarters of the best share an ancestor
    /// with it, that ancestor is the article (the text is split across siblings).
    private func commonAncestorOfAlternatives(_ top: Int, ranked: ArraySlice<(index: Int, score: Double)>) -> Int {
        let best = ranked.first!.score
        // Candidates inside the best one are already part of it.
        let alternatives = ranked.dropFirst().filter { best > 0 && $0.score / best >= 0.75 }.map(\.index)
            .filter { !isAncestor(top, of: $0) }
        guard alternatives.count >= 3 else { return top }
        var parent = Int(nodes[top].parent)
        while parent > 0 {
            let containing = alternatives.filter { isAncestor(parent, of: $0) }.count
            if containing >= 3 { return parent }
            parent = Int(nodes[parent].parent)
        }
        return top
    }

    private func climbWhileParentScoresHigher(_ top: Int, _ scores: ContentScores) -> Int {
        var lastScore = scores[top]
        let threshold = lastScore / 3
        var parent = Int(nodes[top].parent)
        while parent > 0 {
            if !scores.isScored(parent) {
                parent = Int(nodes[parent].parent)
                continue
            }
            let parentScore = scores[parent]
            if parentScore < threshold { break }
            if parentScore > lastScore { return parent }
            lastScore = parentScore
            parent = Int(nodes[parent].parent)
        }
        return top
    }

    private func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        var current = Int(nodes[node].parent)
        while current >= 0 {
            if current == ancestor { return true }
            current = Int(nodes[current].parent)
        }
        return false
    }

    // MARK: - Siblings

    /// The candidate and those of its siblings that belong with it.
    private func selection(around top: Int, scores: ContentScores, excluded: [Bool]) -> Set<Int> {
        guard top > 0 else { return [0] }
        var roots: Set<Int> = [top]
        let parent = nodes[top].parent
        let threshold = max(10, scores[top] * 0.2)
        let deepBest = bestScoreInSubtrees(scores, excluded: excluded)
        let deepThreshold = max(10, deepBest[0] * 0.2)
        for i in (Int(parent) + 1)..<nodes.count where nodes[i].parent == parent && i != top && !excluded[i] {
            let sibling = nodes[i]
            if scores.isScored(i), scores[i] >= threshold {
                roots.insert(i)
            } else if deepBest[i] >= deepThreshold, sibling.linkDensity < 0.5 {
                // A wrapper too far above its paragraphs to be scored, around a strong candidate: the
                // article continues in it (a story split by pictures into sections several levels deep).
                roots.insert(i)
            } else if sibling.tag == .paragraph {
                let density = sibling.linkDensity
                if sibling.characters > 80, density < 0.25 {
                    roots.insert(i)
                } else if sibling.characters > 0, sibling.characters <= 80, density == 0, endsSentence(i) {
                    roots.insert(i)
                }
            }
        }
        return roots
    }

    /// For each node, the best score of a candidate in its subtree (itself included).
    private func bestScoreInSubtrees(_ scores: ContentScores, excluded: [Bool]) -> [Double] {
        var best = [Double](repeating: 0, count: nodes.count)
        for i in stride(from: nodes.count - 1, through: 0, by: -1) {
            if scores.isScored(i), !excluded[i] { best[i] = max(best[i], scores[i]) }
            if i > 0 { best[Int(nodes[i].parent)] = max(best[Int(nodes[i].parent)], best[i]) }
        }
        return best
    }

    private func endsSentence(_ node: Int) -> Bool {
        tree.blocks.contains { $0.node == Int32(node) && ($0.text.bytes.last == UInt8(ascii: ".")) }
    }

    /// The baseline when no container reads like an article: every `<p>` of the page that is not a link.
    func paragraphsEverywhere() -> [Int] {
        tree.blocks.map { nodes[Int($0.node)].tag == .paragraph && !Self.isLinkLine($0) ? $0.characters : 0 }
    }

    // MARK: - Cleaning

    /// A paragraph that is a link and little else ("Related: …", "READ MORE …"): a pointer to another page.
    private static func isLinkLine(_ block: ArticleBlock) -> Bool {
        block.linkCharacters * 5 >= block.characters * 4
    }

    /// The nodes dropped from the article with their subtrees.
    private func removedNodes(scores: ContentScores, excluded: [Bool], roots: Set<Int>) -> [Bool] {
        var removed = excluded
        var inFigure = [Bool](repeating: false, count: nodes.count)
        for i in 1..<nodes.count {
            let node = nodes[i]
            inFigure[i] = inFigure[Int(node.parent)] || node.tag == .figure
            if removed[i] || roots.contains(i) { continue }
            removed[i] = isBoilerplate(node, contentScore: scores.isScored(i) ? scores[i] : 0, inFigure: inFigure[i])
        }
        return removed
    }

    private func isBoilerplate(_ node: ArticleNode, contentScore: Double, inFigure: Bool) -> Bool {
        if node.tag == .form || node.tag == .figure { return true }
        if node.hints.isByline, node.characters < 500 { return true }
        if node.times > 0, node.characters < 80 { return true }  // a dateline: "Published <time>…</time>"
        let weight = Double(node.hints.weight)
        if node.tag == .heading { return weight < 0 }
        guard node.tag == .division || node.tag == .list || node.tag == .table, !node.inTable else { return false }
        if weight + contentScore < 0 { return true }
        guard node.commas < 10 else { return false }
        let characters = node.characters
        let isList = node.tag == .list || (characters > 0 && node.listCharacters * 10 > characters * 9)
        let headingDensity = characters == 0 ? 0 : Double(node.headingCharacters) / Double(characters)
        let images = node.images
        let density = node.linkDensity
        if images > 1, Double(node.paragraphs) / Double(images) < 0.5, !inFigure { return true }
        if !isList, node.listItems - 100 > node.paragraphs { return true }
        if node.inputs > node.paragraphs / 3 { return true }
        if !isList, headingDensity < 0.9, characters < 25, images == 0 || images > 2, !inFigure { return true }
        if !isList, weight < 25, density > 0.2 { return true }
        if weight >= 25, density > 0.5 { return true }
        if (node.embeds == 1 && characters < 75) || node.embeds > 1 { return true }
        return false
    }
}

/// Content scores of nodes; a node is scored once a paragraph has given it something.
struct ContentScores {
    private var values: [Double]
    private var scored: [Bool]

    init(count: Int) {
        values = [Double](repeating: 0, count: count)
        scored = [Bool](repeating: false, count: count)
    }

    func isScored(_ i: Int) -> Bool { scored[i] }
    subscript(_ i: Int) -> Double { values[i] }

    mutating func initialize(_ i: Int, _ node: ArticleNode) {
        scored[i] = true
        values[i] = node.tag.baseScore + Double(node.hints.weight)
    }

    mutating func add(_ value: Double, to i: Int) { values[i] += value }
    mutating func scale(_ i: Int, by factor: Double) { values[i] *= factor }
}
