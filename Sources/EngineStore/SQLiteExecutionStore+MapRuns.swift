public import Engine
import Foundation
import GRDB

/// Map Runs in the same file as the executions (`mapRun`, `mapRunChild`, migration
/// "4 map runs"): one row per run, upserted as it changes, and one row per child by
/// position. A Standard child is an execution of this store too; when its own row ended
/// after the child row was last written (the process stopped in between), the execution's
/// description wins, so a finished child is never taken for a running one.
extension SQLiteExecutionStore: MapRunStore {
    public func mapRunChanged(_ run: MapRun) throws {
        try write("record a Map Run") { db in
            try db.cachedStatement(
                sql: """
                    INSERT INTO mapRun (arn, executionArn, stateMachineArn, status, startDate, stopDate, maxConcurrency,
                        toleratedFailurePercentage, toleratedFailureCount, itemCount, executionTotal, redriveCount, redriveDate)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (arn) DO UPDATE SET status = excluded.status, stopDate = excluded.stopDate,
                        maxConcurrency = excluded.maxConcurrency,
                        toleratedFailurePercentage = excluded.toleratedFailurePercentage,
                        toleratedFailureCount = excluded.toleratedFailureCount, itemCount = excluded.itemCount,
                        executionTotal = excluded.executionTotal, redriveCount = excluded.redriveCount,
                        redriveDate = excluded.redriveDate
                    """
            ).execute(arguments: [
                run.mapRunArn, run.executionArn, run.stateMachineArn, run.status.rawValue,
                run.startDate.millisecondsSinceEpoch, run.stopDate?.millisecondsSinceEpoch, run.maxConcurrency,
                run.toleratedFailurePercentage, run.toleratedFailureCount, run.itemCount, run.executionTotal,
                run.redriveCount, run.redriveDate?.millisecondsSinceEpoch,
            ])
        }
    }

    public func mapRunChildChanged(_ child: MapRunChild, position: Int, mapRunArn: String) throws {
        try write("record a Map Run's child execution") { db in
            let description = String(decoding: try encoder.encode(child.description), as: UTF8.self)
            try db.cachedStatement(
                sql: """
                    INSERT INTO mapRunChild (mapRunArn, position, executionArn, type, itemCount, description)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (mapRunArn, position) DO UPDATE SET executionArn = excluded.executionArn,
                        type = excluded.type, itemCount = excluded.itemCount, description = excluded.description
                    """
            ).execute(arguments: [
                mapRunArn, position, child.description.executionArn, child.type.rawValue, child.itemCount, description,
            ])
        }
    }

    public func storedMapRuns() throws -> [MapRun] {
        try readMapRuns("SELECT * FROM mapRun ORDER BY rowid", arguments: [], what: "the Map Runs")
    }

    public func storedMapRun(_ mapRunArn: String) throws -> MapRun? {
        try readMapRuns("SELECT * FROM mapRun WHERE arn = ?", arguments: [mapRunArn], what: "the Map Run '\(mapRunArn)'")
            .first
    }

    private func readMapRuns(_ sql: String, arguments: StatementArguments, what: String) throws -> [MapRun] {
        do {
            return try database.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    let arn: String = row["arn"]
                    let statusText: String = row["status"]
                    guard let status = MapRun.Status(rawValue: statusText) else {
                        throw ExecutionStoreError("the Map Run '\(arn)' has an unknown status '\(statusText)'")
                    }
                    return MapRun(
                        mapRunArn: arn, executionArn: row["executionArn"], stateMachineArn: row["stateMachineArn"],
                        status: status, startDate: Timestamp(millisecondsSinceEpoch: row["startDate"]),
                        stopDate: (row["stopDate"] as Int64?).map { Timestamp(millisecondsSinceEpoch: $0) },
                        maxConcurrency: row["maxConcurrency"], toleratedFailurePercentage: row["toleratedFailurePercentage"],
                        toleratedFailureCount: row["toleratedFailureCount"], itemCount: row["itemCount"],
                        executionTotal: row["executionTotal"], children: try children(of: arn, db),
                        redriveCount: row["redriveCount"],
                        redriveDate: (row["redriveDate"] as Int64?).map { Timestamp(millisecondsSinceEpoch: $0) })
                }
            }
        } catch let error as ExecutionStoreError {
            throw ExecutionStoreError("cannot read \(what) from '\(path)': \(error.message)")
        } catch {
            throw ExecutionStoreError("cannot read \(what) from '\(path)': \(Self.reason(error))")
        }
    }

    private func children(of mapRunArn: String, _ db: Database) throws -> [MapRunChild] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.type, c.itemCount, c.description, e.description AS ended
                FROM mapRunChild c LEFT JOIN execution e ON e.arn = c.executionArn
                WHERE c.mapRunArn = ? ORDER BY c.position
                """,
            arguments: [mapRunArn])
        return try rows.map { row in
            let text: String = row["description"]
            var description = try decoder.decode(ExecutionDescription.self, from: Data(text.utf8))
            if description.status == .running, let ended: String = row["ended"] {
                description = try decoder.decode(ExecutionDescription.self, from: Data(ended.utf8))
            }
            let type: String = row["type"]
            return MapRunChild(description: description, type: type == "EXPRESS" ? .express : .standard, itemCount: row["itemCount"])
        }
    }
}
