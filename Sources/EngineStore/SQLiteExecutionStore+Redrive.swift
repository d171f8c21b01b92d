public import Engine
import Foundation
import GRDB

/// RedriveExecution's writes: an ended execution read back with the cursor it last wrote,
/// and made RUNNING again (so that a restart resumes it) in one transaction.
extension SQLiteExecutionStore {
    public func persistedExecution(_ executionArn: String) throws -> PersistedExecution? {
        do {
            return try database.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM execution WHERE arn = ?", arguments: [executionArn]).map { row in
                    try persisted(row, db)
                }
            }
        } catch {
            throw ExecutionStoreError("cannot read the execution '\(executionArn)' from '\(path)': \(Self.reason(error))")
        }
    }

    public func executionRedriven(
        executionArn: String, events: [HistoryEvent], cursor: ExecutionCursor?, redriveCount: Int, redriveTime: Timestamp
    ) throws {
        let cursorText = try cursor.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try write("record a redrive") { db in
            try append(events, to: executionArn, db)
            try db.execute(
                sql: """
                    UPDATE execution SET status = 'RUNNING', description = NULL, cursor = ?, redriveCount = ?,
                        redriveTime = ?
                    WHERE arn = ?
                    """,
                arguments: [cursorText, redriveCount, redriveTime.millisecondsSinceEpoch, executionArn])
        }
    }
}
