import Foundation

/// Where apply writes each deployment as soon as it is made, so records and the target agree
/// even when a later workflow fails.
///
/// A closure rather than the record store itself, so the Deployment module's apply does not
/// depend on how records are kept; `sfn`'s commands pass one writing to `.sfn/records.sqlite`.
public struct DeploymentRecorder: Sendable {
    public var record: @Sendable (DeploymentEntry) async throws -> Void

    public init(record: @escaping @Sendable (DeploymentEntry) async throws -> Void) {
        self.record = record
    }
}

/// One deployment as records keep it.
public struct DeploymentEntry: Sendable, Hashable {
    public var environment: String
    public var applied: AppliedWorkflow
    /// The target's description (never a credential).
    public var target: String
    public var planId: String?
    /// `create`, `update`, `replace`, `delete`, `promote`, `rollback`.
    public var action: String
    public var deployedAt: Date

    public init(
        environment: String, applied: AppliedWorkflow, target: String, planId: String?, action: String,
        deployedAt: Date = Date()
    ) {
        self.environment = environment
        self.applied = applied
        self.target = target
        self.planId = planId
        self.action = action
        self.deployedAt = deployedAt
    }
}
