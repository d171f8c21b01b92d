import Engine
import JSONValue
import Synchronization
import Testing

/// Distributed Map states run as Map Runs of child executions: their names, histories,
/// batching, concurrency, tolerated failures, ItemReader and stop.
@Suite struct MapRunTests {
    /// A distributed Map over `$.items` whose processor is `processor` (one state, "Work").
    static func machine(
        _ processor: String, extra: String = "", executionType: String = "STANDARD", label: String? = "Fanout"
    ) -> String {
        let labelField = label.map { #""Label": "\#($0)","# } ?? ""
        return """
            {"StartAt": "Fanout", "States": {"Fanout": {"Type": "Map", \(labelField) "ItemsPath": "$.items", \(extra)
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "\(executionType)"},
                "StartAt": "Work", "States": {"Work": \(processor)}},
              "End": true}}}
            """
    }

    static let pass = #"{"Type": "Pass", "End": true}"#
    /// Fails the items whose `fail` is true.
    static let failOnFlag = """
        {"Type": "Choice", "Choices": [{"Variable": "$.fail", "BooleanEquals": true, "Next": "Boom"}], "Default": "Fine"},
        "Boom": {"Type": "Fail", "Error": "Item.Bad", "Cause": "bad item"},
        "Fine": {"Type": "Pass", "End": true}
        """

    @Test func eachItemRunsAsAChildExecutionWithItsOwnHistory() async throws {
        let harness = EngineHarness()
        let engine = harness.engine
        let workflow = try harness.workflow(Self.machine(Self.pass, extra: #""ItemSelector": {"v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"},"#))
        let report = await engine.run(workflow, input: ["items": ["a", "b", "c"]], stateMachineName: "Orders", executionName: "e1")

        #expect(report.status == .succeeded)
        #expect(report.output == [["v": "a", "i": 0], ["v": "b", "i": 1], ["v": "c", "i": 2]])
        #expect(report.eventTypes == [
            "ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded",
            "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded",
        ])
        guard case .mapRunStarted(let details) = report.history[3].details else {
            Issue.record("MapRunStarted carries no mapRunArn")
            return
        }
        #expect(details.mapRunArn.hasPrefix("arn:aws:states:us-east-1:123456789012:mapRun:Orders/Fanout:"))
        let run = try #require(engine.mapRuns.mapRun(details.mapRunArn))
        #expect(run.status == .succeeded)
        #expect(run.stateMachineArn == "arn:aws:states:us-east-1:123456789012:stateMachine:Orders/Fanout")
        #expect(run.executionArn == report.description.executionArn)
        #expect(run.children.count == 3)
        for child in run.children {
            #expect(child.description.executionArn.hasPrefix("arn:aws:states:us-east-1:123456789012:execution:Orders/Fanout:"))
            #expect(child.description.status == .succeeded)
            #expect(child.history?.map(\.type.rawValue) == [
                "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
            ])
        }
        #expect(run.counts(ofItems: true).succeeded == 3)
        #expect(engine.mapRuns.mapRuns(ofExecution: report.description.executionArn).count == 1)
    }

    @Test func expressChildrenHaveExpressArnsAndAnUnlabelledRunAUUIDLabel() async throws {
        let harness = EngineHarness()
        let engine = harness.engine
        let workflow = try harness.workflow(Self.machine(Self.pass, executionType: "EXPRESS", label: nil))
        let report = await engine.run(workflow, input: ["items": [1, 2]], stateMachineName: "Orders", executionName: "e1")

        #expect(report.status == .succeeded)
        let run = try #require(engine.mapRuns.mapRuns(ofExecution: report.description.executionArn).first)
        let label = run.stateMachineArn.split(separator: "/").last.map(String.init) ?? ""
        #expect(label.count == 36, "a UUID stands in for a missing Label")
        for child in run.children {
            #expect(child.type == .express)
            #expect(child.description.executionArn.hasPrefix("arn:aws:states:us-east-1:123456789012:express:Orders/\(label):"))
        }
    }

    @Test func itemBatcherGroupsSelectedItemsByCountAndBytes() async throws {
        let harness = EngineHarness()
        let byCount = try await harness.run(
            Self.machine(Self.pass, extra: #""ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"job.$": "$.job"}},"#),
            input: ["job": "j", "items": [1, 2, 3, 4, 5]])
        #expect(byCount.status == .succeeded)
        #expect(byCount.output == [
            ["BatchInput": ["job": "j"], "Items": [1, 2]], ["BatchInput": ["job": "j"], "Items": [3, 4]],
            ["BatchInput": ["job": "j"], "Items": [5]],
        ])
        // {"Items":["aaaa","bbbb"]} is 25 bytes: a 25-byte limit holds two such items, not three.
        let byBytes = try await harness.run(
            Self.machine(Self.pass, extra: #""ItemBatcher": {"MaxInputBytesPerBatch": 25},"#),
            input: ["items": ["aaaa", "bbbb", "cccc"]])
        #expect(byBytes.output == [["Items": ["aaaa", "bbbb"]], ["Items": ["cccc"]]])
    }

    @Test func itemBatcherPathsReadTheLimitsFromTheInput() async throws {
        let harness = EngineHarness()
        let byCount = try await harness.run(
            Self.machine(Self.pass, extra: #""ItemBatcher": {"MaxItemsPerBatchPath": "$.size"},"#),
            input: ["size": 2, "items": [1, 2, 3]])
        #expect(byCount.status == .succeeded)
        #expect(byCount.output == [["Items": [1, 2]], ["Items": [3]]])
        let byBytes = try await harness.run(
            Self.machine(Self.pass, extra: #""ItemBatcher": {"MaxInputBytesPerBatchPath": "$.bytes"},"#),
            input: ["bytes": 25, "items": ["aaaa", "bbbb", "cccc"]])
        #expect(byBytes.output == [["Items": ["aaaa", "bbbb"]], ["Items": ["cccc"]]])
        let notANumber = try await harness.run(
            Self.machine(Self.pass, extra: #""ItemBatcher": {"MaxItemsPerBatchPath": "$.size"},"#),
            input: ["size": "many", "items": [1]])
        #expect(notANumber.status == .failed)
        #expect(notANumber.error == "States.Runtime")
        #expect(notANumber.cause?.contains("The MaxItemsPerBatchPath field refers to value \"many\" which is not a valid integer: $.size") == true)
    }

    @Test func aFailureBeyondTheToleratedOnesFailsTheRun() async throws {
        let harness = EngineHarness()
        let items: JSON = ["items": [["fail": true], ["fail": false], ["fail": true], ["fail": false]]]
        let strict = try await harness.run(Self.machine(Self.failOnFlag), input: items)
        #expect(strict.status == .failed)
        #expect(strict.error == "States.ExceedToleratedFailureThreshold")
        #expect(strict.cause == "The specified tolerated failure threshold was exceeded")
        let failed = try #require(strict.history.first { $0.type == .mapRunFailed })
        #expect(failed.details == .failure(FailureEventDetails(
            error: "States.ExceedToleratedFailureThreshold", cause: "The specified tolerated failure threshold was exceeded")))
        #expect(strict.eventTypes.suffix(3) == ["MapRunFailed", "MapStateFailed", "ExecutionFailed"])

        let byCount = try await harness.run(Self.machine(Self.failOnFlag, extra: #""ToleratedFailureCount": 1,"#), input: items)
        #expect(byCount.error == "States.ExceedToleratedFailureThreshold")

        let byPercentage = try await harness.run(
            Self.machine(Self.failOnFlag, extra: #""ToleratedFailurePercentage": 50,"#), input: items)
        #expect(byPercentage.status == .succeeded)
        #expect(byPercentage.output == [["fail": false], ["fail": false]])
    }

    @Test func maxConcurrencyBoundsTheRunningChildren() async throws {
        let clock = ManualClock()
        let harness = EngineHarness(clock: clock)
        let engine = harness.engine
        let workflow = try harness.workflow(Self.machine(
            #"{"Type": "Wait", "Seconds": 10, "End": true}"#, extra: #""MaxConcurrency": 2,"#))
        let handle = engine.start(workflow, input: ["items": [1, 2, 3, 4, 5]], stateMachineName: "Orders")
        try await MapRunWait.until { clock.sleeperCount == 2 }
        let run = try #require(engine.mapRuns.mapRuns(ofExecution: handle.executionArn).first)
        var counts = try #require(engine.mapRuns.mapRun(run.mapRunArn)).counts(ofItems: false)
        #expect(counts.running == 2)
        #expect(counts.pending == 3)
        #expect(counts.total == 5)
        clock.advance(bySeconds: 10)
        try await MapRunWait.until { engine.mapRuns.mapRun(run.mapRunArn)?.counts(ofItems: false).succeeded == 2 }
        try await MapRunWait.until { clock.sleeperCount == 2 }
        counts = try #require(engine.mapRuns.mapRun(run.mapRunArn)).counts(ofItems: false)
        #expect(counts.running == 2)
        #expect(counts.pending == 1)
        // UpdateMapRun's concurrency applies from the next launch on.
        engine.mapRuns.reconfigure(run.mapRunArn, maxConcurrency: 1, toleratedFailurePercentage: nil, toleratedFailureCount: nil)
        clock.advance(bySeconds: 10)
        try await MapRunWait.until { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 10)
        let report = await handle.report
        #expect(report.status == .succeeded)
        #expect(report.output == [1, 2, 3, 4, 5])
    }

    @Test func anItemReaderWithoutAnAnswerFailsAndOneWithItReadsItsItems() async throws {
        let reader = #""ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON", "MaxItems": 2}, "Parameters": {"Bucket": "b", "Key.$": "$.key"}},"#
        let unanswered = try await EngineHarness().run(Self.machine(Self.pass, extra: reader), input: ["key": "k.json"])
        #expect(unanswered.status == .failed)
        #expect(unanswered.error == "States.ItemReaderFailed")
        #expect(unanswered.cause?.contains("arn:aws:states:::s3:getObject") == true)

        let answering = ItemReaderInvoker(items: ["x", "y", "z"])
        let read = try await EngineHarness(invoker: answering).run(Self.machine(Self.pass, extra: reader), input: ["key": "k.json"])
        #expect(read.status == .succeeded)
        #expect(read.output == ["x", "y"], "ReaderConfig.MaxItems limits the items read")
        #expect(answering.requests.withLock { $0.map(\.parameters) } == [["Bucket": "b", "Key": "k.json"]])
    }

    @Test func theParentsTimeoutAbortsTheChildrenStillRunning() async throws {
        let clock = ManualClock()
        let harness = EngineHarness(clock: clock)
        let engine = harness.engine
        let definition = Self.machine(#"{"Type": "Wait", "Seconds": 100, "End": true}"#)
            .replacingOccurrences(of: #"{"StartAt": "Fanout","#, with: #"{"TimeoutSeconds": 30, "StartAt": "Fanout","#)
        let handle = engine.start(try harness.workflow(definition), input: ["items": [1, 2]], stateMachineName: "Orders")
        try await MapRunWait.until { clock.sleeperCount == 3 }
        clock.advance(bySeconds: 30)
        let report = await handle.report
        #expect(report.status == .timedOut)
        #expect(report.eventTypes.suffix(2) == ["MapRunAborted", "ExecutionTimedOut"])
        let run = try #require(engine.mapRuns.mapRuns(ofExecution: handle.executionArn).first)
        #expect(run.children.allSatisfy { $0.description.status == .aborted })
    }

    @Test func stoppingTheParentAbortsTheRunAndItsChildren() async throws {
        let clock = ManualClock()
        let harness = EngineHarness(clock: clock)
        let engine = harness.engine
        let workflow = try harness.workflow(Self.machine(#"{"Type": "Wait", "Seconds": 10, "End": true}"#))
        let handle = engine.start(workflow, input: ["items": [1, 2]], stateMachineName: "Orders")
        try await MapRunWait.until { clock.sleeperCount == 2 }
        await handle.stop(error: "Stop", cause: "by test")
        let report = await handle.report
        #expect(report.status == .aborted)
        #expect(report.eventTypes.suffix(2) == ["MapRunAborted", "ExecutionAborted"])
        let run = try #require(engine.mapRuns.mapRuns(ofExecution: handle.executionArn).first)
        #expect(run.status == .aborted)
        #expect(run.children.allSatisfy { $0.description.status == .aborted })
    }
}

/// Answers an ItemReader's request with fixed items and records the request.
final class ItemReaderInvoker: TaskInvoking {
    let items: [JSON]
    let requests = Mutex<[TaskRequest]>([])

    init(items: [JSON]) { self.items = items }

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        requests.withLock { $0.append(request) }
        return .success(.array(items))
    }
}

/// Yields (never sleeps) until a Map Run reaches the point a test acts at.
enum MapRunWait {
    static func until(_ condition: () -> Bool) async throws {
        for _ in 0..<1_000_000 {
            if condition() { return }
            await Task.yield()
        }
        Issue.record("the Map Run never reached the expected point")
        throw MapRunWaitError.stuck
    }

    enum MapRunWaitError: Error { case stuck }
}
