import Engine
import Foundation
import GRDB
import JSONValue
import Testing

@testable import EngineStore

/// Checkpoints off the writing path (`WALCheckpointer`): the WAL is copied into the
/// database and started over while transitions are written, and what a killed process
/// leaves (a database plus a long WAL nobody checkpointed) opens with every transition.
@Suite struct CheckpointTests {
    static let arn = "arn:aws:states:us-east-1:123456789012:execution:M:run"
    static let time = Timestamp(millisecondsSinceEpoch: 1_700_000_000_000)
    static let payload: JSON = ["items": .array((0..<10).map { ["k": .number(JSONNumber($0)), "v": "value-\($0)"] })]

    static func start(_ store: SQLiteExecutionStore) throws {
        let identity = ExecutionIdentity(
            executionArn: arn, name: "run", stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:M",
            stateMachineName: "M", roleArn: "arn:role", region: "us-east-1", input: payload, startTime: time)
        try store.executionStarted(ExecutionStart(identity: identity, seed: 7, timeoutSeconds: nil))
    }

    /// Transition `n`: a state entered (event `n`) with its cursor.
    static func transition(_ n: Int) -> (event: HistoryEvent, cursor: ExecutionCursor) {
        let time = Self.time.adding(seconds: Int64(n))
        let event = HistoryEvent(
            id: n, previousEventId: n - 1, timestamp: time, type: .passStateEntered,
            details: .stateEntered(StateEnteredEventDetails(name: "S\(n)", input: payload)))
        let cursor = ExecutionCursor(
            stateIndex: n, input: payload, variables: [:], enteredEventId: n, enteredTime: time, randomState: UInt64(n),
            transitions: n)
        return (event, cursor)
    }

    static func write(_ store: SQLiteExecutionStore, transitions range: ClosedRange<Int>) throws {
        for n in range {
            let (event, cursor) = transition(n)
            try store.transition(executionArn: arn, events: [event], cursor: cursor)
        }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test func backgroundCheckpointsCopyTheWALIntoTheDatabase() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        try Self.start(store)
        let schemaOnly = Self.fileSize(harness.databasePath)
        let transitions = WALCheckpointer.interval * 4
        try Self.write(store, transitions: 1...transitions)
        // Waits for the checkpoints started so far (one at least, at the interval's first
        // commit); the WAL stayed far below the writer's own bound, so only they copied pages
        // into the database file: a checkpoint at 256 transitions copies some 40 pages of events.
        store.close()
        #expect(Self.fileSize(harness.databasePath) > schemaOnly + 20 * 4096)
        let running = try SQLiteExecutionStore(path: harness.databasePath).runningExecutions()
        #expect(running.first?.history.count == transitions)
        #expect(running.first?.cursor == Self.transition(transitions).cursor)
    }

    @Test func theWALStartsOverOnceACheckpointCaughtUp() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        try Self.start(store)
        try Self.write(store, transitions: 1...100)
        let checkpointer = try #require(store.checkpointer)
        let caughtUp = try #require(checkpointer.checkpoint())
        #expect(caughtUp.walFrameCount >= 100)
        #expect(caughtUp.checkpointedFrameCount == caughtUp.walFrameCount)
        // The next transition writes from the WAL's beginning again.
        try Self.write(store, transitions: 101...101)
        let after = try #require(checkpointer.checkpoint())
        #expect(after.walFrameCount < 10)
        #expect(try store.runningExecutions().first?.history.count == 101)
    }

    @Test func inlineCheckpointsStillWork() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let store = try SQLiteExecutionStore(path: harness.databasePath, backgroundCheckpoints: false)
        #expect(store.checkpointer == nil)
        try Self.start(store)
        try Self.write(store, transitions: 1...300)
        let running = try store.runningExecutions()
        #expect(running.first?.history.count == 300)
        #expect(running.first?.cursor == Self.transition(300).cursor)
    }

    /// What a SIGKILL leaves: the files as they are mid-run, with thousands of transitions in a
    /// WAL no checkpoint could copy (a reader held its snapshot) and a stale shared-memory
    /// index. A store opened on a copy of them finds every committed transition.
    @Test func aKilledProcessesLongWALOpensWithEveryTransition() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        try Self.start(store)
        try Self.write(store, transitions: 1...10)
        // A reader that keeps its snapshot keeps every later frame in the WAL.
        let reader = try DatabaseQueue(path: harness.databasePath)
        let transitions = 2_000
        try reader.inDatabase { db in
            try db.execute(sql: "BEGIN")
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM historyEvent")
            try Self.write(store, transitions: 11...transitions)
            store.checkpointer?.checkpoint()
            #expect(Self.fileSize(harness.databasePath + "-wal") > (transitions - 10) * 1024)
            // The files as the kernel has them, copied while the writer and the reader still hold them.
            let copy = harness.directory.appendingPathComponent("killed.sqlite").path
            for suffix in ["", "-wal", "-shm"] {
                try FileManager.default.copyItem(atPath: harness.databasePath + suffix, toPath: copy + suffix)
            }
            try db.execute(sql: "COMMIT")
            let running = try SQLiteExecutionStore(path: copy).runningExecutions()
            #expect(running.count == 1)
            #expect(running.first?.history.count == transitions)
            #expect(running.first?.history.last == Self.transition(transitions).event)
            #expect(running.first?.cursor == Self.transition(transitions).cursor)
        }
    }
}
