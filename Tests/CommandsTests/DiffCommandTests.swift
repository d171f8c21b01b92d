import Foundation
import JSONValue
import TestSupport
import Testing

/// `sfn diff` over a real repository history (built with the git command, read by sfn
/// through libgit2). Human output is compared with golden files; JSON structurally.
@Suite struct DiffCommandTests {
    @Test func comparesTwoRevisionsForOneEnvironment() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["diff", "--env", "prod", "v1.0", "HEAD~2", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.err == "")
        try GoldenFile.check(outcome.out, against: GoldenFile.directory() + "/diff-prod-v1.0-HEAD~2.txt")
    }

    @Test func showsRenamesAndMetadataChanges() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["diff", "--env", "prod", "HEAD~2", "HEAD", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        try GoldenFile.check(outcome.out, against: GoldenFile.directory() + "/diff-prod-renames.txt")
    }

    @Test func headToWorkingTreeByDefaultIncludesUncommittedEdits() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let clean = await CommandHarness.run(["diff", "--env", "dev", "--exit-code", "-C", repo.root.path])
        #expect(clean.exitCode == 0, "\(clean.err)")
        #expect(clean.out == "0 added, 0 changed, 0 removed, 4 unchanged\n")

        try repo.write("templates/retry.yaml", try repo.read("templates/retry.yaml").replacingOccurrences(of: "IntervalSeconds: 2", with: "IntervalSeconds: 4"))
        let edited = await CommandHarness.run(["diff", "--env", "dev", "-C", repo.root.path])
        #expect(edited.exitCode == 0, "\(edited.err)")
        #expect(edited.out == """
            ~ etl (EtlWorkflow-dev)
                ~ States.Transform.Retry[0].IntervalSeconds: 2 → 4
            0 added, 1 changed, 0 removed, 3 unchanged

            """)
        let exitCode = await CommandHarness.run(["diff", "--env", "dev", "--exit-code", "-C", repo.root.path])
        #expect(exitCode.exitCode == 1)
        let oneSide = await CommandHarness.run(["diff", "--env", "dev", "HEAD~5", "-C", repo.root.path])
        #expect(oneSide.out.hasSuffix("1 added, 2 changed, 0 removed, 0 unchanged, 1 renamed\n"), "\(oneSide.out)")
    }

    @Test func unifiedShowsTheCanonicalJSONWithContext() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["diff", "--env", "prod", "--unified", "HEAD~4", "HEAD~3", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        try GoldenFile.check(outcome.out, against: GoldenFile.directory() + "/diff-prod-unified.txt")
    }

    @Test func everyEnvironmentWithAllEnvs() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["diff", "--all-envs", "HEAD~1", "HEAD", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        try GoldenFile.check(outcome.out, against: GoldenFile.directory() + "/diff-all-envs.txt")
    }

    @Test func jsonCarriesTheSameContent() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        try repo.write("workflows/etl.yaml", VersionedRepositoryFixture.etl(attempts: 7, notify: true))
        let outcome = await CommandHarness.run(["diff", "--env", "prod", "--output", "json", "v1.0", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        let json = try JSON.parse(outcome.out)
        #expect(json["from"]?["revision"] == "v1.0")
        #expect(json["from"]?["commit"]?.stringValue?.count == 40)
        #expect(json["to"]?["revision"] == "worktree")
        #expect(json["to"]?["commit"] == .null)
        #expect(json["differences"] == true)
        let prod = try #require(json["environments"]?[0])
        #expect(prod["environment"] == "prod")
        #expect(prod["summary"] == ["added": 1, "changed": 2, "removed": 0, "unchanged": 0, "renamed": 1, "failed": 0])
        let workflows = try #require(prod["workflows"]?.arrayValue)
        let etl = try #require(workflows.first { $0["id"] == "etl" })
        #expect(etl["status"] == "changed")
        #expect(etl["states"] == ["added": ["Notify"], "removed": [], "changed": ["Load", "Transform"]])
        let changes = try #require(etl["changes"]?.arrayValue)
        #expect(changes.contains([
            "scope": "definition", "kind": "changed", "path": "States.Transform.Retry[0].MaxAttempts",
            "pointer": "/States/Transform/Retry/0/MaxAttempts", "old": 3, "new": 7,
        ]))
        #expect(etl["workingTree"]?["modified"] == ["workflows/etl.yaml"])
        #expect(etl["from"]?["sha256"]?.stringValue?.count == 64)
    }

    @Test func aSideThatDoesNotRenderIsReportedAndFails() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        try repo.write("workflows/reports.yaml", "definition:\n  StartAt: A\n  States:\n    A: {Type: Task, Resource: \"${nope}\", End: true}\n")
        let outcome = await CommandHarness.run(["diff", "--env", "prod", "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out == "! reports: does not render at worktree (1 error)\n0 added, 0 changed, 0 removed, 3 unchanged, 1 not rendered\n")
        #expect(outcome.err.contains("workflows/reports.yaml:4:"))
        #expect(outcome.err.hasSuffix("error: some workflows could not be rendered on one side, so they were not compared\n"))
    }

    @Test func theWorkingTreeIsNeverTouched() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        try repo.write("workflows/reports.yaml", "not: [valid")
        let before = try repo.git("status", "--porcelain")
        let head = try repo.git("rev-parse", "HEAD")
        let index = try Data(contentsOf: repo.root.appendingPathComponent(".git/index"))
        _ = await CommandHarness.run(["diff", "v1.0", "HEAD", "-C", repo.root.path])
        _ = await CommandHarness.run(["diff", "--output", "json", "v1.0", "-C", repo.root.path])
        _ = await CommandHarness.run(["render", "etl", "--env", "prod", "--rev", "v1.0", "-C", repo.root.path])
        _ = await CommandHarness.run(["log", "-C", repo.root.path])
        #expect(try Data(contentsOf: repo.root.appendingPathComponent(".git/index")) == index)
        #expect(try repo.git("status", "--porcelain") == before)
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(try repo.read("workflows/reports.yaml") == "not: [valid")
    }
}
