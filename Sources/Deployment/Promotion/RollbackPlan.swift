/// What `sfn rollback` will do for an environment: move aliases back, or deploy an earlier
/// commit again where the target keeps no versions to move back to.
public enum RollbackPlan: Sendable {
    /// Each workflow's alias moves to the version of its previous commit; nothing is redeployed.
    case movesAliases(DeploymentSession.Planned)
    /// The target has no versions: `workflows` were last deployed from `revision` before the
    /// commit they run now (from this machine's records), so that revision is deployed again,
    /// as `sfn rollback --to REV` would.
    case redeploys(revision: String, workflows: [String])
}
