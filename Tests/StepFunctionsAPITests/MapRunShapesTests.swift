import StepFunctionsAPI
import Testing

@Suite struct MapRunShapesTests {
    @Test func describeMapRun() throws {
        try expectWireRoundTrip(
            DescribeMapRunInput.self,
            #"{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/ProcessItems:4ab2d6f2"}"#)
        let output = try expectWireRoundTrip(
            DescribeMapRunOutput.self,
            #"""
            {"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/ProcessItems:4ab2d6f2",
             "executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1",
             "status": "SUCCEEDED", "startDate": 1732780800.123, "stopDate": 1732780900.456,
             "maxConcurrency": 1000, "toleratedFailurePercentage": 2.5, "toleratedFailureCount": 10,
             "itemCounts": {"pending": 0, "running": 0, "succeeded": 1000, "failed": 0, "timedOut": 0, "aborted": 0,
                            "total": 1000, "resultsWritten": 1000, "failuresNotRedrivable": 0, "pendingRedrive": 0},
             "executionCounts": {"pending": 0, "running": 0, "succeeded": 10, "failed": 0, "timedOut": 0, "aborted": 0,
                                 "total": 10, "resultsWritten": 10},
             "redriveCount": 0}
            """#)
        #expect(output.itemCounts.total == 1000)
        #expect(output.status == .succeeded)
    }

    @Test func listAndUpdateMapRuns() throws {
        try expectWireRoundTrip(
            ListMapRunsInput.self,
            #"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1", "maxResults": 10}"#)
        try expectWireRoundTrip(
            ListMapRunsOutput.self,
            #"""
            {"mapRuns": [{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1",
                          "mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/ProcessItems:4ab2d6f2",
                          "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
                          "startDate": 1732780800.123}]}
            """#)
        try expectWireRoundTrip(
            UpdateMapRunInput.self,
            #"""
            {"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/ProcessItems:4ab2d6f2",
             "maxConcurrency": 5, "toleratedFailurePercentage": 12.5, "toleratedFailureCount": 3}
            """#)
        try expectWireRoundTrip(UpdateMapRunOutput.self, "{}")
    }
}
