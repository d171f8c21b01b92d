import Engine
import Foundation
import GRDB

/// One write's rows as stored text: every document one after another in one buffer,
/// written by one `StoredJSONWriter` (so a payload the events and the cursor share is
/// serialized once) before the store takes its lock, and bound to SQLite straight from
/// that buffer, with no `String` per row.
///
/// GRDB binds text only from a `String`; a `Data` over the buffer binds as a blob
/// without a copy, and the statements store it `CAST(? AS TEXT)`, so the columns hold
/// TEXT exactly as rows written through `String` did (`StoredBytesTests` checks `typeof`).
struct StoredRows {
    private var writer = StoredJSONWriter()
    private(set) var events: [(id: Int, range: Range<Int>)] = []
    private(set) var cursor: Range<Int>?

    init(events: [HistoryEvent], cursor: ExecutionCursor? = nil) {
        self.events.reserveCapacity(events.count)
        for event in events { self.events.append((event.id, writer.append(event))) }
        self.cursor = cursor.map { writer.append($0) }
    }

    /// Calls `body` with a `Data` view of each document's bytes, valid only inside `body`.
    func withTexts<T>(_ body: (_ document: (Range<Int>) -> Data) throws -> T) rethrows -> T {
        try writer.bytes.withUnsafeBytes { buffer in
            try body { range in
                guard let base = buffer.baseAddress, !range.isEmpty else { return Data() }
                return Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: base + range.lowerBound), count: range.count,
                    deallocator: .none)
            }
        }
    }
}
