import Foundation

/// One deployment of one workflow to one environment: what `sfn apply`, `promote` or
/// `rollback` did, from which commit, to which ARNs.
///
/// `sfn results` dates each revision by its deployment, `sfn status` and `sfn run` read the
/// commit a machine runs from the latest one (where the target's tags cannot say), and
/// `sfn rollback` finds the previously deployed commit here.
public struct DeploymentRecord: Sendable, Hashable, Codable {
    /// Unique per deployment (a UUID unless the caller has its own id).
    public var id: String
    /// The environment's name (`dev`), as `environments/<env>.yaml` names it.
    public var environment: String
    /// The workflow's id (`data-processing`), its file name without the extension.
    public var workflow: String
    public var stateMachineArn: String
    /// The version published for this deployment; nil where the target has no versions.
    public var versionArn: String?
    /// The environment's alias, moved to `versionArn`; nil where the target has no aliases.
    public var aliasArn: String?
    /// The full 40-digit sha of the commit whose sources were deployed.
    public var commit: String
    /// True when the working tree's sources differed from `commit` (recorded as `<sha>-dirty`).
    public var dirty: Bool
    /// The sha256 of the canonical rendered definition, the identity of what runs.
    public var definitionSHA256: String
    /// The target's kind and address (`local`, `endpoint http://127.0.0.1:4566`, `aws us-east-1`),
    /// never a credential.
    public var target: String
    /// The saved plan applied, when the deployment came from `sfn apply plan.json`.
    public var planId: String?
    /// What was done: `create`, `update`, `replace`, `promote`, `rollback`, or another word
    /// of the deploying command's vocabulary.
    public var action: String
    public var deployedAt: Date

    public init(
        id: String = UUID().uuidString.lowercased(), environment: String, workflow: String, stateMachineArn: String,
        versionArn: String? = nil, aliasArn: String? = nil, commit: String, dirty: Bool = false,
        definitionSHA256: String, target: String, planId: String? = nil, action: String, deployedAt: Date = Date()
    ) {
        self.id = id
        self.environment = environment
        self.workflow = workflow
        self.stateMachineArn = stateMachineArn
        self.versionArn = versionArn
        self.aliasArn = aliasArn
        self.commit = commit
        self.dirty = dirty
        self.definitionSHA256 = definitionSHA256
        self.target = target
        self.planId = planId
        self.action = action
        self.deployedAt = deployedAt
    }

    /// The revision as people read it: the commit's seven digits, `-dirty` when it was.
    public var revision: String { Revision(commit: commit, dirty: dirty).short }
}
