import Foundation
import Testing

/// What a new user might feed sfn: each must give one clear, positioned error and exit 1,
/// never a crash or a stack trace.
@Suite struct BadInputTests {
    func validate(_ changes: [String: String]) async throws -> CommandHarness.Outcome {
        var files = RepositoryFixture.minimal
        for (path, text) in changes { files[path] = text }
        let repo = try RepositoryFixture(files)
        defer { repo.remove() }
        return await CommandHarness.run(["validate", "-C", repo.root.path])
    }

    @Test func aTabInYAML() async throws {
        let outcome = try await validate(["workflows/hello.yaml": "definition:\n\tStartAt: A\n"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.hasPrefix("workflows/hello.yaml:2:1: error[yaml."), "\(outcome.out)")
        #expect(outcome.out.contains("tab"))
    }

    @Test func anUnclosedBracketInJSON() async throws {
        let outcome = try await validate([
            "workflows/hello.yaml": "",
            "workflows/other.json": "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}\n",
        ])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.contains("workflows/other.json:"))
        #expect(outcome.out.contains("error[json."))
    }

    @Test func aTemplateThatIncludesItself() async throws {
        let outcome = try await validate([
            "templates/loop.yaml": "$template: loop\n",
            "workflows/hello.yaml": "definition:\n  StartAt: A\n  States:\n    A: {$template: loop}\n",
        ])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.contains("templates/loop.yaml:1:"))
    }

    @Test func anEnvironmentThatExtendsAMissingOne() async throws {
        let outcome = try await validate(["environments/prod.yaml": "extends: bsae\n"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.contains("environments/prod.yaml:1:10: error["))
    }

    @Test func aTypoInAVariable() async throws {
        let outcome = try await validate([
            "workflows/hello.yaml": "definition:\n  StartAt: A\n  States:\n    A: {Type: Task, Resource: \"${fnn}\", End: true}\n"
        ])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.contains("workflows/hello.yaml:4:"))
        #expect(outcome.out.contains("fn"))
    }

    @Test func anEmptyFile() async throws {
        let outcome = try await validate(["workflows/hello.yaml": ""])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.contains("workflows/hello.yaml:1:1: error["))
        #expect(outcome.out.contains("empty"))
    }

    @Test func aBinaryFile() async throws {
        var files = RepositoryFixture.minimal
        files["workflows/hello.yaml"] = nil
        let repo = try RepositoryFixture(files)
        defer { repo.remove() }
        try repo.write("workflows/blob.yaml", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE, 0x00]))
        let outcome = await CommandHarness.run(["validate", "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.contains("workflows/blob.yaml:1:"))
    }

    @Test func aWorkflowDefinedByTwoFiles() async throws {
        let outcome = try await validate([
            "workflows/hello.json": #"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#
        ])
        #expect(outcome.exitCode == 1)
        #expect(outcome.out.contains("hello"))
        #expect(outcome.out.contains("workflows/hello.json") && outcome.out.contains("workflows/hello.yaml"))
    }

    @Test func aFiveMegabyteWorkflowValidates() async throws {
        var text = "definition:\n  StartAt: S0\n  States:\n"
        let count = 40_000
        for i in 0..<count {
            text += "    S\(i): {Type: Pass, Result: {index: \(i), padding: \"\(String(repeating: "x", count: 60))\"}, "
            text += i + 1 < count ? "Next: S\(i + 1)}\n" : "End: true}\n"
        }
        #expect(text.utf8.count > 5_000_000)
        let outcome = try await validate(["workflows/hello.yaml": text])
        // AWS caps a definition at 1 MB; the point here is a clear answer, not a crash or a hang.
        #expect(outcome.exitCode == 1 || outcome.exitCode == 0)
        #expect(!outcome.out.isEmpty)
    }
}
