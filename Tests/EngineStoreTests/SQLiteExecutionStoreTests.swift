import Engine
import EngineStore
import Foundation
import GRDB
import JSONValue
import Testing

/// The SQLite store on its own: schema, round trip, and files that are not ours.
@Suite struct SQLiteExecutionStoreTests {
    static let chain = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Result": {"x": 1.50}, "ResultPath": "$.a", "Next": "B"},
          "B": {"Type": "Choice", "Choices": [{"Variable": "$.a.x", "NumericGreaterThan": 1, "Next": "C"}]},
          "C": {"Type": "Succeed"}
        }}
        """

    @Test func migrationCreatesTheSchemaOnAnEmptyFile() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        _ = try SQLiteExecutionStore(path: harness.databasePath)
        let tables = try DatabaseQueue(path: harness.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables.contains("execution"))
        #expect(tables.contains("historyEvent"))
        #expect(tables.contains("grdb_migrations"))
        let mode = try DatabaseQueue(path: harness.databasePath).read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(mode == "wal")
        // Opening again runs no migration twice.
        _ = try SQLiteExecutionStore(path: harness.databasePath)
    }

    @Test func aFinishedExecutionRoundTrips() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow(Self.chain)
        let engine = ExecutionEngine(store: try SQLiteExecutionStore(path: harness.databasePath))
        let report = await engine.run(workflow, input: ["in": [1, "two", nil]], stateMachineName: "M", executionName: "r")

        let reopened = try SQLiteExecutionStore(path: harness.databasePath)
        #expect(report.description.status == .succeeded)
        #expect(try reopened.history(of: report.description.executionArn) == report.history)
        #expect(try reopened.description(of: report.description.executionArn) == report.description)
        #expect(try reopened.runningExecutions().isEmpty)
    }

    @Test func expressExecutionsStayOutOfTheStore() async throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let workflow = try StoreHarness.workflow(Self.chain, type: .express)
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        let report = await ExecutionEngine(store: store).run(workflow, input: [:], stateMachineName: "M")
        #expect(report.description.status == .succeeded)
        #expect(try store.history(of: report.description.executionArn).isEmpty)
        #expect(try store.description(of: report.description.executionArn) == nil)
    }

    @Test func aCorruptedFileIsAClearError() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: harness.databasePath))
        #expect {
            _ = try SQLiteExecutionStore(path: harness.databasePath)
        } throws: { error in
            let message = (error as? ExecutionStoreError)?.message ?? ""
            return message.contains(harness.databasePath) && message.contains("not a SQLite database")
        }
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        try DatabaseQueue(path: harness.databasePath).write { db in
            try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        }
        #expect {
            _ = try SQLiteExecutionStore(path: harness.databasePath)
        } throws: { error in
            let message = (error as? ExecutionStoreError)?.message ?? ""
            return message.contains("not an sfn execution store") && message.contains("invoices")
        }
    }
}
