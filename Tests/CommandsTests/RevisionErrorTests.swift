import Foundation
import TestSupport
import Testing

/// `--rev` on render and validate, and the errors every history command gives.
@Suite struct RevisionErrorTests {
    @Test func renderReadsATagWithoutCheckingItOut() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let old = await CommandHarness.run(["render", "etl", "--env", "prod", "--rev", "v1.0", "--compact", "-C", repo.root.path])
        #expect(old.exitCode == 0, "\(old.err)")
        #expect(old.out.contains(#""MaxAttempts":3"#))
        let now = await CommandHarness.run(["render", "etl", "--env", "prod", "--compact", "-C", repo.root.path])
        #expect(now.out.contains(#""MaxAttempts":5"#))
        let sha = try repo.git("rev-parse", "HEAD~4").trimmingCharacters(in: .whitespacesAndNewlines)
        let bySHA = await CommandHarness.run(["render", "etl", "--env", "prod", "--rev", String(sha.prefix(8)), "--compact", "-C", repo.root.path])
        #expect(bySHA.out.contains(#""MaxAttempts":5"#) && !bySHA.out.contains("Notify"))
    }

    @Test func validateChecksARevision() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        try repo.write("workflows/etl.yaml", "definition:\n  StartAt: Missing\n  States:\n    A: {Type: Succeed}\n")
        let broken = await CommandHarness.run(["validate", "-C", repo.root.path])
        #expect(broken.exitCode == 1)
        let committed = await CommandHarness.run(["validate", "--rev", "HEAD", "-C", repo.root.path])
        #expect(committed.exitCode == 0, "\(committed.out)\(committed.err)")
        #expect(committed.out == "no problems in 4 workflows (2 environments)\n")
    }

    @Test func aWorkflowAbsentAtTheRevision() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["render", "approval", "--env", "prod", "--rev", "v1.0", "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        let sha = try repo.git("rev-parse", "--short=7", "v1.0").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(outcome.err == "error: workflow 'approval' does not exist at revision 'v1.0' (\(sha)); workflows there: cleanup, etl, reports\n")
    }

    @Test func unknownRevisionNamesTheRevision() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        for arguments in [["render", "etl", "--env", "prod", "--rev", "v9.9"], ["diff", "v9.9"], ["diff", "HEAD", "v9.9"], ["log", "--rev", "v9.9"]] {
            let outcome = await CommandHarness.run(arguments + ["-C", repo.root.path])
            #expect(outcome.exitCode == 1)
            #expect(outcome.err == "error: unknown revision 'v9.9': not a commit, branch or tag in this repository\n", "\(arguments)")
        }
    }

    @Test func notAGitRepository() async throws {
        let repo = try RepositoryFixture(RepositoryFixture.minimal)
        defer { repo.remove() }
        for arguments in [["diff"], ["log"], ["render", "hello", "--env", "dev", "--rev", "HEAD"]] {
            let outcome = await CommandHarness.run(arguments + ["-C", repo.root.path])
            #expect(outcome.exitCode == 1)
            #expect(outcome.err.hasPrefix("error: not a git repository (or any parent up to /): '"), "\(outcome.err)")
        }
        let render = await CommandHarness.run(["render", "hello", "--env", "dev", "-C", repo.root.path])
        #expect(render.exitCode == 0, "without --rev, render needs no git: \(render.err)")
        let validate = await CommandHarness.run(["validate", "-C", repo.root.path])
        #expect(validate.exitCode == 0)
    }

    @Test func bareRepositoryIsRefused() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let bare = try CommandHarness.temporaryDirectory().appendingPathComponent("shop.git")
        defer { try? FileManager.default.removeItem(at: bare.deletingLastPathComponent()) }
        _ = try TemporaryGitRepository.run(["clone", "-q", "--bare", repo.root.path, bare.path], in: repo.root)
        for arguments in [["diff", "HEAD~1", "HEAD"], ["log"]] {
            let outcome = await CommandHarness.run(arguments + ["-C", bare.path])
            #expect(outcome.exitCode == 1)
            #expect(outcome.err.contains("is a bare git repository (it has no working tree); clone it first"), "\(outcome.err)")
        }
    }

    @Test func unbornHeadSaysToCommitFirst() async throws {
        let repo = try TemporaryGitRepository(RepositoryFixture.minimal)
        defer { repo.remove() }
        for arguments in [["diff"], ["log"], ["render", "hello", "--env", "dev", "--rev", "HEAD"]] {
            let outcome = await CommandHarness.run(arguments + ["-C", repo.root.path])
            #expect(outcome.exitCode == 1)
            #expect(outcome.err.contains("has no commits yet (HEAD is unborn); commit your workflows first"), "\(arguments): \(outcome.err)")
        }
    }

    @Test func anSfnRepositoryInASubdirectoryOfTheGitRepository() async throws {
        let repo = try TemporaryGitRepository([:])
        defer { repo.remove() }
        for (path, text) in RepositoryFixture.minimal { try repo.write("infra/sfn/" + path, text) }
        try repo.write("README.md", "monorepo\n")
        try repo.commit("Add workflows under infra/sfn")
        try repo.write("infra/sfn/environments/dev.yaml", "vars:\n  fn: arn:aws:lambda:us-east-1:123456789012:function:g\n")
        let outcome = await CommandHarness.run(["diff", "-C", repo.root.appendingPathComponent("infra/sfn").path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.out == """
            ~ hello (hello-dev)
                ~ States.Hello.Resource: "arn:aws:lambda:us-east-1:123456789012:function:f" → "arn:aws:lambda:us-east-1:123456789012:function:g"
            0 added, 1 changed, 0 removed, 0 unchanged

            """)
    }
}
