import Foundation
import Testing

/// The main job end to end on the embedded default: apply to `local`, run the deployed alias,
/// and find the execution in status and in the records against the commit.
@Suite struct DeployRunCommandTests {
    @Test func applyThenRunTheDeployedWorkflowAndSeeItInStatus() async throws {
        let repository = try DeployCommandFixture.make()
        defer { repository.remove() }
        let root = repository.root.path
        let sha = try repository.git("rev-parse", "--short=7", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let applied = await CommandHarness.run(["apply", "--env", "dev", "--auto-approve", "-C", root])
        #expect(applied.exitCode == 0, "\(applied.err)")
        let run = await CommandHarness.run(["run", "approval", "--env", "dev", "-C", root])
        #expect(run.exitCode == 0, "\(run.err)")
        #expect(run.out.contains("\"approved\":true") || run.out.contains("\"approved\": true"), "\(run.out)")
        let status = await CommandHarness.run(["status", "--env", "dev", "-C", root])
        #expect(status.exitCode == 0, "\(status.err)")
        #expect(status.out.split(separator: "\n").contains { $0.contains("approval") && $0.contains(sha) && $0.contains("SUCCEEDED") },
            "\(status.out)")
        let results = await CommandHarness.run(["results", "approval", "--env", "dev", "-C", root])
        #expect(results.exitCode == 0, "\(results.err)")
        #expect(results.out.contains(sha), "\(results.out)")
    }
}
