import Engine
import Foundation
import JSONValue
import Testing

/// A cursor with child retries (`ChildRetry`) is the document its `Codable` form encodes
/// to, and a cursor document written before the field existed still reads, without it.
@Suite struct ChildRetryStoredJSONTests {
    static let time = Timestamp(millisecondsSinceEpoch: 1_700_000_000_123)

    @Test func aCursorWithChildRetriesIsWhatItsCodableFormEncodesTo() throws {
        var cursor = ExecutionCursor(
            stateIndex: 1, input: ["items": [1, 2]], variables: [:], enteredEventId: 2, enteredTime: Self.time,
            randomState: 9, transitions: 4)
        cursor.childRetries = [
            ChildRetry(enteredEventId: 7, attempts: [1, 0], due: Self.time.adding(seconds: 10), lastEventId: 9),
            ChildRetry(enteredEventId: 12, attempts: [3], due: Self.time.adding(seconds: 80), lastEventId: 15),
        ]
        let text = StoredJSONTests.stored(cursor)
        #expect(try JSON.parse(text) == (try StoredJSONTests.encoded(cursor)))
        #expect(try JSONDecoder().decode(ExecutionCursor.self, from: Data(text.utf8)) == cursor)
    }

    @Test func aCursorWrittenBeforeChildRetriesReadsWithoutThem() throws {
        let cursor = ExecutionCursor(
            stateIndex: 0, input: nil, variables: [:], enteredEventId: 2, enteredTime: Self.time, randomState: 1,
            transitions: 1)
        let text = StoredJSONTests.stored(cursor)
        #expect(!text.contains("childRetries"))
        #expect(try JSONDecoder().decode(ExecutionCursor.self, from: Data(text.utf8)).childRetries == nil)
    }
}
