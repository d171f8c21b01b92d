import Engine
import Foundation
import JSONValue
import Synchronization
import Testing
import Validation
import Workspace

/// The repository's `workflows/approval.yaml`, rendered for the `local` environment, on the
/// engine: the approval request carries the task token, and the workflow goes on when an
/// approver answers with SendTaskSuccess, or fails as expired when nobody answers in time.
@Suite(.timeLimit(.minutes(2))) struct CallbacksApprovalWorkflowTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The approval workflow for `local`, compiled; nil (and a recorded issue) when the
    /// repository's example cannot be rendered.
    static func approval() throws -> CompiledWorkflow {
        let loaded = ProjectLoader.load(from: DirectorySourceTree(root: root))
        let result = Renderer(project: loaded.project).render(workflow: "approval", environment: "local")
        let rendered = try #require(result.rendered, "approval does not render for local: \(result.diagnostics.map(\.message))")
        let validation = Validator().validate(
            rendered.definition, options: ValidationOptions(type: rendered.type, includeWarnings: false))
        let workflow = try #require(validation.workflow, "\(validation.diagnostics.map(\.message))")
        return ExecutionEngine().compile(workflow)
    }

    static let input: JSON = ["request": ["change": "scale web to 4"]]

    func start(_ invoker: ApprovalInvoker, clock: ManualClock) throws -> (ExecutionEngine, ExecutionHandle) {
        let engine = ExecutionEngine(clock: clock, invoker: invoker)
        return (engine, engine.start(try Self.approval(), input: Self.input, stateMachineName: "ApprovalWorkflow"))
    }

    @Test func anApproverAnswersWithSendTaskSuccess() async throws {
        let invoker = ApprovalInvoker()
        let (engine, handle) = try start(invoker, clock: ManualClock())
        let request = try await invoker.approvalRequest()
        let payload = try #require(request.parameters["Payload"])
        let token = try #require(request.taskToken)
        #expect(payload["token"] == .string(token))
        #expect(payload["request"] == Self.input["request"])
        #expect(payload["approvers"] == ["platform-leads"])

        try engine.callbacks.send(.succeeded(["approved": true, "by": "ana"]), to: token)
        let report = await handle.report
        #expect(report.status == .succeeded)
        #expect(report.output?["decision"] == ["approved": true, "by": "ana"])
        #expect(report.output?["applied"] == ["applied": ["change": "scale web to 4"]])
        #expect(report.eventTypes.contains("TaskSubmitted"))
    }

    @Test func nobodyAnswersAndTheRequestExpires() async throws {
        let clock = ManualClock()
        let invoker = ApprovalInvoker()
        let (engine, handle) = try start(invoker, clock: clock)
        let token = try #require(try await invoker.approvalRequest().taskToken)
        try await CallbackWait.until { clock.sleeperCount == 1 }
        // environments/local.yaml gives approvers 300 s.
        clock.advance(bySeconds: 299)
        try await CallbackWait.until { clock.sleeperCount == 1 }
        #expect(engine.callbacks.isOpen(token))
        clock.advance(bySeconds: 1)
        let report = await handle.report
        #expect(report.status == .failed)
        #expect(report.error == "ApprovalExpired")
        #expect(report.eventTypes.contains("TaskTimedOut"))
        #expect(throws: CallbackError.taskTimedOut) { try engine.callbacks.send(.succeeded([:]), to: token) }
    }

    @Test func aRejectionFailsTheWorkflowAsRejected() async throws {
        let invoker = ApprovalInvoker()
        let (engine, handle) = try start(invoker, clock: ManualClock())
        let token = try #require(try await invoker.approvalRequest().taskToken)
        try engine.callbacks.send(.failed(error: "Rejected", cause: "not now"), to: token)
        let report = await handle.report
        #expect(report.status == .failed)
        #expect(report.error == "ApprovalRejected")
    }
}

/// The approval workflow's two Lambda functions: the request (a `.waitForTaskToken`
/// invoke, answered later through the token) and the change, which echoes what it applied.
final class ApprovalInvoker: TaskInvoking {
    let requests = Mutex<[TaskRequest]>([])

    func invoke(_ request: TaskRequest) async -> TaskOutcome {
        requests.withLock { $0.append(request) }
        if request.taskToken != nil { return .success(["StatusCode": 202, "Payload": .null]) }
        return .success(["applied": request.parameters])
    }

    func approvalRequest() async throws -> TaskRequest {
        try await CallbackWait.until { self.requests.withLock { $0.contains { $0.taskToken != nil } } }
        return try #require(requests.withLock { $0.first { $0.taskToken != nil } })
    }
}
