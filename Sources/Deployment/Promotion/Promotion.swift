import Diagnostics

/// `sfn promote --from A --to B`: reads from A's target which commit each workflow runs, renders
/// that commit for B through libgit2, and plans B from it (one plan per distinct commit).
public struct Promotion: Sendable {
    public var session: DeploymentSession

    public init(session: DeploymentSession) {
        self.session = session
    }

    /// The plans that bring `destination` to what `source` runs, for `workflows` (all that
    /// `source` runs when empty). Throws when a workflow runs uncommitted sources in `source`.
    public func plan(from source: String, to destination: String, workflows: [String]) async throws(DeploymentError)
        -> [DeploymentSession.Planned]
    {
        let sourceState = try await DesiredState.load(root: session.root, environment: source)
        let sourceTarget = try await session.resolver.resolve(sourceState.environment)
        let capabilities = try await TargetCapabilities.probe(sourceTarget)
        let inventory = try await TargetInventory.read(sourceTarget, capabilities: capabilities, names: [])
        let managed = inventory.managed(environment: source)
        for id in workflows where managed[id] == nil {
            throw DeploymentError(.nothingToDeploy, "workflow '\(id)' is not deployed to environment '\(source)'")
        }
        var byCommit: [String: [String]] = [:]
        for (id, machine) in managed where workflows.isEmpty || workflows.contains(id) {
            guard let revision = machine.deployedRevision, !revision.commit.isEmpty else {
                throw DeploymentError(.nothingToDeploy, "environment '\(source)' does not say which commit '\(id)' runs (no sfn:commit tag)")
            }
            guard !revision.dirty else {
                throw DeploymentError(
                    .dirtySources,
                    "environment '\(source)' runs '\(id)' from \(revision.short), uncommitted sources that match no commit: deploy a commit to \(source) first")
            }
            byCommit[revision.commit, default: []].append(id)
        }
        guard !byCommit.isEmpty else {
            throw DeploymentError(.nothingToDeploy, "environment '\(source)' has no workflows deployed by sfn to promote")
        }
        var plans: [DeploymentSession.Planned] = []
        for (commit, ids) in byCommit.sorted(by: { $0.key < $1.key }) {
            let desired = try await DesiredState.load(
                root: session.root, environment: destination, workflows: ids.sorted(), revision: commit)
            if desired.diagnostics.hasErrors {
                throw DeploymentError(.plan, "commit \(commit.prefix(7)) does not render for environment '\(destination)'")
            }
            plans.append(try await session.plan(desired))
        }
        return plans
    }
}
