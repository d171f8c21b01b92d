import Deployment
import Foundation

/// The human and JSON views of a deployment plan, Terraform's vocabulary:
///
///       + create  etl            EtlWorkflow-dev        (STANDARD, 9 states)
///       ~ update  data-processing DataProcessing-dev     ~ States.ProcessData.Retry[0].MaxAttempts: 2 → 3
///       = keep    approval       ApprovalWorkflow-dev
///     Plan: 1 to create, 1 to update, 0 to delete. Source: a1b2c3d "Raise retries" (clean)
struct PlanView {
    var colored = false

    /// How wide the workflow and state machine columns are before a value overflows them.
    static let workflowWidth = 14
    static let nameWidth = 22
    static let valueWidth = 60

    func text(_ plan: DeploymentPlan) -> String {
        var text = ""
        let indent = String(repeating: " ", count: 2 + 2 + 8 + Self.workflowWidth + 1 + Self.nameWidth + 1)
        for item in Self.ordered(plan.items) {
            let head = "  \(paint(item.action.symbol, item.action)) \(Self.pad(item.action.rawValue, 7)) "
                + "\(Self.pad(item.workflow, Self.workflowWidth)) \(Self.pad(item.stateMachineName, Self.nameWidth)) "
            let details = Self.details(item)
            if details.isEmpty {
                text += String(head.dropLast(0)).trimmingTrailingSpaces() + "\n"
                continue
            }
            text += head + details[0] + "\n"
            for line in details.dropFirst() { text += indent + line + "\n" }
        }
        text += summary(plan) + "\n"
        for note in plan.notes { text += "Note: \(note)\n" }
        return text
    }

    func summary(_ plan: DeploymentPlan) -> String {
        var counts = "\(plan.count(.create)) to create, \(plan.count(.update)) to update, \(plan.count(.delete)) to delete"
        if plan.count(.replace) > 0 { counts += ", \(plan.count(.replace)) to replace" }
        return "Plan: \(counts). Source: \(Self.source(plan.source))"
    }

    /// `a1b2c3d "Raise retries" (clean)`.
    static func source(_ source: PlanSource) -> String {
        let subject = source.subject.isEmpty ? "" : " \"\(source.subject)\""
        let state = source.dirty ? "dirty" : "clean"
        let revision = source.revision.map { ", revision \($0)" } ?? ""
        return "\(source.shortCommit)\(subject) (\(state)\(revision))"
    }

    /// Create, replace, update, delete, keep; by workflow within each.
    static func ordered(_ items: [PlanItem]) -> [PlanItem] {
        let rank: [PlanAction: Int] = [.create: 0, .replace: 1, .update: 2, .delete: 3, .keep: 4]
        return items.sorted { (rank[$0.action] ?? 9, $0.workflow) < (rank[$1.action] ?? 9, $1.workflow) }
    }

    static func details(_ item: PlanItem) -> [String] {
        switch item.action {
        case .create:
            return ["(\(item.type.rawValue), \(item.stateCount) state\(item.stateCount == 1 ? "" : "s"))"]
        case .replace:
            return item.changes.map(line) + ["(\(item.type.rawValue), \(item.stateCount) states; deleted and created again)"]
        case .update:
            return item.changes.map(line)
        case .delete:
            return ["(no longer in the repository)"]
        case .keep:
            return []
        }
    }

    /// `~ States.ProcessData.Retry[0].MaxAttempts: 2 → 3`.
    static func line(_ change: PlanChange) -> String {
        let metadata = !change.path.hasPrefix("States") && !change.path.contains(where: { $0 == "[" })
            && ["type", "role", "logging", "tracing", "alias.", "tags."].contains { change.path.hasPrefix($0) }
        func value(_ text: String?) -> String {
            guard var text else { return "(none)" }
            if metadata, text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            return text.count > valueWidth ? String(text.prefix(valueWidth - 1)) + "…" : text
        }
        switch change.kind {
        case .added: return "+ \(change.path): \(value(change.new))"
        case .removed: return "- \(change.path): \(value(change.old))"
        case .changed: return "~ \(change.path): \(value(change.old)) → \(value(change.new))"
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func paint(_ symbol: String, _ action: PlanAction) -> String {
        guard colored else { return symbol }
        let code =
            switch action {
            case .create: "32"
            case .update, .replace: "33"
            case .delete: "31"
            case .keep: "2"
            }
        return "\u{1B}[\(code)m\(symbol)\u{1B}[0m"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
