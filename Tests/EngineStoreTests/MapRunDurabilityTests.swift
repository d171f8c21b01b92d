import Engine
import EngineStore
import Foundation
import JSONValue
import StepFunctionsAPI
import Synchronization
import Testing

/// Map Runs of a durable engine outlive the service: DescribeMapRun, ListMapRuns and
/// ListExecutions by `mapRunArn` answer for earlier runs, an interrupted Map Run continues
/// with the children it had (none of the finished ones runs twice), and a redrive of the
/// parent redrives the Map Run, running only its unsuccessful children again.
@Suite(.timeLimit(.minutes(2))) struct MapRunDurabilityTests {
    static let role = "arn:aws:iam::123456789012:role/StepFunctions"
    /// Each child calls the counting task, then naps 10 s when its item says so.
    static let countThenMaybeNap = """
        {"StartAt": "Fanout", "States": {"Fanout": {"Type": "Map", "Label": "Fan", "ItemsPath": "$.items",
          "MaxConcurrency": 2,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Count", "States": {
              "Count": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:count",
                "ResultPath": null, "Next": "Nap?"},
              "Nap?": {"Type": "Choice", "Choices": [{"And": [{"Variable": "$.nap", "IsPresent": true},
                {"Variable": "$.nap", "BooleanEquals": true}], "Next": "Nap"}],
                "Default": "Done"},
              "Nap": {"Type": "Wait", "Seconds": 10, "Next": "Done"},
              "Done": {"Type": "Pass", "End": true}}},
          "End": true}}}
        """
    static let napItems = #"{"items": [{"id": 0, "nap": false}, {"id": 1, "nap": true}, {"id": 2, "nap": true}, {"id": 3, "nap": false}]}"#

    let harness: StoreHarness
    init() throws { harness = try StoreHarness() }

    func open(clock: any EngineClock, invoker: any TaskInvoking, resume: Bool = true) async throws -> LocalStepFunctionsService {
        try await LocalEngineDatabase.open(
            path: harness.databasePath, options: .init(clock: clock, invoker: invoker, seed: 5, resumeExecutions: resume))
    }

    @Test func anInterruptedMapRunContinuesWithTheChildrenItHadAfterAReopen() async throws {
        defer { harness.remove() }
        let firstClock = ManualClock()
        let firstCalls = ItemCountingInvoker()
        let first = try await open(clock: firstClock, invoker: firstCalls)
        let machine = try await first.createStateMachine(
            CreateStateMachineInput(name: "Orders", definition: Self.countThenMaybeNap, roleArn: Self.role)).stateMachineArn
        let parent = try await first.startExecution(
            StartExecutionInput(stateMachineArn: machine, name: "p1", input: Self.napItems)).executionArn
        // Item 0 finished, items 1 and 2 nap, item 3 waits for a free place.
        try await StoreHarness.yield { firstClock.sleeperCount == 2 && firstCalls.total == 3 }
        let mapRun = try #require(try await first.listMapRuns(ListMapRunsInput(executionArn: parent)).mapRuns.first).mapRunArn
        _ = try await first.updateMapRun(UpdateMapRunInput(mapRunArn: mapRun, toleratedFailureCount: 3))
        await first.close()

        // A service that does not resume still describes the run as it was left.
        let reader = try await open(clock: VirtualClock(), invoker: ItemCountingInvoker(), resume: false)
        let left = try await reader.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(left.status == .running)
        #expect(left.toleratedFailureCount == 3, "UpdateMapRun's change was kept")
        #expect(left.maxConcurrency == 2)
        #expect(left.executionCounts.succeeded == 1)
        #expect(left.executionCounts.running == 2)
        #expect(left.executionCounts.pending == 1)
        #expect(left.executionCounts.total == 4)
        let children = try await reader.listExecutions(ListExecutionsInput(mapRunArn: mapRun)).executions
        #expect(children.count == 3)
        await reader.close()

        let clock = ManualClock(start: firstClock.now().adding(seconds: 5))
        let calls = ItemCountingInvoker()
        let second = try await open(clock: clock, invoker: calls)
        defer { Task { await second.close() } }
        try await StoreHarness.yield { clock.sleeperCount == 2 }
        #expect(calls.total == 0, "the napping children resume at their Wait, without calling their task again")
        let resumed = try await second.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(resumed.status == .running)
        #expect(resumed.executionCounts.running == 2)
        #expect(resumed.executionCounts.succeeded == 1)
        clock.advance(bySeconds: 10)
        let done = try await second.waitForExecution(parent)

        #expect(done.status == .succeeded)
        #expect(done.output == #"[{"id":0,"nap":false},{"id":1,"nap":true},{"id":2,"nap":true},{"id":3,"nap":false}]"#)
        #expect(calls.counts == [3: 1], "only the item never started ran after the reopen")
        #expect(firstCalls.counts == [0: 1, 1: 1, 2: 1])
        let ended = try await second.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(ended.status == .succeeded)
        #expect(ended.executionCounts.succeeded == 4)
        #expect(ended.itemCounts.succeeded == 4)
        let all = try await second.listExecutions(ListExecutionsInput(mapRunArn: mapRun)).executions
        #expect(all.count == 4)
        #expect(Set(all.map(\.executionArn)).isSuperset(of: children.map(\.executionArn)), "children keep their ARNs")
        #expect(all.allSatisfy { $0.status == .succeeded })
        let history = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: parent)).events
        #expect(history.map(\.id) == Array(1...Int64(history.count)))
        #expect(history.filter { $0.type == .mapRunStarted }.count == 1)
        #expect(history.filter { $0.type == .mapRunSucceeded }.count == 1)
        // A child that napped across the reopen: one history, its Wait entered once.
        let napper = try #require(children.first { child in child.status == .running })
        let napperHistory = try await second.getExecutionHistory(
            GetExecutionHistoryInput(executionArn: napper.executionArn)).events
        #expect(napperHistory.filter { $0.type == .waitStateEntered }.count == 1)
        #expect(napperHistory.filter { $0.type == .executionStarted }.count == 1)
        #expect(napperHistory.last?.type == .executionSucceeded)
        let described = try await second.describeExecution(DescribeExecutionInput(executionArn: napper.executionArn))
        #expect(described.status == .succeeded)
        #expect(described.mapRunArn == mapRun)
    }

    @Test func anEndedMapRunIsDescribedAfterAReopen() async throws {
        defer { harness.remove() }
        let first = try await open(clock: VirtualClock(), invoker: ItemCountingInvoker())
        let machine = try await first.createStateMachine(
            CreateStateMachineInput(name: "Orders", definition: Self.countThenMaybeNap, roleArn: Self.role)).stateMachineArn
        let parent = try await first.startExecution(
            StartExecutionInput(stateMachineArn: machine, name: "p1", input: #"{"items": [{"id": 0}, {"id": 1}, {"id": 2}]}"#))
        let done = try await first.waitForExecution(parent.executionArn)
        #expect(done.status == .succeeded)
        let before = try #require(try await first.listMapRuns(ListMapRunsInput(executionArn: parent.executionArn)).mapRuns.first)
        await first.close()

        let second = try await open(clock: VirtualClock(), invoker: ItemCountingInvoker())
        defer { Task { await second.close() } }
        let runs = try await second.listMapRuns(ListMapRunsInput(executionArn: parent.executionArn)).mapRuns
        #expect(runs == [before])
        let described = try await second.describeMapRun(DescribeMapRunInput(mapRunArn: before.mapRunArn))
        #expect(described.status == .succeeded)
        #expect(described.startDate == before.startDate)
        #expect(described.stopDate == before.stopDate)
        #expect(described.itemCounts.succeeded == 3)
        #expect(described.executionCounts.total == 3)
        let children = try await second.listExecutions(ListExecutionsInput(mapRunArn: before.mapRunArn)).executions
        #expect(children.count == 3)
        let child = try #require(children.first)
        let history = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: child.executionArn))
        #expect(history.events.first?.type == .executionStarted)
        #expect(history.events.last?.type == .executionSucceeded)
        // The children are the parent's: ListExecutions of the state machine shows only the parent.
        let listed = try await second.listExecutions(ListExecutionsInput(stateMachineArn: machine)).executions
        #expect(listed.map(\.name) == ["p1"])
    }

    @Test func aRedriveAfterAReopenRunsOnlyTheUnsuccessfulChildrenAgain() async throws {
        defer { harness.remove() }
        let failing = ItemCountingInvoker(failing: [1])
        let first = try await open(clock: VirtualClock(), invoker: failing)
        let definition = Self.countThenMaybeNap.replacingOccurrences(of: #""MaxConcurrency": 2"#, with: #""MaxConcurrency": 1"#)
        let machine = try await first.createStateMachine(
            CreateStateMachineInput(name: "Orders", definition: definition, roleArn: Self.role)).stateMachineArn
        let parent = try await first.startExecution(
            StartExecutionInput(stateMachineArn: machine, name: "p1", input: #"{"items": [{"id": 0}, {"id": 1}, {"id": 2}]}"#))
            .executionArn
        let failed = try await first.waitForExecution(parent)
        #expect(failed.status == .failed)
        #expect(failed.error == "States.ExceedToleratedFailureThreshold")
        #expect(failing.counts == [0: 1, 1: 1], "item 2 never started")
        let mapRun = try #require(try await first.listMapRuns(ListMapRunsInput(executionArn: parent)).mapRuns.first).mapRunArn
        let failedChild = try #require(
            try await first.listExecutions(ListExecutionsInput(statusFilter: .failed, mapRunArn: mapRun)).executions.first)
        await first.close()

        let calls = ItemCountingInvoker()
        let second = try await open(clock: VirtualClock(), invoker: calls)
        defer { Task { await second.close() } }
        _ = try await second.redriveExecution(RedriveExecutionInput(executionArn: parent))
        let done = try await second.waitForExecution(parent)

        #expect(done.status == .succeeded)
        #expect(done.output == #"[{"id":0},{"id":1},{"id":2}]"#)
        #expect(calls.counts == [1: 1, 2: 1], "the child that succeeded did not run again")
        let described = try await second.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(described.status == .succeeded)
        #expect(described.redriveCount == 1)
        #expect(described.redriveDate != nil)
        #expect(described.executionCounts.succeeded == 3)
        #expect(described.executionCounts.total == 3)
        let runs = try await second.listMapRuns(ListMapRunsInput(executionArn: parent)).mapRuns
        #expect(runs.map(\.mapRunArn) == [mapRun], "the same Map Run, redriven")
        let history = try await second.getExecutionHistory(GetExecutionHistoryInput(executionArn: parent)).events
        let redriven = try #require(history.first { $0.type == .mapRunRedriven })
        #expect(redriven.mapRunRedrivenEventDetails?.mapRunArn == mapRun)
        #expect(redriven.mapRunRedrivenEventDetails?.redriveCount == 1)
        #expect(history.filter { $0.type == .mapRunStarted }.count == 1)
        // The failed Standard child was redriven under its own ARN.
        let child = try await second.describeExecution(DescribeExecutionInput(executionArn: failedChild.executionArn))
        #expect(child.status == .succeeded)
        #expect(child.redriveCount == 1)
        let childHistory = try await second.getExecutionHistory(
            GetExecutionHistoryInput(executionArn: failedChild.executionArn)).events
        #expect(childHistory.filter { $0.type == .executionRedriven }.count == 1)
        #expect(childHistory.filter { $0.type == .executionStarted }.count == 1)
        let children = try await second.listExecutions(ListExecutionsInput(mapRunArn: mapRun)).executions
        #expect(children.count == 3)
    }

    @Test func aRedrivenMapRunInterruptedByAReopenContinuesWithoutASecondRedrive() async throws {
        defer { harness.remove() }
        let definition = Self.countThenMaybeNap.replacingOccurrences(of: #""MaxConcurrency": 2"#, with: #""MaxConcurrency": 1"#)
        let first = try await open(clock: ManualClock(), invoker: ItemCountingInvoker(failing: [1]))
        let machine = try await first.createStateMachine(
            CreateStateMachineInput(name: "Orders", definition: definition, roleArn: Self.role)).stateMachineArn
        let parent = try await first.startExecution(StartExecutionInput(
            stateMachineArn: machine, name: "p1", input: #"{"items": [{"id": 0}, {"id": 1, "nap": true}]}"#)).executionArn
        #expect(try await first.waitForExecution(parent).status == .failed)
        let mapRun = try #require(try await first.listMapRuns(ListMapRunsInput(executionArn: parent)).mapRuns.first).mapRunArn
        await first.close()

        // The redrive runs item 1 again; it naps, and the service closes during the nap.
        let secondClock = ManualClock()
        let secondCalls = ItemCountingInvoker()
        let second = try await open(clock: secondClock, invoker: secondCalls)
        _ = try await second.redriveExecution(RedriveExecutionInput(executionArn: parent))
        try await StoreHarness.yield { secondClock.sleeperCount == 1 }
        #expect(secondCalls.counts == [1: 1])
        await second.close()

        let clock = ManualClock(start: secondClock.now().adding(seconds: 5))
        let calls = ItemCountingInvoker()
        let third = try await open(clock: clock, invoker: calls)
        defer { Task { await third.close() } }
        try await StoreHarness.yield { clock.sleeperCount == 1 }
        clock.advance(bySeconds: 10)
        let done = try await third.waitForExecution(parent)

        #expect(done.status == .succeeded)
        #expect(done.output == #"[{"id":0},{"id":1,"nap":true}]"#)
        #expect(calls.counts.isEmpty, "the redriven child resumed at its Wait")
        let history = try await third.getExecutionHistory(GetExecutionHistoryInput(executionArn: parent)).events
        #expect(history.map(\.id) == Array(1...Int64(history.count)))
        #expect(history.filter { $0.type == .mapRunRedriven }.count == 1)
        #expect(history.filter { $0.type == .mapRunSucceeded }.count == 1)
        let described = try await third.describeMapRun(DescribeMapRunInput(mapRunArn: mapRun))
        #expect(described.status == .succeeded)
        #expect(described.redriveCount == 1)
        #expect(described.executionCounts.succeeded == 2)
        let children = try await third.listExecutions(ListExecutionsInput(mapRunArn: mapRun)).executions
        #expect(children.count == 2)
        for child in children {
            let events = try await third.getExecutionHistory(GetExecutionHistoryInput(executionArn: child.executionArn)).events
            #expect(events.filter { $0.type == .executionRedriven }.count == (child.redriveCount ?? 0))
        }
        #expect(children.compactMap(\.redriveCount).sorted() == [0, 1])
    }
}

/// Counts task calls per item `id` (the task's input); fails the items in `failing` on
/// their first call with `Boom`.
final class ItemCountingInvoker: TaskInvoking {
    private let calls = Mutex<[Int: Int]>([:])
    let failing: Set<Int>

    init(failing: Set<Int> = []) { self.failing = failing }

    var counts: [Int: Int] { calls.withLock { $0 } }
    var total: Int { calls.withLock { $0.values.reduce(0, +) } }

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        guard case .number(let number)? = request.parameters["id"], let id = number.int64Value.map(Int.init) else {
            return .failure(ExecutionFailure(error: "NoId", cause: "the item has no id"))
        }
        let count = calls.withLock { calls in
            calls[id, default: 0] += 1
            return calls[id] ?? 0
        }
        if failing.contains(id), count == 1 { return .failure(ExecutionFailure(error: "Boom", cause: "first call")) }
        return .success(request.parameters)
    }
}
