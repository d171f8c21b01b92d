public import Engine
import Foundation
import GRDB

/// The local service's catalog in the same file as the executions: one row per entry in
/// `catalogEntry`, written in one transaction per request.
extension SQLiteExecutionStore: CatalogStore {
    public func catalogEntries() throws -> [CatalogEntry] {
        do {
            return try database.read { db in
                try Row.fetchAll(db, sql: "SELECT kind, key, body FROM catalogEntry ORDER BY rowid").compactMap { row in
                    // A kind a later sfn wrote is skipped rather than misread.
                    guard let kind = CatalogEntry.Kind(rawValue: row["kind"]) else { return nil }
                    return CatalogEntry(kind: kind, key: row["key"], body: row["body"])
                }
            }
        } catch {
            throw ExecutionStoreError("cannot read the catalog of '\(path)': \(Self.reason(error))")
        }
    }

    public func apply(_ entries: [CatalogEntry], deleting deletions: [CatalogEntry.Key]) throws {
        try write("record a catalog change") { db in
            for key in deletions {
                try db.execute(
                    sql: "DELETE FROM catalogEntry WHERE kind = ? AND key = ?", arguments: [key.kind.rawValue, key.key])
            }
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO catalogEntry (kind, key, body) VALUES (?, ?, ?)
                    ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body
                    """)
            for entry in entries {
                try upsert.execute(arguments: [entry.kind.rawValue, entry.key, entry.body])
            }
        }
    }

    public func endedExecutions() throws -> [String: ExecutionDescription] {
        do {
            let rows = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT arn, description FROM execution WHERE description IS NOT NULL")
            }
            var result: [String: ExecutionDescription] = [:]
            for row in rows {
                let text: String = row["description"]
                result[row["arn"]] = try decoder.decode(ExecutionDescription.self, from: Data(text.utf8))
            }
            return result
        } catch {
            throw ExecutionStoreError("cannot read the ended executions of '\(path)': \(Self.reason(error))")
        }
    }

    /// The latest time the file recorded (an execution's start or any event), nil when empty.
    public func latestRecordedTime() throws -> Timestamp? {
        do {
            let latest = try database.read { db in
                try Int64.fetchOne(db, sql: """
                    SELECT MAX(t) FROM (
                        SELECT MAX(startTime) AS t FROM execution
                        UNION ALL
                        SELECT MAX(json_extract(event, '$.timestamp.millisecondsSinceEpoch')) FROM historyEvent)
                    """)
            }
            return latest.map { Timestamp(millisecondsSinceEpoch: $0) }
        } catch {
            throw ExecutionStoreError("cannot read the latest time of '\(path)': \(Self.reason(error))")
        }
    }
}
