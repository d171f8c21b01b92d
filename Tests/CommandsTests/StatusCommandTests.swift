import Foundation
import JSONValue
import Testing
import TestSupport

/// `sfn status` over several environments when one of them cannot be reached.
@Suite struct StatusCommandTests {
    static func repository() throws -> TemporaryGitRepository {
        let repository = try TemporaryGitRepository([
            "workflows/approval.yaml": DeployCommandFixture.approval,
            "environments/dev.yaml": "target: {kind: local}\n",
            "environments/prod.yaml": "target: {kind: aws, profile: sfn-test-profile-that-does-not-exist}\n",
        ])
        try repository.commit("Approval")
        return repository
    }

    @Test func anUnreachableEnvironmentIsAnErrorThatDoesNotHideTheOthers() async throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let root = repository.root.path
        _ = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        let status = await CommandHarness.run(["status", "-C", root])
        #expect(status.exitCode == 1)
        #expect(status.out.split(separator: "\n").contains { $0.hasPrefix("dev ") && $0.contains("approval") })
        #expect(status.err.hasPrefix("error: environment 'prod': "), "\(status.err)")
        #expect(status.err.contains("sfn-test-profile-that-does-not-exist"))

        let json = await CommandHarness.run(["status", "--output", "json", "-C", root])
        #expect(json.exitCode == 1)
        let documents = try #require(try JSON.parse(json.out).arrayValue)
        #expect(documents.map { $0["environment"]?.stringValue } == ["dev", "prod"])
        #expect(documents[1]["error"]?.stringValue?.contains("sfn-test-profile-that-does-not-exist") == true)

        // Asked for alone, the environment's error is the command's.
        let alone = await CommandHarness.run(["status", "--env", "prod", "-C", root])
        #expect(alone.exitCode == 1)
        #expect(alone.out.isEmpty)
        #expect(alone.err.contains("sfn-test-profile-that-does-not-exist"))
    }
}
