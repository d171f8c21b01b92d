import Foundation
import Testing

/// `sfn validate` on an environment that runs on the local engine: a Task that no handler,
/// built-in integration or mock covers is a warning at its `Resource`; a broken `local:`
/// block is an error at its line.
struct ValidateLocalCoverageTests {
    static let files: [String: String] = [
        "environments/local.yaml": """
            local:
              handlers:
                hello: {command: [sh, -c, cat]}

            """,
        "workflows/hello.yaml": """
            definition:
              StartAt: Hello
              States:
                Hello:
                  Type: Task
                  Resource: arn:aws:lambda:us-east-1:123456789012:function:hello
                  Next: Notify
                Notify:
                  Type: Task
                  Resource: arn:aws:states:::sns:publish
                  End: true

            """,
    ]

    @Test func aTaskWithNeitherHandlerNorMockIsAWarningAtItsResource() async throws {
        let repo = try RepositoryFixture(Self.files)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["validate", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.out)\(outcome.err)")
        #expect(outcome.out.contains("workflows/hello.yaml:10:17: warning[local.uncovered-task]: the state 'Notify' runs 'arn:aws:states:::sns:publish'"), "\(outcome.out)")
        #expect(!outcome.out.contains("'Hello'"), "the handled task is reported: \(outcome.out)")
    }

    @Test func aMockForTheStateCoversIt() async throws {
        var files = Self.files
        files["environments/local.yaml"]! += "  mocks: mocks.json\n"
        files["mocks.json"] = #"""
            {"StateMachines": {"hello-local": {"TestCases": {"Happy": {"Notify": "Sent"}}}},
             "MockedResponses": {"Sent": {"0": {"Return": {"MessageId": "1"}}}}}
            """#
        let repo = try RepositoryFixture(files)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["validate", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.out)\(outcome.err)")
        #expect(!outcome.out.contains("uncovered-task"), "\(outcome.out)")
    }

    @Test func aBrokenLocalBlockIsAnErrorAtItsLine() async throws {
        var files = Self.files
        files["environments/local.yaml"] = "local:\n  handlers:\n    hello: {comand: [cat]}\n"
        let repo = try RepositoryFixture(files)
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["validate", "-C", repo.root.path])
        #expect(outcome.exitCode == 1, "\(outcome.out)\(outcome.err)")
        #expect(outcome.out.contains("environments/local.yaml:3:"), "\(outcome.out)")
    }
}
