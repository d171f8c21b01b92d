import Foundation
import Testing

/// boto3, the AWS SDK for Python, against `sfn serve` exactly as a user's script calls AWS:
/// results read from the SDK's parsed responses, errors caught as the SDK's exception classes.
@Suite(.enabled(if: ServeClientTests.boto3Available, "python3 cannot import boto3 (.ci/run installs it)"))
struct ServeBoto3ClientTests {
    /// Runs `script` against a fresh server and expects it to print `ok` last.
    func run(_ script: String, serve arguments: [String] = []) async throws {
        let result = try await ServeClientTests.withServer(arguments) { served in
            try await ServeClientTests.runBoto3(script, endpoint: served.endpoint)
        }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("ok\n"), "\(result.output)")
    }

    @Test func createStartDescribeHistoryAndList() async throws {
        try await run(#"""
            definition = json.dumps({"StartAt": "Greet", "States": {
                "Greet": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('Hello, {}', $.name)"},
                          "Next": "Done"},
                "Done": {"Type": "Succeed"}}})
            created = client.create_state_machine(name="Greeter", definition=definition, roleArn=ROLE)
            arn = created["stateMachineArn"]
            assert arn == "arn:aws:states:us-east-1:123456789012:stateMachine:Greeter", arn
            assert created["creationDate"].year >= 2024, created
            described = client.describe_state_machine(stateMachineArn=arn)
            assert described["name"] == "Greeter" and described["type"] == "STANDARD", described
            assert json.loads(described["definition"]) == json.loads(definition), described

            started = client.start_execution(stateMachineArn=arn, name="first", input=json.dumps({"name": "Ada"}))
            assert started["executionArn"].endswith(":execution:Greeter:first"), started
            done = wait_done(started["executionArn"])
            assert done["status"] == "SUCCEEDED", done
            assert json.loads(done["output"]) == {"greeting": "Hello, Ada"}, done
            assert done["stopDate"] >= done["startDate"], done

            events = client.get_execution_history(executionArn=started["executionArn"])["events"]
            types = [e["type"] for e in events]
            assert types == ["ExecutionStarted", "PassStateEntered", "PassStateExited", "SucceedStateEntered",
                             "SucceedStateExited", "ExecutionSucceeded"], types
            assert [e["id"] for e in events] == list(range(1, 7)), events
            reverse = client.get_execution_history(executionArn=started["executionArn"], reverseOrder=True, maxResults=2)
            assert [e["type"] for e in reverse["events"]] == ["ExecutionSucceeded", "SucceedStateExited"], reverse
            rest = client.get_execution_history(
                executionArn=started["executionArn"], reverseOrder=True, nextToken=reverse["nextToken"])
            assert len(rest["events"]) == 4 and "nextToken" not in rest, rest

            # A paginated listing, by hand and with the SDK's paginator.
            for index in range(4):
                wait_done(client.start_execution(
                    stateMachineArn=arn, name=f"run-{index}", input=json.dumps({"name": str(index)}))["executionArn"])
            page = client.list_executions(stateMachineArn=arn, maxResults=2)
            assert len(page["executions"]) == 2 and page["nextToken"], page
            names = [e["name"] for p in client.get_paginator("list_executions").paginate(
                stateMachineArn=arn, PaginationConfig={"PageSize": 2}) for e in p["executions"]]
            assert sorted(names) == ["first", "run-0", "run-1", "run-2", "run-3"], names
            succeeded = client.list_executions(stateMachineArn=arn, statusFilter="SUCCEEDED")["executions"]
            assert len(succeeded) == 5, succeeded
            machines = client.list_state_machines()["stateMachines"]
            assert [m["name"] for m in machines] == ["Greeter"], machines
            client.delete_state_machine(stateMachineArn=arn)
            print("ok")
            """#)
    }

    @Test func stopARunningExecution() async throws {
        try await run(#"""
            definition = json.dumps({"StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 600, "End": True}}})
            arn = client.create_state_machine(name="Sleeper", definition=definition, roleArn=ROLE)["stateMachineArn"]
            execution = client.start_execution(stateMachineArn=arn)["executionArn"]
            assert client.describe_execution(executionArn=execution)["status"] == "RUNNING"
            running = client.list_executions(stateMachineArn=arn, statusFilter="RUNNING")["executions"]
            assert [e["executionArn"] for e in running] == [execution], running
            stopped = client.stop_execution(executionArn=execution, error="Operator", cause="no longer needed")
            assert stopped["stopDate"], stopped
            described = client.describe_execution(executionArn=execution)
            assert described["status"] == "ABORTED", described
            assert described.get("error") == "Operator" and described.get("cause") == "no longer needed", described
            last = client.get_execution_history(executionArn=execution, reverseOrder=True, maxResults=1)["events"][0]
            assert last["type"] == "ExecutionAborted", last
            print("ok")
            """#)
    }

    @Test func expressStartSyncExecution() async throws {
        try await run(#"""
            definition = json.dumps({"StartAt": "Double", "States": {
                "Double": {"Type": "Pass", "Parameters": {"value.$": "States.MathAdd($.value, $.value)"}, "End": True}}})
            arn = client.create_state_machine(
                name="Doubler", definition=definition, roleArn=ROLE, type="EXPRESS")["stateMachineArn"]
            result = client.start_sync_execution(stateMachineArn=arn, input=json.dumps({"value": 21}))
            assert result["status"] == "SUCCEEDED", result
            assert json.loads(result["output"]) == {"value": 42}, result
            failed = client.start_sync_execution(stateMachineArn=arn, input="{}")
            assert failed["status"] == "FAILED" and failed["error"].startswith("States."), failed
            print("ok")
            """#)
    }

    @Test func validateStateMachineDefinition() async throws {
        try await run(#"""
            good = client.validate_state_machine_definition(
                definition=json.dumps({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}))
            assert good["result"] == "OK" and good["diagnostics"] == [], good
            bad = client.validate_state_machine_definition(
                definition=json.dumps({"StartAt": "Missing", "States": {"A": {"Type": "Succeed"}}}))
            assert bad["result"] == "FAIL", bad
            codes = [d["code"] for d in bad["diagnostics"]]
            assert "MISSING_TRANSITION_TARGET" in codes or "SCHEMA_VALIDATION_FAILED" in codes, bad
            assert all(d["severity"] == "ERROR" and d["message"] for d in bad["diagnostics"]), bad
            assert any(d.get("location") for d in bad["diagnostics"]), bad
            unparsable = client.validate_state_machine_definition(definition="{not json")
            assert unparsable["result"] == "FAIL", unparsable
            print("ok")
            """#)
    }

    @Test func testStateRunsOneStateWithAMock() async throws {
        try await run(#"""
            task = json.dumps({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                               "Parameters": {"FunctionName": "f", "Payload.$": "$"},
                               "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 2}], "Next": "After"})
            result = client.test_state(definition=task, roleArn=ROLE, input=json.dumps({"x": 1}),
                                       inspectionLevel="DEBUG", mock={"result": json.dumps({"Payload": 2})})
            assert result["status"] == "SUCCEEDED" and result["nextState"] == "After", result
            assert json.loads(result["output"]) == {"Payload": 2}, result
            assert json.loads(result["inspectionData"]["afterParameters"]) == {"FunctionName": "f", "Payload": {"x": 1}}
            retriable = client.test_state(definition=task, roleArn=ROLE,
                                          mock={"errorOutput": {"error": "Flaky", "cause": "again"}})
            assert retriable["status"] == "RETRIABLE" and retriable["error"] == "Flaky", retriable

            # The November 2025 fields: a whole machine with stateName, a mocked Map with
            # stateConfiguration, errorDetails, and AWS's refusals as the SDK's exceptions.
            machine = json.dumps({"StartAt": "Fan", "States": {
                "Fan": {"Type": "Map", "ItemsPath": "$.items", "ToleratedFailureCount": 0,
                        "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Pass", "End": True}}},
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}], "Next": "Done"},
                "Failed": {"Type": "Fail"}, "Done": {"Type": "Succeed"}}})
            mapped = client.test_state(definition=machine, stateName="Fan", input=json.dumps({"items": [1, 2]}),
                                       inspectionLevel="DEBUG", mock={"result": "[3, 4]"},
                                       stateConfiguration={"mapIterationFailureCount": 0})
            assert mapped["status"] == "SUCCEEDED" and mapped["nextState"] == "Done", mapped
            assert json.loads(mapped["output"]) == [3, 4], mapped
            assert json.loads(mapped["inspectionData"]["afterItemsPath"]) == [1, 2], mapped
            assert mapped["inspectionData"]["toleratedFailureCount"] == 0, mapped
            caught = client.test_state(definition=machine, stateName="Fan", input=json.dumps({"items": [1, 2]}),
                                       mock={"result": "[3, 4]"}, stateConfiguration={"mapIterationFailureCount": 1})
            assert caught["status"] == "CAUGHT_ERROR" and caught["nextState"] == "Failed", caught
            assert caught["error"] == "States.ExceedToleratedFailureThreshold", caught
            response = expect_error("ValidationException", client.test_state,
                                    definition=json.dumps({"Type": "Pass", "End": True}), mock={"result": "{}"})
            assert "not supported when a mock is specified" in response["Error"]["Message"], response
            expect_error("InvalidDefinition", client.test_state, definition=machine, stateName="Fan")
            print("ok")
            """#)
    }

    @Test func errorsAreTheSDKsExceptionClasses() async throws {
        try await run(#"""
            definition = json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}})
            arn = client.create_state_machine(name="Errors", definition=definition, roleArn=ROLE)["stateMachineArn"]
            missing = arn.replace(":Errors", ":Nowhere")
            response = expect_error("StateMachineDoesNotExist", client.describe_state_machine, stateMachineArn=missing)
            assert "Nowhere" in response["Error"]["Message"], response
            assert response["ResponseMetadata"]["HTTPStatusCode"] == 400, response
            expect_error("StateMachineDoesNotExist", client.start_execution, stateMachineArn=missing)
            expect_error("InvalidArn", client.describe_state_machine, stateMachineArn="not-an-arn")
            expect_error("InvalidArn", client.describe_execution, executionArn=arn)
            expect_error("ExecutionDoesNotExist", client.describe_execution,
                         executionArn=arn.replace(":stateMachine:", ":execution:") + ":nobody")
            expect_error("InvalidName", client.create_state_machine, name="has space", definition=definition, roleArn=ROLE)
            expect_error("InvalidName", client.start_execution, stateMachineArn=arn, name="a/b")
            expect_error("InvalidDefinition", client.create_state_machine,
                         name="Broken", definition='{"StartAt": "Nowhere", "States": {}}', roleArn=ROLE)
            expect_error("InvalidDefinition", client.create_state_machine, name="Unparsable", definition="{", roleArn=ROLE)
            expect_error("StateMachineAlreadyExists", client.create_state_machine,
                         name="Errors", definition=json.dumps({"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}),
                         roleArn=ROLE)
            client.start_execution(stateMachineArn=arn, name="once", input='{"a": 1}')
            expect_error("ExecutionAlreadyExists", client.start_execution, stateMachineArn=arn, name="once", input='{"a": 2}')
            expect_error("InvalidExecutionInput", client.start_execution, stateMachineArn=arn, input="{not json")
            response = expect_error("ValidationException", client.start_execution, stateMachineArn=arn,
                                    input=json.dumps({"pad": "x" * 262144}))
            assert "262144" in response["Error"]["Message"], response
            print("ok")
            """#)
    }
}
