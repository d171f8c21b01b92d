import Foundation
import GRDB
import Records
import StepFunctionsAPI
import Testing

/// The store on disk: creation, migrations, files that are not ours, and two writers at once.
@Suite struct RecordStoreTests {
    @Test func openCreatesTheDirectoryAndTheSchemaInWALMode() throws {
        let directory = try RecordDirectory()
        defer { directory.remove() }
        _ = try RecordStore.open(directory: directory.path)
        #expect(FileManager.default.fileExists(atPath: directory.databasePath))
        let queue = try DatabaseQueue(path: directory.databasePath)
        let (tables, migrations, mode) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            )
        }
        #expect(tables.contains("deployment") && tables.contains("execution"))
        #expect(migrations == ["1 deployments and executions"])
        #expect(mode == "wal")
    }

    @Test func reopeningKeepsRecordsAndMigratesNothingTwice() throws {
        let directory = try RecordDirectory()
        defer { directory.remove() }
        try RecordStore.open(directory: directory.path).insert(Sample.deployment())
        let reopened = try RecordStore.open(directory: directory.path)
        #expect(try reopened.deployments().count == 1)
    }

    @Test func aCorruptFileIsAClearError() throws {
        let directory = try RecordDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: directory.databasePath))
        #expect {
            _ = try RecordStore.open(directory: directory.path)
        } throws: { error in
            let message = (error as? RecordStoreError)?.message ?? ""
            return message.contains(directory.databasePath) && message.contains("not a SQLite database")
        }
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftAlone() throws {
        let directory = try RecordDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        try DatabaseQueue(path: directory.databasePath).write { db in
            try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        }
        #expect {
            _ = try RecordStore.open(directory: directory.path)
        } throws: { error in
            (error as? RecordStoreError)?.message.contains("not an sfn record store (its tables: invoices)") ?? false
        }
        let tables = try DatabaseQueue(path: directory.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["invoices"])
    }

    @Test func aStoreWrittenByANewerSfnIsRefused() throws {
        let directory = try RecordDirectory()
        defer { directory.remove() }
        _ = try RecordStore.open(directory: directory.path)
        try DatabaseQueue(path: directory.databasePath).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('99 from the future')")
        }
        #expect {
            _ = try RecordStore.open(directory: directory.path)
        } throws: { error in
            (error as? RecordStoreError)?.message.contains("written by a newer sfn") ?? false
        }
    }

    @Test func aDirectoryThatCannotBeCreatedIsAClearError() throws {
        let directory = try RecordDirectory()
        defer { directory.remove() }
        let parent = directory.url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        // A file where the directory should be.
        try Data("x".utf8).write(to: directory.url)
        #expect {
            _ = try RecordStore.open(directory: directory.path)
        } throws: { error in
            (error as? RecordStoreError)?.message.contains("cannot create the records directory") ?? false
        }
    }

    /// Two stores on one file stand for two `sfn` processes: every record of both arrives.
    @Test func twoStoresWritingAtOnceLoseNothing() async throws {
        let directory = try RecordDirectory()
        defer { directory.remove() }
        let first = try RecordStore.open(directory: directory.path)
        let second = try RecordStore.open(directory: directory.path)
        let perWriter = 200
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (writer, store) in [(0, first), (1, second)] {
                group.addTask {
                    for index in 0..<perWriter {
                        try store.upsert(Sample.execution("w\(writer)-\(index)", start: Double(index)))
                        if index % 10 == 0 {
                            try store.insert(Sample.deployment(at: Double(index)))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let reopened = try RecordStore.open(directory: directory.path)
        #expect(try reopened.executions().count == 2 * perWriter)
        #expect(try reopened.deployments().count == 2 * perWriter / 10)
        let integrity = try await DatabaseQueue(path: directory.databasePath).read { db in
            try String.fetchOne(db, sql: "PRAGMA integrity_check")
        }
        #expect(integrity == "ok")
    }

    @Test func twoStoresOpeningAFreshFileAtOnceBothMigrate() async throws {
        let directory = try RecordDirectory()
        defer { directory.remove() }
        let path = directory.path
        let stores = try await withThrowingTaskGroup(of: RecordStore.self) { group in
            for _ in 0..<2 { group.addTask { try RecordStore.open(directory: path) } }
            var opened: [RecordStore] = []
            for try await store in group { opened.append(store) }
            return opened
        }
        for store in stores { try store.insert(Sample.deployment()) }
        #expect(try stores[0].deployments().count == 2)
    }
}
