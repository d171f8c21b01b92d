import Foundation
import JSONValue
import TestSupport
import Testing

/// `sfn log` over a real history, a shallow clone, and the JSON view.
@Suite struct LogCommandTests {
    @Test func oneWorkflowInOneEnvironmentIsOneLinePerCommit() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["log", "etl", "--env", "prod", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        try GoldenFile.check(outcome.out, against: GoldenFile.directory() + "/log-etl-prod.txt")
    }

    @Test func everyWorkflowListsEachChangeUnderItsCommit() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["log", "--env", "prod", "--env", "dev", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        try GoldenFile.check(outcome.out, against: GoldenFile.directory() + "/log-all-prod-dev.txt")
    }

    @Test func maxCountStopsEarly() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["log", "etl", "--env", "prod", "-n", "1", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.out.split(separator: "\n").count == 1)
        #expect(outcome.out.contains("Add notification step"))
    }

    @Test func startsFromAnotherRevision() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["log", "approval", "--env", "prod", "--rev", "v1.0", "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err == "error: workflow 'approval' does not exist at 'v1.0' or in any of the 1 commit before it\n")
    }

    @Test func aShallowCloneEndsWithANote() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let clone = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: clone) }
        _ = try TemporaryGitRepository.run(["clone", "-q", "--depth", "3", "file://" + repo.root.path, clone.path], in: repo.root)
        let outcome = await CommandHarness.run(["log", "--env", "prod", "-C", clone.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        try GoldenFile.check(outcome.out, against: GoldenFile.directory() + "/log-shallow.txt")

        let depthOne = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: depthOne) }
        _ = try TemporaryGitRepository.run(["clone", "-q", "--depth", "1", "file://" + repo.root.path, depthOne.path], in: repo.root)
        let single = await CommandHarness.run(["log", "etl", "--env", "prod", "-C", depthOne.path])
        #expect(single.exitCode == 0, "\(single.err)")
        #expect(single.out.hasPrefix("no commit changed the rendered definitions (1 commit walked)\nnote: shallow clone: history before "))
    }

    @Test func jsonListsEntriesNewestFirst() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["log", "etl", "--env", "prod", "--output", "json", "-C", repo.root.path])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        let json = try JSON.parse(outcome.out)
        let entries = try #require(json["entries"]?.arrayValue)
        #expect(entries.map { $0["subject"] } == ["Add notification step", "Raise transform retries", "Add ETL, reports and cleanup"])
        #expect(entries[0]["changes"]?[0]?["kind"] == "changed")
        #expect(entries[0]["changes"]?[0]?["states"] == ["added": ["Notify"], "removed": [], "changed": ["Load"]])
        #expect(entries[2]["changes"]?[0]?["kind"] == "added")
        #expect(entries[0]["changes"]?[0]?["previousSHA256"] == entries[1]["changes"]?[0]?["sha256"])
        #expect(json["shallowBoundary"] == .null)
        #expect(json["commitsWalked"] == 6)
    }

    @Test func unknownWorkflowIsAnError() async throws {
        let repo = try VersionedRepositoryFixture.make()
        defer { repo.remove() }
        let outcome = await CommandHarness.run(["log", "etx", "-C", repo.root.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err == "error: workflow 'etx' does not exist at 'HEAD' or in any of the 6 commits before it\n")
    }
}
