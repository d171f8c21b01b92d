import Engine
import GRDB

/// The store's schema as numbered migrations: a change is a new migration appended here,
/// never an edit of one that has shipped.
enum StoreSchema {
    /// The tables every sfn store has; a database with other tables and none of these is
    /// someone else's, and is refused rather than written into.
    static let tables = ["execution", "historyEvent", "catalogEntry"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 executions and history") { db in
            try db.execute(sql: """
                CREATE TABLE execution (
                    arn TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    stateMachineArn TEXT NOT NULL,
                    stateMachineName TEXT NOT NULL,
                    roleArn TEXT NOT NULL,
                    region TEXT NOT NULL,
                    input TEXT NOT NULL,
                    startTime INTEGER NOT NULL,
                    redriveCount INTEGER NOT NULL,
                    seed INTEGER NOT NULL,
                    timeoutSeconds INTEGER,
                    status TEXT NOT NULL,
                    cursor TEXT,
                    description TEXT
                );
                CREATE INDEX executionStatus ON execution (status);
                CREATE TABLE historyEvent (
                    executionArn TEXT NOT NULL REFERENCES execution (arn) ON DELETE CASCADE,
                    id INTEGER NOT NULL,
                    event TEXT NOT NULL,
                    PRIMARY KEY (executionArn, id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("2 catalog") { db in
            // The local service's catalog (state machines, revisions, versions, aliases, tags,
            // accepted executions) as JSON bodies by kind and key; rowid keeps first-write order.
            try db.execute(sql: """
                CREATE TABLE catalogEntry (
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL,
                    body TEXT NOT NULL,
                    UNIQUE (kind, key)
                );
                """)
        }
        migrator.registerMigration("3 redrive") { db in
            // When a redriven execution was last redriven (its TimeoutSeconds count from then).
            try db.execute(sql: "ALTER TABLE execution ADD COLUMN redriveTime INTEGER")
        }
        migrator.registerMigration("4 map runs") { db in
            // Distributed Map runs and their child executions by position, so that an engine
            // opened again still describes them and a resumed parent continues its run.
            try db.execute(sql: """
                CREATE TABLE mapRun (
                    arn TEXT PRIMARY KEY NOT NULL,
                    executionArn TEXT NOT NULL,
                    stateMachineArn TEXT NOT NULL,
                    status TEXT NOT NULL,
                    startDate INTEGER NOT NULL,
                    stopDate INTEGER,
                    maxConcurrency INTEGER NOT NULL,
                    toleratedFailurePercentage REAL,
                    toleratedFailureCount INTEGER,
                    itemCount INTEGER NOT NULL,
                    executionTotal INTEGER NOT NULL,
                    redriveCount INTEGER NOT NULL,
                    redriveDate INTEGER
                );
                CREATE INDEX mapRunExecution ON mapRun (executionArn);
                CREATE TABLE mapRunChild (
                    mapRunArn TEXT NOT NULL REFERENCES mapRun (arn) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    executionArn TEXT NOT NULL,
                    type TEXT NOT NULL,
                    itemCount INTEGER NOT NULL,
                    description TEXT NOT NULL,
                    PRIMARY KEY (mapRunArn, position)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }

    static func migrate(_ database: DatabasePool, path: String) throws(ExecutionStoreError) {
        do {
            try database.write { db in
                let existing = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                let ours = existing.contains("grdb_migrations") || existing.contains { tables.contains($0) }
                if !existing.isEmpty && !ours { throw ExecutionStoreError("not an sfn execution store (its tables: \(existing.sorted().joined(separator: ", ")))") }
            }
            try migrator.migrate(database)
        } catch let error as ExecutionStoreError {
            throw ExecutionStoreError("cannot use '\(path)': \(error.message)")
        } catch {
            throw ExecutionStoreError("cannot use '\(path)': \(SQLiteExecutionStore.reason(error))")
        }
    }
}
