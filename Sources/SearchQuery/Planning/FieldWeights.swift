/// How much a match in each content field counts, relative to the others.
public struct FieldWeights: Hashable, Sendable {
    /// Weight of a match in the briefing's title.
    public var title: Float
    /// Weight of a match in the journalist's question.
    public var question: Float
    /// Weight of a match in the answer (or a release's text).
    public var answer: Float

    /// A question says what its answer is about as much as the answer does (the judged set's tuning half
    /// ranks best with them equal); a title is shared by every statement of a briefing, so it counts for less.
    public init(title: Float = 0.5, question: Float = 1.0, answer: Float = 1.0) {
        self.title = title
        self.question = question
        self.answer = answer
    }

    /// The fields a word without a field name is searched in, with their weights.
    var defaults: [(TextField, Float)] { [(.title, title), (.question, question), (.answer, answer)] }
}
