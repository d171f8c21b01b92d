import Foundation

/// What apply did to one workflow: the ARNs it made or moved and the revision it deployed.
public struct AppliedWorkflow: Sendable, Hashable, Codable {
    public var workflow: String
    public var action: PlanAction
    public var stateMachineName: String
    public var stateMachineArn: String
    /// The version published, where the target has versions.
    public var versionArn: String?
    /// The alias moved to it, where the target has aliases.
    public var aliasArn: String?
    public var revision: DeployedRevision
    public var definitionSHA256: String
    /// Old versions deleted after this deployment (`keep_versions`), oldest first.
    public var prunedVersions: [Int]

    public init(
        workflow: String, action: PlanAction, stateMachineName: String, stateMachineArn: String, versionArn: String?,
        aliasArn: String?, revision: DeployedRevision, definitionSHA256: String, prunedVersions: [Int] = []
    ) {
        self.prunedVersions = prunedVersions
        self.workflow = workflow
        self.action = action
        self.stateMachineName = stateMachineName
        self.stateMachineArn = stateMachineArn
        self.versionArn = versionArn
        self.aliasArn = aliasArn
        self.revision = revision
        self.definitionSHA256 = definitionSHA256
    }

    /// The version number, from the version ARN's qualifier.
    public var version: Int? {
        guard let versionArn, let last = versionArn.split(separator: ":").last else { return nil }
        return Int(last)
    }
}

/// The result of applying a plan: what was done, in order, and the failure that stopped it.
///
/// Apply stops at the first failure: what follows is left for the next plan to show, so
/// nothing is done twice and nothing is half-done silently.
public struct ApplyOutcome: Sendable {
    public var plan: DeploymentPlan
    public var applied: [AppliedWorkflow]
    /// The workflow being applied when the failure happened, and the failure.
    public var failure: (workflow: String, error: DeploymentError)?

    public init(plan: DeploymentPlan, applied: [AppliedWorkflow], failure: (workflow: String, error: DeploymentError)?) {
        self.plan = plan
        self.applied = applied
        self.failure = failure
    }
}
