import Diagnostics
import Validation

/// Plan and apply for one repository: reads the desired state, resolves and probes the target,
/// reads what is deployed, plans, and checks a saved plan before it is applied.
///
/// The commands are thin over this; tests and the benchmark call it directly.
public struct DeploymentSession: Sendable {
    /// The sfn repository's root.
    public var root: String
    public var resolver: TargetResolver

    public init(root: String, resolver: TargetResolver) {
        self.root = root
        self.resolver = resolver
    }

    /// A plan with what it was made from.
    public struct Planned: Sendable {
        public var desired: DesiredState
        public var target: ResolvedTarget
        public var inventory: TargetInventory
        public var plan: DeploymentPlan
    }

    /// Plans `environment` (the workflows named, or all it includes) from the working tree, or
    /// from `revision` through libgit2.
    public func plan(
        environment: String, workflows: [String] = [], revision: String? = nil, prune: Bool = false
    ) async throws(DeploymentError) -> Planned {
        let desired = try await DesiredState.load(root: root, environment: environment, workflows: workflows, revision: revision)
        if desired.diagnostics.hasErrors {
            throw DeploymentError(.plan, "the sources of environment '\(environment)' have errors; nothing was planned")
        }
        return try await plan(desired, prune: prune)
    }

    /// Plans an already loaded desired state.
    public func plan(_ desired: DesiredState, prune: Bool = false) async throws(DeploymentError) -> Planned {
        let target = try await resolver.resolve(desired.environment)
        let capabilities = try await TargetCapabilities.probe(target)
        let names = Set(desired.workflows.map(\.stateMachineName))
        let inventory = try await TargetInventory.read(target, capabilities: capabilities, names: names)
        let plan = try Planner(target: target, capabilities: capabilities, prune: prune).plan(desired, inventory: inventory)
        try Self.validate(plan, desired: desired)
        return Planned(desired: desired, target: target, inventory: inventory, plan: plan)
    }

    /// The target of a saved plan, after checking that the target still holds what the plan saw:
    /// a machine changed, created or deleted since makes the plan stale, and nothing is applied.
    public func checkSaved(_ plan: DeploymentPlan) async throws(DeploymentError) -> (target: ResolvedTarget, desired: DesiredState) {
        let desired = try await DesiredState.load(root: root, environment: plan.environment)
        let target = try await resolver.resolve(desired.environment)
        guard target.description == plan.target else {
            throw DeploymentError(
                .stalePlan,
                "the plan was made for \(plan.target), but environment '\(plan.environment)' now deploys to \(target.description); plan again")
        }
        let inventory = try await TargetInventory.read(
            target, capabilities: plan.capabilities, names: Set(plan.items.map(\.stateMachineName)))
        var changed: [String] = []
        for item in plan.items where inventory.machine(named: item.stateMachineName)?.fingerprint != item.observed {
            changed.append(item.stateMachineName)
        }
        guard changed.isEmpty else {
            throw DeploymentError(
                .stalePlan,
                "the plan is stale: \(changed.joined(separator: ", ")) changed on \(target.description) since it was made "
                    + "(plan \(plan.id.prefix(8))); run sfn plan again and review the new plan")
        }
        return (target, desired)
    }

    /// Refuses to deploy uncommitted sources, except to the embedded engine or when allowed:
    /// such a deployment would match no commit (it is recorded as `<sha>-dirty`).
    public static func checkDirty(_ plan: DeploymentPlan, target: ResolvedTarget, allowDirty: Bool) throws(DeploymentError) {
        guard !target.isLocal, !allowDirty else { return }
        let dirty = plan.changes.filter { !$0.dirtySources.isEmpty || ($0.desired?.revision.dirty ?? false) }
        guard let first = dirty.first else { return }
        let files = first.dirtySources.isEmpty ? "" : " (\(first.dirtySources.joined(separator: ", ")))"
        let others = dirty.count > 1 ? " and \(dirty.count - 1) other workflow\(dirty.count == 2 ? "" : "s")" : ""
        throw DeploymentError(
            .dirtySources,
            "workflow '\(first.workflow)'\(others) would deploy uncommitted sources\(files) to \(target.description): "
                + "the deployed version would match no commit; commit first, or pass --allow-dirty (recorded as \(first.desired?.revision.short ?? "<sha>-dirty"))")
    }

    /// Validates what the plan would deploy (kept workflows were deployed already), so a
    /// definition the target would refuse stops the plan with its file:line:col instead of
    /// failing half-way through an apply.
    static func validate(_ plan: DeploymentPlan, desired: DesiredState) throws(DeploymentError) {
        let changing = Set(plan.items.filter { $0.action == .create || $0.action == .update || $0.action == .replace }.map(\.workflow))
        guard !changing.isEmpty else { return }
        let validator = Validator()
        var problems: [Diagnostic] = []
        for workflow in desired.workflows where changing.contains(workflow.id) {
            problems += validator.validate(workflow.definition, options: ValidationOptions(type: workflow.type)).diagnostics
        }
        guard problems.hasErrors else { return }
        let count = Set(problems.filter { $0.severity == .error }.compactMap { $0.location?.file }).count
        throw DeploymentError(
            .plan,
            "\(count == 1 ? "a workflow" : "\(count) workflows") of environment '\(desired.environment.name)' would not validate; nothing was planned",
            diagnostics: problems)
    }
}
