public import Engine
import Foundation
import GRDB
import JSONValue
import Synchronization

/// Standard executions kept in one SQLite file through GRDB: a WAL-mode pool, one
/// transaction per transition (committed before the engine starts the next), and the
/// schema made by `StoreSchema`'s numbered migrations. Opening a file that is not SQLite,
/// or a SQLite database of something else, throws `ExecutionStoreError` with the path.
///
/// A commit is durable against the process being killed (SIGKILL, a crash) once `write`
/// returns: in WAL mode with `synchronous = NORMAL` it is in the WAL file, in the kernel's
/// hands; only a power loss (or an OS crash) can lose the last transactions, the trade
/// SQLite documents for NORMAL. Checkpoints (copying the WAL into the database file, and
/// its fsyncs) run off the writing path, on `WALCheckpointer`'s connection.
public final class SQLiteExecutionStore: ExecutionStore {
    let database: DatabasePool
    public let path: String
    /// Whether `close()` was called: every write checks it under this lock, so a write in
    /// progress completes before `close()` returns and none starts after.
    let gate = Mutex(false)
    /// The file's lock, held until `close()` (or until the store goes away).
    let lock: DatabaseLock?
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()
    /// Nil when the store checkpoints inline, as SQLite does by default.
    let checkpointer: WALCheckpointer?

    /// Opens (creating it) the store at `path`. `backgroundCheckpoints` false leaves
    /// checkpoints to SQLite, inside the commit that crosses 1,000 WAL pages (benchmarks
    /// compare the two).
    public convenience init(path: String, backgroundCheckpoints: Bool = true) throws(ExecutionStoreError) {
        try self.init(path: path, lock: nil, backgroundCheckpoints: backgroundCheckpoints)
    }

