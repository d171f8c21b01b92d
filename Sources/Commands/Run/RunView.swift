import Foundation
import JSONValue
import Records
import Synchronization

/// The views of `sfn run`.
///
/// Text: on a terminal, a progress line on stderr that names each state as it is entered
/// (`▸ ProcessData … SaveResults …`), completed by the outcome; elsewhere only the outcome
/// line (`SUCCEEDED in 0.21 s  (revision a1b2c3d)`) on stderr. The output JSON goes to
/// stdout alone, so it can be piped; a failed execution's error and cause go to stderr.
/// With `--no-wait`, the execution's ARN on stdout.
///
/// JSON: one object: the execution's ARN, status, revision, commit, definition sha256,
/// start and stop, duration, and its output, error and cause.
struct RunView {
    let console: Console
    let format: OutputFormat

    /// Whether a progress line was started (it is then finished on the same line).
    private let progress = ProgressLine()

    init(console: Console, format: OutputFormat) {
        self.console = console
        self.format = format
    }

    /// The progress reporter: each new state is appended to one line.
    func progressLine() -> @Sendable (String) -> Void {
        { [console, progress] state in
            let first = progress.shown.withLock { shown in
                defer { shown = true }
                return !shown
            }
            console.err(first ? "▸ \(state)" : " … \(state)")
        }
    }

    func show(_ outcome: WorkflowRun.Outcome, deployed: DeployedWorkflow) {
        let record = outcome.record
        switch format {
        case .json:
            console.out(json(outcome).serialized(.pretty) + "\n")
        case .text:
            guard outcome.waited else {
                console.out(record.executionArn + "\n")
                console.err("started \(record.name)  (revision \(revision(record)))\n")
                return
            }
            let shown = progress.shown.withLock { $0 }
            let summary = "\(record.status.rawValue) in \(RunView.duration(record.duration))  (revision \(revision(record)))"
            console.err(shown ? " … \(summary)\n" : summary + "\n")
            if record.status == .succeeded {
                let text = outcome.output ?? "null"
                let pretty = (try? JSON.parse(text))?.serialized(.pretty) ?? text
                console.out(pretty + "\n")
            } else {
                var text = ""
                if let error = record.error { text += "error: \(error)\n" }
                if let cause = record.cause, !cause.isEmpty { text += "cause: \(cause)\n" }
                console.err(text)
            }
        }
    }

    private func revision(_ record: ExecutionRecord) -> String {
        record.commit.isEmpty ? "unknown" : record.revision.short
    }

    /// `0.21 s`, `12.4 s`, `95 s`; `–` when unknown.
    static func duration(_ seconds: TimeInterval?) -> String {
        guard let seconds else { return "–" }
        if seconds < 10 { return String(format: "%.2f s", seconds) }
        if seconds < 100 { return String(format: "%.1f s", seconds) }
        return String(format: "%.0f s", seconds)
    }

    func json(_ outcome: WorkflowRun.Outcome) -> JSON {
        var object = RunView.fields(outcome.record)
        if let output = outcome.output { object["output"] = (try? JSON.parse(output)) ?? .string(output) }
        return .object(object)
    }

    /// An execution record as JSON fields, shared with `sfn executions`.
    static func fields(_ record: ExecutionRecord) -> JSONObject {
        var object: JSONObject = [
            "executionArn": .string(record.executionArn),
            "name": .string(record.name),
            "environment": .string(record.environment),
            "workflow": .string(record.workflow),
            "startedArn": .string(record.startedArn),
            "status": .string(record.status.rawValue),
            "commit": .string(record.commit),
            "dirty": .bool(record.dirty),
            "revision": .string(record.commit.isEmpty ? "" : record.revision.short),
            "definitionSha256": .string(record.definitionSHA256),
            "startDate": .string(RunView.iso(record.startDate)),
        ]
        if let stop = record.stopDate { object["stopDate"] = .string(RunView.iso(stop)) }
        if let duration = record.duration { object["durationSeconds"] = .number(JSONNumber((duration * 1000).rounded() / 1000)) }
        if let transitions = record.transitions { object["transitions"] = .number(JSONNumber(transitions)) }
        if let error = record.error { object["error"] = .string(error) }
        if let cause = record.cause { object["cause"] = .string(cause) }
        return object
    }

    /// `2026-11-28T10:02:00.123Z`.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// The state of the progress line, shared by the reporter (called from the polling task)
/// and the final view.
private final class ProgressLine: Sendable {
    let shown = Mutex(false)
}
