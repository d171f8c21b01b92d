import JSONValue
import StepFunctionsAPI
import Testing

@Suite struct HistoryEventTests {
    @Test func knowsEveryEventTypeOfTheAPIReference() {
        let names = HistoryEventType.knownValues.map(\.rawValue)
        #expect(names.count == 62)
        #expect(Set(names).count == 62)
        for name in [
            "ExecutionRedriven", "MapRunRedriven", "EvaluationFailed", "TaskSubmitted", "MapRunAborted",
            "WaitStateAborted",
        ] {
            #expect(names.contains(name))
        }
        #expect(HistoryEventType.passStateEntered.rawValue == "PassStateEntered")
    }

    /// A Pass-then-Task execution's history, in the shape GetExecutionHistory returns.
    @Test func decodesAndReEncodesAHistory() throws {
        let page = try expectWireRoundTrip(
            GetExecutionHistoryOutput.self,
            #"""
            {"events": [
              {"timestamp": 1732780800.123, "type": "ExecutionStarted", "id": 1, "previousEventId": 0,
               "executionStartedEventDetails": {"input": "{}", "inputDetails": {"truncated": false},
                 "roleArn": "arn:aws:iam::123456789012:role/R",
                 "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:2"}},
              {"timestamp": 1732780800.125, "type": "PassStateEntered", "id": 2, "previousEventId": 0,
               "stateEnteredEventDetails": {"name": "P", "input": "{}", "inputDetails": {"truncated": false}}},
              {"timestamp": 1732780800.126, "type": "PassStateExited", "id": 3, "previousEventId": 2,
               "stateExitedEventDetails": {"name": "P", "output": "{\"a\":1}", "outputDetails": {"truncated": false},
                 "assignedVariables": {"x": "1"}, "assignedVariablesDetails": {"truncated": false}}},
              {"timestamp": 1732780800.2, "type": "TaskScheduled", "id": 4, "previousEventId": 3,
               "taskScheduledEventDetails": {"resourceType": "lambda", "resource": "invoke", "region": "us-east-1",
                 "parameters": "{\"FunctionName\":\"f\"}", "timeoutInSeconds": 60, "heartbeatInSeconds": 10,
                 "taskCredentials": {"roleArn": "arn:aws:iam::123456789012:role/T"}}},
              {"timestamp": 1732780800.3, "type": "TaskStarted", "id": 5, "previousEventId": 4,
               "taskStartedEventDetails": {"resourceType": "lambda", "resource": "invoke"}},
              {"timestamp": 1732780800.4, "type": "TaskFailed", "id": 6, "previousEventId": 5,
               "taskFailedEventDetails": {"resourceType": "lambda", "resource": "invoke", "error": "States.TaskFailed", "cause": "boom"}},
              {"timestamp": 1732780800.5, "type": "MapStateStarted", "id": 7, "previousEventId": 6,
               "mapStateStartedEventDetails": {"length": 2}},
              {"timestamp": 1732780800.6, "type": "MapIterationStarted", "id": 8, "previousEventId": 7,
               "mapIterationStartedEventDetails": {"name": "M", "index": 0}},
              {"timestamp": 1732780800.7, "type": "MapRunStarted", "id": 9, "previousEventId": 8,
               "mapRunStartedEventDetails": {"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/M:4ab2d6f2"}},
              {"timestamp": 1732780800.8, "type": "EvaluationFailed", "id": 10, "previousEventId": 9,
               "evaluationFailedEventDetails": {"error": "States.QueryEvaluationError", "cause": "c", "location": "Arguments", "state": "M"}},
              {"timestamp": 1732780800.9, "type": "ExecutionFailed", "id": 11, "previousEventId": 10,
               "executionFailedEventDetails": {"error": "States.QueryEvaluationError", "cause": "c"}},
              {"timestamp": 1732780900, "type": "ExecutionRedriven", "id": 12, "previousEventId": 11,
               "executionRedrivenEventDetails": {"redriveCount": 1}},
              {"timestamp": 1732780901, "type": "ActivityScheduled", "id": 13, "previousEventId": 12,
               "activityScheduledEventDetails": {"resource": "arn:aws:states:us-east-1:123456789012:activity:A",
                 "input": "{}", "inputDetails": {"truncated": false}, "timeoutInSeconds": 300, "heartbeatInSeconds": 30}},
              {"timestamp": 1732780902, "type": "ActivityStarted", "id": 14, "previousEventId": 13,
               "activityStartedEventDetails": {"workerName": "w"}},
              {"timestamp": 1732780903, "type": "LambdaFunctionScheduled", "id": 15, "previousEventId": 14,
               "lambdaFunctionScheduledEventDetails": {"resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
                 "input": "{}", "timeoutInSeconds": 30}},
              {"timestamp": 1732780904, "type": "ParallelStateStarted", "id": 16, "previousEventId": 15},
              {"timestamp": 1732780905, "type": "MapRunRedriven", "id": 17, "previousEventId": 16,
               "mapRunRedrivenEventDetails": {"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/M:4ab2d6f2", "redriveCount": 1}}
            ],
            "nextToken": "t"}
            """#)
        let events = page.events
        #expect(events.map(\.id) == Array(1...17))
        #expect(events[0].type == .executionStarted)
        #expect(events[0].timestamp == Timestamp(millisecondsSince1970: 1_732_780_800_123))
        #expect(events[2].stateExitedEventDetails?.assignedVariables == ["x": "1"])
        #expect(events[5].taskFailedEventDetails?.error == "States.TaskFailed")
        #expect(events[8].mapRunStartedEventDetails?.mapRunArn?.label == "M")
    }

    @Test func encodesOnlyTheMembersThatAreSet() throws {
        let event = HistoryEvent(
            timestamp: Timestamp(millisecondsSince1970: 1_732_780_800_000), type: .waitStateEntered, id: 2,
            previousEventId: 1,
            stateEnteredEventDetails: StateEnteredEventDetails(
                name: "Wait", input: "{}", inputDetails: .init(truncated: false)))
        #expect(
            try wireJSON(event) == [
                "timestamp": 1_732_780_800, "type": "WaitStateEntered", "id": 2, "previousEventId": 1,
                "stateEnteredEventDetails": ["name": "Wait", "input": "{}", "inputDetails": ["truncated": false]],
            ])
    }

    @Test func keepsEventTypesAWSAddsLater() throws {
        let event = try APICoding.decode(
            HistoryEvent.self, from: Array(#"{"timestamp": 1, "type": "ExecutionPaused", "id": 3}"#.utf8))
        #expect(event.type == HistoryEventType("ExecutionPaused"))
        #expect(!event.type.isKnown)
    }

    @Test func getExecutionHistoryInput() throws {
        try expectWireRoundTrip(
            GetExecutionHistoryInput.self,
            #"""
            {"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1",
             "maxResults": 100, "reverseOrder": true, "nextToken": "t", "includeExecutionData": false}
            """#)
    }
}
