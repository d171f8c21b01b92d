@testable import Commands
import Engine
import Foundation
import JSONValue
import Records
import StepFunctionsAPI
import Testing

@Suite struct ExecutionsCommandTests {
    static func record(
        _ name: String, workflow: String = "hello", environment: String = "dev", status: StepFunctionsAPI.ExecutionStatus = .succeeded,
        start: Date, seconds: Double? = 0.21
    ) -> ExecutionRecord {
        ExecutionRecord(
            executionArn: "arn:aws:states:us-east-1:123456789012:execution:\(workflow)-\(environment):\(name)",
            environment: environment, workflow: workflow,
            startedArn: "arn:aws:states:us-east-1:123456789012:stateMachine:\(workflow)-\(environment)",
            commit: RunFixture.commit, definitionSHA256: RunFixture.sha256, status: status,
            error: status == .failed ? "Data.Invalid" : nil, startDate: start,
            stopDate: seconds.map { start.addingTimeInterval($0) })
    }

    @Test func recordedExecutionsAreListedNewestFirstAndFiltered() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let records = try fixture.records()
        let start = ResultsCommandTests.localDate(2026, 11, 28, 10, 2)
        try records.upsert(Self.record("one", start: start))
        try records.upsert(Self.record("two", workflow: "broken", status: .failed, start: start.addingTimeInterval(60), seconds: 12.25))
        try records.upsert(Self.record("three", environment: "prod", start: start.addingTimeInterval(120), seconds: 0.5))

        let all = await fixture.sfn(["executions"])
        #expect(all.exitCode == 0, "\(all.err)")
        #expect(all.out == """
            started           env   workflow  name   status     duration  revision
            2026-11-28 10:04  prod  hello     three  SUCCEEDED    0.50 s  a1b2c3d
            2026-11-28 10:03  dev   broken    two    FAILED       12.2 s  a1b2c3d
            2026-11-28 10:02  dev   hello     one    SUCCEEDED    0.21 s  a1b2c3d

            """)

        let filtered = await fixture.sfn(["executions", "--env", "dev", "--status", "failed"])
        #expect(filtered.out.contains(" two ") && !filtered.out.contains(" one ") && !filtered.out.contains("three"))
        let limited = await fixture.sfn(["executions", "hello", "-n", "1"])
        #expect(limited.out.split(separator: "\n").count == 2 && limited.out.contains("three"))
        let none = await fixture.sfn(["executions", "quick"])
        #expect(none.out == "no recorded executions match\n")

        let json = await fixture.sfn(["executions", "--output", "json", "-n", "1"])
        let first = try #require(try JSON.parse(json.out)["executions"]?[0])
        #expect(first["name"] == "three" && first["environment"] == "prod" && first["durationSeconds"] == 0.5)
    }

    @Test func anUnknownStatusIsRefusedWithTheKnownOnes() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let outcome = await fixture.sfn(["executions", "--status", "DONE"])
        #expect(outcome.exitCode != 0)
        #expect(outcome.err.contains("unknown status 'DONE'; statuses: RUNNING, SUCCEEDED"))
    }

    @Test func aRunStartedWithoutWaitingIsRefreshedFromTheTarget() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try await fixture.deploy("hello", definition: RunFixture.hello)
        let started = await fixture.sfn(["run", "hello", "--env", "dev", "--no-wait", "--name", "bg"])
        #expect(started.exitCode == 0, "\(started.err)")
        let arn = try ExecutionARN(parsing: started.out.trimmingCharacters(in: .whitespacesAndNewlines))
        _ = try await fixture.service.waitForExecution(arn)
        #expect(try fixture.records().executions().first?.status == .running)

        let listed = await fixture.sfn(["executions"])
        #expect(listed.exitCode == 0, "\(listed.err)")
        #expect(listed.out.contains(" bg    SUCCEEDED "))
        let record = try #require(try fixture.records().executions().first)
        #expect(record.status == .succeeded && record.stopDate != nil && record.transitions == 1)
        // The input given at the start is kept through the refresh.
        #expect(record.input == "{}")
    }

    @Test func anUnreachableTargetLeavesRunningRecordsWithANote() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try fixture.records().upsert(Self.record("lost", status: .running, start: Date(), seconds: nil))
        let outcome = await fixture.sfn(["executions"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.out.contains(" lost  RUNNING "))
        #expect(outcome.err.contains("note: 'lost' was not refreshed: ExecutionDoesNotExist"))
    }
}
