import Diagnostics
import Git
import JSONValue
import Planning
import Revisions
import Workspace

/// `sfn diff --output json`: the same content as the text view, as one document.
///
/// ```json
/// {"from": {"revision": "HEAD", "commit": "…"}, "to": {"revision": "worktree", "commit": null},
///  "differences": true,
///  "environments": [{"environment": "prod", "summary": {"added": 1, …},
///    "workflows": [{"id": "etl", "status": "changed", "changes": [{"scope": "definition",
///      "kind": "changed", "path": "States.Load.Next", "pointer": "/States/Load/Next",
///      "old": "Done", "new": "Notify"}], …}]}]}
/// ```
struct DiffJSONView {
    func render(_ comparison: RevisionComparison) -> String {
        let document = JSON.object(JSONObject([
            ("from", side(comparison.from)),
            ("to", side(comparison.to)),
            ("differences", .bool(comparison.hasDifferences)),
            ("environments", .array(comparison.environments.map {
                environment($0, status: comparison.workingTree, worktreeIsNew: comparison.to.revision == .worktree)
            })),
        ]))
        return document.serialized(.pretty)
    }

    private func side(_ side: RevisionComparison.Side) -> JSON {
        .object(JSONObject([
            ("revision", .string(side.revision.description)),
            ("commit", side.commit.map { .string($0.sha) } ?? .null),
            ("subject", side.commit.map { .string($0.subject) } ?? .null),
        ]))
    }

    private func environment(_ environment: EnvironmentComparison, status: WorkingTreeStatus?, worktreeIsNew: Bool) -> JSON {
        let summary = JSONObject([
            ("added", count(environment.count(.added))),
            ("changed", count(environment.count(.changed))),
            ("removed", count(environment.count(.removed))),
            ("unchanged", count(environment.count(.unchanged))),
            ("renamed", count(environment.renamedCount)),
            ("failed", count(environment.count(.failed))),
        ])
        return .object(JSONObject([
            ("environment", .string(environment.environment)),
            ("summary", .object(summary)),
            ("workflows", .array(environment.workflows.map { workflow($0, status: status, worktreeIsNew: worktreeIsNew) })),
        ]))
    }

    /// `workingTree` lists which of the working-tree side's sources differ from HEAD.
    private func workflow(_ workflow: WorkflowComparison, status: WorkingTreeStatus?, worktreeIsNew: Bool) -> JSON {
        var object = JSONObject()
        object["id"] = .string(workflow.id)
        switch workflow.status {
        case .added: object["status"] = "added"
        case .removed: object["status"] = "removed"
        case .changed: object["status"] = "changed"
        case .unchanged: object["status"] = "unchanged"
        case .failed: object["status"] = "failed"
        case .renamed(let from):
            object["status"] = "renamed"
            object["renamedFrom"] = .string(from)
        }
        object["stateMachineName"] = workflow.stateMachineName.map(JSON.string) ?? .null
        object["from"] = rendered(workflow.old)
        object["to"] = rendered(workflow.new)
        if let diff = workflow.diff {
            object["states"] = .object(JSONObject([
                ("added", .array(diff.definition.addedStates.map(JSON.string))),
                ("removed", .array(diff.definition.removedStates.map(JSON.string))),
                ("changed", .array(diff.definition.changedStates.map(JSON.string))),
            ]))
            object["changes"] = .array(
                diff.metadata.map { change($0, scope: "metadata") } + diff.definition.changes.map { change($0, scope: "definition") })
        }
        if let status, let sources = (worktreeIsNew ? workflow.new : workflow.old)?.sources {
            let state = status.status(of: sources)
            object["workingTree"] = .object(JSONObject([
                ("staged", .array(state.staged.map(JSON.string))),
                ("modified", .array(state.modified.map(JSON.string))),
                ("untracked", .array(state.untracked.map(JSON.string))),
            ]))
        }
        if !workflow.diagnostics.isEmpty {
            let renderer = JSONDiagnosticRenderer()
            object["diagnostics"] = .array(workflow.diagnostics.compactMap { try? JSON.parse(renderer.object($0)) })
        }
        return .object(object)
    }

    private func rendered(_ workflow: RenderedWorkflow?) -> JSON {
        guard let workflow else { return .null }
        return .object(JSONObject([
            ("sha256", .string(workflow.sha256)),
            ("name", .string(workflow.stateMachineName)),
            ("type", .string(workflow.type.rawValue)),
            ("sources", .array(workflow.sources.map(JSON.string))),
        ]))
    }

    private func change(_ change: FieldChange, scope: String) -> JSON {
        .object(JSONObject([
            ("scope", .string(scope)),
            ("kind", .string(change.kind.rawValue)),
            ("path", .string(change.path)),
            ("pointer", .string(change.pointer.description)),
            ("old", change.old ?? .null),
            ("new", change.new ?? .null),
        ]))
    }

    private func count(_ value: Int) -> JSON { .number(JSONNumber(value)) }
}
