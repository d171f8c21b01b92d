import StepFunctionsAPI
import Testing

@Suite struct ActivityAndTagShapesTests {
    @Test func activities() throws {
        try expectWireRoundTrip(
            CreateActivityInput.self,
            #"{"name": "Approve", "tags": [{"key": "k", "value": "v"}], "encryptionConfiguration": {"type": "AWS_OWNED_KEY"}}"#
        )
        try expectWireRoundTrip(
            CreateActivityOutput.self,
            #"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:Approve", "creationDate": 1732780800.123}"#
        )
        try expectWireRoundTrip(
            DescribeActivityInput.self, #"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:Approve"}"#)
        try expectWireRoundTrip(
            DescribeActivityOutput.self,
            #"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:Approve", "name": "Approve", "creationDate": 1732780800.123}"#
        )
        try expectWireRoundTrip(ListActivitiesInput.self, #"{"maxResults": 2}"#)
        try expectWireRoundTrip(
            ListActivitiesOutput.self,
            #"""
            {"activities": [{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:Approve", "name": "Approve",
                             "creationDate": 1732780800.123}], "nextToken": "t"}
            """#)
        try expectWireRoundTrip(
            DeleteActivityInput.self, #"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:Approve"}"#)
        try expectWireRoundTrip(DeleteActivityOutput.self, "{}")
    }

    @Test func taskTokens() throws {
        try expectWireRoundTrip(
            GetActivityTaskInput.self,
            #"{"activityArn": "arn:aws:states:us-east-1:123456789012:activity:Approve", "workerName": "worker-1"}"#)
        try expectWireRoundTrip(GetActivityTaskOutput.self, #"{"taskToken": "AAAA", "input": "{\"order\":1}"}"#)
        try expectWireRoundTrip(GetActivityTaskOutput.self, "{}")
        try expectWireRoundTrip(SendTaskSuccessInput.self, #"{"taskToken": "AAAA", "output": "{\"approved\":true}"}"#)
        try expectWireRoundTrip(SendTaskSuccessOutput.self, "{}")
        try expectWireRoundTrip(
            SendTaskFailureInput.self, #"{"taskToken": "AAAA", "error": "Rejected", "cause": "no budget"}"#)
        try expectWireRoundTrip(SendTaskFailureOutput.self, "{}")
        try expectWireRoundTrip(SendTaskHeartbeatInput.self, #"{"taskToken": "AAAA"}"#)
        try expectWireRoundTrip(SendTaskHeartbeatOutput.self, "{}")
    }

    @Test func tags() throws {
        let tag = try expectWireRoundTrip(
            TagResourceInput.self,
            #"""
            {"resourceArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
             "tags": [{"key": "sfn:workflow", "value": "etl"}, {"key": "sfn:env", "value": "dev"}]}
            """#)
        #expect(tag.resourceArn == .stateMachine(machineARN))
        try expectWireRoundTrip(TagResourceOutput.self, "{}")
        try expectWireRoundTrip(
            UntagResourceInput.self,
            #"{"resourceArn": "arn:aws:states:us-east-1:123456789012:activity:Approve", "tagKeys": ["sfn:env"]}"#)
        try expectWireRoundTrip(UntagResourceOutput.self, "{}")
        try expectWireRoundTrip(
            ListTagsForResourceInput.self, #"{"resourceArn": "arn:aws:states:us-east-1:123456789012:activity:Approve"}"#
        )
        try expectWireRoundTrip(ListTagsForResourceOutput.self, #"{"tags": [{"key": "k", "value": ""}]}"#)
    }
}
