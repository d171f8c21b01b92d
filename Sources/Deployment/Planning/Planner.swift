import JSONValue
import Planning
import StepFunctionsAPI
import Workspace

/// Compares what an environment should run with what its target holds, and says what apply
/// would do: create, update, replace, delete (with `prune`) or keep, with every field that
/// differs (the definition as JSON values, and type, role, logging, tracing, tags, alias).
///
/// Synchronous and pure: the desired state and the inventory are read before.
public struct Planner: Sendable {
    public var target: ResolvedTarget
    public var capabilities: TargetCapabilities
    /// Delete managed machines whose workflows are no longer in the repository.
    public var prune: Bool

    public init(target: ResolvedTarget, capabilities: TargetCapabilities, prune: Bool = false) {
        self.target = target
        self.capabilities = capabilities
        self.prune = prune
    }

    /// The execution role a workflow that names none gets on the local engine and emulators,
    /// which accept any well-formed role. AWS does not: there it is a plan error.
    public static func placeholderRole(account: String) -> String { "arn:aws:iam::\(account):role/sfn-placeholder" }

    public func plan(_ desired: DesiredState, inventory: TargetInventory) throws(DeploymentError) -> DeploymentPlan {
        var items: [PlanItem] = []
        var notes = capabilities.notes
        var missingRoles: [String] = []
        for workflow in desired.workflows {
            guard let role = workflow.role ?? (target.kind == .aws ? nil : Self.placeholderRole(account: workflow.account))
            else {
                missingRoles.append(workflow.id)
                continue
            }
            items.append(item(for: workflow, role: role, desired: desired, actual: inventory.machine(named: workflow.stateMachineName)))
        }
        if !missingRoles.isEmpty {
            throw DeploymentError(
                .plan,
                "no execution role for \(missingRoles.map { "'\($0)'" }.joined(separator: ", ")) in environment '\(desired.environment.name)': "
                    + "AWS needs one; set `role:` in the workflow or the environment")
        }
        let wanted = Set(desired.workflows.map(\.stateMachineName))
        let leftovers = inventory.managed(environment: desired.environment.name).values
            .filter { !wanted.contains($0.name) && (desired.selection.isEmpty || desired.selection.contains($0.ownership?.workflow ?? "")) }
            .sorted { $0.name < $1.name }
        if prune {
            for machine in leftovers {
                items.append(PlanItem(
                    action: .delete, workflow: machine.ownership?.workflow ?? machine.name, stateMachineName: machine.name,
                    stateMachineArn: machine.arn.description, type: machine.type,
                    stateCount: machine.definition?["States"]?.objectValue?.count ?? 0, observed: machine.fingerprint))
            }
        } else if !leftovers.isEmpty {
            notes.append(
                "\(leftovers.count) managed machine\(leftovers.count == 1 ? "" : "s") no longer in the repository: "
                    + leftovers.map(\.name).joined(separator: ", ") + " (plan with --prune to delete)")
        }
        if let keep = target.keepVersions, capabilities.versions, items.contains(where: { $0.action != .keep }) {
            notes.append(
                capabilities.versionListing
                    ? "keep_versions: \(keep): after each deployment, versions of the machine beyond its newest \(keep) that no alias routes to are deleted"
                    : "keep_versions is ignored: this target cannot list versions, so none are deleted")
        }
        return DeploymentPlan(
            environment: desired.environment.name, target: target.description, source: desired.source,
            capabilities: capabilities, items: items, notes: notes)
    }

