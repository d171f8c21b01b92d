import Engine
import EngineStore
import Foundation
import GRDB
import JSONValue
import Testing

/// `StoredJSONWriter` writes every field of a cursor, the same bytes whether a writer is fresh
/// or reused (its payload cache), and the store keeps its documents as TEXT. That the
/// documents are the `Codable` forms' is `StoredJSONTests`'s.
@Suite struct StoredBytesTests {
    static let events: [HistoryEvent] = StoredJSONTests.events + [
        HistoryEvent(
            id: 40, previousEventId: 39, timestamp: StoredJSONTests.time, type: .mapRunRedriven,
            details: .mapRunRedriven(MapRunRedrivenEventDetails(
                mapRunArn: "arn:aws:states:us-east-1:123456789012:mapRun:M/L:0f6c", redriveCount: 3))),
    ]

    static func bytes(_ event: HistoryEvent) -> [UInt8] {
        var writer = StoredJSONWriter()
        writer.write(event)
        return writer.bytes
    }

    static func bytes(_ cursor: ExecutionCursor) -> [UInt8] {
        var writer = StoredJSONWriter()
        writer.write(cursor)
        return writer.bytes
    }

    /// Every cursor of `StoredJSONTests`, and one with children backing off before a retry.
    static let cursors: [ExecutionCursor] = StoredJSONTests.cursors + [
        {
            var cursor = ExecutionCursor(
                stateIndex: 1, input: ["items": [1, 2]], variables: ["v": "w"], enteredEventId: 2,
                enteredTime: StoredJSONTests.time, randomState: 9, transitions: 4)
            cursor.childRetries = [
                ChildRetry(enteredEventId: 7, attempts: [1, 0], due: StoredJSONTests.time.adding(seconds: 10), lastEventId: 9),
                ChildRetry(enteredEventId: 12, attempts: [3], due: StoredJSONTests.time.adding(seconds: 80), lastEventId: 15),
            ]
            return cursor
        }(),
    ]

    /// Every stored property of a cursor is written: a field added to `ExecutionCursor` but not
    /// to `StoredJSONWriter` fails here, not in a restarted execution that lost it.
    @Test func aCursorWithEveryFieldSetWritesEveryField() throws {
        var cursor = Self.cursors[Self.cursors.count - 1]
        cursor.callback = StoredJSONTests.cursors[2].callback
        cursor.reenter = false
        cursor.retryAttempts = [1]
        cursor.retryAt = StoredJSONTests.time
        cursor.redrive = StoredJSONTests.cursors[4].redrive
        let fields = Set(Mirror(reflecting: cursor).children.compactMap(\.label))
        let written = try #require(try JSON.parse(String(decoding: Self.bytes(cursor), as: UTF8.self)).objectValue)
        #expect(Set(written.keys) == fields)
        #expect(try JSON.parse(String(decoding: Self.bytes(cursor), as: UTF8.self)) == (try StoredJSONTests.encoded(cursor)))
    }

    /// One writer through everything, as a transition's events and cursor share one: the
    /// cached payload must never stand in for a different one.
    @Test func aReusedWriterWritesWhatFreshOnesDo() {
        var writer = StoredJSONWriter()
        for event in Self.events + Self.events.reversed() {
            writer.write(event)
            #expect(writer.bytes == Self.bytes(event), "event \(event.id)")
        }
        for cursor in Self.cursors + Self.cursors.reversed() {
            writer.write(cursor)
            #expect(writer.bytes == Self.bytes(cursor))
        }
    }

    /// A payload equal to the cached one but spelled differently (`1` and `1.0`, keys in
    /// another order) is written as itself; the very same value is reused.
    @Test func onlyTheSameValueReusesTheCachedText() {
        let one: JSON = ["a": 1, "b": [true]]
        let spelledOtherwise: JSON = ["a": .number(JSONNumber(literal: "1.0")!), "b": [true]]
        let reordered: JSON = ["b": [true], "a": 1]
        #expect(one == spelledOtherwise && one == reordered)
        var writer = StoredJSONWriter()
        for payload in [one, one, spelledOtherwise, reordered, one] {
            let event = HistoryEvent(
                id: 2, previousEventId: 1, timestamp: StoredJSONTests.time, type: .passStateEntered,
                details: .stateEntered(StateEnteredEventDetails(name: "P", input: payload)))
            writer.write(event)
            #expect(writer.bytes == Self.bytes(event))
        }
        #expect(one.sharesStorage(with: one))
        #expect(!one.sharesStorage(with: spelledOtherwise))
        #expect(!one.sharesStorage(with: reordered))
    }

    /// Rows and cursors the store writes are TEXT (older readers and `sqlite3` see text),
    /// and read back as what was written.
    @Test func theStoreKeepsRowsAsText() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let arn = "arn:aws:states:us-east-1:123456789012:execution:M:text"
        let identity = ExecutionIdentity(
            executionArn: arn, name: "text", stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:M",
            stateMachineName: "M", roleArn: "arn:role", region: "us-east-1", input: StoredJSONTests.payload,
            startTime: StoredJSONTests.time)
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        try store.executionStarted(ExecutionStart(identity: identity, seed: 7, timeoutSeconds: nil))
        try store.transition(executionArn: arn, events: Self.events, cursor: StoredJSONTests.cursors[4])
        let types = try DatabaseQueue(path: harness.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT typeof(event) FROM historyEvent")
                + String.fetchAll(db, sql: "SELECT typeof(cursor) FROM execution")
        }
        #expect(types == ["text", "text"])
        let running = try SQLiteExecutionStore(path: harness.databasePath).runningExecutions()
        #expect(running.first?.history == Self.events)
        #expect(running.first?.cursor == StoredJSONTests.cursors[4])
    }
}
