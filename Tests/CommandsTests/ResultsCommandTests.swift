@testable import Commands
import Foundation
import JSONValue
import Records
import StepFunctionsAPI
import Testing

@Suite struct ResultsCommandTests {
    /// A wall-clock time in this machine's time zone, as `sfn results` prints it.
    static func localDate(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)) ?? Date()
    }

    /// The issue's example: two revisions, their runs and their durations.
    static func seed(_ records: RecordStore) throws {
        let newer = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"
        let older = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"
        let machine = "arn:aws:states:us-east-1:123456789012:stateMachine:data-processing-dev"
        for (commit, date) in [(older, localDate(2026, 11, 27, 16, 40)), (newer, localDate(2026, 11, 28, 10, 2))] {
            try records.insert(
                DeploymentRecord(
                    environment: "dev", workflow: "data-processing", stateMachineArn: machine, commit: commit,
                    definitionSHA256: "sha-" + commit.prefix(4), target: "local", action: "update", deployedAt: date))
        }
        // 14 runs, all succeeded: the 7th fastest takes 0.20 s, the slowest 0.31 s.
        let newerDurations = [0.15, 0.16, 0.17, 0.18, 0.19, 0.19, 0.20, 0.21, 0.22, 0.24, 0.26, 0.28, 0.30, 0.31]
        // 31 runs, 2 failed: the 16th takes 0.22 s, the 30th 0.40 s.
        let olderDurations = Array(repeating: 0.18, count: 15) + [0.22] + Array(repeating: 0.30, count: 13) + [0.40, 0.90]
        var index = 0
        for (commit, durations, failures) in [(newer, newerDurations, 0), (older, olderDurations, 2)] {
            for (position, duration) in durations.enumerated() {
                index += 1
                let start = localDate(2026, 11, 28, 11, 0).addingTimeInterval(Double(index))
                try records.upsert(
                    ExecutionRecord(
                        executionArn: "arn:aws:states:us-east-1:123456789012:execution:data-processing-dev:r\(index)",
                        environment: "dev", workflow: "data-processing", startedArn: machine + ":live", commit: commit,
                        definitionSHA256: "sha", status: position < failures ? .failed : .succeeded, startDate: start,
                        stopDate: start.addingTimeInterval(duration)))
            }
        }
    }

    @Test func resultsPerRevisionAsTheIssueShowsThem() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try Self.seed(fixture.records())
        let outcome = await fixture.sfn(["results", "data-processing", "--env", "dev"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        #expect(outcome.out == """
            revision  deployed          runs  succeeded  failed  p50     p95
            a1b2c3d   2026-11-28 10:02    14         14       0  0.20 s  0.31 s
            9f8e7d6   2026-11-27 16:40    31         29       2  0.22 s  0.40 s

            """)
    }

    @Test func everyWorkflowGetsAColumnWhenNoneIsNamed() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try Self.seed(fixture.records())
        try fixture.records().upsert(ExecutionsCommandTests.record("h", start: Self.localDate(2026, 11, 28, 12, 0)))
        let outcome = await fixture.sfn(["results", "--env", "dev"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        let lines = outcome.out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("workflow         revision  deployed") == true)
        #expect(lines.count == 4)
        #expect(lines.last?.hasPrefix("hello            a1b2c3d   –         ") == true)
    }

    @Test func jsonCarriesTheSameRows() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try Self.seed(fixture.records())
        let outcome = await fixture.sfn(["results", "data-processing", "--env", "dev", "--output", "json"])
        let rows = try #require(try JSON.parse(outcome.out)["results"]?.arrayValue)
        #expect(rows.count == 2)
        #expect(rows[0]["revision"] == "a1b2c3d" && rows[0]["runs"] == 14 && rows[0]["p95Seconds"] == 0.31)
        #expect(rows[1]["failed"] == 2 && rows[1]["p50Seconds"] == 0.22 && rows[1]["running"] == 0)
    }

    @Test func nothingRecordedSaysWhatToDoAndTyposAreErrors() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let empty = await fixture.sfn(["results", "hello", "--env", "dev"])
        #expect(empty.exitCode == 0)
        #expect(empty.out.contains("no deployments or executions of 'hello' in 'dev' are recorded"))
        let typo = await fixture.sfn(["results", "--env", "dve"])
        #expect(typo.exitCode == 1 && typo.err.contains("unknown environment 'dve' (did you mean \"dev\"?)"))
    }
}
