@testable import Commands
import Foundation
import JSONValue
import Records
import Testing

@Suite struct HistoryCommandTests {
    @Test func theEventsOfARecordedExecutionAsATable() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        try await fixture.deploy("broken", definition: RunFixture.broken)
        _ = await fixture.sfn(["run", "broken", "--env", "dev", "--name", "h1"])

        let outcome = await fixture.sfn(["history", "h1"])
        #expect(outcome.exitCode == 0, "\(outcome.err)")
        let lines = outcome.out.split(separator: "\n").map { String($0) }
        #expect(lines.first?.split(separator: " ") == ["id", "elapsed", "type", "state", "detail"])
        let types = lines.dropFirst().map { $0.split(separator: " ")[2] }
        #expect(types == ["ExecutionStarted", "PassStateEntered", "PassStateExited", "FailStateEntered", "ExecutionFailed"])
        #expect(lines[2].hasSuffix("PassStateEntered  Check"))
        #expect(lines[5].hasSuffix("ExecutionFailed   Stop   Data.Invalid: the key is missing"))

        let arn = try #require(try fixture.records().executions().first?.executionArn)
        let byArn = await fixture.sfn(["history", arn, "--output", "json"])
        #expect(byArn.exitCode == 0, "\(byArn.err)")
        let events = try #require(try JSON.parse(byArn.out)["events"]?.arrayValue)
        #expect(events.first?["type"] == "ExecutionStarted")
        #expect(events.last?["type"] == "ExecutionFailed")
    }

    @Test func anExecutionNotRecordedNeedsItsEnvironment() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let unknownName = await fixture.sfn(["history", "nope"])
        #expect(unknownName.exitCode == 1 && unknownName.err.contains("no recorded execution is named 'nope'"))
        let arn = "arn:aws:states:us-east-1:123456789012:execution:hello-dev:x"
        let unknownArn = await fixture.sfn(["history", arn])
        #expect(unknownArn.exitCode == 1 && unknownArn.err.contains("is not in the records: name the environment that ran it with --env"))
        let withEnv = await fixture.sfn(["history", arn, "--env", "dev"])
        #expect(withEnv.exitCode == 1 && withEnv.err.contains("ExecutionDoesNotExist"))
        let notAnArn = await fixture.sfn(["history", "arn:aws:states:us-east-1:123456789012:stateMachine:hello-dev"])
        #expect(notAnArn.exitCode == 1 && notAnArn.err.contains("is not an execution ARN"))
    }

    @Test func aNameSharedByTwoEnvironmentsAsksForTheARN() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let records = try fixture.records()
        try records.upsert(ExecutionsCommandTests.record("same", start: Date()))
        try records.upsert(ExecutionsCommandTests.record("same", environment: "prod", start: Date()))
        let outcome = await fixture.sfn(["history", "same"])
        #expect(outcome.exitCode == 1 && outcome.err.contains("2 recorded executions are named 'same'"))
        #expect(outcome.err.contains(":execution:hello-prod:same  (prod)"))
    }
}
