import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JSONValue
import Server
import StepFunctionsAPI
import Testing

/// The protocol as SDKs see it: each test body runs against the router in memory and against a
/// live server over loopback.
@Suite struct StepFunctionsServerTests {
    @Test(arguments: Mode.allCases)
    func createDescribeAndListAnswerFromTheService(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let created = try await call(client, .createStateMachine, createBody("Orders"))
            #expect(created.status == .ok)
            #expect(created.headers[.contentType] == "application/x-amz-json-1.0")
            let output = try APICoding.decode(CreateStateMachineOutput.self, from: Array(buffer: created.body))
            #expect(output.stateMachineArn.description == "arn:aws:states:us-east-1:123456789012:stateMachine:Orders")

            let described = try await call(
                client, .describeStateMachine, #"{"stateMachineArn":"\#(output.stateMachineArn)"}"#)
            #expect(described.status == .ok)
            let machine = try APICoding.decode(DescribeStateMachineOutput.self, from: Array(buffer: described.body))
            #expect(machine.name == "Orders")
            #expect(machine.type == .standard)

            let listed = try await call(client, .listStateMachines, "")
            #expect(listed.status == .ok)
            #expect(json(listed)?.objectValue?["stateMachines"]?.arrayValue?.count == 1)
        }
    }

    @Test(arguments: Mode.allCases)
    func everyResponseHasItsOwnRequestID(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let first = try await call(client, .listStateMachines, "{}")
            let second = try await call(client, target: nil, body: "{}")
            let health = try await client.execute(uri: "/health", method: .get)
            let ids = [first, second, health].compactMap { $0.headers[.amznRequestId] }
            #expect(ids.count == 3)
            #expect(Set(ids).count == 3)
        }
    }

    @Test(arguments: Mode.allCases)
    func unknownActionIsUnknownOperationException(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let response = try await call(client, target: "AWSStepFunctions.LaunchRocket", body: "{}")
            expectAWSError(
                response, status: .badRequest, type: "UnknownOperationException", messageContains: "LaunchRocket")
            let otherService = try await call(client, target: "AmazonSQS.ListQueues", body: "{}")
            expectAWSError(otherService, status: .badRequest, type: "UnknownOperationException")
        }
    }

    @Test(arguments: Mode.allCases)
    func missingTargetIsUnknownOperationException(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let response = try await call(client, target: nil, body: "{}")
            expectAWSError(
                response, status: .badRequest, type: "UnknownOperationException", messageContains: "X-Amz-Target")
        }
    }

    @Test(arguments: Mode.allCases)
    func malformedJSONIsSerializationException(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let deep = String(repeating: "[", count: 100_000)
            for body in [#"{"name": "#, "[1, 2]", "null", "not json", #"{"name": "x",}"#, "{} {}", deep] {
                let response = try await call(client, .createStateMachine, body)
                expectAWSError(response, status: .badRequest, type: "SerializationException")
            }
            let invalidUTF8 = try await client.execute(
                uri: "/", method: .post, headers: [.amzTarget: StepFunctionsAction.createStateMachine.target],
                body: ByteBuffer(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]))
            expectAWSError(invalidUTF8, status: .badRequest, type: "SerializationException")
        }
    }

    @Test(arguments: Mode.allCases)
    func wrongValueTypeIsSerializationException(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let response = try await call(
                client, .createStateMachine, #"{"name": 5, "definition": "{}", "roleArn": "arn:aws:iam::1:role/r"}"#)
            expectAWSError(response, status: .badRequest, type: "SerializationException", messageContains: "name")
        }
    }

    @Test(arguments: Mode.allCases)
    func missingMemberIsValidationException(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let response = try await call(client, .createStateMachine, #"{"name": "Orders"}"#)
            expectAWSError(
                response, status: .badRequest, type: "ValidationException", messageContains: "Member must not be null")
        }
    }

    @Test(arguments: Mode.allCases)
    func invalidAndUnknownARNs(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let invalid = try await call(client, .describeStateMachine, #"{"stateMachineArn": "not-an-arn"}"#)
            expectAWSError(invalid, status: .badRequest, type: "InvalidArn")
            let unknown = try await call(
                client, .describeStateMachine,
                #"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:Nope"}"#)
            expectAWSError(unknown, status: .badRequest, type: "StateMachineDoesNotExist", messageContains: "Nope")
        }
    }

    @Test(arguments: Mode.allCases)
    func theServicesOwnErrorsPassThrough(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let response = try await call(client, .listActivities, "{}")
            expectAWSError(response, status: .badRequest, type: "NotImplemented", messageContains: "ListActivities")
            let badName = try await call(client, .createStateMachine, createBody("has space"))
            expectAWSError(badName, status: .badRequest, type: "InvalidName")
        }
    }

    @Test(arguments: Mode.allCases)
    func bodiesOverOneMegabyteAreRequestEntityTooLarge(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let padding = String(repeating: " ", count: ServerConfiguration.defaultMaxRequestBodySize)
            let response = try await call(client, .listStateMachines, "{}" + padding)
            expectAWSError(response, status: .contentTooLarge, type: "RequestEntityTooLargeException")
            // The server keeps serving on the same client afterwards.
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test(arguments: Mode.allCases)
    func aBodyOfExactlyTheLimitIsRead(mode: Mode) async throws {
        let configuration = ServerConfiguration(maxRequestBodySize: 64)
        try await makeServer(configuration: configuration).application().test(mode.setup) { client in
            let exact = "{}" + String(repeating: " ", count: 62)
            #expect(try await call(client, .listStateMachines, exact).status == .ok)
            let over = exact + " "
            expectAWSError(
                try await call(client, .listStateMachines, over), status: .contentTooLarge,
                type: "RequestEntityTooLargeException", messageContains: "64 bytes")
        }
    }

    @Test(arguments: Mode.allCases)
    func healthAnswersOK(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(json(response) == ["status": "ok"])
        }
    }

    @Test(arguments: Mode.allCases)
    func wrongMethodAndPathAreAWSErrors(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let get = try await client.execute(uri: "/", method: .get)
            expectAWSError(get, status: .methodNotAllowed, type: "UnknownOperationException", messageContains: "GET")
            let path = try await client.execute(
                uri: "/2015-03-31/functions", method: .post, headers: [.amzTarget: "AWSStepFunctions.ListActivities"],
                body: ByteBuffer(string: "{}"))
            expectAWSError(
                path, status: .notFound, type: "UnknownOperationException", messageContains: "/2015-03-31/functions")
        }
    }
}
