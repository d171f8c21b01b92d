import Foundation
import StepFunctionsAPI
import Testing

@testable import AWSClient

/// How error responses are shaped for `StepFunctionsClient`: AWS's errors kept (with a hint for
/// setup problems), anything else turned into an AWS-shaped error naming the HTTP status.
@Suite struct HTTPTransportErrorTests {
    let transport: HTTPTransport

    init() throws {
        transport = HTTPTransport(
            endpoint: try .aws(region: "eu-west-1"),
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "very-secret-key", sessionToken: "very-secret-token",
                source: "profile 'dev' in /home/me/.aws/credentials"))
    }

    func error(_ body: String, status: Int) -> StepFunctionsError {
        StepFunctionsError(
            responseBody: transport.explainedErrorBody(Array(body.utf8), status: status), httpStatus: status)
    }

    @Test func keepsStepFunctionsErrorsAsTheyAre() {
        let mapped = error(
            #"{"__type":"com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist","message":"State Machine Does Not Exist: 'arn:x'"}"#,
            status: 400)
        #expect(mapped == StepFunctionsError(.stateMachineDoesNotExist, "State Machine Does Not Exist: 'arn:x'"))
    }

    @Test(arguments: [
        ("UnrecognizedClientException", "does not recognise the access key from profile 'dev'"),
        ("InvalidSignatureException", "check the secret key from profile 'dev'"),
        ("ExpiredTokenException", "session token from profile 'dev' in /home/me/.aws/credentials has expired"),
        ("AccessDeniedException", "lacks an IAM permission"),
        ("RequestExpired", "clock"),
    ])
    func explainsSetupErrorsWithoutSecrets(_ code: String, _ hint: String) {
        let mapped = error(#"{"__type":"\#(code)","message":"AWS says no"}"#, status: 400)
        #expect(mapped.code.rawValue == code)
        #expect(mapped.message.hasPrefix("AWS says no ("))
        #expect(mapped.message.contains(hint), "\(mapped.message)")
        for secret in ["very-secret-key", "very-secret-token", "AKIDEXAMPLE"] {
            #expect(!mapped.message.contains(secret))
        }
    }

    @Test(arguments: [
        (502, "<html><body>Bad Gateway</body></html>", "InternalFailure"),
        (503, "", "ServiceUnavailable"),
        (429, "slow down", "ThrottlingException"),
        (404, "Not Found", "HTTP404"),
        (403, "{\"message\":\"Missing Authentication Token\"}", "HTTP403"),
    ])
    func namesTheStatusOfNonAWSBodies(_ status: Int, _ body: String, _ code: String) {
        let mapped = error(body, status: status)
        #expect(mapped.code.rawValue == code)
        #expect(
            mapped.message.hasPrefix(
                "HTTP \(status) from https://states.eu-west-1.amazonaws.com/ without an AWS error body"))
    }

    @Test func readsXMLErrorResponses() {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we \
            calculated does not match.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>
            """
        let mapped = error(body, status: 403)
        #expect(mapped.code.rawValue == "SignatureDoesNotMatch")
        #expect(mapped.message.hasPrefix("The request signature we calculated does not match. (the request signature"))
    }

    @Test func printingTheTransportOrSignerRedactsTheKeys() {
        let signer = SigV4Signer(credentials: transport.credentials, region: "eu-west-1", service: "states")
        var dumped = ""
        dump(transport, to: &dumped)
        for text in ["\(transport)", String(reflecting: transport), "\(signer)", String(reflecting: signer), dumped] {
            #expect(!text.contains("very-secret-key"))
            #expect(!text.contains("very-secret-token"))
        }
    }
}
