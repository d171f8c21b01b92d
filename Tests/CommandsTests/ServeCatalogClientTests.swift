import Foundation
import Testing

/// boto3 clients of versions, aliases and redrive against `sfn serve`: what Terraform's refresh
/// and `sfn apply` to an endpoint call. Each test is skipped with the reason while the engine
/// answers its action with `UnsupportedOperation`, and asserts the day the action lands.
@Suite(.enabled(if: ServeClientTests.boto3Available, "python3 cannot import boto3 (.ci/run installs it)"))
struct ServeCatalogClientTests {
    static let missingMachine = #"{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:ProbeOnly"}"#

    func run(_ script: String, probe: (String, String)) async throws {
        let result = try await ServeClientTests.withServer { served in
            try await ServeClientTests.requireSupported(probe.0, body: probe.1, endpoint: served.endpoint)
            return try await ServeClientTests.runBoto3(script, endpoint: served.endpoint)
        }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("ok\n"), "\(result.output)")
    }

    @Test func publishListAndDeleteVersions() async throws {
        try await run(
            #"""
            first = json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "End": True}}})
            second = json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 2, "End": True}}})
            created = client.create_state_machine(name="Versioned", definition=first, roleArn=ROLE, publish=True,
                                                  versionDescription="commit a1b2c3d")
            arn = created["stateMachineArn"]
            v1 = created["stateMachineVersionArn"]
            assert v1 == arn + ":1", created
            client.update_state_machine(stateMachineArn=arn, definition=second)
            v2 = client.publish_state_machine_version(stateMachineArn=arn, description="commit e4f5a6b")
            assert v2["stateMachineVersionArn"] == arn + ":2", v2
            listed = client.list_state_machine_versions(stateMachineArn=arn)["stateMachineVersions"]
            assert [v["stateMachineVersionArn"] for v in listed] == [arn + ":2", arn + ":1"], listed
            paged = client.list_state_machine_versions(stateMachineArn=arn, maxResults=1)
            assert len(paged["stateMachineVersions"]) == 1 and paged["nextToken"], paged
            old = client.describe_state_machine(stateMachineArn=v1)
            assert json.loads(old["definition"]) == json.loads(first), old
            assert old.get("description") == "commit a1b2c3d", old
            run = client.start_execution(stateMachineArn=v1)["executionArn"]
            assert wait_done(run)["output"] == "1"
            client.delete_state_machine_version(stateMachineVersionArn=v1)
            try:
                client.describe_state_machine(stateMachineArn=v1)
                raise AssertionError("a deleted version is still described")
            except (client.exceptions.ResourceNotFound, client.exceptions.StateMachineDoesNotExist):
                pass
            listed = client.list_state_machine_versions(stateMachineArn=arn)["stateMachineVersions"]
            assert [v["stateMachineVersionArn"] for v in listed] == [arn + ":2"], listed
            print("ok")
            """#,
            probe: ("ListStateMachineVersions", Self.missingMachine))
    }

    @Test func aliasesWithWeightedRouting() async throws {
        try await run(
            #"""
            one = json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "one", "End": True}}})
            two = json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "two", "End": True}}})
            arn = client.create_state_machine(name="Aliased", definition=one, roleArn=ROLE)["stateMachineArn"]
            v1 = client.publish_state_machine_version(stateMachineArn=arn)["stateMachineVersionArn"]
            client.update_state_machine(stateMachineArn=arn, definition=two)
            v2 = client.publish_state_machine_version(stateMachineArn=arn)["stateMachineVersionArn"]
            alias = client.create_state_machine_alias(
                name="live", routingConfiguration=[{"stateMachineVersionArn": v1, "weight": 100}])["stateMachineAliasArn"]
            assert alias == arn + ":live", alias
            described = client.describe_state_machine_alias(stateMachineAliasArn=alias)
            assert described["name"] == "live" and described["routingConfiguration"][0]["weight"] == 100, described
            assert wait_done(client.start_execution(stateMachineArn=alias)["executionArn"])["output"] == '"one"'
            client.update_state_machine_alias(stateMachineAliasArn=alias, routingConfiguration=[
                {"stateMachineVersionArn": v1, "weight": 50}, {"stateMachineVersionArn": v2, "weight": 50}])
            outputs = {wait_done(client.start_execution(stateMachineArn=alias)["executionArn"])["output"]
                       for _ in range(40)}
            assert outputs == {'"one"', '"two"'}, outputs
            client.update_state_machine_alias(stateMachineAliasArn=alias, routingConfiguration=[
                {"stateMachineVersionArn": v2, "weight": 100}])
            assert wait_done(client.start_execution(stateMachineArn=alias)["executionArn"])["output"] == '"two"'
            aliases = client.list_state_machine_aliases(stateMachineArn=arn)["stateMachineAliases"]
            assert [a["stateMachineAliasArn"] for a in aliases] == [alias], aliases
            expect_error("ValidationException", client.create_state_machine_alias, name="bad",
                         routingConfiguration=[{"stateMachineVersionArn": v1, "weight": 60},
                                               {"stateMachineVersionArn": v2, "weight": 60}])
            client.delete_state_machine_alias(stateMachineAliasArn=alias)
            assert client.list_state_machine_aliases(stateMachineArn=arn)["stateMachineAliases"] == []
            print("ok")
            """#,
            probe: ("ListStateMachineAliases", Self.missingMachine))
    }

    @Test func redriveAFailedExecution() async throws {
        try await run(
            #"""
            # A deterministic failure fails again when redriven: only the failed state runs again,
            # the redrive is counted and recorded, and a succeeded execution cannot be redriven.
            definition = json.dumps({"StartAt": "Prepare", "States": {
                "Prepare": {"Type": "Pass", "Next": "Check"},
                "Check": {"Type": "Fail", "Error": "Broken", "Cause": "always"}}})
            arn = client.create_state_machine(name="Redriven", definition=definition, roleArn=ROLE)["stateMachineArn"]
            execution = client.start_execution(stateMachineArn=arn)["executionArn"]
            assert wait_done(execution)["status"] == "FAILED"
            redriven = client.redrive_execution(executionArn=execution)
            assert redriven["redriveDate"], redriven
            described = wait_done(execution)
            assert described["status"] == "FAILED" and described["redriveCount"] == 1, described
            types = [e["type"] for e in client.get_execution_history(executionArn=execution)["events"]]
            assert "ExecutionRedriven" in types, types
            assert types.count("PassStateEntered") == 1, types
            succeeded = client.start_execution(
                stateMachineArn=client.create_state_machine(
                    name="Fine", roleArn=ROLE,
                    definition=json.dumps({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}))["stateMachineArn"]
            )["executionArn"]
            wait_done(succeeded)
            expect_error("ExecutionNotRedrivable", client.redrive_execution, executionArn=succeeded)
            print("ok")
            """#,
            probe: ("RedriveExecution", #"{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:ProbeOnly:x"}"#))
    }
}
