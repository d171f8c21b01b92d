import Foundation
import GRDB
public import StepFunctionsAPI

extension RecordStore {
    /// Records an execution, or updates the record of the same `executionArn`: `sfn run`
    /// writes it when it starts and again when it ends. A nil `input`, `output` or
    /// `transitions` keeps what is stored (a refresh from DescribeExecution need not carry the
    /// input again). Inputs and outputs past `payloadLimit` bytes are cut and marked truncated.
    public func upsert(_ execution: ExecutionRecord) throws(RecordStoreError) {
        let input = cut(execution.input, truncated: execution.inputTruncated)
        let output = cut(execution.output, truncated: execution.outputTruncated)
        try write("record the execution '\(execution.executionArn)'") { db in
            try db.execute(
                sql: """
                    INSERT INTO execution (executionArn, environment, workflow, startedArn, "commit", dirty,
                        definitionSHA256, status, error, cause, startDate, stopDate, transitions,
                        input, inputTruncated, output, outputTruncated)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (executionArn) DO UPDATE SET
                        environment = excluded.environment, workflow = excluded.workflow,
                        startedArn = excluded.startedArn, "commit" = excluded."commit", dirty = excluded.dirty,
                        definitionSHA256 = excluded.definitionSHA256, status = excluded.status,
                        error = excluded.error, cause = excluded.cause, startDate = excluded.startDate,
                        stopDate = excluded.stopDate,
                        transitions = coalesce(excluded.transitions, transitions),
                        inputTruncated = CASE WHEN excluded.input IS NULL THEN inputTruncated
                            ELSE excluded.inputTruncated END,
                        input = coalesce(excluded.input, input),
                        outputTruncated = CASE WHEN excluded.output IS NULL THEN outputTruncated
                            ELSE excluded.outputTruncated END,
                        output = coalesce(excluded.output, output)
                    """,
                arguments: [
                    execution.executionArn, execution.environment, execution.workflow, execution.startedArn,
                    execution.commit, execution.dirty, execution.definitionSHA256, execution.status.rawValue,
                    execution.error, execution.cause, RecordStore.milliseconds(execution.startDate),
                    execution.stopDate.map(RecordStore.milliseconds), execution.transitions,
                    input.text, input.truncated, output.text, output.truncated,
                ])
        }
    }

    /// Executions, newest first; nil filters match everything, `limit` nil means all.
    public func executions(
        environment: String? = nil, workflow: String? = nil, status: ExecutionStatus? = nil, limit: Int? = nil
    ) throws(RecordStoreError) -> [ExecutionRecord] {
        var filter = Filter()
        filter.equal("environment", environment)
        filter.equal("workflow", workflow)
        filter.equal("status", status?.rawValue)
        return try read("read executions") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM execution \(filter.clause) ORDER BY startDate DESC, rowid DESC \(Filter.limit(limit))",
                arguments: filter.arguments
            ).map(RecordStore.execution)
        }
    }

    /// The execution with this ARN; nil when `sfn` did not record it.
    public func execution(arn: String) throws(RecordStoreError) -> ExecutionRecord? {
        try read("read the execution '\(arn)'") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM execution WHERE executionArn = ?", arguments: [arn])
                .map(RecordStore.execution)
        }
    }

    /// The executions whose name (the ARN's last component) is `name`, newest first: names are
    /// unique per state machine only, so several workflows or environments may share one.
    public func executions(named name: String) throws(RecordStoreError) -> [ExecutionRecord] {
        try read("find executions named '\(name)'") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM execution WHERE instr(executionArn, ':' || ?) > 0 ORDER BY startDate DESC, rowid DESC",
                arguments: [name]
            ).map(RecordStore.execution)
        }.filter { $0.name == name }
    }

    static func execution(_ row: Row) -> ExecutionRecord {
        let stop: Int64? = row["stopDate"]
        return ExecutionRecord(
            executionArn: row["executionArn"], environment: row["environment"], workflow: row["workflow"],
            startedArn: row["startedArn"], commit: row["commit"], dirty: row["dirty"],
            definitionSHA256: row["definitionSHA256"], status: ExecutionStatus(rawValue: row["status"]),
            error: row["error"], cause: row["cause"], startDate: date(row["startDate"]), stopDate: stop.map(date),
            transitions: row["transitions"], input: row["input"], inputTruncated: row["inputTruncated"],
            output: row["output"], outputTruncated: row["outputTruncated"])
    }

    /// `text` cut to `payloadLimit` UTF-8 bytes, never inside a character's bytes.
    private func cut(_ text: String?, truncated: Bool) -> (text: String?, truncated: Bool) {
        guard let text else { return (nil, truncated) }
        let bytes = Array(text.utf8)
        guard bytes.count > payloadLimit else { return (text, truncated) }
        var end = max(0, payloadLimit)
        // A UTF-8 continuation byte (10xxxxxx) never starts a scalar: step back to one that does.
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return (String(decoding: bytes[..<end], as: UTF8.self), true)
    }
}
