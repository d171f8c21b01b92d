import Engine
import JSONValue
import Testing

/// History events as GetExecutionHistory shows them: types, ids, links and details.
@Suite struct HistoryTests {
    @Test func passChainHistoryMatchesAWS() async throws {
        let report = try await EngineHarness().run(
            #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}"#,
            input: ["k": 1])
        #expect(report.eventTypes == [
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited",
            "ExecutionSucceeded",
        ])
        #expect(report.history.map(\.id) == [1, 2, 3, 4, 5, 6])
        // AWS links the first state's entered event to nothing.
        #expect(report.history.map(\.previousEventId) == [0, 0, 2, 3, 4, 5])
        #expect(report.history[1].detailsFieldName == "stateEnteredEventDetails")
        guard case .stateEntered(let entered) = report.history[1].details else {
            Issue.record("no stateEntered details")
            return
        }
        #expect(entered.name == "A")
        #expect(entered.input == ["k": 1])
        #expect(entered.inputDetails.truncated == false)
        guard case .executionSucceeded(let succeeded) = report.history[5].details else {
            Issue.record("no executionSucceeded details")
            return
        }
        #expect(succeeded.output == ["k": 1])
    }

    @Test func failedExecutionEndsWithExecutionFailed() async throws {
        let report = try await EngineHarness().run(
            #"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E", "Cause": "C"}}}"#)
        #expect(report.eventTypes == ["ExecutionStarted", "FailStateEntered", "ExecutionFailed"])
        guard case .executionFailed(let failed) = report.history[2].details else {
            Issue.record("no executionFailed details")
            return
        }
        #expect(failed.error == "E")
        #expect(failed.cause == "C")
    }

    @Test func historyLimitFailsTheExecution() async throws {
        let report = try await EngineHarness().run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
              "B": {"Type": "Choice", "Choices": [{"Variable": "$.stop", "IsPresent": true, "Next": "Done"}], "Default": "A"},
              "Done": {"Type": "Succeed"}}}
            """)
        #expect(report.status == .failed)
        #expect(report.error == "States.Runtime")
        // The check runs before each state, so the last visit's few events may pass the mark.
        #expect(report.history.count >= 25_000 && report.history.count <= 25_008)
        #expect(report.history.last?.type == .executionFailed)
    }
}

extension HistoryTests {
    /// The shape AWS recorded for a Map state (LocalStack's `test_map_state_break_condition`
    /// snapshot): each iteration starts after the previous iteration's last state event.
    @Test func mapIterationsLinkLikeAWS() async throws {
        let report = try await EngineHarness().run(
            """
            {"StartAt": "MapState", "States": {"MapState": {"Type": "Map", "MaxConcurrency": 1, "End": true,
              "ItemProcessor": {"StartAt": "Pass", "States": {"Pass": {"Type": "Pass", "End": true}}}}}}
            """, input: [1, 2])
        let shape = report.history.map { "\($0.id)<\($0.previousEventId) \($0.type.rawValue)" }
        #expect(shape == [
            "1<0 ExecutionStarted", "2<0 MapStateEntered", "3<2 MapStateStarted",
            "4<3 MapIterationStarted", "5<4 PassStateEntered", "6<5 PassStateExited", "7<6 MapIterationSucceeded",
            "8<6 MapIterationStarted", "9<8 PassStateEntered", "10<9 PassStateExited", "11<10 MapIterationSucceeded",
            "12<11 MapStateSucceeded", "13<11 MapStateExited", "14<13 ExecutionSucceeded",
        ])
        #expect(report.history[3].detailsFieldName == "mapIterationStartedEventDetails")
    }
}

extension HistoryTests {
    /// AWS's shape for a failing iteration caught by the Map (`test_map_state_catch`).
    @Test func failedMapLinksLikeAWS() async throws {
        let report = try await EngineHarness().run(
            """
            {"StartAt": "MapState", "States": {"MapState": {"Type": "Map", "Next": "FinalCaught",
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "FinalCaught"}],
              "ItemProcessor": {"StartAt": "HandleItemFail", "States": {"HandleItemFail": {"Type": "Fail", "Error": "E", "Cause": "C"}}}},
              "FinalCaught": {"Type": "Pass", "End": true}}}
            """, input: [1])
        let shape = report.history.map { "\($0.id)<\($0.previousEventId) \($0.type.rawValue)" }
        #expect(shape == [
            "1<0 ExecutionStarted", "2<0 MapStateEntered", "3<2 MapStateStarted", "4<3 MapIterationStarted",
            "5<4 FailStateEntered", "6<5 MapIterationFailed", "7<5 MapStateFailed", "8<7 MapStateExited",
            "9<8 PassStateEntered", "10<9 PassStateExited", "11<10 ExecutionSucceeded",
        ])
    }
}

extension HistoryTests {
    @Test func failStateWithoutErrorReportsNone() async throws {
        let report = try await EngineHarness().run(#"{"StartAt": "F", "States": {"F": {"Type": "Fail"}}}"#)
        #expect(report.status == .failed)
        #expect(report.error == nil)
        #expect(report.cause == nil)
    }
}
