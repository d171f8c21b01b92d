import Diagnostics
import JSONValue
import StepFunctionsAPI

/// The views of `sfn exec`.
///
/// Text: the output JSON on stdout (a failed execution's status, error and cause on
/// stderr); with `--history`, first a table of the events:
/// ```
///  ID  PREV  ELAPSED  TYPE                DETAIL
///   1     0  +0.000s  ExecutionStarted
///   2     0  +0.000s  PassStateEntered    Hello
/// ```
/// JSON: one object with AWS's DescribeExecution fields and, with `--history`, `events`
/// as GetExecutionHistory returns them.
struct ExecView {
    let console: Console
    let format: OutputFormat
    let color: Bool

    func showInvalid(_ diagnostics: [Diagnostic], path: String, sources: SourceFileSet) {
        let errors = diagnostics.errorCount
        let summary = "\(errors) error\(errors == 1 ? "" : "s") in '\(path)'; nothing was run"
        ValidateView(console: console, format: format == .json ? .json : .text, color: color)
            .show(diagnostics, summary: summary, sources: sources)
    }

    func show(_ result: ExecRun.Result, history: Bool) {
        switch format {
        case .json: console.out(json(result, history: history).serialized(.pretty) + "\n")
        case .text: showText(result, history: history)
        }
    }

    private func showText(_ result: ExecRun.Result, history: Bool) {
        if history { console.out(table(result.events)) }
        let description = result.description
        if description.status == .succeeded {
            let output = (try? JSON.parse(description.output ?? "null")) ?? .string(description.output ?? "")
            console.out(output.serialized(.pretty) + "\n")
            return
        }
        var text = "execution \(description.status.rawValue)\n"
        if let error = description.error { text += "error: \(error)\n" }
        if let cause = description.cause, !cause.isEmpty { text += "cause: \(cause)\n" }
        console.err(text)
    }

    /// The history as a table: id, previous id, time since the start, type and detail.
    func table(_ events: [HistoryEvent]) -> String {
        let start = events.first?.timestamp.millisecondsSince1970 ?? 0
        let rows = events.map { event in
            let elapsed = event.timestamp.millisecondsSince1970 - start
            return (
                String(event.id), String(event.previousEventId ?? 0), ExecView.seconds(elapsed), event.type.rawValue,
                ExecView.detail(event))
        }
        let idWidth = max(2, rows.map(\.0.count).max() ?? 0)
        let previousWidth = max(4, rows.map(\.1.count).max() ?? 0)
        let elapsedWidth = max(7, rows.map(\.2.count).max() ?? 0)
        let typeWidth = max(4, rows.map(\.3.count).max() ?? 0)
        func line(_ columns: (String, String, String, String, String)) -> String {
            let head = ExecView.left(columns.0, idWidth) + "  " + ExecView.left(columns.1, previousWidth) + "  "
                + ExecView.left(columns.2, elapsedWidth) + "  "
            let rest = columns.4.isEmpty ? columns.3 : columns.3.padding(toLength: typeWidth) + "  " + columns.4
            return head + rest + "\n"
        }
        return line(("ID", "PREV", "ELAPSED", "TYPE", "DETAIL")) + rows.map(line).joined()
    }

    static func detail(_ event: HistoryEvent) -> String {
        if let details = event.stateEnteredEventDetails { return details.name }
        if let details = event.stateExitedEventDetails { return details.name }
        if let details = event.taskScheduledEventDetails { return details.resource }
        if let details = event.taskFailedEventDetails ?? event.taskTimedOutEventDetails {
            return failure(details.error, details.cause)
        }
        if let details = event.executionFailedEventDetails ?? event.executionAbortedEventDetails
            ?? event.executionTimedOutEventDetails
        {
            return failure(details.error, details.cause)
        }
        if let details = event.mapStateStartedEventDetails { return "length \(details.length ?? 0)" }
        if let details = event.mapIterationStartedEventDetails ?? event.mapIterationSucceededEventDetails
            ?? event.mapIterationFailedEventDetails ?? event.mapIterationAbortedEventDetails
        {
            return "\(details.name ?? "")[\(details.index ?? 0)]"
        }
        return ""
    }

    private static func failure(_ error: String?, _ cause: String?) -> String {
        guard let cause, !cause.isEmpty else { return error ?? "" }
        return "\(error ?? ""): \(cause)"
    }

    /// `+1.250s`: milliseconds since the start, in seconds.
    static func seconds(_ milliseconds: Int64) -> String {
        let fraction = String(milliseconds % 1000)
        return "+\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)s"
    }

    private static func left(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// AWS's DescribeExecution fields and, with the history, its events.
    func json(_ result: ExecRun.Result, history: Bool) -> JSON {
        var object = ExecView.encoded(result.description)
        if history, case .object(var fields) = object {
            fields["events"] = .array(result.events.map(ExecView.encoded))
            object = .object(fields)
        }
        return object
    }

    /// Fields in the order AWS's documentation lists them; any others after them, sorted.
    static let fieldOrder = [
        "id", "previousEventId", "timestamp", "type", "executionArn", "stateMachineArn", "name", "status",
        "startDate", "stopDate", "input", "inputDetails", "output", "outputDetails", "error", "cause",
    ]

    private static func encoded<T: Encodable>(_ value: T) -> JSON {
        guard let bytes = try? APICoding.encode(value), let json = try? JSON.parse(utf8: bytes) else { return .null }
        return ordered(json)
    }

    /// The encoder's key order is not stable; this one is, so the output can be compared.
    private static func ordered(_ json: JSON) -> JSON {
        guard case .object(let object) = json else { return json }
        let keys = object.keys.sorted { left, right in
            let l = fieldOrder.firstIndex(of: left) ?? fieldOrder.count
            let r = fieldOrder.firstIndex(of: right) ?? fieldOrder.count
            return l != r ? l < r : left < right
        }
        var result = JSONObject()
        for key in keys { if let value = object[key] { result[key] = ordered(value) } }
        return .object(result)
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
