import GRDB

/// The records' schema as numbered migrations: a change is a new migration appended here,
/// never an edit of one that has shipped, so a `.sfn/records.sqlite` written by an older
/// `sfn` opens in a newer one.
enum RecordSchema {
    /// The tables every record store has; a database with other tables and none of these is
    /// someone else's, and is refused rather than written into.
    static let tables = ["deployment", "execution"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 deployments and executions") { db in
            try db.execute(sql: """
                CREATE TABLE deployment (
                    id TEXT PRIMARY KEY NOT NULL,
                    environment TEXT NOT NULL,
                    workflow TEXT NOT NULL,
                    stateMachineArn TEXT NOT NULL,
                    versionArn TEXT,
                    aliasArn TEXT,
                    "commit" TEXT NOT NULL,
                    dirty INTEGER NOT NULL,
                    definitionSHA256 TEXT NOT NULL,
                    target TEXT NOT NULL,
                    planId TEXT,
                    action TEXT NOT NULL,
                    deployedAt INTEGER NOT NULL
                );
                CREATE INDEX deploymentByWorkflow ON deployment (environment, workflow, deployedAt);
                CREATE TABLE execution (
                    executionArn TEXT PRIMARY KEY NOT NULL,
                    environment TEXT NOT NULL,
                    workflow TEXT NOT NULL,
                    startedArn TEXT NOT NULL,
                    "commit" TEXT NOT NULL,
                    dirty INTEGER NOT NULL,
                    definitionSHA256 TEXT NOT NULL,
                    status TEXT NOT NULL,
                    error TEXT,
                    cause TEXT,
                    startDate INTEGER NOT NULL,
                    stopDate INTEGER,
                    transitions INTEGER,
                    input TEXT,
                    inputTruncated INTEGER NOT NULL DEFAULT 0,
                    output TEXT,
                    outputTruncated INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX executionByWorkflow ON execution (environment, workflow, startDate);
                CREATE INDEX executionByStatus ON execution (status);
                """)
        }
        return migrator
    }

    /// Refuses another program's database, then brings ours up to the newest migration.
    static func migrate(_ database: any DatabaseWriter, path: String) throws(RecordStoreError) {
        do {
            try database.write { db in
                let existing = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                let ours = existing.contains("grdb_migrations") || existing.contains { tables.contains($0) }
                if !existing.isEmpty && !ours {
                    throw RecordStoreError(
                        "not an sfn record store (its tables: \(existing.sorted().joined(separator: ", ")))")
                }
                if existing.contains("grdb_migrations"), try migrator.hasBeenSuperseded(db) {
                    throw RecordStoreError("it was written by a newer sfn; upgrade sfn to use it")
                }
            }
            try migrator.migrate(database)
        } catch let error as RecordStoreError {
            throw RecordStoreError("cannot use '\(path)': \(error.message)")
        } catch {
            throw RecordStoreError("cannot use '\(path)': \(RecordStore.reason(error))")
        }
    }
}
