import StepFunctionsAPI
import Testing

@Suite struct ExecutionShapesTests {
    @Test func startExecution() throws {
        let input = try expectWireRoundTrip(
            StartExecutionInput.self,
            #"""
            {"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live",
             "name": "run-1", "input": "{\"bucket\":\"s3://my-data\"}", "traceHeader": "Root=1-abc"}
            """#)
        #expect(input.stateMachineArn.aliasName == "live")
        try expectWireRoundTrip(
            StartExecutionOutput.self,
            #"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1", "startDate": 1732780800.123}"#
        )
    }

    @Test func startSyncExecution() throws {
        try expectWireRoundTrip(
            StartSyncExecutionInput.self,
            #"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:Fast", "input": "{}", "includedData": "ALL_DATA"}"#
        )
        let output = try expectWireRoundTrip(
            StartSyncExecutionOutput.self,
            #"""
            {"executionArn": "arn:aws:states:us-east-1:123456789012:express:Fast:run-1:6a7b8c9d-0000-1111-2222-333344445555",
             "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:Fast",
             "name": "run-1", "startDate": 1732780800.123, "stopDate": 1732780800.456, "status": "FAILED",
             "error": "States.TaskFailed", "cause": "boom", "input": "{}", "inputDetails": {"included": true},
             "traceHeader": "Root=1-abc", "billingDetails": {"billedMemoryUsedInMB": 64, "billedDurationInMilliseconds": 400}}
            """#)
        #expect(output.status == .failed)
        #expect(output.executionArn.isExpress)
    }

    @Test func describeExecution() throws {
        try expectWireRoundTrip(
            DescribeExecutionInput.self,
            #"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1"}"#)
        let output = try expectWireRoundTrip(
            DescribeExecutionOutput.self,
            #"""
            {"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1",
             "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
             "name": "run-1", "status": "PENDING_REDRIVE", "startDate": 1732780800.123, "stopDate": 1732780801.5,
             "input": "{}", "inputDetails": {"included": true}, "output": "{\"saved\":true}", "outputDetails": {"included": true},
             "error": "States.Runtime", "cause": "c",
             "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:2",
             "stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live",
             "redriveCount": 1, "redriveDate": 1732790800, "redriveStatus": "NOT_REDRIVABLE",
             "redriveStatusReason": "Execution is RUNNING and cannot be redriven"}
            """#)
        #expect(output.status == .pendingRedrive)
        #expect(output.redriveStatus == .notRedrivable)
    }

    @Test func keepsStatusesAWSAddsLater() throws {
        let output = try APICoding.decode(
            DescribeExecutionOutput.self,
            from: Array(
                #"""
                {"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1",
                 "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
                 "status": "PAUSED", "startDate": 1}
                """#.utf8))
        #expect(output.status.rawValue == "PAUSED")
        #expect(!output.status.isKnown)
        #expect(try wireJSON(output)["status"] == "PAUSED")
    }

    @Test func terminalStatuses() {
        #expect(ExecutionStatus.knownValues.filter(\.isTerminal) == [.succeeded, .failed, .timedOut, .aborted])
    }

    @Test func stopListAndRedrive() throws {
        try expectWireRoundTrip(
            StopExecutionInput.self,
            #"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1", "error": "Stopped", "cause": "by hand"}"#
        )
        try expectWireRoundTrip(StopExecutionOutput.self, #"{"stopDate": 1732780800.123}"#)
        try expectWireRoundTrip(
            ListExecutionsInput.self,
            #"""
            {"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
             "statusFilter": "FAILED", "maxResults": 50, "nextToken": "t", "redriveFilter": "NOT_REDRIVEN"}
            """#)
        try expectWireRoundTrip(
            ListExecutionsInput.self,
            #"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/ProcessItems:4ab2d6f2"}"#)
        let page = try expectWireRoundTrip(
            ListExecutionsOutput.self,
            #"""
            {"executions": [{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld/ProcessItems:c1",
               "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
               "name": "c1", "status": "SUCCEEDED", "startDate": 1732780800.123, "stopDate": 1732780800.2,
               "mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/ProcessItems:4ab2d6f2",
               "itemCount": 10, "redriveCount": 0}],
             "nextToken": "t2"}
            """#)
        #expect(page.executions.first?.executionArn.mapRunLabel == "ProcessItems")
        try expectWireRoundTrip(
            RedriveExecutionInput.self,
            #"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1", "clientToken": "once"}"#
        )
        try expectWireRoundTrip(RedriveExecutionOutput.self, #"{"redriveDate": 1732780800.123}"#)
    }
}
