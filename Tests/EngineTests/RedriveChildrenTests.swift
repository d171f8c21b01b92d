import Engine
import JSONValue
import Synchronization
import Testing

/// RedriveExecution of a Map or Parallel state: only the iterations and branches that did
/// not succeed run again, each from the state it stopped in; the others keep their output in
/// its place in the result.
///
/// The failing child first waits on a `ManualClock`, so every other child has ended before it
/// fails (no sibling is cancelled by the failure); the redrive runs on a virtual clock.
/// Awaits on a manual clock hang on an engine bug: the time limit fails the suite instead.
@Suite(.timeLimit(.minutes(2))) struct RedriveChildrenTests {
    static let work = "arn:aws:lambda:us-east-1:123456789012:function:work"

    let invoker = FailOnceInvoker()
    let clock = ManualClock()

    func start(_ definition: String, input: JSON) throws -> (ExecutionHandle, CompiledWorkflow) {
        let harness = EngineHarness(clock: clock, invoker: invoker)
        let workflow = try harness.workflow(definition)
        return (harness.engine.start(workflow, input: input, stateMachineName: "Machine", executionName: "run"), workflow)
    }

    /// Lets the execution run until `condition` holds of its history, then wakes its waits.
    func release(_ handle: ExecutionHandle, when condition: ([HistoryEvent]) -> Bool) async throws {
        for _ in 0..<100_000 {
            if condition(await handle.currentHistory), clock.sleeperCount > 0 {
                clock.advance(bySeconds: 10)
                return
            }
            await Task.yield()
        }
        Issue.record("the execution never reached the expected point")
        throw EngineHarness.HarnessError.invalid
    }

    func redrive(_ handle: ExecutionHandle, _ workflow: CompiledWorkflow) async throws -> ExecutionReport {
        let engine = EngineHarness(invoker: invoker).engine
        let (redriven, _) = try engine.redrive(workflow, await handle.persisted)
        return await redriven.report
    }

    /// The events after ExecutionRedriven.
    func afterRedrive(_ report: ExecutionReport) throws -> ArraySlice<HistoryEvent> {
        let index = try #require(report.history.lastIndex { $0.type == .executionRedriven })
        return report.history[(index + 1)...]
    }

    func entered(_ events: ArraySlice<HistoryEvent>) -> [String] {
        events.compactMap { if case .stateEntered(let details) = $0.details { details.name } else { nil } }
    }

    func iterations(_ events: ArraySlice<HistoryEvent>) -> [Int] {
        events.compactMap {
            if $0.type == .mapIterationStarted, case .mapIteration(let details) = $0.details { details.index } else { nil }
        }
    }

    @Test func aRedriveRunsOnlyTheFailedBranchOfAParallel() async throws {
        let (handle, workflow) = try start("""
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "\(Self.work)", "Parameters": {"id": "a"}, "End": true}}},
              {"StartAt": "Hold", "States": {
                "Hold": {"Type": "Wait", "Seconds": 10, "Next": "B"},
                "B": {"Type": "Task", "Resource": "\(Self.work)", "Parameters": {"id": "b", "fail": true}, "End": true}}},
              {"StartAt": "C", "States": {"C": {"Type": "Pass", "Result": {"id": "c"}, "End": true}}}]}}}
            """, input: [:])
        try await release(handle) { history in
            history.contains { $0.type == .taskStateExited } && history.contains { $0.type == .passStateExited }
        }
        let failed = await handle.report
        #expect(failed.status == .failed)
        #expect(failed.error == "Flaky.Error")

        let report = try await redrive(handle, workflow)
        #expect(report.status == .succeeded)
        #expect(report.output == [["id": "a"], ["id": "b", "fail": true], ["id": "c"]])
        let after = try afterRedrive(report)
        // A new attempt of the Parallel; of its branches, only B's failed state runs again.
        #expect(entered(after) == ["Fan", "B"])
        #expect(after.map(\.type) == [
            .parallelStateEntered, .parallelStateStarted, .taskStateEntered, .taskScheduled, .taskStarted,
            .taskSucceeded, .taskStateExited, .parallelStateSucceeded, .parallelStateExited, .executionSucceeded,
        ])
        let started = try #require(after.first { $0.type == .parallelStateStarted })
        #expect(after.first { $0.type == .taskStateEntered }?.previousEventId == started.id)
        #expect(invoker.calls(for: "a") == 1)
        #expect(invoker.calls(for: "b") == 2)
        #expect(report.history.enumerated().allSatisfy { $0.offset + 1 == $0.element.id })
    }

    static let mapDefinition = """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
          "ItemProcessor": {"StartAt": "Slow?", "States": {
            "Slow?": {"Type": "Choice", "Choices": [{"Variable": "$.fail", "BooleanEquals": true, "Next": "Hold"}],
              "Default": "Work"},
            "Hold": {"Type": "Wait", "Seconds": 10, "Next": "Work"},
            "Work": {"Type": "Task", "Resource": "\(work)", "End": true}}}}}}
        """

    @Test func aRedriveRunsOnlyTheUnsuccessfulIterationsOfAMap() async throws {
        let items: JSON = [
            ["id": "0", "fail": false], ["id": "1", "fail": true], ["id": "2", "fail": false], ["id": "3", "fail": true],
            ["id": "4", "fail": false],
        ]
        let (handle, workflow) = try start(Self.mapDefinition, input: ["items": items])
        try await release(handle) { history in history.filter { $0.type == .mapIterationSucceeded }.count == 3 }
        #expect(await handle.report.status == .failed)

        let report = try await redrive(handle, workflow)
        #expect(report.status == .succeeded)
        // Kept and rerun outputs, in item order.
        #expect(report.output == items)
        let after = try afterRedrive(report)
        #expect(Set(iterations(after)) == [1, 3])
        // A rerun iteration enters again the state it failed in (or, cancelled by its
        // sibling's failure, the Wait it was stopped in), never its first state.
        #expect(entered(after).first == "Each")
        #expect(!entered(after).contains("Slow?"))
        #expect(after.filter { $0.type == .mapStateStarted }.count == 1)
        for id in ["0", "2", "4"] { #expect(invoker.calls(for: id) == 1) }
        #expect(report.history.enumerated().allSatisfy { $0.offset + 1 == $0.element.id })
    }

    @Test func aFailedParallelInsideAMapIterationRerunsOnlyItsFailedBranch() async throws {
        let (handle, workflow) = try start("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
              "ItemProcessor": {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "X", "States": {"X": {"Type": "Task", "Resource": "\(Self.work)",
                  "Parameters": {"id.$": "States.Format('x{}', $.id)"}, "End": true}}},
                {"StartAt": "Slow?", "States": {
                  "Slow?": {"Type": "Choice", "Choices": [{"Variable": "$.fail", "BooleanEquals": true, "Next": "Hold"}],
                    "Default": "Y"},
                  "Hold": {"Type": "Wait", "Seconds": 10, "Next": "Y"},
                  "Y": {"Type": "Task", "Resource": "\(Self.work)",
                    "Parameters": {"id.$": "States.Format('y{}', $.id)", "fail.$": "$.fail"}, "End": true}}}]}}}}}}
            """, input: ["items": [["id": "0", "fail": false], ["id": "1", "fail": true], ["id": "2", "fail": false]]])
        try await release(handle) { history in history.filter { $0.type == .taskStateExited }.count == 5 }
        #expect(await handle.report.status == .failed)

        let report = try await redrive(handle, workflow)
        #expect(report.status == .succeeded)
        #expect(report.output == [
            [["id": "x0"], ["id": "y0", "fail": false]], [["id": "x1"], ["id": "y1", "fail": true]],
            [["id": "x2"], ["id": "y2", "fail": false]],
        ])
        let after = try afterRedrive(report)
        #expect(iterations(after) == [1])
        #expect(entered(after) == ["Each", "Both", "Y"])
        for id in ["x0", "y0", "x1", "x2", "y2"] { #expect(invoker.calls(for: id) == 1) }
        #expect(invoker.calls(for: "y1") == 2)
    }

    @Test func aFailedMapInsideAParallelBranchRerunsOnlyItsFailedIterations() async throws {
        let (handle, workflow) = try start("""
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "P", "States": {"P": {"Type": "Task", "Resource": "\(Self.work)", "Parameters": {"id": "p"}, "End": true}}},
              {"StartAt": "Inner", "States": {"Inner": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                "ItemProcessor": {"StartAt": "Slow?", "States": {
                  "Slow?": {"Type": "Choice", "Choices": [{"Variable": "$.fail", "BooleanEquals": true, "Next": "Hold"}],
                    "Default": "Work"},
                  "Hold": {"Type": "Wait", "Seconds": 10, "Next": "Work"},
                  "Work": {"Type": "Task", "Resource": "\(Self.work)", "End": true}}}}}}]}}}
            """, input: ["items": [["id": "0", "fail": false], ["id": "1", "fail": true]]])
        try await release(handle) { history in history.filter { $0.type == .taskStateExited }.count == 2 }
        #expect(await handle.report.status == .failed)

        let report = try await redrive(handle, workflow)
        #expect(report.status == .succeeded)
        #expect(report.output == [["id": "p"], [["id": "0", "fail": false], ["id": "1", "fail": true]]])
        let after = try afterRedrive(report)
        #expect(entered(after) == ["Fan", "Inner", "Work"])
        #expect(iterations(after) == [1])
        #expect(invoker.calls(for: "p") == 1)
        #expect(invoker.calls(for: "0") == 1)
        #expect(invoker.calls(for: "1") == 2)
    }

    @Test func aSecondRedriveKeepsWhatTheFirstAttemptSucceededIn() async throws {
        // Item 1 fails on its first two calls: the first redrive fails again, the second succeeds.
        invoker.failures.withLock { $0["1"] = 2 }
        let items: JSON = [["id": "0", "fail": false], ["id": "1", "fail": true], ["id": "2", "fail": false]]
        let (handle, workflow) = try start(Self.mapDefinition, input: ["items": items])
        try await release(handle) { history in history.filter { $0.type == .mapIterationSucceeded }.count == 2 }
        #expect(await handle.report.status == .failed)

        let engine = EngineHarness(invoker: invoker).engine
        let (first, _) = try engine.redrive(workflow, await handle.persisted)
        #expect(await first.report.status == .failed)
        let (second, _) = try engine.redrive(workflow, await first.persisted)
        let report = await second.report
        #expect(report.status == .succeeded)
        #expect(report.output == items)
        #expect(iterations(try afterRedrive(report)) == [1])
        #expect(invoker.calls(for: "0") == 1)
        #expect(invoker.calls(for: "2") == 1)
        #expect(invoker.calls(for: "1") == 3)
    }

    @Test func aFailureAfterACaughtMapRedrivesTheLaterStateOnly() async throws {
        let (handle, workflow) = try start("""
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "ItemsPath": "$.items", "Next": "Report",
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Report"}],
                "ItemProcessor": {"StartAt": "Work", "States": {
                  "Work": {"Type": "Task", "Resource": "\(Self.work)", "End": true}}}},
              "Report": {"Type": "Task", "Resource": "\(Self.work)", "Parameters": {"id": "report", "fail": true},
                "End": true}}}
            """, input: ["items": [["id": "0", "fail": true]]])
        let failed = await handle.report
        #expect(failed.status == .failed)

        let report = try await redrive(handle, workflow)
        #expect(report.status == .succeeded)
        let after = try afterRedrive(report)
        #expect(entered(after) == ["Report"])
        #expect(!after.contains { $0.type == .mapStateStarted || $0.type == .mapIterationStarted })
        #expect(invoker.calls(for: "0") == 1)
    }
}

/// Fails the first call (or the first `failures[id]` calls) of each task whose parameters
/// say `"fail": true`, with `Flaky.Error`; answers every other call with its parameters.
/// Calls are counted by the parameters' `id`.
final class FailOnceInvoker: TaskInvoking {
    let counts = Mutex([String: Int]())
    let failures = Mutex([String: Int]())

    func calls(for id: String) -> Int { counts.withLock { $0[id] ?? 0 } }

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        guard case .string(let id)? = request.parameters["id"] else { return .success(request.parameters) }
        let call = counts.withLock { counts in
            counts[id, default: 0] += 1
            return counts[id] ?? 0
        }
        let allowed = failures.withLock { $0[id] ?? 1 }
        if request.parameters["fail"] == .bool(true), call <= allowed {
            return .failure(ExecutionFailure(error: "Flaky.Error", cause: "call \(call) of '\(id)' fails"))
        }
        return .success(request.parameters)
    }
}
