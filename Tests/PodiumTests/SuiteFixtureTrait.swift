import Testing

/// Builds one fixture around a whole suite and hands it to the suite's tests through a task-local
/// (`Fixture.current`); the fixture goes when the suite ends.
struct SuiteFixtureTrait<Fixture: Sendable>: SuiteTrait, TestScoping {
    let local: TaskLocal<Fixture?>
    let make: @Sendable () throws -> Fixture

    init(local: TaskLocal<Fixture?>, make: @escaping @Sendable () throws -> Fixture) {
        self.local = local
        self.make = make
    }

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        try await local.withValue(try make()) { try await function() }
    }
}
