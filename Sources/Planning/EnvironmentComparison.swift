import Diagnostics
import JSONValue
import Workspace

/// Every workflow of one environment compared between two sides: the core of
/// `sfn diff`.
public struct EnvironmentComparison: Sendable {
    public var environment: String
    /// Sorted by id (the new id for renames).
    public var workflows: [WorkflowComparison]
    /// Whether the environment exists on each side.
    public var existsOld: Bool
    public var existsNew: Bool
    /// Problems with the environment itself on either side.
    public var diagnostics: [Diagnostic]

    /// Compares two snapshots of the same environment.
    public init(old: EnvironmentSnapshot, new: EnvironmentSnapshot) {
        environment = new.environment
        existsOld = old.exists
        existsNew = new.exists
        diagnostics = old.diagnostics + new.diagnostics.filter { !old.diagnostics.contains($0) }
        var result: [WorkflowComparison] = []
        var removed = old.workflowIDs.subtracting(new.workflowIDs)
        var added = new.workflowIDs.subtracting(old.workflowIDs)

        // A rename: an added and a removed workflow whose files hold the same content.
        for id in added.sorted() {
            guard let file = new.files[id], let rendered = new.workflows[id],
                  let from = removed.sorted().first(where: { old.files[$0] == file && old.workflows[$0] != nil }),
                  let previous = old.workflows[from]
            else { continue }
            removed.remove(from)
            added.remove(id)
            result.append(WorkflowComparison(
                id: id, status: .renamed(from: from), old: previous, new: rendered,
                diff: WorkflowDiff(old: previous, new: rendered)))
        }
        for id in added {
            if let failure = new.failures[id] {
                result.append(WorkflowComparison(id: id, status: .failed, diagnostics: failure))
            } else {
                result.append(WorkflowComparison(id: id, status: .added, new: new.workflows[id]))
            }
        }
        for id in removed {
            if let failure = old.failures[id] {
                result.append(WorkflowComparison(id: id, status: .failed, diagnostics: failure))
            } else {
                result.append(WorkflowComparison(id: id, status: .removed, old: old.workflows[id]))
            }
        }
        for id in old.workflowIDs.intersection(new.workflowIDs) {
            guard let before = old.workflows[id], let after = new.workflows[id] else {
                result.append(WorkflowComparison(
                    id: id, status: .failed, old: old.workflows[id], new: new.workflows[id],
                    diagnostics: (old.failures[id] ?? []) + (new.failures[id] ?? [])))
                continue
            }
            let diff = WorkflowDiff(old: before, new: after)
            result.append(WorkflowComparison(
                id: id, status: diff.isEmpty ? .unchanged : .changed, old: before, new: after, diff: diff))
        }
        workflows = result.sorted { $0.id < $1.id }
    }

    public func count(_ status: WorkflowComparison.Status) -> Int {
        workflows.filter { $0.status == status }.count
    }

    public var renamedCount: Int {
        workflows.filter { if case .renamed = $0.status { true } else { false } }.count
    }

    /// True when anything differs (or could not be compared).
    public var hasDifferences: Bool { workflows.contains { $0.status != .unchanged } }

    /// `1 added, 1 changed, 0 removed, 2 unchanged` (renames and failures when any).
    public var summaryLine: String {
        var parts = [
            "\(count(.added)) added", "\(count(.changed)) changed", "\(count(.removed)) removed",
            "\(count(.unchanged)) unchanged",
        ]
        if renamedCount > 0 { parts.append("\(renamedCount) renamed") }
        let failed = count(.failed)
        if failed > 0 { parts.append("\(failed) not rendered") }
        return parts.joined(separator: ", ")
    }
}
