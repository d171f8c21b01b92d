import Engine
import JSONValue
import Testing

/// Wait states on injected clocks: nothing here sleeps for real.
@Suite(.timeLimit(.minutes(2))) struct WaitTests {
    @Test func virtualClockJumpsOverSeconds() async throws {
        let report = try await EngineHarness().run(
            #"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}"#, input: ["a": 1])
        #expect(report.output == ["a": 1])
        let entered = report.history[1].timestamp, exited = report.history[2].timestamp
        #expect(exited.millisecondsSinceEpoch - entered.millisecondsSinceEpoch == 3_600_000)
        #expect(report.eventTypes == ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"])
    }

    @Test func timestampPathWaitsUntilThatTime() async throws {
        let report = try await EngineHarness().run(
            #"{"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.at", "End": true}}}"#,
            input: ["at": "2024-01-01T00:10:00Z"])
        #expect(report.history[2].timestamp.iso8601 == "2024-01-01T00:10:00.000Z")
    }

    @Test func secondsPathMustBeANonNegativeInteger() async throws {
        let definition = #"{"StartAt": "WaitState", "States": {"WaitState": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}"#
        let negative = try await EngineHarness().run(definition, input: ["s": -1])
        #expect(negative.cause == "An error occurred while executing the state 'WaitState' (entered at the event id #2). The SecondsPath parameter references a negative value: $.s == -1")
        let fraction = try await EngineHarness().run(definition, input: ["s": 1.5])
        #expect(fraction.cause == "An error occurred while executing the state 'WaitState' (entered at the event id #2). The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5")
    }

    @Test func badTimestampIsARuntimeError() async throws {
        let report = try await EngineHarness().run(
            #"{"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.at", "End": true}}}"#,
            input: ["at": "2016-12-05T21:29:29"])
        #expect(report.error == "States.Runtime")
        #expect(report.cause?.hasSuffix("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.at == 2016-12-05T21:29:29") == true)
    }

    @Test func manualClockHoldsTheWaitUntilAdvanced() async throws {
        let clock = ManualClock()
        let h = EngineHarness(clock: clock)
        let handle = h.engine.start(
            try h.workflow(#"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 10, "End": true}}}"#), input: [:])
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(bySeconds: 9)
        #expect(clock.sleeperCount == 1)
        clock.advance(bySeconds: 1)
        let report = await handle.report
        #expect(report.status == .succeeded)
    }

    @Test func stopExecutionAbortsAWaitingExecution() async throws {
        let clock = ManualClock()
        let h = EngineHarness(clock: clock)
        let handle = h.engine.start(
            try h.workflow(#"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 10, "End": true}}}"#), input: [:])
        while clock.sleeperCount == 0 { await Task.yield() }
        await handle.stop(error: "Manual", cause: "stopped by test")
        let report = await handle.report
        #expect(report.status == .aborted)
        #expect(report.error == "Manual")
        #expect(report.history.last?.type == .executionAborted)
    }
}
