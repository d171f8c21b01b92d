import Engine
import JSONValue
import StepFunctionsAPI
import Testing

/// TestState through the API's client and `LoopbackTransport`, as an SDK would call it: one
/// state's output and next state, its failure, retriable and caught errors, variables, mocks
/// and the DEBUG inspection data.
@Suite struct TestStateTests {
    let client = StepFunctionsClient(transport: LoopbackTransport(service: LocalStepFunctionsService()))

    func test(
        _ definition: String, input: String = "{}", variables: String? = nil, mock: MockInput? = nil,
        level: InspectionLevel? = nil, stateName: String? = nil, retryCount: Int? = nil
    ) async throws -> TestStateOutput {
        try await client.testState(
            TestStateInput(
                definition: definition, roleArn: "arn:aws:iam::123456789012:role/sfn", input: input,
                inspectionLevel: level, variables: variables, stateName: stateName, mock: mock,
                stateConfiguration: retryCount.map { TestStateConfiguration(retrierRetryCount: $0) }))
    }

    @Test func aPassStatesOutputAndNextState() async throws {
        let output = try await test(
            #"{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a, $.b)"},"ResultPath":"$.r","Next":"Done"}"#,
            input: #"{"a":2,"b":3}"#)
        #expect(output.status == .succeeded)
        #expect(output.output.flatMap { try? JSON.parse($0) } == ["a": 2, "b": 3, "r": ["sum": 5]])
        #expect(output.nextState == "Done")
        #expect(output.inspectionData == nil)
    }

    @Test func aChoiceNamesTheBranchTaken() async throws {
        let choice = #"{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":10,"Next":"Big"}],"Default":"Small"}"#
        #expect(try await test(choice, input: #"{"n":11}"#).nextState == "Big")
        #expect(try await test(choice, input: #"{"n":1}"#).nextState == "Small")
    }

    @Test func aStateOfAWholeMachineWithVariables() async throws {
        let machine = #"""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Parameters":{"text.$":"States.Format('{}, {}', $greeting, $.name)"},
                   "Assign":{"seen":true},"Next":"B"},
              "B":{"Type":"Succeed"}}}
            """#
        let output = try await test(
            machine, input: #"{"name":"Ada"}"#, variables: #"{"greeting":"Hello"}"#, level: .debug, stateName: "A")
        #expect(output.status == .succeeded)
        #expect(output.output == #"{"text":"Hello, Ada"}"#)
        #expect(output.nextState == "B")
        #expect(output.inspectionData?.input == #"{"name":"Ada"}"#)
        #expect(output.inspectionData?.variables == #"{"greeting":"Hello","seen":true}"#)
    }

    @Test func aMockedTaskWithDebugInspection() async throws {
        let task = #"""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
             "Parameters":{"FunctionName":"f","Payload.$":"$"},"ResultSelector":{"v.$":"$.Payload"},"End":true}
            """#
        let output = try await test(
            task, input: #"{"x":1}"#, mock: MockInput(result: #"{"Payload":42}"#), level: .debug)
        #expect(output.status == .succeeded)
        #expect(output.output == #"{"v":42}"#)
        #expect(output.nextState == nil)
        #expect(output.inspectionData?.afterParameters == #"{"FunctionName":"f","Payload":{"x":1}}"#)
        #expect(output.inspectionData?.result == #"{"Payload":42}"#)
    }

    @Test func failuresRetriesAndCatches() async throws {
        let task = #"""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},
             "Retry":[{"ErrorEquals":["Flaky"],"MaxAttempts":2}],
             "Catch":[{"ErrorEquals":["Broken"],"ResultPath":"$.error","Next":"Recover"}],"End":true}
            """#
        let flaky = MockInput(errorOutput: MockErrorOutput(error: "Flaky", cause: "try again"))
        let retriable = try await test(task, mock: flaky)
        #expect(retriable.status == .retriable)
        #expect(retriable.error == "Flaky" && retriable.cause == "try again")
        #expect(try await test(task, mock: flaky, retryCount: 2).status == .failed)

        let caught = try await test(
            task, input: #"{"k":1}"#, mock: MockInput(errorOutput: MockErrorOutput(error: "Broken", cause: "no")))
        #expect(caught.status == .caughtError)
        #expect(caught.nextState == "Recover")
        #expect(caught.error == "Broken")
        #expect(caught.output.flatMap { try? JSON.parse($0) } == ["k": 1, "error": ["Error": "Broken", "Cause": "no"]])

        let failed = try await test(#"{"Type":"Fail","Error":"Custom","Cause":"because"}"#)
        #expect(failed.status == .failed)
        #expect(failed.error == "Custom" && failed.cause == "because")
        #expect(failed.output == nil && failed.nextState == nil)
    }

    @Test func badRequestsAreAWSErrors() async throws {
        await #expect(throws: StepFunctionsError.self) { try await test("{not json") }
        await #expect(throws: StepFunctionsError.self) { try await test(#"{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}"#) }
        await #expect(throws: StepFunctionsError.self) {
            try await test(#"{"Type":"Pass","End":true}"#, variables: "[1]")
        }
        do {
            _ = try await test(#"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}"#, mock: MockInput())
            Issue.record("a mock without result or error was accepted")
        } catch {
            #expect((error as? StepFunctionsError)?.code == .validationException)
        }
    }
}
