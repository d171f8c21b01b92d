import Engine
import Integrations
import JSONValue
import StepFunctionsAPI
import Testing

/// `states:startExecution` in its three forms, on state machines of the same local service.
@Suite struct NestedExecutionInvokerTests {
    /// Doubles `n` and reports the parent it was started by.
    static let child = """
        {"StartAt": "Double", "States": {"Double": {"Type": "Pass", "Parameters": {
          "doubled.$": "States.MathAdd($.n, $.n)", "parent.$": "$.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID"}, "End": true}}}
        """
    static let failingChild = """
        {"StartAt": "Fail", "States": {"Fail": {"Type": "Fail", "Error": "ChildError", "Cause": "the child gave up"}}}
        """

    static func parent(_ resource: String, child: String) -> String {
        """
        {"StartAt": "Start", "States": {"Start": {"Type": "Task", "Resource": "\(resource)",
          "Parameters": {"StateMachineArn": "\(child)", "Name": "child-of-parent",
            "Input": {"n.$": "$.n", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}}, "End": true}}}
        """
    }

    static func harness() -> LocalHarness {
        LocalHarness { services in
            ResourceRouter(routes: [NestedExecutionInvoker.resource: NestedExecutionInvoker(services: services)])
        }
    }

    @Test func syncReturnsTheOutputAsText() async throws {
        let h = Self.harness()
        let child = try await h.deploy("Child", Self.child)
        let parent = try await h.deploy("Parent", Self.parent("arn:aws:states:::states:startExecution.sync", child: child.description))
        let run = try await h.run(parent, input: ["n": 21])
        #expect(run.status == .succeeded, "\(run.cause ?? "")")
        let result = try #require(run.json)
        #expect(result["Status"] == "SUCCEEDED")
        #expect(result["StateMachineArn"] == .string(child.description))
        #expect(result["Name"] == "child-of-parent")
        #expect(result["OutputDetails"] == ["Included": true])
        #expect(result["StartDate"]?.numberValue != nil)
        let output = try JSON.parse(try #require(result["Output"]?.stringValue))
        #expect(output == ["doubled": 42, "parent": .string(run.executionArn.description)])
        #expect(result["Input"]?.stringValue != nil)
    }

    @Test func sync2ReturnsTheOutputAsJSON() async throws {
        let h = Self.harness()
        let child = try await h.deploy("Child", Self.child)
        let parent = try await h.deploy("Parent", Self.parent("arn:aws:states:::states:startExecution.sync:2", child: child.description))
        let run = try await h.run(parent, input: ["n": 2])
        #expect(run.json?["Output"] == ["doubled": 4, "parent": .string(run.executionArn.description)])
        #expect(run.json?["Input"]?["n"] == 2)
    }

    @Test func requestResponseReturnsAtOnce() async throws {
        let h = Self.harness()
        let child = try await h.deploy("Child", Self.child)
        let parent = try await h.deploy("Parent", Self.parent("arn:aws:states:::states:startExecution", child: child.description))
        let run = try await h.run(parent, input: ["n": 1])
        #expect(run.status == .succeeded)
        let arn = try ExecutionARN(parsing: try #require(run.json?["ExecutionArn"]?.stringValue))
        #expect(run.json?["StartDate"]?.numberValue != nil)
        #expect(run.json?.objectValue?.keys.sorted() == ["ExecutionArn", "StartDate"])
        let ended = try await h.service.waitForExecution(arn)
        #expect(ended.json == ["doubled": 2, "parent": .string(run.executionArn.description)])
    }

    @Test func childFailureFailsTheTask() async throws {
        let h = Self.harness()
        let child = try await h.deploy("Child", Self.failingChild)
        let parent = try await h.deploy("Parent", Self.parent("arn:aws:states:::states:startExecution.sync:2", child: child.description))
        let run = try await h.run(parent, input: ["n": 1])
        #expect(run.status == .failed)
        #expect(run.error == "States.TaskFailed")
        let cause = try JSON.parse(try #require(run.cause))
        #expect(cause["Status"] == "FAILED")
        #expect(cause["Error"] == "ChildError")
        #expect(cause["Cause"] == "the child gave up")
    }

    @Test func missingStateMachineIsAnAPIError() async throws {
        let h = Self.harness()
        let parent = try await h.deploy(
            "Parent", Self.parent("arn:aws:states:::states:startExecution.sync", child: "arn:aws:states:us-east-1:123456789012:stateMachine:Nope"))
        let run = try await h.run(parent, input: ["n": 1])
        #expect(run.status == .failed)
        #expect(run.error == "StepFunctions.StateMachineDoesNotExistException")
    }

    /// A task that runs until it is cancelled.
    struct Blocking: TaskInvoking {
        func invoke(_ request: TaskRequest) async -> TaskOutcome {
            try? await Task.sleep(for: .seconds(600))
            return .failure(ExecutionFailure(error: "Blocking.Cancelled"))
        }
    }

    @Test func stoppingTheParentStopsTheChild() async throws {
        let h = LocalHarness { services in
            ResourceRouter(routes: [
                NestedExecutionInvoker.resource: NestedExecutionInvoker(services: services),
                "arn:aws:states:::test:block": Blocking(),
            ])
        }
        let child = try await h.deploy(
            "Child", #"{"StartAt": "Block", "States": {"Block": {"Type": "Task", "Resource": "arn:aws:states:::test:block", "End": true}}}"#)
        let parent = try await h.deploy("Parent", Self.parent("arn:aws:states:::states:startExecution.sync", child: child.description))
        let started = try await h.service.startExecution(StartExecutionInput(stateMachineArn: parent, input: #"{"n": 1}"#))
        var childArn: ExecutionARN?
        for _ in 0..<1000 where childArn == nil {
            childArn = try await h.service.listExecutions(ListExecutionsInput(stateMachineArn: child)).executions.first?.executionArn
            await Task.yield()
        }
        let running = try #require(childArn, "the child never started")
        _ = try await h.service.stopExecution(StopExecutionInput(executionArn: started.executionArn))
        let ended = try await h.service.waitForExecution(running)
        #expect(ended.status == .aborted)
        #expect(try await h.service.waitForExecution(started.executionArn).status == .aborted)
    }
}
