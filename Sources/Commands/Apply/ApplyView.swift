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
        if !applied.prunedVersions.isEmpty {
            line += "   pruned \(Self.versions(applied.prunedVersions))"
        }
        return line + "\n"
    }

    /// `version 3`, `versions 1–4`, `versions 1, 3, 5`: what `keep_versions` deleted.
    static func versions(_ numbers: [Int]) -> String {
        guard numbers.count > 1 else { return "version \(numbers[0])" }
        let contiguous = zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
        return contiguous
            ? "versions \(numbers[0])–\(numbers[numbers.count - 1])"
            : "versions " + numbers.map(String.init).joined(separator: ", ")
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
