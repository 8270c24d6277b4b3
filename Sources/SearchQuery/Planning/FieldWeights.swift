/// How much a match in each content field counts, relative to the others.
public struct FieldWeights: Hashable, Sendable {
    /// Weight of a match in the briefing's title.
    public var title: Float
    /// Weight of a match in the journalist's question.
    public var question: Float
    /// Weight of a match in the answer (or a release's text).
    public var answer: Float

    /// Answers carry the substance; questions and titles say what a statement is about but are shorter
    /// and shared by several statements, so they count for less.
    public init(title: Float = 0.5, question: Float = 0.5, answer: Float = 1.0) {
        self.title = title
        self.question = question
        self.answer = answer
    }

    /// The fields a word without a field name is searched in, with their weights.
    var defaults: [(TextField, Float)] { [(.title, title), (.question, question), (.answer, answer)] }
}
