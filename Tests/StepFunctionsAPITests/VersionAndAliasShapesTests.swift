import StepFunctionsAPI
import Testing

@Suite struct VersionAndAliasShapesTests {
    @Test func versions() throws {
        try expectWireRoundTrip(
            PublishStateMachineVersionInput.self,
            #"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld", "revisionId": "r1", "description": "a1b2c3d"}"#
        )
        try expectWireRoundTrip(
            PublishStateMachineVersionOutput.self,
            #"{"creationDate": 1732780800.123, "stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:3"}"#
        )
        try expectWireRoundTrip(
            ListStateMachineVersionsInput.self,
            #"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld", "maxResults": 5}"#)
        let page = try expectWireRoundTrip(
            ListStateMachineVersionsOutput.self,
            #"""
            {"stateMachineVersions": [
              {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:2", "creationDate": 1732780900},
              {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:1", "creationDate": 1732780800}]}
            """#)
        #expect(page.stateMachineVersions.map { $0.stateMachineVersionArn.versionNumber } == [2, 1])
        try expectWireRoundTrip(
            DeleteStateMachineVersionInput.self,
            #"{"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:1"}"#)
        try expectWireRoundTrip(DeleteStateMachineVersionOutput.self, "{}")
    }

    @Test func aliases() throws {
        let create = try expectWireRoundTrip(
            CreateStateMachineAliasInput.self,
            #"""
            {"name": "live", "description": "canary",
             "routingConfiguration": [
               {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:2", "weight": 90},
               {"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:3", "weight": 10}]}
            """#)
        #expect(create.routingConfiguration.map(\.weight) == [90, 10])
        try expectWireRoundTrip(
            CreateStateMachineAliasOutput.self,
            #"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live", "creationDate": 1732780800.123}"#
        )
        try expectWireRoundTrip(
            DescribeStateMachineAliasInput.self,
            #"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live"}"#)
        try expectWireRoundTrip(
            DescribeStateMachineAliasOutput.self,
            #"""
            {"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live",
             "name": "live", "description": "canary", "creationDate": 1732780800.123, "updateDate": 1732780900.5,
             "routingConfiguration": [{"stateMachineVersionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:2", "weight": 100}]}
            """#)
        try expectWireRoundTrip(
            UpdateStateMachineAliasInput.self,
            #"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live", "description": "all in"}"#
        )
        try expectWireRoundTrip(UpdateStateMachineAliasOutput.self, #"{"updateDate": 1732780800.123}"#)
        try expectWireRoundTrip(
            ListStateMachineAliasesInput.self,
            #"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld", "nextToken": "t", "maxResults": 1}"#
        )
        try expectWireRoundTrip(
            ListStateMachineAliasesOutput.self,
            #"""
            {"stateMachineAliases": [{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live",
                                      "creationDate": 1732780800.123}], "nextToken": "t2"}
            """#)
        try expectWireRoundTrip(
            DeleteStateMachineAliasInput.self,
            #"{"stateMachineAliasArn": "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live"}"#)
        try expectWireRoundTrip(DeleteStateMachineAliasOutput.self, "{}")
    }
}
