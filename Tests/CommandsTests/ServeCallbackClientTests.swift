import Foundation
import Testing

/// boto3 clients of the callback actions (activities with a worker loop, task tokens) against
/// `sfn serve`. Each test first asks the server whether the action exists, and is skipped with
/// the reason while the engine answers `UnsupportedOperation`: they assert the day it lands.
@Suite(.enabled(if: ServeClientTests.boto3Available, "python3 cannot import boto3 (.ci/run installs it)"))
struct ServeCallbackClientTests {
    static let missingMachine = "arn:aws:states:us-east-1:123456789012:stateMachine:ProbeOnly"

    /// Runs `script` once `probe` (action, body) answers something other than UnsupportedOperation.
    /// A script that prints `SKIP: reason` last cancels the test with that reason.
    func run(_ script: String, probe: (String, String)) async throws {
        let result = try await ServeClientTests.withServer { served in
            try await ServeClientTests.requireSupported(probe.0, body: probe.1, endpoint: served.endpoint)
            return try await ServeClientTests.runBoto3(script, endpoint: served.endpoint)
        }
        if let skip = result.output.split(separator: "\n").last, skip.hasPrefix("SKIP: ") {
            try Test.cancel(Comment(rawValue: String(skip.dropFirst(6))))
        }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("ok\n"), "\(result.output)")
    }

    @Test func activityWorkerLoop() async throws {
        try await run(
            #"""
            activity = client.create_activity(name="Resize")["activityArn"]
            assert activity == "arn:aws:states:us-east-1:123456789012:activity:Resize", activity
            assert client.describe_activity(activityArn=activity)["name"] == "Resize"
            assert [a["name"] for a in client.list_activities()["activities"]] == ["Resize"]
            definition = json.dumps({"StartAt": "Work", "States": {"Work": {
                "Type": "Task", "Resource": activity, "HeartbeatSeconds": 30, "TimeoutSeconds": 60, "End": True}}})
            machine = client.create_state_machine(name="Worker", definition=definition, roleArn=ROLE)["stateMachineArn"]

            # The worker: long-poll for tasks, heartbeat, answer each with its input doubled.
            done = threading.Event()
            handled = []
            def worker():
                while not done.is_set():
                    task = client.get_activity_task(activityArn=activity, workerName="resizer")
                    token = task.get("taskToken")
                    if not token:
                        continue
                    client.send_task_heartbeat(taskToken=token)
                    value = json.loads(task["input"])["size"]
                    handled.append(value)
                    if value < 0:
                        client.send_task_failure(taskToken=token, error="Negative", cause=f"size {value}")
                    else:
                        client.send_task_success(taskToken=token, output=json.dumps({"size": value * 2}))
            thread = threading.Thread(target=worker, daemon=True)
            thread.start()

            good = client.start_execution(stateMachineArn=machine, input=json.dumps({"size": 21}))["executionArn"]
            bad = client.start_execution(stateMachineArn=machine, input=json.dumps({"size": -1}))["executionArn"]
            succeeded = wait_done(good, timeout=60)
            assert succeeded["status"] == "SUCCEEDED", succeeded
            assert json.loads(succeeded["output"]) == {"size": 42}, succeeded
            failed = wait_done(bad, timeout=60)
            assert failed["status"] == "FAILED" and failed["error"] == "Negative", failed
            assert sorted(handled) == [-1, 21], handled
            types = [e["type"] for e in client.get_execution_history(executionArn=good)["events"]]
            assert "ActivityScheduled" in types and "ActivityStarted" in types and "ActivitySucceeded" in types, types
            done.set()

            expect_error("ActivityDoesNotExist", client.get_activity_task,
                         activityArn=activity.replace(":Resize", ":Nothing"))
            client.delete_activity(activityArn=activity)
            print("ok")
            """#,
            probe: ("ListActivities", "{}"))
    }

    @Test func waitForTaskTokenAnsweredByTheClient() async throws {
        try await run(
            #"""
            # The callback goes to a nested execution (the server runs those itself); its
            # input carries the token, as a queue message would.
            child = client.create_state_machine(
                name="Inbox", roleArn=ROLE,
                definition=json.dumps({"StartAt": "Keep", "States": {"Keep": {"Type": "Pass", "End": True}}}),
            )["stateMachineArn"]
            definition = json.dumps({"StartAt": "Ask", "States": {"Ask": {
                "Type": "Task", "Resource": "arn:aws:states:::states:startExecution.waitForTaskToken",
                "Parameters": {"StateMachineArn": child,
                               "Input": {"token.$": "$$.Task.Token", "order.$": "$.order"}},
                "TimeoutSeconds": 60, "End": True}}})
            machine = client.create_state_machine(name="Approval", definition=definition, roleArn=ROLE)["stateMachineArn"]
            execution = client.start_execution(stateMachineArn=machine, input=json.dumps({"order": 7}))["executionArn"]

            # The token is in the task's parameters, as the callback's receiver gets it.
            token = None
            deadline = time.time() + 30
            while token is None and time.time() < deadline:
                for event in client.get_execution_history(executionArn=execution)["events"]:
                    details = event.get("taskScheduledEventDetails")
                    if details:
                        token = json.loads(details["parameters"])["Input"]["token"]
                if token is None:
                    time.sleep(0.05)
            assert token, "no TaskScheduled event with a token"
            described = client.describe_execution(executionArn=execution)
            assert described["status"] == "RUNNING", described
            client.send_task_heartbeat(taskToken=token)
            client.send_task_success(taskToken=token, output=json.dumps({"approved": True}))
            described = wait_done(execution)
            assert described["status"] == "SUCCEEDED", described
            assert json.loads(described["output"]) == {"approved": True}, described
            # Answered tokens and made-up tokens are AWS's errors.
            try:
                client.send_task_success(taskToken=token, output="{}")
                raise AssertionError("a token answered twice was accepted")
            except (client.exceptions.TaskTimedOut, client.exceptions.InvalidToken, client.exceptions.TaskDoesNotExist):
                pass
            expect_error("InvalidToken", client.send_task_failure, taskToken="made-up", error="X")
            print("ok")
            """#,
            probe: ("SendTaskHeartbeat", #"{"taskToken": "probe"}"#))
    }
}
