import JSONValue
import StepFunctionsAPI
import Testing

@Suite struct StateMachineShapesTests {
    @Test func createStateMachineInputUsesAWSNames() throws {
        let input = try expectWireRoundTrip(
            CreateStateMachineInput.self,
            #"""
            {
              "name": "HelloWorld",
              "definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
              "roleArn": "arn:aws:iam::123456789012:role/service-role/StepFunctions-HelloWorld",
              "type": "EXPRESS",
              "loggingConfiguration": {
                "level": "ERROR",
                "includeExecutionData": true,
                "destinations": [{"cloudWatchLogsLogGroup": {"logGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:sfn:*"}}]
              },
              "tags": [{"key": "team", "value": "data"}],
              "tracingConfiguration": {"enabled": true},
              "publish": true,
              "versionDescription": "first",
              "encryptionConfiguration": {"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": "alias/sfn", "kmsDataKeyReusePeriodSeconds": 300}
            }
            """#)
        #expect(input.type == .express)
        #expect(input.loggingConfiguration?.level == .error)
        #expect(input.encryptionConfiguration?.type == .customerManagedKmsKey)
    }

    @Test func leavesAbsentOptionalsOut() throws {
        let input = CreateStateMachineInput(name: "M", definition: "{}", roleArn: "arn:aws:iam::123456789012:role/R")
        #expect(
            try wireJSON(input) == ["name": "M", "definition": "{}", "roleArn": "arn:aws:iam::123456789012:role/R"])
    }

    @Test func createStateMachineOutput() throws {
        let output = try expectWireRoundTrip(
            CreateStateMachineOutput.self,
            #"""
            {"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
             "creationDate": 1732780800.123,
             "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:1"}
            """#)
        #expect(output.stateMachineVersionArn?.versionNumber == 1)
    }

    @Test func describeStateMachine() throws {
        try expectWireRoundTrip(
            DescribeStateMachineInput.self,
            #"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live", "includedData": "METADATA_ONLY"}"#
        )
        let output = try expectWireRoundTrip(
            DescribeStateMachineOutput.self,
            #"""
            {"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
             "name": "HelloWorld", "status": "ACTIVE", "definition": "{}",
             "roleArn": "arn:aws:iam::123456789012:role/R", "type": "STANDARD",
             "creationDate": 1732780800.5,
             "loggingConfiguration": {"level": "OFF", "includeExecutionData": false},
             "tracingConfiguration": {"enabled": false},
             "revisionId": "1a2b3c", "description": "v2",
             "encryptionConfiguration": {"type": "AWS_OWNED_KEY"},
             "variableReferences": {"Load": ["bucket", "key"]}}
            """#)
        #expect(output.status == .active)
        #expect(output.variableReferences?["Load"] == ["bucket", "key"])
    }

    @Test func describeStateMachineForExecution() throws {
        try expectWireRoundTrip(
            DescribeStateMachineForExecutionInput.self,
            #"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1", "includedData": "ALL_DATA"}"#
        )
        try expectWireRoundTrip(
            DescribeStateMachineForExecutionOutput.self,
            #"""
            {"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
             "name": "HelloWorld", "definition": "{}", "roleArn": "arn:aws:iam::123456789012:role/R",
             "updateDate": 1732780800, "label": "ProcessItems", "revisionId": "r1",
             "mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/ProcessItems:4ab2d6f2",
             "loggingConfiguration": {"level": "ALL"}, "tracingConfiguration": {"enabled": true}}
            """#)
    }

    @Test func updateStateMachine() throws {
        try expectWireRoundTrip(
            UpdateStateMachineInput.self,
            #"""
            {"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
             "definition": "{}", "roleArn": "arn:aws:iam::123456789012:role/R", "publish": true,
             "versionDescription": "raise retries", "tracingConfiguration": {"enabled": false}}
            """#)
        try expectWireRoundTrip(
            UpdateStateMachineOutput.self,
            #"""
            {"updateDate": 1732780800.001, "revisionId": "r2",
             "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:2"}
            """#)
    }

    @Test func deleteAndList() throws {
        try expectWireRoundTrip(
            DeleteStateMachineInput.self,
            #"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld"}"#)
        try expectWireRoundTrip(DeleteStateMachineOutput.self, "{}")
        try expectWireRoundTrip(ListStateMachinesInput.self, #"{"maxResults": 10, "nextToken": "t"}"#)
        let page = try expectWireRoundTrip(
            ListStateMachinesOutput.self,
            #"""
            {"stateMachines": [{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld",
                                "name": "HelloWorld", "type": "STANDARD", "creationDate": 1732780800.123}],
             "nextToken": "next"}
            """#)
        #expect(page.stateMachines.first?.name == "HelloWorld")
    }
}
