import Engine
import Integrations
import JSONValue
import StepFunctionsAPI
import Testing

/// Mock files in Step Functions Local's format, selected as it selects them (`#TestCase` on
/// the state machine ARN at StartExecution, SFN_MOCK_CONFIG), and what this engine adds:
/// hybrid fall-through to handlers, Map iterations, Activity states.
@Suite struct MockTaskInvokerTests {
    /// A Lambda task with Retry and ResultSelector, then an SQS task: the shape of Step
    /// Functions Local's own mocking example.
    static let definition = """
        {"StartAt": "LambdaState", "States": {
          "LambdaState": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "greet", "Payload.$": "$"},
            "Retry": [{"ErrorEquals": ["Lambda.ResourceNotReadyException", "Lambda.TimeoutException"],
                       "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 1}],
            "Catch": [{"ErrorEquals": ["Greeting.Refused"], "ResultPath": "$.refusal", "Next": "Refused"}],
            "ResultSelector": {"body.$": "$.Payload.body"}, "ResultPath": "$.lambda", "Next": "SQSState"},
          "SQSState": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
            "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q", "MessageBody.$": "$.lambda.body"},
            "ResultSelector": {"id.$": "$.MessageId"}, "ResultPath": "$.sqs", "End": true},
          "Refused": {"Type": "Pass", "End": true}}}
        """

    /// A file as written for Step Functions Local, unchanged.
    static let file = """
        {"StateMachines": {"LambdaSQSIntegration": {"TestCases": {
            "HappyPath": {"LambdaState": "MockedLambdaSuccess", "SQSState": "MockedSQSSuccess"},
            "RetryPath": {"LambdaState": "MockedLambdaRetry", "SQSState": "MockedSQSSuccess"},
            "HybridPath": {"LambdaState": "MockedLambdaSuccess"},
            "RefusedPath": {"LambdaState": "MockedLambdaRefused"}}}},
         "MockedResponses": {
            "MockedLambdaSuccess": {"0": {"Return": {"StatusCode": 200, "Payload": {"StatusCode": 200, "body": "Hello from the mock"}}}},
            "MockedSQSSuccess": {"0": {"Return": {"MD5OfMessageBody": "0c4e3f", "MessageId": "mocked-message"}}},
            "MockedLambdaRetry": {
                "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "not ready"}},
                "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "timed out"}},
                "3": {"Return": {"StatusCode": 200, "Payload": {"StatusCode": 200, "body": "Hello after retries"}}}},
            "MockedLambdaRefused": {"0": {"Throw": {"Error": "Greeting.Refused", "Cause": "no"}}}}}
        """

    /// The service with these settings: the mock file from `scratch`, and an SQS handler
    /// for hybrid runs.
    static func harness(_ scratch: Scratch, testCase: String? = nil, environment: [String: String] = [:]) async throws
        -> (LocalHarness, StateMachineARN)
    {
        try scratch.script("mocks.json", file)
        let settings = LocalRuntimeSettings(
            handlers: [.init(
                pattern: "arn:aws:states:::sqs:sendMessage",
                target: .command(LocalCommand(executable: #"cat > /dev/null; echo '{"MessageId": "from-handler"}'"#, shell: true), timeoutSeconds: 10))],
            mocks: "mocks.json", testCase: testCase)
        let harness = try LocalHarness { services in
            try settings.makeInvoker(projectRoot: scratch.path, services: services, processEnvironment: environment)
        }
        let machine = try await harness.deploy("LambdaSQSIntegration", definition)
        return (harness, machine)
    }

    @Test func happyPathAnswersEveryStateFromTheFile() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (harness, machine) = try await Self.harness(scratch)
        let run = try await harness.run(machine, input: ["name": "Ada"], testCase: "HappyPath")
        #expect(run.status == .succeeded)
        #expect(run.json == ["name": "Ada", "lambda": ["body": "Hello from the mock"], "sqs": ["id": "mocked-message"]])
    }

    @Test func invocationRangesDriveRetries() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (harness, machine) = try await Self.harness(scratch)
        let run = try await harness.run(machine, testCase: "RetryPath")
        #expect(run.status == .succeeded)
        #expect(run.json?["lambda"] == ["body": "Hello after retries"])
        let errors = try await harness.history(run.executionArn).compactMap { $0.taskFailedEventDetails?.error }
        #expect(errors == ["Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException"])
    }

    @Test func mockedErrorIsCaught() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (harness, machine) = try await Self.harness(scratch)
        let run = try await harness.run(machine, testCase: "RefusedPath")
        #expect(run.status == .succeeded)
        #expect(run.json?["refusal"] == ["Error": "Greeting.Refused", "Cause": "no"])
    }

    @Test func unmockedStateFallsThroughToItsHandler() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (harness, machine) = try await Self.harness(scratch)
        let run = try await harness.run(machine, testCase: "HybridPath")
        #expect(run.status == .succeeded, "\(run.cause ?? "")")
        #expect(run.json?["sqs"] == ["id": "from-handler"])
    }

