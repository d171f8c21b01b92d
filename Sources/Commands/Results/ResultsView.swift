import Foundation
import JSONValue
import Records

/// The views of `sfn results`.
///
/// Text, for one workflow:
/// ```
/// revision  deployed          runs  succeeded  failed  p50     p95
/// a1b2c3d   2026-11-28 10:02    14         14       0  0.20 s  0.31 s
/// 9f8e7d6   2026-11-27 16:40    31         29       2  0.22 s  0.40 s
/// ```
/// and with a leading `workflow` column when no workflow is named. JSON:
/// `{"environment": …, "results": [{workflow, revision, commit, dirty, deployedAt, runs,
/// succeeded, failed, running, p50Seconds, p95Seconds}]}`.
struct ResultsView {
    let console: Console
    let format: OutputFormat
    var timeZone: TimeZone = .current

    func show(_ results: [RevisionResult], environment: String, workflow: String?) {
        switch format {
        case .json:
            console.out(json(results, environment: environment).serialized(.pretty) + "\n")
        case .text:
            guard !results.isEmpty else {
                let what = workflow.map { "'\($0)' in '\(environment)'" } ?? "'\(environment)'"
                console.out("no deployments or executions of \(what) are recorded: deploy with `sfn apply --env \(environment)`, then `sfn run`\n")
                return
            }
            console.out(text(results, workflowColumn: workflow == nil))
        }
    }

    func text(_ results: [RevisionResult], workflowColumn: Bool) -> String {
        var columns: [ColumnTable.Column] = [
            .init(title: "revision"), .init(title: "deployed"), .init(title: "runs", alignment: .right),
            .init(title: "succeeded", alignment: .right), .init(title: "failed", alignment: .right),
            .init(title: "p50"), .init(title: "p95"),
        ]
        if workflowColumn { columns.insert(.init(title: "workflow"), at: 0) }
        var table = ColumnTable(columns)
        for result in results {
            var row = [
                result.revision.commit.isEmpty ? "unknown" : result.revision.short,
                result.deployedAt.map { ColumnTable.minute($0, timeZone: timeZone) } ?? "–",
                String(result.runs), String(result.succeeded), String(result.failed),
                RunView.duration(result.p50), RunView.duration(result.p95),
            ]
            if workflowColumn { row.insert(result.workflow, at: 0) }
            table.add(row)
        }
        return table.text
    }

    func json(_ results: [RevisionResult], environment: String) -> JSON {
        func seconds(_ value: TimeInterval?) -> JSON {
            value.map { .number(JSONNumber(($0 * 1000).rounded() / 1000)) } ?? .null
        }
        let rows = results.map { result -> JSON in
            .object([
                "workflow": .string(result.workflow),
                "revision": .string(result.revision.short),
                "commit": .string(result.revision.commit),
                "dirty": .bool(result.revision.dirty),
                "deployedAt": result.deployedAt.map { .string(RunView.iso($0)) } ?? .null,
                "runs": .number(JSONNumber(result.runs)),
                "succeeded": .number(JSONNumber(result.succeeded)),
                "failed": .number(JSONNumber(result.failed)),
                "running": .number(JSONNumber(result.running)),
                "p50Seconds": seconds(result.p50),
                "p95Seconds": seconds(result.p95),
            ])
        }
        return .object(["environment": .string(environment), "results": .array(rows)])
    }
}
