import Foundation
import Testing

@Suite struct ApplyCommandTests {
    @Test func applyCreatesThenReportsNoChanges() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        let sha = try repository.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let first = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        #expect(first.exitCode == 0, "\(first.err)")
        #expect(first.out.contains("  approval        created   version 1 (\(sha))   alias live → 1"), "\(first.out)")
        #expect(first.out.contains("Apply complete: 2 created, 0 updated, 0 deleted."))
        let second = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        #expect(second.exitCode == 0)
        #expect(second.out.hasPrefix("No changes: environment 'dev' is up to date"), "\(second.out)")
    }

    @Test func withoutATerminalApplyNeedsAutoApprove() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let outcome = await CommandHarness.run(["apply", "--env", "dev", "-C", repository.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("--auto-approve"))
    }

    @Test func uncommittedSourcesDeployToTheLocalEngineAsDirty() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        try repository.write("workflows/approval.yaml", DeployCommandFixture.approval + "    # edited\n")
        let sha = try repository.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.out.contains("approval        created   version 1 (\(sha)-dirty)"), "\(outcome.out)")
    }

    @Test func statusShowsTheDeployedCommitAndWhatIsPending() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        let sha = try repository.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        _ = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        try DeployCommandFixture.raiseRetries(repository)
        let status = await CommandHarness.run(["status", "--env", "dev", "-C", root])
        #expect(status.exitCode == 0, "\(status.err)")
        let lines = status.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("environment  workflow") == true)
        #expect(lines.contains { $0.contains("data-processing") && $0.contains(sha) && $0.contains("update") })
        #expect(lines.contains { $0.contains("etl") && $0.contains("not deployed") && $0.contains("create") })
        #expect(lines.contains { $0.contains("approval") && $0.contains(sha) && $0.contains("  no") })
    }

    @Test func promoteDeploysTheCommitTheSourceRuns() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        let first = try repository.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        _ = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        try DeployCommandFixture.raiseRetries(repository)
        // staging gets what dev runs (the first commit), not the working tree's newer commit.
        let promote = await CommandHarness.run(["promote", "--from", "dev", "--to", "staging", "--auto-approve", "-C", root])
        #expect(promote.exitCode == 0, "\(promote.err)")
        #expect(promote.out.contains("data-processing created   version 1 (\(first))   alias live → 1"), "\(promote.out)")
        #expect(!promote.out.contains("etl"))
        let diff = await CommandHarness.run(["diff", "deployed", "--env", "staging", "-C", root])
        #expect(diff.out.contains("~ States.ProcessData.Retry[0].MaxAttempts: 2 → 3"), "\(diff.out)")
    }

    @Test func rollbackToARevisionDeploysIt() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        let first = try repository.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try DeployCommandFixture.raiseRetries(repository)
        _ = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        let rollback = await CommandHarness.run(["rollback", "--env", "dev", "--to", "HEAD~1", "--auto-approve", "-C", root])
        #expect(rollback.exitCode == 0, "\(rollback.err)")
        #expect(rollback.out.contains("data-processing updated   version 2 (\(first))   alias live → 2"), "\(rollback.out)")
        let plan = await CommandHarness.run(["plan", "--env", "dev", "-C", root])
        #expect(plan.out.contains("~ States.ProcessData.Retry[0].MaxAttempts: 2 → 3"))
    }

    @Test func deploymentsAreRecordedAndNotedOnTheCommitWhenAsked() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        try repository.write("sfn.yaml", "records: {git_notes: true}\n")
        let sha = try repository.commit("Notes")
        let applied = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        #expect(applied.exitCode == 0, "\(applied.err)")
        let note = try repository.git("notes", "--ref=sfn", "show", sha)
        #expect(note.contains("sfn deploy dev approval create"), "\(note)")
        #expect(note.contains("sfn deploy dev data-processing create"), "\(note)")
        #expect(FileManager.default.fileExists(atPath: root + "/.sfn/records.sqlite"))
    }

    @Test func rollbackMovesTheAliasBackToThePreviousCommitsVersion() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        let first = try repository.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        _ = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        try DeployCommandFixture.raiseRetries(repository)
        let second = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        #expect(second.exitCode == 0, "\(second.err)")
        let rollback = await CommandHarness.run(["rollback", "--env", "dev", "--auto-approve", "-C", root])
        #expect(rollback.exitCode == 0, "\(rollback.err)")
        #expect(rollback.out.contains("data-processing updated   version 1 (\(first))   alias live → 1"), "\(rollback.out)")
        let status = await CommandHarness.run(["status", "--env", "dev", "-C", root])
        #expect(status.out.split(separator: "\n").contains { $0.contains("data-processing") && $0.contains(first) && $0.contains("update") },
            "\(status.out)")
    }
}
