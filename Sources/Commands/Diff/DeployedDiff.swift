import ArgumentParser
import Deployment

/// `sfn diff deployed [TO]` and `sfn diff FROM deployed`: the rendered workflows of a revision
/// (or the working tree) against what each environment's target holds.
///
/// The comparison is the plan's (definition as JSON values, type, role, logging, tracing, tags),
/// shown in the direction asked: `deployed → worktree` is what apply would change.
struct DeployedDiff {
    var from: String
    var to: String
    var environments: [String]
    var repository: RepositoryOptions
    var output: OutputFormat
    var colored: Bool

    /// True when there are differences.
    func run(console: Console) async throws(CommandFailure) -> Bool {
        let deployedFirst = from == "deployed"
        let other = deployedFirst ? to : from
        guard other != "deployed" else { throw CommandFailure(message: "compare 'deployed' with a revision or 'worktree', not with itself") }
        let context = try DeploymentContext(repository: repository, console: console)
        do {
            return try await context.closing { () async throws -> Bool in
            let session = try await ProjectSession(repository: repository)
            var plans: [DeploymentPlan] = []
            for environment in try session.environments(named: environments) {
                let planned = try await context.plan(
                    environment: environment, workflows: [], revision: other == "worktree" ? nil : other, prune: true,
                    color: colored)
                var plan = planned.plan
                if !deployedFirst { plan.items = plan.items.map(Self.reversed) }
                plans.append(plan)
            }
            switch output {
            case .json:
                console.out(plans.map { PlanFile.encode($0) }.joined())
            case .text:
                var text = ""
                for plan in plans {
                    let changed = PlanView.ordered(plan.changes)
                    let label = deployedFirst ? "deployed (\(plan.target)) → \(other)" : "\(other) → deployed (\(plan.target))"
                    text += "\(plan.environment): \(label)\(changed.isEmpty ? ": no differences" : "")\n"
                    for item in changed {
                        let details = PlanView.details(item)
                        text += "  \(item.action.symbol) \(PlanView.pad(item.workflow, PlanView.workflowWidth)) \(PlanView.pad(item.stateMachineName, PlanView.nameWidth)) \(details.first ?? "")\n"
                        for line in details.dropFirst() {
                            text += String(repeating: " ", count: 4 + PlanView.workflowWidth + 1 + PlanView.nameWidth + 1) + line + "\n"
                        }
                    }
                }
                console.out(text)
            }
                return plans.contains { $0.hasChanges }
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }

    /// The same item seen from the other side: a create is a machine only deployed, and so on.
    static func reversed(_ item: PlanItem) -> PlanItem {
        var item = item
        switch item.action {
        case .create: item.action = .delete
        case .delete: item.action = .create
        default: break
        }
        item.changes = item.changes.map { change in
            let kind: PlanChange.Kind =
                switch change.kind {
                case .added: .removed
                case .removed: .added
                case .changed: .changed
                }
            return PlanChange(kind: kind, path: change.path, old: change.new, new: change.old)
        }
        return item
    }
}
