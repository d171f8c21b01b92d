import AWSClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import StepFunctionsAPI
import Testing

/// `--verify-signatures`: requests signed by AWSClient's own signer with the configured key
/// are served; a wrong secret, an unknown key, a stale signature, a malformed or missing
/// `Authorization` each get AWS's error and never reach the service.
@Suite struct SigV4VerifierTests {
    static let key = AWSCredentials(accessKeyID: "AKIDSERVETEST", secretAccessKey: "the-right-secret")
    static let verifier = SigV4Verifier(credentials: [key], region: "us-east-1")

    /// A client of `url` signing with `credentials`, at `now` (no retries, so each error is the server's answer).
    func client(
        _ url: String, _ credentials: AWSCredentials, region: String = "us-east-1",
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> StepFunctionsClient<HTTPTransport> {
        StepFunctionsClient(
            transport: HTTPTransport(
                endpoint: try StepFunctionsEndpoint.custom(url: url, region: region), credentials: credentials,
                timeout: .seconds(10), now: now))
    }

    /// The error a call fails with (nil when it succeeds).
    func failure(_ call: () async throws -> Void) async -> StepFunctionsError? {
        do {
            try await call()
            return nil
        } catch {
            return error as? StepFunctionsError ?? StepFunctionsError(.internalFailure, "\(error)")
        }
    }

    @Test func awsClientWithTheRightSecretIsServedAndEveryOtherSignatureRefused() async throws {
        let service = ScriptedService()
        try await RunningServer.with(service, signatureVerifier: Self.verifier) { server in
            let url = server.address.endpointURL
            let right = try client(url, Self.key)
            _ = try await right.createStateMachine(
                CreateStateMachineInput(
                    name: "Signed", definition: #"{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}"#,
                    roleArn: "arn:aws:iam::123456789012:role/sfn"))
            #expect(try await right.listStateMachines(ListStateMachinesInput()).stateMachines.count == 1)

            let wrongSecret = AWSCredentials(accessKeyID: Self.key.accessKeyID, secretAccessKey: "a-wrong-secret")
            let wrong = await failure {
                _ = try await client(url, wrongSecret).listStateMachines(ListStateMachinesInput())
            }
            #expect(wrong?.code.rawValue == "InvalidSignatureException", "\(String(describing: wrong))")
            #expect(wrong?.message.contains("does not match") == true)

            let stranger = await failure {
                let unknown = AWSCredentials(accessKeyID: "AKIDSTRANGER", secretAccessKey: "the-right-secret")
                _ = try await client(url, unknown).listStateMachines(ListStateMachinesInput())
            }
            #expect(stranger?.code == .unrecognizedClientException, "\(String(describing: stranger))")

            let stale = await failure {
                _ = try await client(url, Self.key, now: { Date().addingTimeInterval(-600) })
                    .listStateMachines(ListStateMachinesInput())
            }
            #expect(stale?.code.rawValue == "InvalidSignatureException")
            #expect(stale?.message.contains("Signature expired") == true, "\(String(describing: stale))")

            let future = await failure {
                _ = try await client(url, Self.key, now: { Date().addingTimeInterval(600) })
                    .listStateMachines(ListStateMachinesInput())
            }
            #expect(future?.message.contains("not yet current") == true, "\(String(describing: future))")

            let otherRegion = await failure {
                _ = try await client(url, Self.key, region: "eu-west-1").listStateMachines(ListStateMachinesInput())
            }
            #expect(otherRegion?.code.rawValue == "InvalidSignatureException")
            #expect(otherRegion?.message.contains("region") == true)
        }
        // Only the one signed CreateStateMachine reached the service.
        #expect(await service.machines.all().map(\.name) == ["Signed"])
    }

    /// Headers of a request signed by `SigV4Signer` for `body`, sent as `Host: localhost`.
    func signedHeaders(
        _ body: String, action: StepFunctionsAction = .listStateMachines, credentials: AWSCredentials = key
    ) -> HTTPFields {
        var request = SigV4Request(
            method: "POST", path: "/",
            headers: [
                .init("Host", "localhost"), .init("Content-Type", "application/x-amz-json-1.0"),
                .init("X-Amz-Target", action.target),
            ], body: Array(body.utf8))
        SigV4Signer(credentials: credentials, region: "us-east-1", service: "states").sign(&request, at: Date())
        var fields = HTTPFields()
        for header in request.headers where header.name != "Content-Type" && header.name != "X-Amz-Target" {
            fields[HTTPField.Name(header.name)!] = header.value
        }
        return fields
    }

    @Test(arguments: Mode.allCases)
    func signedRawRequestsAndAWSsErrorsWithStatus(mode: Mode) async throws {
        try await makeServer(signatureVerifier: Self.verifier).application().test(mode.setup) { client in
            let target = StepFunctionsAction.listStateMachines.target
            let good = try await call(client, target: target, body: "{}", extraHeaders: signedHeaders("{}"))
            #expect(good.status == .ok, "\(String(buffer: good.body))")

            let missing = try await call(client, target: target, body: "{}")
            expectAWSError(
                missing, status: .badRequest, type: "MissingAuthenticationTokenException",
                messageContains: "Authentication Token")

            var tampered = signedHeaders(#"{"maxResults": 1}"#)
            let changed = try await call(client, target: target, body: #"{"maxResults": 2}"#, extraHeaders: tampered)
            expectAWSError(changed, status: .badRequest, type: "InvalidSignatureException", messageContains: "does not match")

            tampered[.authorization] = "AWS4-HMAC-SHA256 Credential=AKIDSERVETEST/20261128/us-east-1/states/aws4_request"
            let incomplete = try await call(client, target: target, body: "{}", extraHeaders: tampered)
            expectAWSError(
                incomplete, status: .badRequest, type: "IncompleteSignature", messageContains: "'Signature'")

            tampered[.authorization] = "AWS3 whatever"
            let otherScheme = try await call(client, target: target, body: "{}", extraHeaders: tampered)
            expectAWSError(otherScheme, status: .badRequest, type: "IncompleteSignature")

            var undated = signedHeaders("{}")
            undated[HTTPField.Name("X-Amz-Date")!] = nil
            let noDate = try await call(client, target: target, body: "{}", extraHeaders: undated)
            expectAWSError(noDate, status: .badRequest, type: "IncompleteSignature", messageContains: "X-Amz-Date")
        }
    }

    @Test func amzDatesRoundTrip() throws {
        for seconds in [0.0, 951_782_400, 1_764_300_000, 4_102_444_799] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(SigV4Verifier.date(fromAmzDate: AmzDate(date).timestamp) == date)
        }
        for bad in ["", "20261128", "20261328T000000Z", "2026112XT000000Z", "20261128T000000"] {
            #expect(SigV4Verifier.date(fromAmzDate: bad) == nil, "\(bad)")
        }
    }

    @Test func theKeyComesFromTheEnvironment() throws {
        let own = try SigV4Verifier(
            environment: ["SFN_SERVE_ACCESS_KEY_ID": "AKIDOWN", "SFN_SERVE_SECRET_ACCESS_KEY": "s",
                          "AWS_ACCESS_KEY_ID": "AKIDAWS", "AWS_SECRET_ACCESS_KEY": "t"],
            region: "us-east-1")
        #expect(Array(own.credentials.keys) == ["AKIDOWN"])
        let standard = try SigV4Verifier(
            environment: ["AWS_ACCESS_KEY_ID": "AKIDAWS", "AWS_SECRET_ACCESS_KEY": "t"], region: "us-east-1")
        #expect(Array(standard.credentials.keys) == ["AKIDAWS"])
        #expect(throws: ServerError.self) { try SigV4Verifier(environment: [:], region: "us-east-1") }
    }
}
