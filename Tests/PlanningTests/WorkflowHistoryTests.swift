import TestSupport
import Planning
import Revisions
import Testing

/// The history walk's caching and its account of each commit.
@Suite struct WorkflowHistoryTests {
    static let environment = "vars:\n  fn: arn:aws:lambda:us-east-1:123456789012:function\n"

    static func workflow(_ comment: String) -> String {
        "definition:\n  Comment: \(comment)\n  StartAt: A\n  States:\n    A: {Type: Task, Resource: \"${fn}:a\", End: true}\n"
    }

    @Test func commitsThatDoNotTouchSourcesAreNotRenderedAgain() async throws {
        let repo = try TemporaryGitRepository([
            "environments/dev.yaml": Self.environment, "environments/prod.yaml": Self.environment,
            "workflows/a.yaml": Self.workflow("one"), "workflows/b.yaml": Self.workflow("b"),
        ])
        defer { repo.remove() }
        try repo.commit("Add a and b")
        try repo.write("README.md", "docs\n")
        try repo.commit("Docs only")
        try repo.write("workflows/a.yaml", Self.workflow("two"))
        try repo.commit("Change a")
        try repo.write("workflows/a.yaml", Self.workflow("one"))
        try repo.commit("Change a back")

        let log = try await WorkflowHistory(repository: VersionedRepository.open(root: repo.root.path)).run()
        #expect(log.environments == ["dev", "prod"])
        #expect(log.commitsWalked == 4)
        #expect(log.entries.map(\.commit.subject) == ["Change a back", "Change a", "Add a and b"])
        // a (one), b, a (two): "Change a back" renders a's first content again from the cache.
        #expect(log.renders == 3)
        let back = log.entries[0].changes
        #expect(back.map { "\($0.workflow)@\($0.environment) \($0.kind) \($0.summary)" } == [
            "a@dev changed Comment changed", "a@prod changed Comment changed",
        ])
        #expect(back[0].sha256 == log.entries[2].changes[0].sha256)
        #expect(log.shallowBoundary == nil)
        #expect(log.neverSeen.isEmpty)
    }

    @Test func aBrokenCommitAndItsFix() async throws {
        let repo = try TemporaryGitRepository(["environments/dev.yaml": Self.environment, "workflows/a.yaml": Self.workflow("one")])
        defer { repo.remove() }
        try repo.commit("Add a")
        try repo.write("workflows/a.yaml", "definition:\n  StartAt: A\n  States:\n    A: {Type: Task, Resource: \"${missing}\", End: true}\n")
        try repo.commit("Break a")
        try repo.write("workflows/a.yaml", Self.workflow("fixed"))
        try repo.commit("Fix a")
        let log = try await WorkflowHistory(repository: VersionedRepository.open(root: repo.root.path), workflows: ["a"], maxCount: 2).run()
        #expect(log.entries.map { $0.changes.map(\.kind) } == [[.fixed], [.broken]])
        #expect(log.entries[1].changes[0].summary == "does not render: 1 error")
    }
}
