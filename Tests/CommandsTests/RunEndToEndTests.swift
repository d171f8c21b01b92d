import Foundation
import JSONValue
import Testing
import TestSupport

/// The main job on the embedded default, as a user types it: apply a repository to the
/// local engine, run a workflow, and find the run recorded against the commit (issue 6, item 9).
@Suite struct RunEndToEndTests {
    static func repository(gitNotes: Bool = false) throws -> TemporaryGitRepository {
        var files = [
            "workflows/approval.yaml": DeployCommandFixture.approval,
            "workflows/failing.yaml": """
                definition:
                  StartAt: Check
                  States:
                    Check: {Type: Fail, Error: Data.Invalid, Cause: no rows}

                """,
            "environments/dev.yaml": "target: {kind: local}\n",
        ]
        if gitNotes { files["sfn.yaml"] = "records: {git_notes: true}\n" }
        let repository = try TemporaryGitRepository(files)
        try repository.commit("Approval and a failing check")
        return repository
    }

    @Test func applyRunAndTheResultIsRecordedAgainstTheCommit() async throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let root = repository.root.path
        let sha = try repository.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let short = String(sha.prefix(7))

        let applied = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        #expect(applied.exitCode == 0, "\(applied.err)")

        let run = await CommandHarness.run(["run", "approval", "--env", "dev", "--name", "first", "-C", root])
        #expect(run.exitCode == 0, "\(run.err)")
        #expect(try JSON.parse(run.out) == ["approved": true])
        #expect(run.err.hasSuffix("(revision \(short))\n"), "\(run.err)")

        let failed = await CommandHarness.run(["run", "failing", "--env", "dev", "-C", root])
        #expect(failed.exitCode == 1)
        #expect(failed.err.contains("error: Data.Invalid\ncause: no rows"))

        // A later process (a new engine on the same .sfn/) sees the same executions.
        let listed = await CommandHarness.run(["executions", "--env", "dev", "-C", root])
        #expect(listed.exitCode == 0, "\(listed.err)")
        #expect(listed.out.contains("approval  first"), "\(listed.out)")
        #expect(listed.out.contains("FAILED"))

        let history = await CommandHarness.run(["history", "first", "-C", root])
        #expect(history.exitCode == 0, "\(history.err)")
        let entered = history.out.split(separator: "\n").first { $0.contains("PassStateEntered") }
        #expect(entered?.hasSuffix(" Ask") == true, "\(history.out)")

        let results = await CommandHarness.run(["results", "approval", "--env", "dev", "-C", root])
        #expect(results.exitCode == 0, "\(results.err)")
        let row = results.out.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(row.hasPrefix("\(short)   "), "\(results.out)")
        #expect(row.split(separator: " ").dropFirst(3).prefix(3) == ["1", "1", "0"], "\(results.out)")
    }

    @Test func aWorkflowNotAppliedYetSaysToApply() async throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let run = await CommandHarness.run(["run", "approval", "--env", "dev", "-C", repository.root.path])
        #expect(run.exitCode == 1)
        #expect(run.err.contains("workflow 'approval' was never deployed to 'dev'"), "\(run.err)")
        #expect(run.err.contains("run `sfn apply --env dev` first"))
    }

    /// `records: {git_notes: true}`: each deployment is a git note on the deployed commit.
    @Test func withGitNotesEachDeploymentIsNotedOnItsCommit() async throws {
        let repository = try Self.repository(gitNotes: true)
        defer { repository.remove() }
        let root = repository.root.path
        let sha = try repository.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let applied = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        #expect(applied.exitCode == 0, "\(applied.err)")
        #expect(!applied.err.contains("warning"), "\(applied.err)")
        let note = try repository.git("notes", "--ref", "sfn", "show", sha)
        #expect(note.contains("sfn deploy dev approval create "), "\(note)")
        #expect(note.contains("sfn deploy dev failing create "), "\(note)")
        #expect(note.contains("state-machine: arn:aws:states:"))

        let withoutNotes = try Self.repository()
        defer { withoutNotes.remove() }
        let plain = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", withoutNotes.root.path])
        #expect(plain.exitCode == 0, "\(plain.err)")
        #expect(try withoutNotes.git("notes", "--ref", "sfn", "list").isEmpty)
    }
}
