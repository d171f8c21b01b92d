import AWSClient
import Foundation
import MotoTestSupport
import StepFunctionsAPI
import Testing

/// Signatures checked by a server: moto verifies SigV4 and IAM permissions once
/// `INITIAL_NO_AUTH_ACTION_COUNT` unauthenticated calls have been made. The first four are the
/// readiness probe and the three IAM calls (through boto3) that create a user, its access key and
/// a policy allowing `states:*`; every later call must be signed with that key.
@Suite(.serialized) struct MotoAuthenticationTests {
    static let setUpScript = """
        import sys, json, boto3
        iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1",
                           aws_access_key_id="setup", aws_secret_access_key="setup")
        iam.create_user(UserName="sfn")
        key = iam.create_access_key(UserName="sfn")["AccessKey"]
        iam.put_user_policy(UserName="sfn", PolicyName="states", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "states:*", "Resource": "*"}]}))
        print(key["AccessKeyId"])
        print(key["SecretAccessKey"])
        """

    @Test(.enabled(if: MotoServer.executable != nil, "moto_server is not installed (pip install 'moto[server]')"))
    func signedRequestsAreAcceptedAndBadSignaturesExplained() async throws {
        try await MotoServer.run(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "4"]) { url in
            let (keyID, secret) = try createAccessKey(url)
            let good = try client(
                url, AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, source: "the test's IAM user"))
            let created = try await good.createStateMachine(
                CreateStateMachineInput(
                    name: "signed", definition: MotoIntegrationTests.definition, roleArn: MotoIntegrationTests.roleArn))
            let described = try await good.describeStateMachine(
                DescribeStateMachineInput(stateMachineArn: created.stateMachineArn))
            #expect(described.name == "signed")

            let wrongSecret = try client(
                url, AWSCredentials(accessKeyID: keyID, secretAccessKey: "not-the-secret", source: "a wrong secret"))
            do {
                _ = try await wrongSecret.describeStateMachine(
                    DescribeStateMachineInput(stateMachineArn: created.stateMachineArn))
                Issue.record("expected SignatureDoesNotMatch")
            } catch let error as StepFunctionsError {
                #expect(error.code.rawValue == "SignatureDoesNotMatch")
                #expect(error.message.contains("check the secret key from a wrong secret"), "\(error.message)")
                #expect(!error.message.contains("not-the-secret"))
            }
        }
    }

    func client(_ url: String, _ credentials: AWSCredentials) throws -> StepFunctionsClient<HTTPTransport> {
        StepFunctionsClient(
            transport: HTTPTransport(
                endpoint: try .custom(url: url, region: "us-east-1"), credentials: credentials, timeout: .seconds(20)))
    }

    /// Runs the boto3 set-up script with the `python3` on the PATH (moto's own installs boto3).
    func createAccessKey(_ url: String) throws -> (String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.setUpScript, url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard process.terminationStatus == 0, lines.count == 2 else {
            throw MotoServer.MotoError("the boto3 set-up script failed with status \(process.terminationStatus)")
        }
        return (lines[0], lines[1])
    }
}
