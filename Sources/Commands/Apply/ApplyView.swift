import Deployment

/// The human view of an apply, one line per workflow changed:
///
///       etl             created   version 1 (a1b2c3d)   alias live → 1
///       data-processing updated   version 7 (a1b2c3d)   alias live → 7
struct ApplyView {
    func line(_ applied: AppliedWorkflow, alias: String) -> String {
        let verb =
            switch applied.action {
            case .create: "created"
            case .update: "updated"
            case .replace: "replaced"
            case .delete: "deleted"
            case .keep: "kept"
            }
        var line = "  \(PlanView.pad(applied.workflow, 15)) \(PlanView.pad(verb, 9)) "
        guard applied.action != .delete else { return line.trimmingTrailingSpaces() + "\n" }
        let revision = "(\(applied.revision.short))"
        let version = applied.version.map { "version \($0) \(revision)" } ?? revision
        if let number = applied.version, applied.aliasArn != nil {
            line += "\(PlanView.pad(version, 21)) alias \(alias) → \(number)"
        } else {
            line += version
        }
        return line + "\n"
    }

    func summary(_ outcome: ApplyOutcome) -> String {
        let applied = outcome.applied
        func count(_ action: PlanAction) -> Int { applied.count { $0.action == action } }
        var text = "Apply \(outcome.failure == nil ? "complete" : "stopped"): \(count(.create)) created, \(count(.update)) updated, \(count(.delete)) deleted"
        if count(.replace) > 0 { text += ", \(count(.replace)) replaced" }
        return text + ".\n"
    }

    func noChanges(_ plan: DeploymentPlan) -> String {
        "No changes: environment '\(plan.environment)' is up to date (\(plan.items.count) workflow\(plan.items.count == 1 ? "" : "s"), source \(PlanView.source(plan.source))).\n"
    }
}