    init(path: String, lock: DatabaseLock?, backgroundCheckpoints: Bool = true) throws(ExecutionStoreError) {
        self.path = path
        self.lock = lock
        do {
            var configuration = Configuration()
            // NORMAL is durable in WAL mode against a process crash (what resume is for);
            // only a power loss can lose the last transactions. With background checkpoints
            // the writer's own automatic checkpoint is only a bound on the WAL's size.
            let autocheckpoint = backgroundCheckpoints ? WALCheckpointer.hardLimitPages : 1_000
            // Locks on the file are brief (the background checkpoint; the last connection of a
            // store just closed, which checkpoints and removes the WAL as a service restarts in
            // the same process): wait for them rather than fail the write or the open.
            configuration.busyMode = .timeout(Self.busyTimeout)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = \(autocheckpoint)")
            }
            database = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw ExecutionStoreError("cannot open the execution store '\(path)': \(Self.reason(error))")
        }
        try StoreSchema.migrate(database, path: path)
        do {
            checkpointer = backgroundCheckpoints ? try WALCheckpointer(path: path) : nil
        } catch {
            throw ExecutionStoreError("cannot open the execution store '\(path)': \(Self.reason(error))")
        }
    }

    /// How long a write or an open waits for another connection's lock on the file.
    static let busyTimeout: TimeInterval = 5

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { return "the file is not a SQLite database" }
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }

    func write(_ what: String, _ body: (Database) throws -> Void) throws {
        let failure: ExecutionStoreError? = gate.withLock { closed in
            if closed { return ExecutionStoreError("cannot \(what) in '\(path)': the store has been closed") }
            do {
                try database.writeWithoutTransaction { db in try Self.inTransaction(db, body) }
                checkpointer?.committed()
                return nil
            } catch {
                return ExecutionStoreError("cannot \(what) in '\(path)': \(Self.reason(error))")
            }
        }
        if let failure { throw failure }
    }

    /// `body` in one IMMEDIATE transaction, committed or rolled back. What GRDB's `write`
    /// does, with its BEGIN and COMMIT prepared once per connection instead of per write.
    static func inTransaction(_ db: Database, _ body: (Database) throws -> Void) throws {
        try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
        do {
            try body(db)
            try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
        } catch {
            if db.isInsideTransaction { try? db.rollback() }
            throw error
        }
    }

    /// Refuses every later write (waiting for one in progress) and releases the file's lock.
    public func close() {
        gate.withLock { $0 = true }
        checkpointer?.close()
        lock?.release()
    }

    private func text(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public func executionStarted(_ execution: ExecutionStart) throws {
        let identity = execution.identity
        try write("record an execution's start") { db in
            try db.execute(
                sql: """
                    INSERT INTO execution (arn, name, stateMachineArn, stateMachineName, roleArn, region, input,
                        startTime, redriveCount, seed, timeoutSeconds, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING')
                    """,
                arguments: [
                    identity.executionArn, identity.name, identity.stateMachineArn, identity.stateMachineName,
                    identity.roleArn, identity.region, identity.input.serialized(JSONStyle.compact),
                    identity.startTime.millisecondsSinceEpoch, identity.redriveCount,
                    Int64(bitPattern: execution.seed), execution.timeoutSeconds,
                ])
        }
    }

    func append(_ events: [HistoryEvent], to arn: String, _ db: Database) throws {
        try append(StoredRows(events: events), to: arn, db)
    }

    func append(_ rows: StoredRows, to arn: String, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO historyEvent (executionArn, id, event) VALUES (?, ?, CAST(? AS TEXT))")
        try rows.withTexts { document in
            for row in rows.events {
                try statement.execute(arguments: [arn, row.id, document(row.range)])
            }
        }
    }

    public func transition(executionArn: String, events: [HistoryEvent], cursor: ExecutionCursor?) throws {
        // The texts are built before the write: other executions' commits need not wait for them.
        let rows = StoredRows(events: events, cursor: cursor)
        try write("record a transition") { db in
            try append(rows, to: executionArn, db)
            if let cursor = rows.cursor {
                try rows.withTexts { document in
                    try db.cachedStatement(sql: "UPDATE execution SET cursor = CAST(? AS TEXT) WHERE arn = ?")
                        .execute(arguments: [document(cursor), executionArn])
                }
            }
        }
    }

    public func executionEnded(executionArn: String, events: [HistoryEvent], description: ExecutionDescription) throws {
        let rows = StoredRows(events: events)
        let descriptionText = try text(description)
        try write("record an execution's end") { db in
            try append(rows, to: executionArn, db)
            try db.execute(
                // The cursor stays: a redrive starts again from it.
                sql: "UPDATE execution SET status = ?, description = ? WHERE arn = ?",
                arguments: [description.status.rawValue, descriptionText, executionArn])
        }
    }

    public func runningExecutions() throws -> [PersistedExecution] {
        do {
            return try database.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM execution WHERE status = 'RUNNING' ORDER BY rowid").map { row in
                    try persisted(row, db)
                }
            }
        } catch {
            throw ExecutionStoreError("cannot read running executions from '\(path)': \(Self.reason(error))")
        }
    }

    /// Every event of one execution, in order.
    public func history(of executionArn: String) throws -> [HistoryEvent] {
        do {
            return try database.read { db in try events(of: executionArn, db) }
        } catch {
            throw ExecutionStoreError("cannot read the history of '\(executionArn)': \(Self.reason(error))")
        }
    }

    /// The final description of an ended execution; nil while it runs.
    public func description(of executionArn: String) throws -> ExecutionDescription? {
        do {
            let text = try database.read { db in
                try String.fetchOne(db, sql: "SELECT description FROM execution WHERE arn = ?", arguments: [executionArn])
            }
            return try text.map { try decoder.decode(ExecutionDescription.self, from: Data($0.utf8)) }
        } catch {
            throw ExecutionStoreError("cannot read the execution '\(executionArn)': \(Self.reason(error))")
        }
    }

    func events(of arn: String, _ db: Database) throws -> [HistoryEvent] {
        try String.fetchAll(db, sql: "SELECT event FROM historyEvent WHERE executionArn = ? ORDER BY id", arguments: [arn])
            .map { try decoder.decode(HistoryEvent.self, from: Data($0.utf8)) }
    }

    func persisted(_ row: Row, _ db: Database) throws -> PersistedExecution {
        let arn: String = row["arn"]
        let inputText: String = row["input"]
        let input = try JSON.parse(inputText)
        var identity = ExecutionIdentity(
            executionArn: arn, name: row["name"], stateMachineArn: row["stateMachineArn"],
            stateMachineName: row["stateMachineName"], roleArn: row["roleArn"], region: row["region"], input: input,
            startTime: Timestamp(millisecondsSinceEpoch: row["startTime"]), redriveCount: row["redriveCount"],
            type: .standard)
        identity.redriveTime = (row["redriveTime"] as Int64?).map { Timestamp(millisecondsSinceEpoch: $0) }
        let seed: Int64 = row["seed"]
        let cursorText: String? = row["cursor"]
        let cursor = try cursorText.map { try decoder.decode(ExecutionCursor.self, from: Data($0.utf8)) }
        return PersistedExecution(
            start: ExecutionStart(identity: identity, seed: UInt64(bitPattern: seed), timeoutSeconds: row["timeoutSeconds"]),
            history: try events(of: arn, db), cursor: cursor)
    }
}
