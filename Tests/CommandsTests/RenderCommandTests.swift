import Foundation
import TestSupport
import Testing

@Suite struct RenderCommandTests {
    @Test func printsOneWorkflowCanonicalAndPretty() async throws {
        let repo = try RepositoryFixture(RepositoryFixture.minimal)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["render", "hello", "--env", "dev", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.out == """
            {
              "StartAt": "Hello",
              "States": {
                "Hello": {
                  "End": true,
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
                  "Type": "Task"
                }
              }
            }

            """)
    }

    @Test func varOverridesAreTypedWhenJSON() async throws {
        var files = RepositoryFixture.minimal
        files["workflows/hello.yaml"] = "definition:\n  StartAt: W\n  States:\n    W: {Type: Wait, Seconds: \"${delay}\", End: true}\n"
        files["environments/dev.yaml"] = "vars: {delay: 1}\n"
        let repo = try RepositoryFixture(files)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["render", "hello", "--env", "dev", "--var", "delay=30", "--compact", "-C", repo.root.path])
        #expect(outcome.out == #"{"StartAt":"W","States":{"W":{"End":true,"Seconds":30,"Type":"Wait"}}}"# + "\n")
    }

    @Test func writesEveryEnvironmentWithAManifest() async throws {
        let repo = try RepositoryFixture(RepositoryFixture.minimal)
        defer { repo.remove() }
        let out = repo.root.appendingPathComponent("build")
        let outcome = await CommandHarness.run(["render", "--all", "--all-envs", "--out", out.path, "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        let manifest = try String(contentsOf: out.appendingPathComponent("dev/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"name\": \"hello-dev\""))
        #expect(manifest.contains("\"sha256\": \""))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("dev/hello.asl.json").path))
    }

    @Test func writesNothingWhenAnyWorkflowIsInvalid() async throws {
        var files = RepositoryFixture.minimal
        files["workflows/broken.yaml"] = "definition:\n  StartAt: Missing\n  States:\n    A: {Type: Succeed}\n"
        let repo = try RepositoryFixture(files)
        defer { repo.remove() }
        let out = repo.root.appendingPathComponent("build")
        let outcome = await CommandHarness.run(["render", "--all", "--env", "dev", "--out", out.path, "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("workflows/broken.yaml:2:12"))
        #expect(outcome.err.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func unknownWorkflowSuggestsTheNearestId() async throws {
        let repo = try RepositoryFixture(RepositoryFixture.minimal)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["render", "helo", "--env", "dev", "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("unknown workflow 'helo' (did you mean \"hello\"?)"))
    }

    /// The examples' final ASL for prod, as reviewed: a change to the examples, templates
    /// or rendering shows up here (re-record with SFN_RECORD_GOLDEN=1).
    @Test(arguments: ["data-processing", "etl", "approval", "ml-training"])
    func exampleRendersMatchGoldenFiles(workflow: String) async throws {
        let outcome = await CommandHarness.run(["render", workflow, "--env", "prod", "-C", RepositoryFixture.projectRoot.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        try GoldenFile.check(outcome.out, against: GoldenFile.directory() + "/\(workflow)-prod.asl.json")
    }
}
