import Foundation
import Records
import StepFunctionsAPI
import Testing

/// What goes in comes back: deployments and executions, filters, order, upserts, truncation.
@Suite struct RecordContentTests {
    @Test func deploymentsRoundTripNewestFirst() throws {
        let store = RecordStore.inMemory()
        let older = Sample.deployment(Sample.commitB, at: 0, action: "create")
        var newer = Sample.deployment(Sample.commitA, at: 60, dirty: true)
        newer.planId = "plan-1"
        try store.insert(older)
        try store.insert(newer)
        try store.insert(Sample.deployment(environment: "prod", at: 120))
        try store.insert(Sample.deployment(workflow: "etl", at: 180))
        #expect(try store.deployments(environment: "dev", workflow: "data-processing") == [newer, older])
        #expect(try store.latestDeployment(environment: "dev", workflow: "data-processing") == newer)
        #expect(try store.latestDeployment(environment: "staging", workflow: "data-processing") == nil)
        #expect(try store.deployments(limit: 2).map(\.workflow) == ["etl", "data-processing"])
        #expect(newer.revision == "aaaaaaa-dirty")
    }

    @Test func aDeploymentIdIsRecordedOnce() throws {
        let store = RecordStore.inMemory()
        let deployment = Sample.deployment()
        try store.insert(deployment)
        #expect(throws: RecordStoreError.self) { try store.insert(deployment) }
        #expect(try store.deployments().count == 1)
    }

    @Test func anExecutionIsUpsertedFromRunningToItsEnd() throws {
        let store = RecordStore.inMemory()
        var execution = Sample.execution("run-1", status: .running, duration: nil)
        execution.transitions = nil
        try store.upsert(execution)
        #expect(try store.executions(status: .running).map(\.name) == ["run-1"])

        // The refresh carries no input: the stored one stays.
        var ended = Sample.execution("run-1", status: .failed, duration: 1.5, input: nil)
        ended.transitions = 9
        try store.upsert(ended)
        let stored = try #require(try store.execution(arn: execution.executionArn))
        #expect(stored.status == .failed)
        #expect(stored.error == "States.TaskFailed" && stored.cause == "boom")
        #expect(stored.input == #"{"key":"file.csv"}"#)
        #expect(stored.transitions == 9)
        #expect(stored.duration == 1.5)
        #expect(try store.executions(status: .running).isEmpty)
        #expect(try store.executions().count == 1)
    }

    @Test func executionsFilterAndLimitNewestFirst() throws {
        let store = RecordStore.inMemory()
        try store.upsert(Sample.execution("a", start: 0))
        try store.upsert(Sample.execution("b", status: .failed, start: 10))
        try store.upsert(Sample.execution("c", environment: "prod", start: 20))
        try store.upsert(Sample.execution("d", workflow: "etl", start: 30))
        #expect(try store.executions().map(\.name) == ["d", "c", "b", "a"])
        #expect(try store.executions(environment: "dev").map(\.name) == ["d", "b", "a"])
        #expect(try store.executions(environment: "dev", workflow: "data-processing").map(\.name) == ["b", "a"])
        #expect(try store.executions(status: .failed).map(\.name) == ["b"])
        #expect(try store.executions(limit: 1).map(\.name) == ["d"])
        #expect(try store.executions(named: "c").map(\.environment) == ["prod"])
        #expect(try store.executions(named: "zz").isEmpty)
    }

    @Test func executionNamesAreMatchedExactlyNotAsPatterns() throws {
        let store = RecordStore.inMemory()
        try store.upsert(Sample.execution("run_1"))
        try store.upsert(Sample.execution("runX1"))
        try store.upsert(Sample.execution("a-run_1"))
        #expect(try store.executions(named: "run_1").map(\.name) == ["run_1"])
    }

    @Test func anExpressExecutionIsFoundByItsNameNotItsId() throws {
        let store = RecordStore.inMemory()
        var execution = Sample.execution("quick")
        execution.executionArn = "arn:aws:states:us-east-1:123456789012:express:Reports-dev:quick:9b1c2d3e"
        try store.upsert(execution)
        #expect(try store.executions(named: "quick").map(\.executionArn) == [execution.executionArn])
        #expect(try store.executions(named: "9b1c2d3e").isEmpty)
    }

    @Test func payloadsPastTheLimitAreCutAndMarked() throws {
        let store = RecordStore.inMemory(payloadLimit: 10)
        // "é" is two bytes: the cut at byte 10 would fall inside the fifth one.
        let long = "\"" + String(repeating: "é", count: 8) + "\""
        try store.upsert(Sample.execution("big", input: long, output: "[1,2]"))
        let stored = try #require(try store.execution(arn: Sample.execution("big").executionArn))
        #expect(stored.input == "\"éééé")
        #expect(stored.inputTruncated)
        #expect(stored.output == "[1,2]")
        #expect(!stored.outputTruncated)
    }

    @Test func datesAreKeptToTheMillisecond() throws {
        let store = RecordStore.inMemory()
        var execution = Sample.execution("ms")
        execution.startDate = Date(timeIntervalSince1970: 1_795_860_120.1234)
        execution.stopDate = Date(timeIntervalSince1970: 1_795_860_121.5678)
        try store.upsert(execution)
        let stored = try #require(try store.execution(arn: execution.executionArn))
        #expect(stored.startDate.timeIntervalSince1970 == 1_795_860_120.123)
        #expect(stored.stopDate?.timeIntervalSince1970 == 1_795_860_121.568)
    }

    @Test func revisionsReadBackFromTheirTagForm() {
        #expect(Revision(parsing: Sample.commitA + "-dirty") == Revision(commit: Sample.commitA, dirty: true))
        #expect(Revision(parsing: Sample.commitA).description == Sample.commitA)
        #expect(Revision(commit: Sample.commitB, dirty: false).short == "bbbbbbb")
    }
}
