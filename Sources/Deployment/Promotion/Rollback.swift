import JSONValue
import StepFunctionsAPI

/// `sfn rollback`: moves each workflow's alias back to the version of the commit deployed
/// before the current one, found from the versions' descriptions on the target itself.
///
/// The machine's latest definition and its tags are left as they are: only the alias moves,
/// so the next plan shows the alias moving forward again until the repository changes.
///
/// A target without versions and aliases has nothing to move back to: there the previous
/// commit comes from this machine's deployment records and is deployed again.
public struct Rollback: Sendable {
    public var session: DeploymentSession

    public init(session: DeploymentSession) {
        self.session = session
    }

    /// What rolling back `workflows` (all deployed ones when empty) in `environment` does: the
    /// aliases moved to the previous commit's versions, or, on a target without versions, the
    /// previous commit to deploy again. Throws when a workflow has no earlier commit to go
    /// back to.
    public func plan(environment: String, workflows: [String]) async throws(DeploymentError) -> RollbackPlan {
        let desired = try await DesiredState.load(root: session.root, environment: environment)
        let target = try await session.resolver.resolve(desired.environment)
        let capabilities = try await TargetCapabilities.probe(target)
        let inventory = try await TargetInventory.read(target, capabilities: capabilities, names: [])
        let managed = inventory.managed(environment: environment)
        for id in workflows where managed[id] == nil {
            throw DeploymentError(.nothingToDeploy, "workflow '\(id)' is not deployed to environment '\(environment)'")
        }
        guard capabilities.versions && capabilities.aliases else {
            return try redeployment(environment: environment, workflows: workflows, managed: managed, target: target)
        }
        var items: [PlanItem] = []
        for (id, machine) in managed.sorted(by: { $0.key < $1.key }) where workflows.isEmpty || workflows.contains(id) {
            guard let alias = machine.alias, let current = alias.version, let revision = alias.revision else {
                throw DeploymentError(.nothingToDeploy, "workflow '\(id)' has no '\(target.alias)' alias with a version sfn published")
            }
            guard let previous = try await previousVersion(of: machine, before: current, leaving: revision, target: target)
            else {
                // Rolling back a whole environment leaves alone what has never changed.
                if workflows.isEmpty { continue }
                throw DeploymentError(
                    .nothingToDeploy,
                    "workflow '\(id)' in environment '\(environment)' has no version of a commit before \(revision.short) to roll back to")
            }
            let tags = machine.tags.sorted { $0.key < $1.key }.map { Tag(key: $0.key, value: $0.value) }
            let desiredMachine = DesiredMachine(
                definition: previous.definition, definitionSHA256: previous.sha256, roleArn: machine.roleArn,
                type: machine.type, tags: tags, revision: previous.revision, alias: target.alias)
            items.append(PlanItem(
                action: .update, workflow: id, stateMachineName: machine.name, stateMachineArn: machine.arn.description,
                type: machine.type, stateCount: 0,
                changes: [PlanChange(
                    kind: .changed, path: "alias.\(target.alias)",
                    old: JSON.string("version \(current) (\(revision.short))").serialized(),
                    new: JSON.string("version \(previous.arn.versionNumber ?? 0) (\(previous.revision.short))").serialized())],
                desired: desiredMachine, observed: machine.fingerprint, movesAlias: true,
                aliasVersion: previous.arn.description))
        }
        guard !items.isEmpty else {
            throw DeploymentError(
                .nothingToDeploy, "no workflow in environment '\(environment)' has a version of an earlier commit to roll back to")
        }
        let plan = DeploymentPlan(
            environment: environment, target: target.description, source: desired.source, capabilities: capabilities,
            items: items, notes: [])
        return .movesAliases(DeploymentSession.Planned(desired: desired, target: target, inventory: inventory, plan: plan))
    }

    /// On a target without versions: the one commit the chosen workflows ran before their
    /// current one, from the records. Workflows that went back to different commits are
    /// refused together rather than deployed from one of them; a whole-environment rollback
    /// skips those with no earlier commit, as the alias path does.
    func redeployment(
        environment: String, workflows: [String], managed: [String: DeployedMachine], target: ResolvedTarget
    ) throws(DeploymentError) -> RollbackPlan {
        guard let records = try PreviousCommits.open(root: session.root) else {
            throw DeploymentError(
                .nothingToDeploy,
                "\(target.description) keeps no versions to move back to, and this machine has no deployment records to find the previous commit in: roll back with --to REV, which deploys that commit again")
        }
        var previous: [String: String] = [:]
        for (id, machine) in managed.sorted(by: { $0.key < $1.key }) where workflows.isEmpty || workflows.contains(id) {
            guard let current = machine.deployedRevision,
                let commit = try records.before(current, workflow: id, environment: environment)
            else {
                if workflows.isEmpty { continue }
                throw DeploymentError(
                    .nothingToDeploy,
                    "workflow '\(id)' in environment '\(environment)' has no earlier commit in this machine's deployment records: roll back with --to REV")
            }
            previous[id] = commit
        }
        let commits = Set(previous.values)
        guard let commit = commits.first else {
            throw DeploymentError(
                .nothingToDeploy, "no workflow in environment '\(environment)' has an earlier commit in this machine's deployment records")
        }
        guard commits.count == 1 else {
            let listed = previous.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value.prefix(7))" }.joined(separator: ", ")
            throw DeploymentError(
                .nothingToDeploy,
                "the workflows of environment '\(environment)' go back to different commits (\(listed)); \(target.description) keeps no versions, so roll them back one at a time")
        }
        return .redeploys(revision: commit, workflows: previous.keys.sorted())
    }

    struct PreviousVersion {
        var arn: StateMachineARN
        var revision: DeployedRevision
        var definition: String
        var sha256: String
    }

    /// The newest version below `current` whose description names a commit other than `revision`.
    func previousVersion(of machine: DeployedMachine, before current: Int, leaving revision: DeployedRevision, target: ResolvedTarget)
        async throws(DeploymentError) -> PreviousVersion?
    {
        var number = current - 1
        while number >= 1 {
            let arn = machine.arn.version(number)
            do {
                let version = try await target.service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: arn))
                if let named = DeployedRevision(versionDescription: version.description), named != revision {
                    let json = try? JSON.parse(version.definition)
                    return PreviousVersion(
                        arn: arn, revision: named, definition: json?.serialized(.canonical) ?? version.definition,
                        sha256: json?.canonicalSHA256 ?? "")
                }
            } catch where MachineReader.isGone(error) {
                // A deleted version: keep looking further back.
            } catch {
                throw .target(error, doing: "DescribeStateMachine of \(arn)", on: target.description)
            }
            number -= 1
        }
        return nil
    }
}
