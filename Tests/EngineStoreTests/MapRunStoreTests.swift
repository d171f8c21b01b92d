import ASLModel
import Engine
import EngineStore
import Foundation
import GRDB
import JSONValue
import Testing

/// The `mapRun` and `mapRunChild` tables of migration "4 map runs": a run and its children
/// read back as written, an update replaces the run's fields, and a child whose execution
/// ended after its row was last written reads back as ended.
@Suite struct MapRunStoreTests {
    static let start = Timestamp(millisecondsSinceEpoch: 1_700_000_000_000)
    static let runArn = "arn:aws:states:us-east-1:123456789012:mapRun:Orders/Fan:abc"
    static let machineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders/Fan"

    /// A child's description, built the way a store reads it back (its memberwise init is
    /// the engine's); `input` and `output` are JSON texts, as its Codable form holds them.
    static func description(_ name: String, _ status: ExecutionStatus, output: String? = nil) throws -> ExecutionDescription {
        var fields: [String: Any] = [
            "executionArn": "arn:aws:states:us-east-1:123456789012:execution:Orders/Fan:\(name)",
            "stateMachineArn": machineArn, "name": name, "status": status.rawValue,
            "startDate": ["millisecondsSinceEpoch": start.millisecondsSinceEpoch], "input": #"{"id":"\#(name)"}"#,
            "redriveCount": 0,
        ]
        if let output { fields["output"] = output }
        return try JSONDecoder().decode(ExecutionDescription.self, from: try JSONSerialization.data(withJSONObject: fields))
    }

    static func child(_ name: String, _ status: ExecutionStatus, type: StateMachineType = .standard) throws -> MapRunChild {
        let description = try description(name, status, output: status == .succeeded ? #"{"ok": true}"# : nil)
        return MapRunChild(description: description, type: type, itemCount: 2)
    }

    static var run: MapRun {
        MapRun(
            mapRunArn: runArn, executionArn: "arn:aws:states:us-east-1:123456789012:execution:Orders:p1",
            stateMachineArn: machineArn, status: .running, startDate: start, maxConcurrency: 3,
            toleratedFailurePercentage: 12.5, toleratedFailureCount: nil, itemCount: 6, executionTotal: 3)
    }

    @Test func theMigrationIsRegisteredAfterRedrive() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        _ = try SQLiteExecutionStore(path: harness.databasePath)
        let migrations = try DatabaseQueue(path: harness.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        let redrive = try #require(migrations.firstIndex(of: "3 redrive"))
        #expect(migrations[redrive + 1] == "4 map runs")
    }

    @Test func aRunAndItsChildrenReadBackAsWritten() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        var run = Self.run
        try store.mapRunChanged(run)
        let children = [
            try Self.child("a", .succeeded), try Self.child("b", .failed), try Self.child("c", .running, type: .express),
        ]
        for (position, child) in children.enumerated() {
            try store.mapRunChildChanged(child, position: position, mapRunArn: Self.runArn)
        }
        run.children = children
        #expect(try store.storedMapRun(Self.runArn) == run)

        // UpdateMapRun, then the run's end and a redrive: the row changes in place.
        run.maxConcurrency = 1
        run.toleratedFailureCount = 4
        run.status = .succeeded
        run.stopDate = Self.start.adding(seconds: 9)
        run.redriveCount = 1
        run.redriveDate = Self.start.adding(seconds: 5)
        try store.mapRunChanged(run)
        run.children[1].description.status = .pendingRedrive
        try store.mapRunChildChanged(run.children[1], position: 1, mapRunArn: Self.runArn)
        #expect(try store.storedMapRuns() == [run])
        // A child waiting for its redrive has not started again: pending, and pending redrive.
        #expect(run.counts(ofItems: false).pendingRedrive == 1)
        #expect(run.counts(ofItems: false).pending == 1)
        #expect(run.counts(ofItems: true).pendingRedrive == 2)
        #expect(try store.storedMapRun("arn:aws:states:us-east-1:123456789012:mapRun:Orders/Fan:other") == nil)
    }

    @Test func aChildWhoseExecutionEndedLaterReadsBackAsEnded() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        try store.mapRunChanged(Self.run)
        let child = try Self.child("a", .running)
        try store.mapRunChildChanged(child, position: 0, mapRunArn: Self.runArn)
        // The child's own row ended; the process stopped before the Map Run's row said so.
        let identity = ExecutionIdentity(
            executionArn: child.description.executionArn, name: "a", stateMachineArn: Self.machineArn,
            stateMachineName: "Orders/Fan", roleArn: "arn:aws:iam::123456789012:role/R", region: "us-east-1",
            input: child.description.input, startTime: Self.start, type: .standard)
        try store.executionStarted(ExecutionStart(identity: identity, seed: 1, timeoutSeconds: nil))
        var ended = try Self.description("a", .succeeded, output: "7")
        ended.stopDate = Self.start.adding(seconds: 3)
        try store.executionEnded(executionArn: identity.executionArn, events: [], description: ended)

        let read = try #require(try store.storedMapRun(Self.runArn))
        #expect(read.children.map(\.description) == [ended])
        #expect(try store.runningExecutions().isEmpty)
    }

    @Test func mapRunRedrivenIsStoredAsItsCodableFormEncodesIt() throws {
        let event = HistoryEvent(
            id: 9, previousEventId: 8, timestamp: Self.start, type: .mapRunRedriven,
            details: .mapRunRedriven(MapRunRedrivenEventDetails(mapRunArn: Self.runArn, redriveCount: 2)))
        let text = StoredJSONTests.stored(event)
        #expect(try JSON.parse(text) == (try StoredJSONTests.encoded(event)))
        #expect(try JSONDecoder().decode(HistoryEvent.self, from: Data(text.utf8)) == event)
        #expect(event.detailsFieldName == "mapRunRedrivenEventDetails")
    }
}
