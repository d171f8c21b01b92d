import Planning
import Testing
import Workspace

/// Comparisons of in-memory repositories: no git, no disk.
@Suite struct EnvironmentComparisonTests {
    static let environment = "vars:\n  fn: arn:aws:lambda:us-east-1:123456789012:function\n"

    static func workflow(_ next: String = "Done", type: String = "STANDARD", comment: String = "c") -> String {
        """
        type: \(type)
        definition:
          Comment: \(comment)
          StartAt: A
          States:
            A: {Type: Task, Resource: "${fn}:a", Next: \(next)}
            Done: {Type: Succeed}
            B: {Type: Pass, Next: Done}

        """
    }

    func compare(_ old: [String: String], _ new: [String: String]) -> EnvironmentComparison {
        let before = Renderer(project: ProjectLoader.load(from: InMemorySourceTree(old)).project)
        let after = Renderer(project: ProjectLoader.load(from: InMemorySourceTree(new)).project)
        return EnvironmentComparison(
            old: EnvironmentSnapshot.render(before, environment: "dev"),
            new: EnvironmentSnapshot.render(after, environment: "dev"))
    }

    @Test func addedRemovedChangedUnchanged() throws {
        let env = EnvironmentComparisonTests.environment
        let old = ["environments/dev.yaml": env, "workflows/a.yaml": Self.workflow(), "workflows/b.yaml": Self.workflow(),
                   "workflows/gone.yaml": Self.workflow(comment: "gone")]
        let new = ["environments/dev.yaml": env, "workflows/a.yaml": Self.workflow("B"), "workflows/b.yaml": Self.workflow(),
                   "workflows/new.yaml": Self.workflow(comment: "new")]
        let comparison = compare(old, new)
        #expect(comparison.workflows.map(\.id) == ["a", "b", "gone", "new"])
        #expect(comparison.workflows.map(\.status) == [.changed, .unchanged, .removed, .added])
        #expect(comparison.summaryLine == "1 added, 1 changed, 1 removed, 1 unchanged")
        let a = try #require(comparison.workflows.first?.diff)
        #expect(a.definition.changes.map(\.path) == ["States.A.Next"])
        #expect(a.summary == "1 state changed")
        #expect(comparison.hasDifferences)
    }

    @Test func aMovedFileWithTheSameContentIsARename() {
        let env = EnvironmentComparisonTests.environment
        let comparison = compare(
            ["environments/dev.yaml": env, "workflows/old-name.yaml": Self.workflow()],
            ["environments/dev.yaml": env, "workflows/new-name.yaml": Self.workflow()])
        #expect(comparison.workflows.map(\.status) == [.renamed(from: "old-name")])
        #expect(comparison.workflows[0].diff?.metadata.map(\.path) == ["name"])
        #expect(comparison.summaryLine == "0 added, 0 changed, 0 removed, 0 unchanged, 1 renamed")
    }

    @Test func metadataChangesAreNamed() {
        let env = EnvironmentComparisonTests.environment
        let comparison = compare(
            ["environments/dev.yaml": env, "workflows/a.yaml": Self.workflow()],
            ["environments/dev.yaml": env, "workflows/a.yaml": Self.workflow(type: "EXPRESS", comment: "d")])
        let diff = comparison.workflows[0].diff
        #expect(diff?.metadata.map(\.path) == ["type"])
        #expect(diff?.summary == "Comment changed; type changed")
    }

    @Test func aWorkflowThatDoesNotRenderIsAFailureNotAChange() {
        let env = EnvironmentComparisonTests.environment
        let comparison = compare(
            ["environments/dev.yaml": env, "workflows/a.yaml": Self.workflow()],
            ["environments/dev.yaml": env, "workflows/a.yaml": "definition:\n  StartAt: A\n  States:\n    A: {Type: Task, Resource: \"${nope}\", End: true}\n"])
        #expect(comparison.workflows.map(\.status) == [.failed])
        #expect(comparison.workflows[0].diagnostics.contains { $0.message.contains("nope") })
        #expect(comparison.summaryLine == "0 added, 0 changed, 0 removed, 0 unchanged, 1 not rendered")
    }

    @Test func anEnvironmentMissingOnOneSide() {
        let comparison = compare(
            ["workflows/a.yaml": Self.workflow()],
            ["environments/dev.yaml": EnvironmentComparisonTests.environment, "workflows/a.yaml": Self.workflow()])
        #expect(!comparison.existsOld && comparison.existsNew)
        #expect(comparison.workflows.map(\.status) == [.added])
    }
}
