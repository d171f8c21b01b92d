import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import StepFunctionsAPI
import Testing

/// Headers of the AWS JSON 1.0 protocol besides the target: content types, signatures.
@Suite struct ActionEndpointTests {
    @Test(arguments: Mode.allCases)
    func acceptsTheProtocolsContentTypePlainJSONOrNone(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let target = StepFunctionsAction.listStateMachines.target
            for contentType in [
                "application/x-amz-json-1.0", "application/json", "Application/X-Amz-JSON-1.0; charset=utf-8", nil,
            ] {
                let response = try await call(client, target: target, body: "{}", contentType: contentType)
                #expect(response.status == .ok, "Content-Type \(contentType ?? "none")")
            }
        }
    }

    @Test(arguments: Mode.allCases)
    func refusesOtherContentTypes(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let response = try await call(
                client, target: StepFunctionsAction.listStateMachines.target, body: "maxResults=1",
                contentType: "application/x-www-form-urlencoded")
            expectAWSError(
                response, status: .badRequest, type: "UnknownOperationException", messageContains: "Content-Type")
        }
    }

    @Test(arguments: Mode.allCases)
    func sigV4AuthorizationIsAcceptedAndIgnored(mode: Mode) async throws {
        try await makeServer().application().test(mode.setup) { client in
            let signed: HTTPFields = [
                .authorization:
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128/us-east-1/states/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef",
                HTTPField.Name("X-Amz-Date")!: "20261128T060000Z",
            ]
            let response = try await call(
                client, target: StepFunctionsAction.listStateMachines.target, body: "{}", extraHeaders: signed)
            #expect(response.status == .ok)
        }
    }

    @Test(arguments: Mode.allCases)
    func aSignatureVerifierSeesTheBodyAndItsErrorIsTheAnswer(mode: Mode) async throws {
        let server = makeServer(signatureVerifier: RefusingUnsignedRequests())
        try await server.application().test(mode.setup) { client in
            let unsigned = try await call(client, .createStateMachine, createBody("Orders"))
            expectAWSError(unsigned, status: .badRequest, type: "IncompleteSignature", messageContains: "bytes")
            let signed = try await call(
                client, target: StepFunctionsAction.createStateMachine.target, body: createBody("Orders"),
                extraHeaders: [.authorization: "AWS4-HMAC-SHA256 Credential=test"])
            #expect(signed.status == .ok)
        }
        // The refused request never reached the service.
        #expect(await server.service.machines.all().count == 1)
    }

    @Test(arguments: Mode.allCases)
    func logsOneStructuredLineWithoutBodyOrCredentials(mode: Mode) async throws {
        let records = LogRecords()
        let secret = "SECRET-SIGNATURE-abc123"
        try await makeServer(logger: records.logger()).application().test(mode.setup) { client in
            _ = try await call(
                client, target: StepFunctionsAction.createStateMachine.target, body: createBody("TopSecretName"),
                extraHeaders: [.authorization: "AWS4-HMAC-SHA256 Signature=\(secret)"])
            _ = try await call(client, target: "AWSStepFunctions.Nope", body: "{}")
        }
        let lines = records.all.filter { $0.message == "request" }
        try #require(lines.count == 2)
        #expect(lines[0].metadata["action"] == "CreateStateMachine")
        #expect(lines[0].metadata["status"]?.description == "200")
        #expect(lines[0].metadata["method"] == "POST")
        #expect(lines[0].metadata["path"] == "/")
        #expect(lines[0].metadata["request-id"] != nil)
        #expect(lines[0].metadata["duration-ms"] != nil)
        #expect(lines[1].metadata["action"] == "unknown")
        #expect(lines[1].metadata["status"]?.description == "400")
        let everything = records.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains(secret))
        #expect(!everything.contains("TopSecretName"))
    }
}

/// A verifier that refuses requests without an `Authorization` header, naming the body's size
/// so the test sees that the verifier was handed the body.
struct RefusingUnsignedRequests: SignatureVerifying {
    func verify(_ head: HTTPRequest, body: [UInt8]) throws(StepFunctionsError) {
        guard head.headerFields[.authorization] != nil else {
            throw StepFunctionsError(.incompleteSignature, "Unsigned request of \(body.count) bytes")
        }
    }
}
