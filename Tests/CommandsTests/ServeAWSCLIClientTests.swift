import Foundation
import Testing

/// The AWS CLI against `sfn serve`, as a user types it: `aws stepfunctions … --endpoint-url`.
@Suite(.enabled(if: ServeClientTests.awsCLIAvailable, "the AWS CLI ('aws') is not installed (.ci/run installs it)"))
struct ServeAWSCLIClientTests {
    static let role = "arn:aws:iam::123456789012:role/sfn"

    /// Runs one `aws stepfunctions` command and decodes its JSON output.
    func aws(_ arguments: [String], _ endpoint: String) async throws -> [String: Any] {
        let result = try await ServeClientTests.runAWSCLI(arguments, endpoint: endpoint)
        try #require(result.status == 0, "aws \(arguments.joined(separator: " ")): \(result.output)")
        let text = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return [:] }
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    @Test func createStartDescribeHistoryListAndStop() async throws {
        try await ServeClientTests.withServer { served in
            let endpoint = served.endpoint
            let definition = #"{"StartAt":"Shout","States":{"Shout":{"Type":"Pass","Parameters":{"said.$":"States.Format('{}!', $.word)"},"End":true}}}"#
            let created = try await aws(
                ["create-state-machine", "--name", "Shouter", "--definition", definition, "--role-arn", Self.role],
                endpoint)
            let arn = try #require(created["stateMachineArn"] as? String)
            #expect(arn == "arn:aws:states:us-east-1:123456789012:stateMachine:Shouter")

            let described = try await aws(["describe-state-machine", "--state-machine-arn", arn], endpoint)
            #expect(described["name"] as? String == "Shouter")
            #expect(described["status"] as? String == "ACTIVE")

            let started = try await aws(
                ["start-execution", "--state-machine-arn", arn, "--name", "loud", "--input", #"{"word":"hey"}"#],
                endpoint)
            let execution = try #require(started["executionArn"] as? String)
            var status = "RUNNING"
            var output: String?
            for _ in 0..<100 where status == "RUNNING" {
                let execution = try await aws(["describe-execution", "--execution-arn", execution], endpoint)
                status = execution["status"] as? String ?? "?"
                output = execution["output"] as? String
            }
            #expect(status == "SUCCEEDED")
            #expect(output == #"{"said":"hey!"}"#)

            let history = try await aws(["get-execution-history", "--execution-arn", execution], endpoint)
            let types = (history["events"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
            #expect(types == ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"])

            // The CLI follows nextToken itself; --max-items pages on its side, --page-size on ours.
            for name in ["b", "c"] {
                _ = try await aws(["start-execution", "--state-machine-arn", arn, "--name", name], endpoint)
            }
            let all = try await aws(
                ["list-executions", "--state-machine-arn", arn, "--page-size", "1"], endpoint)
            let names = (all["executions"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(Set(names ?? []) == ["loud", "b", "c"])
            let firstPage = try await aws(
                ["list-executions", "--state-machine-arn", arn, "--max-items", "2"], endpoint)
            #expect((firstPage["executions"] as? [Any])?.count == 2)
            #expect(firstPage["NextToken"] != nil)

            let machines = try await aws(["list-state-machines"], endpoint)
            #expect((machines["stateMachines"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func stopsAnExecutionAndValidatesDefinitions() async throws {
        try await ServeClientTests.withServer { served in
            let endpoint = served.endpoint
            let sleeper = #"{"StartAt":"Z","States":{"Z":{"Type":"Wait","Seconds":600,"End":true}}}"#
            let created = try await aws(
                ["create-state-machine", "--name", "Sleeper", "--definition", sleeper, "--role-arn", Self.role],
                endpoint)
            let arn = try #require(created["stateMachineArn"] as? String)
            let started = try await aws(["start-execution", "--state-machine-arn", arn], endpoint)
            let execution = try #require(started["executionArn"] as? String)
            _ = try await aws(["stop-execution", "--execution-arn", execution, "--cause", "enough"], endpoint)
            let stopped = try await aws(["describe-execution", "--execution-arn", execution], endpoint)
            #expect(stopped["status"] as? String == "ABORTED")
            #expect(stopped["cause"] as? String == "enough")

            let valid = try await aws(["validate-state-machine-definition", "--definition", sleeper], endpoint)
            #expect(valid["result"] as? String == "OK")
            let invalid = try await aws(
                ["validate-state-machine-definition", "--definition", #"{"StartAt":"Nope","States":{"Z":{"Type":"Succeed"}}}"#],
                endpoint)
            #expect(invalid["result"] as? String == "FAIL")
            #expect((invalid["diagnostics"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func errorsNameAWSsCodesAndExitNonZero() async throws {
        try await ServeClientTests.withServer { served in
            let missing = try await ServeClientTests.runAWSCLI(
                ["describe-state-machine", "--state-machine-arn", "arn:aws:states:us-east-1:123456789012:stateMachine:Nope"],
                endpoint: served.endpoint)
            #expect(missing.status != 0)
            #expect(missing.output.contains("(StateMachineDoesNotExist)"), "\(missing.output)")
            let badArn = try await ServeClientTests.runAWSCLI(
                ["describe-execution", "--execution-arn", "not-an-arn"], endpoint: served.endpoint)
            #expect(badArn.output.contains("(InvalidArn)"), "\(badArn.output)")
            let badName = try await ServeClientTests.runAWSCLI(
                ["create-state-machine", "--name", "no spaces please", "--role-arn", Self.role, "--definition",
                 #"{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}"#],
                endpoint: served.endpoint)
            #expect(badName.output.contains("(InvalidName)"), "\(badName.output)")
            let badDefinition = try await ServeClientTests.runAWSCLI(
                ["create-state-machine", "--name", "Broken", "--role-arn", Self.role, "--definition", "{}"],
                endpoint: served.endpoint)
            #expect(badDefinition.output.contains("(InvalidDefinition)"), "\(badDefinition.output)")
        }
    }
}
