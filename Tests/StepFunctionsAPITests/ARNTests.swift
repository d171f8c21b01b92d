import StepFunctionsAPI
import Testing

@Suite struct ARNTests {
    @Test func parsesAndFormatsAStateMachine() throws {
        let text = "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld"
        let arn = try StateMachineARN(parsing: text)
        #expect(arn.scope == scope)
        #expect(arn.name == "HelloWorld")
        #expect(arn.qualifier == nil)
        #expect(arn.description == text)
    }

    @Test(arguments: [
        ("arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:7", StateMachineARN.Qualifier.version(7)),
        ("arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live", .alias("live")),
        ("arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:1a", .alias("1a")),
    ])
    func tellsVersionsFromAliases(text: String, qualifier: StateMachineARN.Qualifier) throws {
        let arn = try StateMachineARN(parsing: text)
        #expect(arn.qualifier == qualifier)
        #expect(arn.unqualified == machineARN)
        #expect(arn.description == text)
    }

    @Test func parsesMapStateLabelledMachines() throws {
        let text = "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld/ProcessItems"
        let arn = try StateMachineARN(parsing: text)
        #expect(arn.name == "HelloWorld")
        #expect(arn.mapStateLabel == "ProcessItems")
        #expect(arn.description == text)
        #expect(arn == machineARN.mapState(labelled: "ProcessItems"))
        #expect(arn.unqualified == machineARN)
        let child = try ExecutionARN(parsing: "arn:aws:states:us-east-1:123456789012:execution:HelloWorld/ProcessItems:c1")
        #expect(child.stateMachine == arn)
        let run = try MapRunARN(parsing: "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld/ProcessItems:4ab2d6f2")
        #expect(run.stateMachine == arn)
    }

    @Test func buildsQualifiedARNs() {
        #expect(machineARN.version(3).description == "arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:3")
        #expect(machineARN.alias("prod").aliasName == "prod")
        #expect(machineARN.version(3).versionNumber == 3)
    }

    @Test(arguments: [
        (
            "arn:aws:states:us-east-1:123456789012:execution:HelloWorld:run-1", "HelloWorld", nil as String?, "run-1",
            nil as String?
        ),
        (
            "arn:aws:states:us-east-1:123456789012:express:HelloWorld:run-1:0b6f6a8c-1f2e-4b3c-9d4e-5f6a7b8c9d0e",
            "HelloWorld", nil, "run-1", "0b6f6a8c-1f2e-4b3c-9d4e-5f6a7b8c9d0e"
        ),
        (
            "arn:aws:states:us-east-1:123456789012:execution:HelloWorld/ProcessItems:1f2e3d4c-aaaa-bbbb-cccc-000000000001",
            "HelloWorld", "ProcessItems", "1f2e3d4c-aaaa-bbbb-cccc-000000000001", nil
        ),
    ])
    func parsesEveryExecutionForm(text: String, machine: String, label: String?, name: String, expressId: String?)
        throws
    {
        let arn = try ExecutionARN(parsing: text)
        #expect(arn.stateMachineName == machine)
        #expect(arn.mapRunLabel == label)
        #expect(arn.name == name)
        #expect(arn.expressId == expressId)
        #expect(arn.isExpress == (expressId != nil))
        #expect(arn.description == text)
        #expect(arn.stateMachine.name == machine)
    }

    @Test func relatesMapRunsToTheirChildren() throws {
        let text =
            "arn:aws:states:us-west-2:123456789012:mapRun:HelloWorld/ProcessItems:4ab2d6f2-0f1e-3c3d-9a5b-0c1d2e3f4a5b"
        let run = try MapRunARN(parsing: text)
        #expect(run.label == "ProcessItems")
        #expect(run.description == text)
        #expect(
            run.childExecution(named: "child-1").description
                == "arn:aws:states:us-west-2:123456789012:execution:HelloWorld/ProcessItems:child-1")
    }

    @Test func parsesActivitiesAndOtherPartitions() throws {
        let activity = try ActivityARN(parsing: "arn:aws-cn:states:cn-north-1:123456789012:activity:Approve")
        #expect(activity.scope.partition == "aws-cn")
        #expect(activity.name == "Approve")
        #expect(
            scope.activity(named: "Approve").description == "arn:aws:states:us-east-1:123456789012:activity:Approve")
    }

    @Test func anyARNDispatchesOnTheResourceType() throws {
        #expect(try StepFunctionsARN(parsing: machineARN.description) == .stateMachine(machineARN))
        let activity = scope.activity(named: "A")
        #expect(try StepFunctionsARN(parsing: activity.description) == .activity(activity))
        #expect(try StepFunctionsARN(parsing: activity.description).scope == scope)
    }

    @Test(arguments: [
        ("HelloWorld", "Invalid Arn: 'Invalid ARN prefix: HelloWorld'"),
        (
            "arn:aws:lambda:us-east-1:123456789012:function:F",
            "Invalid Arn: 'Invalid ARN prefix: arn:aws:lambda:us-east-1:123456789012:function:F'"
        ),
        ("arn:aws:states:us-east-1:1234:stateMachine:M", "Invalid Arn: 'Invalid account ID: 1234'"),
        (
            "arn:aws:states:us-east-1:123456789012:execution:M:e",
            "Invalid Arn: 'Resource type not valid in this context: execution'"
        ),
        (
            "arn:aws:states:us-east-1:123456789012:stateMachine:",
            "Invalid Arn: 'Invalid ARN: arn:aws:states:us-east-1:123456789012:stateMachine:'"
        ),
        (
            "arn:aws:states:us-east-1:123456789012:stateMachine:M:1:2",
            "Invalid Arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:M:1:2'"
        ),
        ("arn:aws:states:us-east-1:123456789012:stateMachine:M:0", "Invalid Arn: 'Invalid version number: 0'"),
        ("arn:aws:states:us-east-1:123456789012:stateMachine:M/", "Invalid Arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:M/'"),
    ])
    func rejectsMalformedStateMachineARNs(text: String, message: String) {
        #expect {
            try StateMachineARN(parsing: text)
        } throws: { error in
            let error = error as? StepFunctionsError
            return error?.code == .invalidArn && error?.message == message
        }
    }

    @Test(arguments: [
        "arn:aws:states:us-east-1:123456789012:stateMachine:M",
        "arn:aws:states:us-east-1:123456789012:execution:M",
        "arn:aws:states:us-east-1:123456789012:express:M:e",
        "arn:aws:states:us-east-1:123456789012:execution:/label:e",
    ])
    func rejectsMalformedExecutionARNs(text: String) {
        #expect(throws: StepFunctionsError.self) { try ExecutionARN(parsing: text) }
    }

    @Test func rejectsMalformedMapRunARNs() {
        #expect(throws: StepFunctionsError.self) {
            try MapRunARN(parsing: "arn:aws:states:us-east-1:123456789012:mapRun:HelloWorld:id")
        }
    }

    @Test func decodesAsTextAndFailsWithInvalidArn() throws {
        struct Holder: Codable, Equatable { var stateMachineArn: StateMachineARN }
        let holder = try expectWireRoundTrip(
            Holder.self, #"{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld:live"}"#)
        #expect(holder.stateMachineArn.aliasName == "live")
        #expect {
            try APICoding.decodeRequest(Holder.self, from: Array(#"{"stateMachineArn":"nope"}"#.utf8))
        } throws: { ($0 as? StepFunctionsError)?.code == .invalidArn }
    }
}
