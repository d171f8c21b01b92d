import Foundation
import Testing

/// `sfn serve --verify-signatures` against boto3: the configured key is served, a wrong
/// secret, an unknown key and an unsigned request are refused with the errors AWS sends,
/// which botocore surfaces as `ClientError` codes.
@Suite(.enabled(if: ServeClientTests.boto3Available, "python3 cannot import boto3 (.ci/run installs it)"))
struct ServeSignatureClientTests {
    /// The key the server accepts. `sfn serve` reads it from its (this test process's)
    /// environment; every test that sets these sets the same values, so parallel tests agree.
    static let accessKey = "AKIDSFNSERVETEST"
    static let secret = "serve-test-secret"

    @Test func boto3SignedWithTheRightKeyIsServedOthersAreRefused() async throws {
        setenv("SFN_SERVE_ACCESS_KEY_ID", Self.accessKey, 1)
        setenv("SFN_SERVE_SECRET_ACCESS_KEY", Self.secret, 1)
        let result = try await ServeClientTests.withServer(["--verify-signatures"]) { served in
            try await ServeClientTests.runBoto3(
                #"""
                from botocore import UNSIGNED
                def make(key, secret, **extra):
                    return boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1",
                                        aws_access_key_id=key, aws_secret_access_key=secret,
                                        config=Config(retries={"max_attempts": 1}, **extra))
                def code(call):
                    try:
                        call()
                    except botocore.exceptions.ClientError as error:
                        return error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]
                    raise AssertionError("the request was accepted")

                good = make(sys.argv[2], sys.argv[3])
                arn = good.create_state_machine(name="Signed", roleArn=ROLE,
                    definition=json.dumps({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}))["stateMachineArn"]
                assert [m["name"] for m in good.list_state_machines()["stateMachines"]] == ["Signed"]
                assert code(lambda: make(sys.argv[2], "wrong").list_state_machines()) == ("InvalidSignatureException", 400)
                assert code(lambda: make("AKIDSTRANGER", sys.argv[3]).list_state_machines()) == \
                    ("UnrecognizedClientException", 400)
                assert code(lambda: make(None, None, signature_version=UNSIGNED).list_state_machines()) == \
                    ("MissingAuthenticationTokenException", 400)
                print("ok")
                """#, endpoint: served.endpoint, extra: [Self.accessKey, Self.secret])
        }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("ok\n"), "\(result.output)")
    }
}
