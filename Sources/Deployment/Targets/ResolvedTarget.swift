public import StepFunctionsAPI
public import Workspace

/// An environment's target, ready to use: the `StepFunctionsService` that answers for it, what
/// kind it is, how to name it to a user, and the ARNs its workflows have there.
///
/// Everything that deploys or runs (`plan`, `apply`, `run`, `status`) goes through this one
/// value, so the local engine, an emulator and AWS take the same code path.
public struct ResolvedTarget: Sendable {
    /// The environment this target was resolved for.
    public var environment: String
    public var kind: DeploymentTarget.Kind
    /// `local engine (.sfn/engine)`, `endpoint http://127.0.0.1:4566 (us-east-1)`,
    /// `aws us-east-1 (profile ci)`: for plans, records and messages; never a credential.
    public var description: String
    public var service: any StepFunctionsService
    /// The partition, region and account of the ARNs sfn builds for this target when the target
    /// has not told it one (a machine not created yet).
    public var scope: ARNScope
    /// The alias each deployment moves (`alias` setting, `live` by default).
    public var alias: String
    /// The target's `keep_versions`: how many newest versions of each machine apply keeps.
    public var keepVersions: Int?

    public init(
        environment: String, kind: DeploymentTarget.Kind, description: String, service: any StepFunctionsService,
        scope: ARNScope, alias: String, keepVersions: Int? = nil
    ) {
        self.keepVersions = keepVersions
        self.environment = environment
        self.kind = kind
        self.description = description
        self.service = service
        self.scope = scope
        self.alias = alias
    }

    /// Whether this is the embedded engine, where a dirty tree may be deployed (as `<sha>-dirty`).
    public var isLocal: Bool { kind == .local }

    /// The state machine ARN for a machine named `name` on this target.
    public func stateMachineARN(named name: String) -> StateMachineARN {
        scope.stateMachine(named: name)
    }

    /// The ARN of the environment's alias of the machine named `name`: what `sfn run` starts.
    public func aliasARN(forMachineNamed name: String) -> StateMachineARN {
        scope.stateMachine(named: name).alias(alias)
    }

    /// The state machine ARN of a rendered workflow.
    public func stateMachineARN(for workflow: RenderedWorkflow) -> StateMachineARN {
        stateMachineARN(named: workflow.stateMachineName)
    }

    /// The alias ARN of a rendered workflow (its environment's alias).
    public func aliasARN(for workflow: RenderedWorkflow) -> StateMachineARN {
        stateMachineARN(named: workflow.stateMachineName).alias(workflow.alias)
    }
}
