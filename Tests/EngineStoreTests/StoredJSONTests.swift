import Engine
import EngineStore
import Foundation
import GRDB
import JSONValue
import Testing

/// The documents the store writes for events and cursors (`StoredJSONWriter`) must be the ones
/// their `Codable` forms encode to, so rows written by the fast path and rows of older
/// databases (written through `JSONEncoder`) read back through the same decoder.
@Suite struct StoredJSONTests {
    static let payload: JSON = ["a": [1, 2.5, "x\"y\n", nil, true], "big": .number(JSONNumber(literal: "12345678901234567890")!)]
    static let time = Timestamp(millisecondsSinceEpoch: 1_700_000_000_123)

    /// One event of every details case, with optionals both present and absent.
    static let events: [HistoryEvent] = {
        let details: [(HistoryEventType, HistoryEventDetails)] = [
            (.passStateExited, .none),
            (.executionStarted, .executionStarted(ExecutionStartedEventDetails(input: payload, roleArn: "arn:role"))),
            (.executionSucceeded, .executionSucceeded(PayloadEventDetails(output: "done"))),
            (.executionFailed, .executionFailed(FailureEventDetails(error: "E", cause: "c"))),
            (.executionAborted, .executionAborted(FailureEventDetails())),
            (.executionTimedOut, .executionTimedOut(FailureEventDetails(error: "States.Timeout"))),
            (.passStateEntered, .stateEntered(StateEnteredEventDetails(name: "Ä \u{1}", input: payload))),
            (.passStateExited, .stateExited(StateExitedEventDetails(name: "A", output: [:]))),
            (.passStateExited, .stateExited(StateExitedEventDetails(name: "A", output: 1, assignedVariables: ["v": payload, "w": nil]))),
            (.taskScheduled, .taskScheduled(TaskScheduledEventDetails(resourceType: "lambda", resource: "invoke", region: "eu-west-1", parameters: payload))),
            (.taskScheduled, .taskScheduled(TaskScheduledEventDetails(
                resourceType: "lambda", resource: "invoke", region: "eu-west-1", parameters: [], timeoutInSeconds: 30, heartbeatInSeconds: 5))),
            (.taskStarted, .taskStarted(TaskResourceEventDetails(resourceType: "lambda", resource: "invoke"))),
            (.taskSucceeded, .taskSucceeded(TaskSucceededEventDetails(resourceType: "lambda", resource: "invoke", output: payload))),
            (.taskFailed, .taskFailed(TaskFailedEventDetails(resourceType: "lambda", resource: "invoke", error: "E", cause: "c"))),
            (.taskTimedOut, .taskTimedOut(TaskFailedEventDetails(resourceType: "lambda", resource: "invoke"))),
            (.taskSubmitted, .taskSubmitted(TaskSucceededEventDetails(resourceType: "sqs", resource: "sendMessage.waitForTaskToken", output: nil))),
            (.activityScheduled, .activityScheduled(ActivityScheduledEventDetails(resource: "arn:activity", input: payload))),
            (.activityScheduled, .activityScheduled(ActivityScheduledEventDetails(
                resource: "arn:activity", input: 0, timeoutInSeconds: 60, heartbeatInSeconds: 10))),
            (.activityStarted, .activityStarted(ActivityStartedEventDetails())),
            (.activityStarted, .activityStarted(ActivityStartedEventDetails(workerName: "worker"))),
            (.activitySucceeded, .activitySucceeded(PayloadEventDetails(output: payload))),
            (.activityTimedOut, .activityFailure(FailureEventDetails(error: "States.Timeout"))),
            (.mapStateStarted, .mapStateStarted(MapStateStartedEventDetails(length: 1000))),
            (.mapIterationStarted, .mapIteration(MapIterationEventDetails(name: "M", index: 7))),
            (.mapStateFailed, .failure(FailureEventDetails(cause: "c"))),
            (.executionRedriven, .executionRedriven(ExecutionRedrivenEventDetails(redriveCount: 2))),
            (.mapRunStarted, .mapRunStarted(MapRunStartedEventDetails(
                mapRunArn: "arn:aws:states:us-east-1:123456789012:mapRun:M/L:0f6c"))),
        ]
        return details.enumerated().map { index, entry in
            HistoryEvent(id: index + 1, previousEventId: index, timestamp: time, type: entry.0, details: entry.1)
        }
    }()

