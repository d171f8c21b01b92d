import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func theRepositoryExamplesAreValidInEveryEnvironment() async {
        let outcome = await CommandHarness.run(["validate", "-C", RepositoryFixture.projectRoot.path])
        #expect(outcome.exitCode == 0, "\(outcome.out)\(outcome.err)")
        #expect(outcome.out == "no problems in 4 workflows (4 environments)\n")
    }

    @Test func aTypoInNextIsReportedOnceAtItsPositionAndFails() async throws {
        var files = RepositoryFixture.minimal
        files["environments/prod.yaml"] = files["environments/dev.yaml"]
        files["workflows/hello.yaml"] = """
            definition:
              StartAt: Hello
              States:
                Hello: {Type: Pass, Next: Wrold}
                World: {Type: Succeed}

            """
        let repo = try RepositoryFixture(files)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["validate", "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.contains(
            "workflows/hello.yaml:4:31: error[MISSING_TRANSITION_TARGET/next-unknown-state]: "))
        // A dangling "Next" is the one problem here: no cascade of "cannot reach an end" warnings.
        #expect(!outcome.out.contains("no-path-to-end"))
        #expect(outcome.out.contains("did you mean \"World\"?"))
        #expect(outcome.out.components(separatedBy: "next-unknown-state").count == 2, "reported once for both environments")
        #expect(outcome.out.hasSuffix("\n2 errors in 1 of 1 workflow (2 environments)\n"), "World is unreachable too")
    }

    @Test func githubFormatPrintsAnnotations() async throws {
        var files = RepositoryFixture.minimal
        files["workflows/hello.yaml"] = "definition:\n  StartAt: Nope\n  States:\n    A: {Type: Succeed}\n"
        let repo = try RepositoryFixture(files)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["validate", "--format", "github", "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.hasPrefix("::error file=workflows/hello.yaml,line=2,col=12,title=MISSING_TRANSITION_TARGET/"))
    }

    @Test func jsonFormatIsOneDocument() async throws {
        let repo = try RepositoryFixture(RepositoryFixture.minimal)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["validate", "--format", "json", "-C", repo.root.path])
        #expect(outcome.exitCode == 0)
        #expect(outcome.out.contains("\"errors\": 0"))
        #expect(outcome.out.contains("\"diagnostics\": []"))
    }

    @Test func standaloneFilesOutsideARepository() async throws {
        let dir = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.json")
        let bad = dir.appendingPathComponent("bad.asl.yaml")
        try Data(#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#.utf8).write(to: good)
        try Data("StartAt: A\nStates:\n  A: {Type: Wait, Next: A}\n".utf8).write(to: bad)
        let outcome = await CommandHarness.run(["validate", good.path, bad.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.contains("\(bad.path):3:"))
        #expect(!outcome.out.contains("good.json:"))

        let onlyGood = await CommandHarness.run(["validate", good.path])
        #expect(onlyGood.exitCode == 0)
        #expect(onlyGood.out == "no problems in 1 file\n")
    }

    @Test func unknownEnvironmentSuggestsTheNearestName() async throws {
        let repo = try RepositoryFixture(RepositoryFixture.minimal)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["validate", "--env", "dve", "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("unknown environment 'dve' (did you mean \"dev\"?)"))
    }

    @Test func outsideARepositorySaysHowToMakeOne() async throws {
        let dir = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = await CommandHarness.run(["validate", "-C", dir.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("not an sfn repository"))
        #expect(outcome.err.contains("sfn init"))
    }

    @Test func aPathUnderWorkflowsValidatesThatWorkflowAsRendered() async throws {
        var files = RepositoryFixture.minimal
        files["workflows/other.yaml"] = "definition:\n  StartAt: Nope\n  States:\n    A: {Type: Succeed}\n"
        let repo = try RepositoryFixture(files)
        defer { repo.remove() }
        // The envelope and ${fn} are understood: hello renders and validates cleanly,
        // and the broken workflow is not looked at.
        let hello = repo.root.appendingPathComponent("workflows/hello.yaml").path
        let outcome = await CommandHarness.run(["validate", hello, "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.out)\(outcome.err)")
        #expect(outcome.out == "no problems in 1 workflow (1 environment)\n")

        let standalone = repo.root.appendingPathComponent("elsewhere.json")
        try Data(#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#.utf8).write(to: standalone)
        let both = await CommandHarness.run(["validate", hello, standalone.path, "-C", repo.root.path])
        #expect(both.out == "no problems in 1 workflow (1 environment); no problems in 1 file\n")

        let withEnv = await CommandHarness.run(["validate", standalone.path, "--env", "dev", "-C", repo.root.path])
        #expect(withEnv.exitCode == 1)
        #expect(withEnv.err.contains("is a standalone ASL file"))
    }
}
