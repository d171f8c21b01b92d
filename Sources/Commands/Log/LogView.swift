import JSONValue
import Planning

/// The views of `sfn log`.
///
/// One workflow in one environment reads as one line per commit:
/// ```
/// a1b2c3d 2026-11-20 Raise transform retries  sha256:4f1e2a3b…  (2 states changed)
/// ```
/// Several workflows or environments list each change under its commit:
/// ```
/// a1b2c3d 2026-11-20 Raise transform retries
///     ~ etl@prod  sha256:4f1e2a3b…  (2 states changed)
/// ```
struct LogView {
    /// The longest subject shown before it is cut with `…`.
    static let subjectWidth = 50

    func text(_ log: WorkflowLog) -> String {
        var text = ""
        let single = log.workflows.count == 1 && log.environments.count == 1
        let subjects = log.entries.map { LogView.cut($0.commit.subject) }
        let width = subjects.map(\.count).max() ?? 0
        for (entry, subject) in zip(log.entries, subjects) {
            let head = "\(entry.commit.shortSHA) \(entry.commit.date) "
            if single, let change = entry.changes.first, entry.changes.count == 1 {
                text += head + LogView.padded(subject, to: width) + "  \(LogView.digest(change))  (\(change.summary))\n"
                continue
            }
            text += head + subject + "\n"
            let labels = entry.changes.map { "\($0.workflow)@\($0.environment)" }
            let labelWidth = labels.map(\.count).max() ?? 0
            for (change, label) in zip(entry.changes, labels) {
                text += "    \(LogView.symbol(change.kind)) \(LogView.padded(label, to: labelWidth))  \(LogView.digest(change))  (\(change.summary))\n"
            }
        }
        if log.entries.isEmpty {
            text += "no commit changed the rendered definitions (\(log.commitsWalked) commit\(log.commitsWalked == 1 ? "" : "s") walked)\n"
        }
        if let boundary = log.shallowBoundary {
            text += "note: shallow clone: history before \(boundary.shortSHA) (\(boundary.date) \(LogView.cut(boundary.subject))) is not in this clone; run 'git fetch --unshallow' to see it\n"
        }
        return text
    }

    func json(_ log: WorkflowLog) -> String {
        let entries = log.entries.map { entry in
            JSON.object(JSONObject([
                ("commit", .string(entry.commit.sha)),
                ("shortCommit", .string(entry.commit.shortSHA)),
                ("date", .string(entry.commit.date)),
                ("time", .number(JSONNumber(entry.commit.time))),
                ("author", .string(entry.commit.authorName)),
                ("subject", .string(entry.commit.subject)),
                ("changes", .array(entry.changes.map { change in
                    JSON.object(JSONObject([
                        ("workflow", .string(change.workflow)),
                        ("environment", .string(change.environment)),
                        ("kind", .string(change.kind.rawValue)),
                        ("previousWorkflow", change.previousWorkflow.map(JSON.string) ?? .null),
                        ("sha256", change.sha256.map(JSON.string) ?? .null),
                        ("previousSHA256", change.previousSHA256.map(JSON.string) ?? .null),
                        ("summary", .string(change.summary)),
                        ("states", change.diff.map { diff in
                            JSON.object(JSONObject([
                                ("added", .array(diff.definition.addedStates.map(JSON.string))),
                                ("removed", .array(diff.definition.removedStates.map(JSON.string))),
                                ("changed", .array(diff.definition.changedStates.map(JSON.string))),
                            ]))
                        } ?? .null),
                    ]))
                })),
            ]))
        }
        let document = JSON.object(JSONObject([
            ("workflows", .array(log.workflows.map(JSON.string))),
            ("environments", .array(log.environments.map(JSON.string))),
            ("commitsWalked", .number(JSONNumber(log.commitsWalked))),
            ("entries", .array(entries)),
            ("shallowBoundary", log.shallowBoundary.map { .string($0.sha) } ?? .null),
        ]))
        return document.serialized(.pretty)
    }

    /// `sha256:4f1e2a3b…`, or `-` padded to the same width when there is none.
    static func digest(_ change: HistoryChange) -> String {
        guard let sha = change.sha256 else { return padded("-", to: 16) }
        return "sha256:" + sha.prefix(8) + "…"
    }

    static func symbol(_ kind: HistoryChange.Kind) -> String {
        switch kind {
        case .added: "+"
        case .removed: "-"
        case .changed, .fixed: "~"
        case .renamed: "R"
        case .broken: "!"
        }
    }

    static func cut(_ subject: String) -> String {
        subject.count > subjectWidth ? String(subject.prefix(subjectWidth - 1)) + "…" : subject
    }

    static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