    static let cursors: [ExecutionCursor] = [
        ExecutionCursor(
            stateIndex: 3, input: payload, variables: [:], enteredEventId: 9, enteredTime: time,
            randomState: 42, transitions: 4),
        ExecutionCursor(
            stateIndex: 0, input: nil, variables: ["x": payload, "y": "z"], enteredEventId: 1, enteredTime: time,
            randomState: .max, transitions: 1,
            callback: PendingCallback(
                token: "tok", stateName: "T", activityArn: nil, input: payload, resourceType: "sqs",
                resource: "sendMessage.waitForTaskToken", started: false, timeoutDeadline: nil, heartbeatSeconds: nil,
                heartbeatDeadline: nil, lastEventId: 4, retryCount: 0)),
        ExecutionCursor(
            stateIndex: 2, input: [], variables: [:], enteredEventId: 5, enteredTime: time, randomState: 0, transitions: 2,
            callback: PendingCallback(
                token: "t2", stateName: "A", activityArn: "arn:activity", input: 1, resourceType: "activity",
                resource: "arn:activity", started: true, timeoutDeadline: time, heartbeatSeconds: 10,
                heartbeatDeadline: time.adding(seconds: 10), lastEventId: 6, retryCount: 2)),
        {
            // Every optional a later feature added: a redrive's re-entry and retries in progress.
            var cursor = ExecutionCursor(
                stateIndex: 1, input: payload, variables: [:], enteredEventId: 3, enteredTime: time, randomState: 7,
                transitions: 2)
            cursor.reenter = true
            cursor.retryAttempts = [2, 0]
            cursor.retryAt = time.adding(seconds: 40)
            return cursor
        }(),
        {
            // A failed Parallel's frontier, with a failed Map nested in one branch.
            var cursor = ExecutionCursor(
                stateIndex: 0, input: [:], variables: ["v": 1], enteredEventId: 2, enteredTime: time, randomState: 3,
                transitions: 1)
            let inner = RedriveFrontier(
                attempts: [RedriveAttempt(startedEventId: 9, endEventId: 20)],
                positions: [RedrivePosition(child: 4, stateIndex: 1, input: payload, variables: [:], enteredEventId: 15, frontier: nil)])
            cursor.redrive = RedriveFrontier(
                attempts: [RedriveAttempt(startedEventId: 3, endEventId: 21), RedriveAttempt(startedEventId: 23, endEventId: 30)],
                positions: [RedrivePosition(
                    child: 1, stateIndex: 0, input: nil, variables: ["w": payload], enteredEventId: 8, frontier: inner)])
            return cursor
        }(),
    ]

    /// What `JSONEncoder` writes for a value, parsed back into `JSON` (member order aside).
    static func encoded(_ value: some Encodable) throws -> JSON {
        try JSON.parse(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }

    /// The document the store writes for an event or a cursor, as text.
    static func stored(_ event: HistoryEvent) -> String { String(decoding: StoredBytesTests.bytes(event), as: UTF8.self) }
    static func stored(_ cursor: ExecutionCursor) -> String { String(decoding: StoredBytesTests.bytes(cursor), as: UTF8.self) }

    @Test(arguments: events) func anEventIsWhatItsCodableFormEncodesTo(_ event: HistoryEvent) throws {
        let text = Self.stored(event)
        #expect(try JSON.parse(text) == (try Self.encoded(event)))
        #expect(try JSONDecoder().decode(HistoryEvent.self, from: Data(text.utf8)) == event)
    }

    @Test(arguments: cursors) func aCursorIsWhatItsCodableFormEncodesTo(_ cursor: ExecutionCursor) throws {
        let text = Self.stored(cursor)
        #expect(try JSON.parse(text) == (try Self.encoded(cursor)))
        #expect(try JSONDecoder().decode(ExecutionCursor.self, from: Data(text.utf8)) == cursor)
    }

    /// A database whose rows were written through `JSONEncoder` (every one before the store
    /// built its rows itself) reads back the same, beside rows the store writes now.
    @Test func rowsWrittenThroughJSONEncoderStillRead() throws {
        let harness = try StoreHarness()
        defer { harness.remove() }
        let arn = "arn:aws:states:us-east-1:123456789012:execution:M:old"
        let identity = ExecutionIdentity(
            executionArn: arn, name: "old", stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:M",
            stateMachineName: "M", roleArn: "arn:role", region: "us-east-1", input: Self.payload, startTime: Self.time)
        let store = try SQLiteExecutionStore(path: harness.databasePath)
        try store.executionStarted(ExecutionStart(identity: identity, seed: 7, timeoutSeconds: nil))
        let (older, newer) = (Array(Self.events.prefix(12)), Array(Self.events.dropFirst(12)))
        try DatabaseQueue(path: harness.databasePath).write { db in
            for event in older {
                let text = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
                try db.execute(
                    sql: "INSERT INTO historyEvent (executionArn, id, event) VALUES (?, ?, ?)",
                    arguments: [arn, event.id, text])
            }
            let cursor = String(decoding: try JSONEncoder().encode(Self.cursors[1]), as: UTF8.self)
            try db.execute(sql: "UPDATE execution SET cursor = ? WHERE arn = ?", arguments: [cursor, arn])
        }
        let reopened = try SQLiteExecutionStore(path: harness.databasePath)
        #expect(try reopened.runningExecutions().first?.cursor == Self.cursors[1])
        try reopened.transition(executionArn: arn, events: newer, cursor: Self.cursors[2])
        let running = try SQLiteExecutionStore(path: harness.databasePath).runningExecutions()
        #expect(running.count == 1)
        #expect(running.first?.history == Self.events)
        #expect(running.first?.cursor == Self.cursors[2])
        #expect(running.first?.start.seed == 7)
    }
}
