import Deployment
import Engine
import Foundation
import StepFunctionsAPI
import TestSupport

/// A real git repository with two workflows and a `dev` environment, and an in-memory engine
/// as its local target.
struct DeployFixture {
    let repository: TemporaryGitRepository
    let engine: any StepFunctionsService
    var root: String { repository.root.path }

    static func processData(maxAttempts: Int = 2, type: String = "STANDARD") -> String {
        """
        name: DataProcessing
        type: \(type)
        tags: {team: data}
        definition:
          StartAt: ProcessData
          States:
            ProcessData:
              Type: Task
              Resource: arn:aws:lambda:us-east-1:123456789012:function:process
              Retry: [{ErrorEquals: [States.ALL], MaxAttempts: \(maxAttempts)}]
              Next: Done
            Done: {Type: Succeed}
        """
    }

    static let approval = """
        StartAt: Ask
        States:
          Ask: {Type: Pass, Result: {approved: true}, End: true}
        """

    /// `target` is the body of `environments/dev.yaml`'s target mapping.
    init(target: String = "{kind: local}", engine: (any StepFunctionsService)? = nil) throws {
        repository = try TemporaryGitRepository([
            "workflows/data-processing.yaml": Self.processData(),
            "workflows/approval.yaml": Self.approval,
            "environments/dev.yaml": "target: \(target)\n",
            "environments/staging.yaml": "target: \(target)\n",
        ])
        try repository.commit("First workflows")
        self.engine = engine ?? LocalStepFunctionsService()
    }

    func session(_ resolver: TargetResolver? = nil) -> DeploymentSession {
        DeploymentSession(root: root, resolver: resolver ?? TargetResolver(root: root, local: .service(engine)))
    }

    /// Plans and applies `environment`, failing the test on any apply failure.
    @discardableResult
    func apply(_ environment: String = "dev", session: DeploymentSession? = nil, prune: Bool = false) async throws
        -> ApplyOutcome
    {
        let session = session ?? self.session()
        let planned = try await session.plan(environment: environment, prune: prune)
        let outcome = await Deployer(target: planned.target).apply(planned.plan)
        if let failure = outcome.failure { throw failure.error }
        return outcome
    }

    func remove() { repository.remove() }
}

extension DeploymentPlan {
    func item(_ workflow: String) -> PlanItem? { items.first { $0.workflow == workflow } }
    var actions: [String: PlanAction] { Dictionary(uniqueKeysWithValues: items.map { ($0.workflow, $0.action) }) }
}
