import AWSClient
import Foundation
import StepFunctionsAPI
import Testing

/// Signing of real Step Functions calls (a JSON POST with `X-Amz-Target`), which AWS's suites do
/// not cover. Expected values were produced by botocore's `SigV4Auth` for the same request at the
/// same time (2026-11-28T05:50:04Z), so they pin compatibility with the AWS CLI's signer.
@Suite struct StepFunctionsSigningTests {
    static let date = Date(timeIntervalSince1970: 1_795_845_004)
    static let body = Array(#"{"stateMachineArn":"arn:aws:states:eu-west-1:123456789012:stateMachine:Orders"}"#.utf8)

    func transport(token: String?) throws -> HTTPTransport {
        HTTPTransport(
            endpoint: try .aws(region: "eu-west-1"),
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: token),
            now: { StepFunctionsSigningTests.date })
    }

    @Test func signsLikeBotocore() throws {
        let signed = try transport(token: nil).signedRequest(
            StepFunctionsTransportRequest(action: .describeStateMachine, body: Self.body))
        #expect(
            signed.header("Authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128/eu-west-1/states/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                + "Signature=2b5867c77e7993e5bebd3a41b1361aecf2315a17c88ac308700e12ca7a08f021")
        #expect(signed.header("X-Amz-Date") == "20261128T055004Z")
        #expect(signed.header("X-Amz-Target") == "AWSStepFunctions.DescribeStateMachine")
        #expect(signed.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(signed.header("Host") == "states.eu-west-1.amazonaws.com")
        #expect(signed.header("User-Agent")?.hasPrefix("sfn/") == true)
        #expect(signed.header("X-Amz-Security-Token") == nil)
        #expect(signed.method == "POST" && signed.path == "/" && signed.body == Self.body)
    }

    @Test func signsTheSessionToken() throws {
        let signed = try transport(token: "session-token-example").signedRequest(
            StepFunctionsTransportRequest(action: .describeStateMachine, body: Self.body))
        #expect(signed.header("X-Amz-Security-Token") == "session-token-example")
        #expect(
            signed.header("Authorization")?.hasSuffix(
                "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
                    + "Signature=d00d9cb94881564099fcf01bfc13ad8c5500a4cbb8c06f4ee65b1520c5576d16") == true)
    }

    @Test func signingTwiceKeepsOneLinePerHeader() throws {
        var request = SigV4Request(method: "POST", headers: [.init("Host", "example.amazonaws.com")])
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"), region: "us-east-1",
            service: "states")
        signer.sign(&request, at: Self.date)
        let first = request.header("Authorization")
        signer.sign(&request, at: Self.date)
        #expect(request.headers.count == 3)
        #expect(request.header("Authorization") == first)
    }

    @Test(arguments: [
        (0.0, "19700101T000000Z"),
        (1_440_938_160, "20150830T123600Z"),
        (1_709_208_000, "20240229T120000Z"),
        (951_782_400, "20000229T000000Z"),
        (4_102_444_799, "20991231T235959Z"),
        (-1, "19691231T235959Z"),
    ])
    func amzDate(_ seconds: Double, _ expected: String) {
        let date = AmzDate(Date(timeIntervalSince1970: seconds))
        #expect(date.timestamp == expected)
        #expect(date.dateStamp == String(expected.prefix(8)))
    }
}
