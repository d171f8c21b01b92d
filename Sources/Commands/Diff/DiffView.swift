import JSONValue
import Planning
import Workspace

/// The human views of `sfn diff`: a structural summary per workflow, or unified text
/// diffs of the canonical pretty JSON.
///
/// ```
/// ~ etl (EtlWorkflow-prod)
///     ~ States.Transform.Retry[0].MaxAttempts: 3 → 5
///     + States.Notify  (Task, arn:aws:lambda:us-east-1:123456789012:function:notify-prod)
/// + approval (ApprovalWorkflow-prod)
/// 1 added, 1 changed, 0 removed, 2 unchanged
/// ```
struct DiffView {
    let colored: Bool

    /// Longest value shown inline before it is cut with `…`.
    static let valueWidth = 72

    func text(_ comparison: RevisionComparison) -> String {
        var text = ""
        for (index, environment) in comparison.environments.enumerated() {
            if comparison.environments.count > 1 {
                text += (index > 0 ? "\n" : "") + "environment \(environment.environment)\n"
            }
            for workflow in environment.workflows where workflow.isDifference {
                text += headline(workflow, comparison: comparison)
                for change in workflow.diff?.metadata ?? [] { text += "    " + line(change) + "\n" }
                for change in workflow.diff?.definition.changes ?? [] { text += "    " + line(change) + "\n" }
            }
            text += environment.summaryLine + "\n"
        }
        return text
    }

    func unified(_ comparison: RevisionComparison, context: Int) -> String {
        var text = ""
        for environment in comparison.environments {
            for workflow in environment.workflows where workflow.isDifference {
                text += headline(workflow, comparison: comparison)
                for change in workflow.diff?.metadata ?? [] { text += "    " + line(change) + "\n" }
                guard workflow.status != .failed else { continue }
                let oldID: String
                if case .renamed(let from) = workflow.status { oldID = from } else { oldID = workflow.id }
                let diff = UnifiedDiff(
                    oldLabel: workflow.old == nil ? "/dev/null" : "\(oldID)@\(environment.environment) \(comparison.from.label)",
                    newLabel: workflow.new == nil ? "/dev/null" : "\(workflow.id)@\(environment.environment) \(comparison.to.label)",
                    context: context)
                let body = diff.render(old: pretty(workflow.old), new: pretty(workflow.new))
                text += colored ? colorize(body) : body
            }
        }
        let summaries = comparison.environments.map { environment in
            (comparison.environments.count > 1 ? "\(environment.environment): " : "") + environment.summaryLine
        }
        return text + summaries.joined(separator: "\n") + "\n"
    }

    private func pretty(_ workflow: RenderedWorkflow?) -> String {
        workflow.map { $0.definition.value.serialized(.canonicalPretty) + "\n" } ?? ""
    }

    /// `~ etl (EtlWorkflow-prod)`, `R etl-v2 ← etl (…)`, `! etl: not rendered (…)`.
    private func headline(_ workflow: WorkflowComparison, comparison: RevisionComparison) -> String {
        let name = workflow.stateMachineName.map { " (\($0))" } ?? ""
        switch workflow.status {
        case .added: return paint("+", .green) + " \(workflow.id)\(name)\n"
        case .removed: return paint("-", .red) + " \(workflow.id)\(name)\n"
        case .changed: return paint("~", .yellow) + " \(workflow.id)\(name)\n"
        case .renamed(let from): return paint("R", .yellow) + " \(workflow.id) ← \(from)\(name)\n"
        case .unchanged: return "  \(workflow.id)\(name)\n"
        case .failed:
            let sides = [
                workflow.old == nil ? comparison.from.label : nil, workflow.new == nil ? comparison.to.label : nil,
            ].compactMap { $0 }
            let count = workflow.diagnostics.count
            return paint("!", .red) + " \(workflow.id): does not render at \(sides.joined(separator: " and ")) (\(count) error\(count == 1 ? "" : "s"))\n"
        }
    }

    /// One field change: `~ path: old → new`, `+ States.Name  (Task, arn:…)`, `- path: old`.
    func line(_ change: FieldChange) -> String {
        let symbol = paint(change.kind.symbol, change.kind == .added ? .green : change.kind == .removed ? .red : .yellow)
        switch change.kind {
        case .changed:
            return "\(symbol) \(change.path): \(DiffView.inline(change.old)) → \(DiffView.inline(change.new))"
        case .added, .removed:
            let value = change.kind == .added ? change.new : change.old
            if let state = DiffView.stateSummary(change.pointer, value) {
                return "\(symbol) \(change.path)  (\(state))"
            }
            return "\(symbol) \(change.path): \(DiffView.inline(value))"
        }
    }

    /// `Task, arn:…` for a whole state (a value under a `States` key with a `Type`).
    static func stateSummary(_ pointer: JSONPointer, _ value: JSON?) -> String? {
        guard pointer.tokens.count >= 2, pointer.tokens[pointer.tokens.count - 2] == .key("States"),
              let type = value?["Type"]?.stringValue else { return nil }
        if let resource = value?["Resource"]?.stringValue { return "\(type), \(resource)" }
        return type
    }

    /// Compact canonical JSON, cut at `valueWidth` characters.
    static func inline(_ value: JSON?) -> String {
        guard let value else { return "(none)" }
        let text = value.serialized(.canonical)
        return text.count > valueWidth ? String(text.prefix(valueWidth - 1)) + "…" : text
    }

    enum Color: String {
        case red = "31", green = "32", yellow = "33", cyan = "36"
    }

    private func paint(_ text: String, _ color: Color) -> String {
        colored ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func colorize(_ diff: String) -> String {
        diff.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("+++") || line.hasPrefix("---") { return String(line) }
            if line.hasPrefix("+") { return paint(String(line), .green) }
            if line.hasPrefix("-") { return paint(String(line), .red) }
            if line.hasPrefix("@@") { return paint(String(line), .cyan) }
            return String(line)
        }.joined(separator: "\n")
    }
}
