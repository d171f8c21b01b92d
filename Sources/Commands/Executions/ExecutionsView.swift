import JSONValue
import Records

/// The views of `sfn executions`.
///
/// Text:
/// ```
/// started           env  workflow         name   status     duration  revision
/// 2026-11-28 10:02  dev  data-processing  run-1  SUCCEEDED  0.21 s    a1b2c3d
/// ```
/// JSON: `{"executions": [...]}`, each with the fields `sfn run --output json` prints.
struct ExecutionsView {
    let console: Console
    let format: OutputFormat

    func show(_ executions: [ExecutionRecord], filtered: Bool) {
        switch format {
        case .json:
            let list = JSON.array(executions.map { .object(RunView.fields($0)) })
            console.out(JSON.object(["executions": list]).serialized(.pretty) + "\n")
        case .text:
            guard !executions.isEmpty else {
                console.out(filtered
                    ? "no recorded executions match\n"
                    : "no executions recorded yet: start one with `sfn run WORKFLOW --env ENV`\n")
                return
            }
            var table = ColumnTable([
                .init(title: "started"), .init(title: "env"), .init(title: "workflow"), .init(title: "name"),
                .init(title: "status"), .init(title: "duration", alignment: .right), .init(title: "revision"),
            ])
            for execution in executions {
                table.add([
                    ColumnTable.minute(execution.startDate), execution.environment, execution.workflow, execution.name,
                    execution.status.rawValue, execution.duration.map { RunView.duration($0) } ?? "",
                    execution.commit.isEmpty ? "unknown" : execution.revision.short,
                ])
            }
            console.out(table.text)
        }
    }
}
