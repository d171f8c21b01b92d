import JSONValue
import StepFunctionsAPI

/// The views of `sfn history`.
///
/// Text: one row per event: its id, the time since the execution started, its type, the
/// state it belongs to, and a summary of its details (a task's resource, an error and
/// its cause, a Map iteration):
/// ```
/// id  elapsed  type                 state        detail
///  1   +0.000s  ExecutionStarted
///  2   +0.000s  TaskStateEntered     ProcessData
///  3   +0.001s  TaskScheduled        ProcessData  arn:aws:lambda:us-east-1:123456789012:function:process
/// ```
/// JSON: `{"events": [...]}` as GetExecutionHistory returns them.
struct HistoryView {
    let console: Console
    let format: OutputFormat

    func show(_ events: [HistoryEvent]) {
        switch format {
        case .json:
            let list = events.compactMap { event -> JSON? in
                guard let bytes = try? APICoding.encode(event) else { return nil }
                return try? JSON.parse(utf8: bytes)
            }
            console.out(JSON.object(["events": .array(list)]).serialized(.pretty) + "\n")
        case .text:
            console.out(table(events))
        }
    }

    func table(_ events: [HistoryEvent]) -> String {
        var table = ColumnTable([
            .init(title: "id", alignment: .right), .init(title: "elapsed", alignment: .right), .init(title: "type"),
            .init(title: "state"), .init(title: "detail"),
        ])
        let start = events.first?.timestamp.millisecondsSince1970 ?? 0
        // Events after a StateEntered belong to that state until it is exited; states inside a
        // Parallel or Map are entered within it, so the open states form a stack.
        var open: [String] = []
        for event in events {
            var state = open.last
            var detail = ExecView.detail(event)
            if let entered = event.stateEnteredEventDetails {
                open.append(entered.name)
                state = entered.name
                detail = ""
            } else if let exited = event.stateExitedEventDetails {
                if let index = open.lastIndex(of: exited.name) { open.remove(at: index) }
                state = exited.name
                detail = ""
            }
            table.add([
                String(event.id), ExecView.seconds(event.timestamp.millisecondsSince1970 - start), event.type.rawValue,
                state ?? "", detail,
            ])
        }
        return table.text
    }
}
