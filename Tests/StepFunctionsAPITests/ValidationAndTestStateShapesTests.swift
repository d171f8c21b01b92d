import StepFunctionsAPI
import Testing

@Suite struct ValidationAndTestStateShapesTests {
    @Test func validateStateMachineDefinition() throws {
        try expectWireRoundTrip(
            ValidateStateMachineDefinitionInput.self,
            #"{"definition": "{}", "type": "STANDARD", "severity": "WARNING", "maxResults": 10}"#)
        let output = try expectWireRoundTrip(
            ValidateStateMachineDefinitionOutput.self,
            #"""
            {"result": "FAIL", "truncated": false,
             "diagnostics": [{"severity": "ERROR", "code": "MISSING_TRANSITION_TARGET",
                              "message": "Missing 'Next' target: Proces", "location": "/States/Load/Next"}]}
            """#)
        #expect(output.result == .fail)
        #expect(output.diagnostics.first?.severity == .error)
    }

    @Test func testStateInput() throws {
        let input = try expectWireRoundTrip(
            TestStateInput.self,
            #"""
            {"definition": "{\"Type\":\"Pass\",\"End\":true}", "roleArn": "arn:aws:iam::123456789012:role/R",
             "input": "{\"a\":1}", "inspectionLevel": "TRACE", "revealSecrets": true, "variables": "{\"x\":1}",
             "stateName": "P", "context": "{\"Execution\":{}}",
             "mock": {"result": "{\"ok\":true}", "errorOutput": {"error": "E", "cause": "C"}, "fieldValidationMode": "STRICT"},
             "stateConfiguration": {"retrierRetryCount": 1, "errorCausedByState": "P", "mapIterationFailureCount": 2,
                                    "mapItemReaderData": "[]"}}
            """#)
        #expect(input.inspectionLevel == .trace)
        #expect(input.mock?.fieldValidationMode == .strict)
    }

    @Test func testStateOutput() throws {
        let output = try expectWireRoundTrip(
            TestStateOutput.self,
            #"""
            {"output": "{\"a\":1}", "nextState": "Next", "status": "CAUGHT_ERROR", "error": "E", "cause": "C",
             "inspectionData": {"input": "{}", "afterInputPath": "{}", "afterParameters": "{}", "result": "{}",
               "afterResultSelector": "{}", "afterResultPath": "{}", "variables": "{}", "afterArguments": "{}",
               "request": {"protocol": "https", "method": "GET", "url": "https://example.com", "headers": "[]", "body": ""},
               "response": {"protocol": "https", "statusCode": "200", "statusMessage": "OK", "headers": "[]", "body": "{}"},
               "errorDetails": {"catchIndex": 0, "retryIndex": 1, "retryBackoffIntervalSeconds": 2},
               "afterItemsPath": "[]", "afterItemSelector": "[]", "afterItemBatcher": "[]", "afterItemsPointer": "[]",
               "toleratedFailureCount": 1, "toleratedFailurePercentage": 5.5, "maxConcurrency": 4}}
            """#)
        #expect(output.status == .caughtError)
        #expect(output.inspectionData?.request?.protocol == "https")
    }

    @Test func closedEnumerationsListTheirValues() {
        #expect(StateMachineType.allCases.map(\.rawValue) == ["STANDARD", "EXPRESS"])
        #expect(LogLevel.allCases.map(\.rawValue) == ["ALL", "ERROR", "FATAL", "OFF"])
        #expect(InspectionLevel.allCases.map(\.rawValue) == ["INFO", "DEBUG", "TRACE"])
        #expect(
            ExecutionStatus.knownValues.map(\.rawValue) == [
                "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE",
            ])
        #expect(MapRunStatus.knownValues.count == 4)
    }
}