    @Test func withoutATestCaseNothingIsMocked() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (harness, machine) = try await Self.harness(scratch)
        let run = try await harness.run(machine)
        // No handler names the function 'greet': AWS's error, with how to configure it.
        #expect(run.status == .failed)
        #expect(run.error == "Lambda.ResourceNotFoundException")
        #expect(run.cause?.contains("local.handlers") == true)
    }

    @Test func defaultTestCaseAppliesWhenNoneIsNamed() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (harness, machine) = try await Self.harness(scratch, testCase: "HappyPath")
        let run = try await harness.run(machine)
        #expect(run.json?["sqs"] == ["id": "mocked-message"])
    }

    @Test func unknownTestCaseFailsWithTheKnownOnes() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (harness, machine) = try await Self.harness(scratch)
        let run = try await harness.run(machine, testCase: "HapyPath")
        #expect(run.status == .failed)
        #expect(run.error == "States.TaskFailed")
        #expect(run.cause?.contains("no test case 'HapyPath'") == true)
        #expect(run.cause?.contains("HappyPath") == true)
    }

    @Test func environmentVariableNamesTheFile() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let elsewhere = try scratch.script("sfl-mocks.json", Self.file.replacingOccurrences(of: "Hello from the mock", with: "Hello via SFN_MOCK_CONFIG"))
        let (harness, machine) = try await Self.harness(scratch, environment: ["SFN_MOCK_CONFIG": elsewhere])
        let run = try await harness.run(machine, testCase: "HappyPath")
        #expect(run.json?["lambda"] == ["body": "Hello via SFN_MOCK_CONFIG"])
    }

    @Test func testCaseTravelsInTheStateMachineArn() throws {
        let arn = try StateMachineARN(parsing: "arn:aws:states:us-east-1:123456789012:stateMachine:LambdaSQSIntegration#HappyPath")
        #expect(arn.name == "LambdaSQSIntegration")
        #expect(arn.testCase == "HappyPath")
        #expect(arn.description == "arn:aws:states:us-east-1:123456789012:stateMachine:LambdaSQSIntegration#HappyPath")
        #expect(throws: StepFunctionsError.self) {
            try StateMachineARN(parsing: "arn:aws:states:us-east-1:123456789012:stateMachine:LambdaSQSIntegration#")
        }
    }

    @Test func mapIterationsAndActivitiesCanBeMocked() async throws {
        let definition = """
            {"StartAt": "Approve", "States": {
              "Approve": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:approve",
                "ResultPath": "$.approval", "Next": "Each"},
              "Each": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "Work", "States": {
                "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true}}},
                "ResultPath": "$.results", "End": true}}}
            """
        let file: JSON = [
            "StateMachines": ["Batch": ["TestCases": ["T": ["Approve": "Approved", "Work": "Usual", "Work[1]": "Special"]]]],
            "MockedResponses": [
                "Approved": ["0": ["Return": ["approved": true]]],
                "Usual": ["0": ["Return": "usual"]],
                "Special": ["0": ["Throw": ["Error": "Lambda.ServiceException"]], "1": ["Return": "special"]],
            ],
        ]
        let harness = try LocalHarness { _ in
            MockTaskInvoker(configuration: try MockConfiguration(parsing: file), fallback: UnavailableTaskInvoker())
        }
        let machine = try await harness.deploy("Batch", definition.replacingOccurrences(
            of: #""End": true}}},"#,
            with: #""Retry": [{"ErrorEquals": ["Lambda.ServiceException"], "IntervalSeconds": 1}], "End": true}}},"#))
        let run = try await harness.run(machine, input: ["items": [1, 2, 3]], testCase: "T")
        #expect(run.status == .succeeded, "\(run.cause ?? "")")
        #expect(run.json?["approval"] == ["approved": true])
        #expect(run.json?["results"] == ["usual", "special", "usual"])
    }

    /// An integration the environment's settings do not know (an emulator's Glue jobs, say)
    /// joins the built-ins.
    @Test func extraIntegrationsJoinTheRouter() async throws {
        struct Worker: TaskInvoking {
            func invoke(_ request: TaskRequest) async -> TaskOutcome { .success(["worker": .string(request.stateName)]) }
        }
        let glue = "arn:aws:states:::glue:startJobRun"
        let harness = try LocalHarness { services in
            try LocalRuntimeSettings().makeInvoker(
                projectRoot: "/", services: services, processEnvironment: [:], integrations: [glue: Worker()])
        }
        let machine = try await harness.deploy(
            "Act", #"{"StartAt": "Approve", "States": {"Approve": {"Type": "Task", "Resource": "\#(glue).sync", "End": true}}}"#)
        let run = try await harness.run(machine)
        #expect(run.json == ["worker": "Approve"])
    }

    /// An Activity state whose ARN a handler names runs the handler instead of waiting for a
    /// worker; without one it waits for GetActivityTask as on AWS.
    @Test func activityHandlerStandsInForAWorker() async throws {
        let settings = LocalRuntimeSettings(handlers: [.init(
            pattern: "arn:aws:states:*:*:activity:approve",
            target: .command(LocalCommand(executable: #"cat > /dev/null; echo '{"approved": "by handler"}'"#, shell: true), timeoutSeconds: 10))])
        let harness = try LocalHarness { services in
            try settings.makeInvoker(projectRoot: "/", services: services, processEnvironment: [:])
        }
        let machine = try await harness.deploy(
            "Act", #"{"StartAt": "Approve", "States": {"Approve": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:approve", "End": true}}}"#)
        let run = try await harness.run(machine)
        #expect(run.json == ["approved": "by handler"], "\(run.cause ?? "")")
        let events = try await harness.history(run.executionArn).map(\.type.rawValue)
        #expect(events.contains("ActivitySucceeded"))
    }

    @Test func iterationKeyReachesIntoParallelBranches() async throws {
        let definition = """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemProcessor": {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "Work", "States": {
                "Work": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}}]}}}, "End": true}}}
            """
        let file: JSON = [
            "StateMachines": ["Nested": ["TestCases": ["T": ["Work": "Usual", "Work[1]": "Special"]]]],
            "MockedResponses": ["Usual": ["0": ["Return": "usual"]], "Special": ["0": ["Return": "special"]]],
        ]
        let harness = try LocalHarness { _ in MockTaskInvoker(configuration: try MockConfiguration(parsing: file)) }
        let machine = try await harness.deploy("Nested", definition)
        let run = try await harness.run(machine, input: [1, 2], testCase: "T")
        #expect(run.json == [["usual"], ["special"]], "\(run.cause ?? "")")
    }

    @Test func mockFileProblemsAreReportedWithPaths() throws {
        let error = #expect(throws: MockConfigurationError.self) {
            try MockConfiguration(parsing: [
                "StateMachines": ["M": ["TestCases": ["T": ["A": "Ok", "B": "Okk", "C": 3]]]],
                "MockedResponses": ["Ok": ["0": ["Return": 1], "0-1": ["Return": 2], "2": ["Throw": ["Cause": "x"]], "3": [:]]],
            ])
        }
        let problems = try #require(error).problems.map { "\($0.path): \($0.message)" }
        #expect(problems.contains("$.MockedResponses.Ok.0-1: the invocations 0-1 overlap the range 0-0"))
        #expect(problems.contains("$.MockedResponses.Ok.2.Throw.Error: a 'Throw' needs a string 'Error'"))
        #expect(problems.contains("$.MockedResponses.Ok.3: each invocation needs exactly one of 'Return' or 'Throw'"))
        #expect(problems.contains(#"$.StateMachines.M.TestCases.T.B: the mocked response 'Okk' is not defined in 'MockedResponses' (did you mean "Ok"?)"#))
        #expect(problems.contains("$.StateMachines.M.TestCases.T.C: the state 'C' must name a mocked response (a string)"))
        #expect(problems.count == 5)
    }

    @Test func stateNameTyposAreFound() throws {
        let mocks = try MockConfiguration(parsing: try JSON.parse(Self.file))
        let known: Set<String> = ["LambdaState", "SQSState", "Refused"]
        #expect(mocks.unknownStates(of: "LambdaSQSIntegration", stateNames: known) == [])
        let typo = try MockConfiguration(parsing: [
            "StateMachines": ["M": ["TestCases": ["T": ["LambdaStat": "R", "SQSState[2]": "R"]]]],
            "MockedResponses": ["R": ["0": ["Return": 1]]],
        ])
        let definition: JSON = ["StartAt": "LambdaState", "States": [
            "LambdaState": ["Type": "Pass", "Next": "Both"],
            "Both": ["Type": "Parallel", "End": true, "Branches": [["StartAt": "SQSState", "States": ["SQSState": ["Type": "Succeed"]]]]],
        ]]
        #expect(typo.unknownStates(of: "M", in: definition) == [
            #"test case 'T' of 'M' mocks the state 'LambdaStat', which the state machine does not have (did you mean "LambdaState"?)"#
        ])
        #expect(typo.unknownStates(of: "M", stateNames: known) == [
            #"test case 'T' of 'M' mocks the state 'LambdaStat', which the state machine does not have (did you mean "LambdaState"?)"#
        ])
    }
}
