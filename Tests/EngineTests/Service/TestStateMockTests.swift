import Foundation
import Engine
import JSONValue
import StepFunctionsAPI
import Testing

/// TestState with the November 2025 additions: AWS's rules on mocks (messages as AWS answers
/// them), mocked Map and Parallel states, `stateConfiguration`, the DEBUG value after every
/// data-flow step, and the retrier or catcher that handled an error.
@Suite struct TestStateMockTests {
    let client = StepFunctionsClient(transport: LoopbackTransport(service: LocalStepFunctionsService()))

    func test(_ input: TestStateInput) async throws -> TestStateOutput {
        try await client.testState(input)
    }

    /// The error a request gets, or nil when it is accepted.
    func rejection(_ input: TestStateInput) async -> StepFunctionsError? {
        do {
            _ = try await client.testState(input)
            return nil
        } catch {
            return error as? StepFunctionsError
        }
    }

    static let result = MockInput(result: #"{"ok":true}"#)
    static let map = #"""
        {"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ToleratedFailureCount":1,
         "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}}},
         "Catch":[{"ErrorEquals":["States.ExceedToleratedFailureThreshold"],"ResultPath":"$.error","Next":"TooMany"}],
         "ResultPath":"$.results","Next":"Done"}
        """#

    @Test func mocksAreRefusedWhereAWSRefusesThem() async {
        let pass = await rejection(TestStateInput(definition: #"{"Type":"Pass","End":true}"#, mock: Self.result))
        #expect(pass?.code == .validationException)
        #expect(pass?.message == "State type 'Pass' is not supported when a mock is specified")

        let task = #"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}"#
        let both = await rejection(
            TestStateInput(
                definition: task,
                mock: MockInput(result: "{}", errorOutput: MockErrorOutput(error: "E"))))
        #expect(both?.message == "A test mock should have only one of the following fields: [result, errorOutput].")

        let secrets = await rejection(TestStateInput(definition: task, revealSecrets: true, mock: Self.result))
        #expect(secrets?.message == "TestState does not support RevealSecrets when a mock is specified.")

        let context = await rejection(TestStateInput(definition: task, context: #"{"Execution":{}}"#))
        #expect(context?.code == .validationException)

        let unmocked = await rejection(TestStateInput(definition: Self.map))
        #expect(unmocked?.code == .invalidDefinition)
        #expect(unmocked?.message.hasPrefix("TestState API does not support Map or Parallel states.") == true)

        let notArray = await rejection(TestStateInput(definition: Self.map, mock: Self.result))
        #expect(notArray?.message == "Mocked result must be an array.")

        let parallel = #"""
            {"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}
            """#
        let wrongCount = await rejection(TestStateInput(definition: parallel, mock: MockInput(result: "[1]")))
        #expect(wrongCount?.message == "Mocked result must contain the same number of items as number of Parallel branches.")

        let elsewhere = await rejection(
            TestStateInput(
                definition: parallel, mock: MockInput(errorOutput: MockErrorOutput(error: "E")),
                stateConfiguration: TestStateConfiguration(errorCausedByState: "Nowhere")))
        #expect(elsewhere?.code == .validationException)
        #expect(
            await rejection(
                TestStateInput(
                    definition: parallel, mock: MockInput(errorOutput: MockErrorOutput(error: "E")),
                    stateConfiguration: TestStateConfiguration(errorCausedByState: "B"))) == nil)
    }

    @Test func aMockedParallelRunsItsDataFlowAroundTheResult() async throws {
        let parallel = #"""
            {"Type":"Parallel","Next":"After","InputPath":"$.in","ResultSelector":{"first.$":"$[0]"},"ResultPath":"$.r",
             "Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                         {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}
            """#
        let output = try await test(
            TestStateInput(
                definition: parallel, input: #"{"in":{"k":1}}"#, inspectionLevel: .debug,
                mock: MockInput(result: #"["a","b"]"#)))
        #expect(output.status == .succeeded)
        #expect(output.nextState == "After")
        #expect(output.output == #"{"in":{"k":1},"r":{"first":"a"}}"#)
        #expect(output.inspectionData?.afterInputPath == #"{"k":1}"#)
        #expect(output.inspectionData?.result == #"["a","b"]"#)
        #expect(output.inspectionData?.afterResultSelector == #"{"first":"a"}"#)
        #expect(output.inspectionData?.afterParameters == nil)
    }

    @Test func aMockedMapAndItsToleratedFailures() async throws {
        func run(failures: Int) async throws -> TestStateOutput {
            try await test(
                TestStateInput(
                    definition: Self.map, input: #"{"items":[1,2,3]}"#, inspectionLevel: .debug,
                    mock: MockInput(result: "[10,20,30]"),
                    stateConfiguration: TestStateConfiguration(mapIterationFailureCount: failures)))
        }
        let within = try await run(failures: 1)
        #expect(within.status == .succeeded)
        #expect(within.nextState == "Done")
        #expect(within.output.flatMap { try? JSON.parse($0) } == ["items": [1, 2, 3], "results": [10, 20, 30]])
        #expect(within.inspectionData?.afterItemsPath == "[1,2,3]")
        #expect(within.inspectionData?.maxConcurrency == 2)
        #expect(within.inspectionData?.toleratedFailureCount == 1)

        let selecting = try await test(
            TestStateInput(
                definition: Self.map.replacingOccurrences(
                    of: #""MaxConcurrency":2,"#, with: #""ItemSelector":{"n.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index"},"#),
                input: #"{"items":["a","b"]}"#, inspectionLevel: .debug, mock: MockInput(result: "[1,2]")))
        #expect(selecting.inspectionData?.afterItemSelector == #"[{"n":"a","i":0},{"n":"b","i":1}]"#)
        #expect(selecting.inspectionData?.maxConcurrency == 0)

        let beyond = try await run(failures: 2)
        #expect(beyond.status == .caughtError)
        #expect(beyond.error == "States.ExceedToleratedFailureThreshold")
        #expect(beyond.nextState == "TooMany")
        #expect(beyond.inspectionData?.errorDetails?.catchIndex == 0)
    }

    @Test func debugShowsTheValueAfterEveryStep() async throws {
        let task = #"""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.req",
             "Parameters":{"FunctionName":"f","Payload.$":"$"},"ResultSelector":{"v.$":"$.Payload"},
             "ResultPath":"$.res","OutputPath":"$.res","End":true}
            """#
        let output = try await test(
            TestStateInput(
                definition: task, input: #"{"req":{"x":1},"other":2}"#, inspectionLevel: .debug,
                mock: MockInput(result: #"{"Payload":42}"#)))
        let data = try #require(output.inspectionData)
        #expect(data.input == #"{"req":{"x":1},"other":2}"#)
        #expect(data.afterInputPath == #"{"x":1}"#)
        #expect(data.afterParameters == #"{"FunctionName":"f","Payload":{"x":1}}"#)
        #expect(data.result == #"{"Payload":42}"#)
        #expect(data.afterResultSelector == #"{"v":42}"#)
        // ResultPath puts the result into the raw input, not the input after InputPath.
        #expect(data.afterResultPath == #"{"req":{"x":1},"other":2,"res":{"v":42}}"#)
        #expect(output.output == #"{"v":42}"#)

        let pass = try await test(
            TestStateInput(
                definition: #"{"Type":"Pass","Parameters":{"n.$":"$.a"},"ResultPath":"$.p","End":true}"#,
                input: #"{"a":1}"#, inspectionLevel: .debug))
        #expect(pass.inspectionData?.afterParameters == #"{"n":1}"#)
        #expect(pass.inspectionData?.afterResultPath == #"{"a":1,"p":{"n":1}}"#)
    }

    @Test func activitiesAndWaitingTasksRunOnlyWithAMock() async throws {
        let activity = #"{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:work","End":true}"#
        let waiting = #"""
            {"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
             "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"ResultPath":"$.reply","End":true}
            """#
        for definition in [activity, waiting] {
            #expect(await rejection(TestStateInput(definition: definition))?.code == .invalidDefinition)
        }
        let answered = try await test(
            TestStateInput(definition: activity, input: #"{"a":1}"#, inspectionLevel: .debug, mock: Self.result))
        #expect(answered.status == .succeeded)
        #expect(answered.output == #"{"ok":true}"#)
        #expect(answered.inspectionData?.result == #"{"ok":true}"#)
        let replied = try await test(TestStateInput(definition: waiting, input: #"{"a":1}"#, mock: Self.result))
        #expect(replied.status == .succeeded)
        #expect(replied.output == #"{"a":1,"reply":{"ok":true}}"#)
    }

    @Test func aRetriableErrorNamesItsRetrierAndBackoff() async throws {
        let task = #"""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true,
             "Retry":[{"ErrorEquals":["Other"]},
                      {"ErrorEquals":["Flaky"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":3}]}
            """#
        let output = try await test(
            TestStateInput(
                definition: task, inspectionLevel: .debug,
                mock: MockInput(errorOutput: MockErrorOutput(error: "Flaky", cause: "again")),
                stateConfiguration: TestStateConfiguration(retrierRetryCount: 1)))
        #expect(output.status == .retriable)
        #expect(output.inspectionData?.errorDetails?.retryIndex == 1)
        #expect(output.inspectionData?.errorDetails?.retryBackoffIntervalSeconds == 6)
    }
}