    func item(for workflow: RenderedWorkflow, role: String, desired: DesiredState, actual: DeployedMachine?) -> PlanItem {
        let definition = workflow.definition.value
        let type = StepFunctionsAPI.StateMachineType(rawValue: workflow.type.rawValue) ?? .standard
        let revision = desired.revision(of: workflow.id)
        let ownership = Ownership(
            workflow: workflow.id, environment: workflow.environment, revision: revision, definitionSHA256: workflow.sha256)
        var tags = workflow.tags.filter { !Ownership.isOwnershipKey($0.key) }.map { Tag(key: $0.key, value: $0.value) }
        tags += ownership.tags
        let machine = DesiredMachine(
            definition: definition.serialized(.canonical), definitionSHA256: workflow.sha256, roleArn: role, type: type,
            tags: tags, revision: revision, alias: workflow.alias)
        var item = PlanItem(
            action: .create, workflow: workflow.id, stateMachineName: workflow.stateMachineName,
            stateMachineArn: (actual?.arn ?? target.stateMachineARN(for: workflow)).description, type: type,
            stateCount: definition["States"]?.objectValue?.count ?? 0, desired: machine, observed: actual?.fingerprint,
            movesAlias: capabilities.aliases, dirtySources: desired.dirtySources[workflow.id] ?? [])
        guard let actual else { return item }
        if actual.type != type {
            item.action = .replace
            item.changes = [PlanChange(kind: .changed, path: "type", old: text(actual.type.rawValue), new: text(type.rawValue))]
            return item
        }
        // Equal identities are the common case: no walk over the definitions.
        var changes =
            actual.definitionSHA256 == workflow.sha256
            ? [] : DefinitionDiff(old: actual.definition ?? .string(actual.definitionText), new: definition).changes.map(PlanChange.init)
        if actual.roleArn != role { changes.append(PlanChange(kind: .changed, path: "role", old: text(actual.roleArn), new: text(role))) }
        let logging = LoggingConfiguration.normalizedLevel(actual.loggingConfiguration)
        if logging != "OFF" { changes.append(PlanChange(kind: .changed, path: "logging", old: text(logging), new: text("OFF"))) }
        if actual.tracingConfiguration?.enabled == true {
            changes.append(PlanChange(kind: .changed, path: "tracing", old: "true", new: "false"))
        }
        let wantedTags = JSON.object(JSONObject(tags.filter { !Ownership.isOwnershipKey($0.key ?? "") }.map { ($0.key ?? "", JSON.string($0.value ?? "")) }))
        let actualTags = JSON.object(JSONObject(actual.userTags.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) }))
        if capabilities.tags {
            changes += DefinitionDiff(old: actualTags, new: wantedTags).changes.map {
                var change = PlanChange($0)
                change.path = "tags." + change.path
                return change
            }
        }
        if !capabilities.tags {
            // Nothing to compare: the target keeps no tags.
        } else if actual.ownership == nil {
            changes.append(PlanChange(kind: .added, path: "tags.\(Ownership.toolKey)", old: nil, new: text(Ownership.toolValue)))
        } else if actual.ownership?.definitionSHA256 != workflow.sha256 && changes.isEmpty {
            // The definition already matches (an apply stopped before tagging): only the tags are left.
            changes.append(PlanChange(
                kind: .changed, path: "tags.\(Ownership.definitionKey)", old: actual.ownership.map { text($0.definitionSHA256) },
                new: text(workflow.sha256)))
        }
        item.movesAlias = false
        if capabilities.aliases {
            let current = actual.alias?.version.map { "version \($0)" }
            let configurationChanges = changes.contains { !$0.path.hasPrefix("tags.") }
            if actual.alias?.versionDefinitionSHA256 != workflow.sha256 || configurationChanges {
                item.movesAlias = true
                var next = "new version"
                if !configurationChanges, let latest = actual.latestVersion, latest.definitionSHA256 == workflow.sha256 {
                    // Already published (an apply stopped before the alias moved): reuse it.
                    item.aliasVersion = latest.arn.description
                    next = latest.arn.versionNumber.map { "version \($0)" } ?? next
                }
                // A new version moves the alias as a matter of course; the alias is a change of its
                // own only when nothing else is (an apply stopped before moving it, a rollback).
                if !configurationChanges {
                    changes.append(PlanChange(
                        kind: current == nil ? .added : .changed, path: "alias.\(workflow.alias)", old: current.map(text),
                        new: text(next)))
                }
            }
        }
        item.action = changes.isEmpty ? .keep : .update
        item.changes = changes
        return item
    }

    /// A string as the compact JSON text changes carry.
    private func text(_ value: String) -> String { JSON.string(value).serialized() }

}

extension PlanChange {
    init(_ change: FieldChange) {
        let kind: Kind =
            switch change.kind {
            case .added: .added
            case .removed: .removed
            case .changed: .changed
            }
        self.init(kind: kind, path: change.path, old: change.old?.serialized(), new: change.new?.serialized())
    }
}
