import Engine
import JSONValue
import Testing

/// InputPath → Parameters → ResultSelector → ResultPath → OutputPath, null paths,
/// `.$` keys, intrinsics, the context object, variables and payload limits.
@Suite struct DataFlowTests {
    let harness = EngineHarness()

    @Test func pathsApplyInAWSOrder() async throws {
        let report = try await harness.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.order",
              "Parameters": {"id.$": "$.id", "fixed": 1, "nested": {"total.$": "$.total"}},
              "ResultPath": "$.copy", "OutputPath": "$.copy", "End": true}}}
            """, input: ["order": ["id": "o-1", "total": 9]])
        #expect(report.status == .succeeded)
        #expect(report.output == ["id": "o-1", "fixed": 1, "nested": ["total": 9]])
    }

    @Test func resultPathWritesIntoTheRawInput() async throws {
        let report = try await harness.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.a", "Result": 5, "ResultPath": "$.b.c", "End": true}}}
            """, input: ["a": ["x": 1]])
        #expect(report.output == ["a": ["x": 1], "b": ["c": 5]])
    }

    @Test func nullPaths() async throws {
        let report = try await harness.run(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Result": "ignored", "ResultPath": null, "Next": "B"},
              "B": {"Type": "Pass", "InputPath": null, "Next": "C"},
              "C": {"Type": "Pass", "OutputPath": null, "End": true}}}
            """, input: ["keep": true])
        #expect(report.output == [:])
        #expect(report.history[2].type == .passStateExited)
    }

    @Test func missingInputPathIsARuntimeErrorWithAWSCause() async throws {
        let report = try await harness.run(
            #"{"StartAt": "pass", "States": {"pass": {"Type": "Pass", "InputPath": "$.nope", "End": true}}}"#)
        #expect(report.status == .failed)
        #expect(report.error == "States.Runtime")
        #expect(report.cause == "An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.nope' : No results for path: $['nope']")
    }

    @Test func missingParameterPathNamesTheField() async throws {
        let report = try await harness.run(
            #"{"StartAt": "pass", "States": {"pass": {"Type": "Pass", "Parameters": {"value.$": "$.nope"}, "End": true}}}"#,
            input: ["a": 1])
        #expect(report.error == "States.Runtime")
        #expect(report.cause == "An error occurred while executing the state 'pass' (entered at the event id #2). The JSONPath '$.nope' specified for the field 'value.$' could not be found in the input '{\"a\":1}'")
    }

    @Test func resultPathIntoAStringFails() async throws {
        let report = try await harness.run(
            #"{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.a.b", "End": true}}}"#,
            input: ["a": "text"])
        #expect(report.error == "States.ResultPathMatchFailure")
    }

    @Test func intrinsicsAreEvaluated() async throws {
        let report = try await harness.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Pass",
              "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.name)", "n.$": "States.MathAdd($.a, 2)"}, "End": true}}}
            """, input: ["name": "Ana", "a": 40])
        #expect(report.output == ["greeting": "Hello, Ana!", "n": 42])
    }

    @Test func intrinsicFailureIsData() async throws {
        let report = try await harness.run(
            #"{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "States.ArrayGetItem($.a, 5)"}, "End": true}}}"#,
            input: ["a": [1]])
        #expect(report.status == .failed)
        #expect(report.error == "States.IntrinsicFailure")
    }

    @Test func contextObjectFields() async throws {
        let report = try await harness.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {
              "id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "input.$": "$$.Execution.Input",
              "start.$": "$$.Execution.StartTime", "redrive.$": "$$.Execution.RedriveCount",
              "machine.$": "$$.StateMachine.Name", "state.$": "$$.State.Name", "entered.$": "$$.State.EnteredTime"}, "End": true}}}
            """, input: ["k": 1], name: "run-1")
        #expect(report.output?["id"] == "arn:aws:states:us-east-1:123456789012:execution:Machine:run-1")
        #expect(report.output?["name"] == "run-1")
        #expect(report.output?["input"] == ["k": 1])
        #expect(report.output?["start"] == "2024-01-01T00:00:00.000Z")
        #expect(report.output?["redrive"] == 0)
        #expect(report.output?["machine"] == "Machine")
        #expect(report.output?["state"] == "P")
        #expect(report.output?["entered"] == "2024-01-01T00:00:00.000Z")
    }

    @Test func variablesAreAssignedFromTheResultAndReadLater() async throws {
        let report = try await harness.run(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Result": {"answer": 42}, "Assign": {"x.$": "$.answer", "old": 1}, "Next": "B"},
              "B": {"Type": "Pass", "Parameters": {"x.$": "$x", "old.$": "$old"}, "End": true}}}
            """)
        #expect(report.output == ["x": 42, "old": 1])
    }

    @Test func oversizedResultIsDataLimitExceeded() async throws {
        let big = String(repeating: "a", count: 270_000)
        let report = try await harness.run(
            #"{"StartAt": "S", "States": {"S": {"Type": "Pass", "Parameters": {"v.$": "$.big"}, "End": true}}}"#,
            input: ["big": .string(big)])
        #expect(report.error == "States.DataLimitExceeded")
        #expect(report.cause == "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.")
    }

    /// The limit counts the serialized JSON's bytes: escapes too. `{"v":"…"}` is 8 bytes
    /// around the string's; each newline serializes as two.
    @Test func payloadLimitCountsEscapedBytes() async throws {
        let definition = #"{"StartAt": "S", "States": {"S": {"Type": "Pass", "Parameters": {"v.$": "$.big"}, "End": true}}}"#
        let fits = String(repeating: "\n", count: (262_144 - 8) / 2)
        let fitting = try await harness.run(definition, input: ["big": .string(fits)])
        #expect(fitting.status == .succeeded)
        let over = try await harness.run(definition, input: ["big": .string(fits + "a")])
        #expect(over.error == "States.DataLimitExceeded")
    }

    @Test func failStateReadsErrorAndCauseFromPaths() async throws {
        let report = try await harness.run(
            #"{"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.e", "CausePath": "States.Format('because {}', $.c)"}}}"#,
            input: ["e": "Custom", "c": "reasons"])
        #expect(report.status == .failed)
        #expect(report.error == "Custom")
        #expect(report.cause == "because reasons")
    }

    @Test func succeedStateEndsWithItsInput() async throws {
        let report = try await harness.run(
            #"{"StartAt": "S", "States": {"S": {"Type": "Succeed", "OutputPath": "$.a"}}}"#, input: ["a": [1, 2]])
        #expect(report.output == [1, 2])
    }

    @Test func stateOnlyContextReadsStillWork() async throws {
        let report = try await harness.run(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"n.$": "$$.State.Name",
              "f.$": "States.Format('{}@{}', $$.State.Name, $$.State.EnteredTime)"}, "Next": "Q"},
              "Q": {"Type": "Pass", "Parameters": {"all.$": "$$.State"}, "End": true}}}
            """)
        #expect(report.output == ["all": ["EnteredTime": "2024-01-01T00:00:00.000Z", "Name": "Q"]])
        guard case .stateExited(let exited) = report.history[2].details else {
            Issue.record("no stateExited details")
            return
        }
        #expect(exited.output == ["n": "P", "f": "P@2024-01-01T00:00:00.000Z"])
    }
}
