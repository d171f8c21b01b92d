import Logging
import Synchronization

/// Log records kept in memory, for asserting what the server logs (and what it must not).
final class LogRecords: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    private let records = Mutex<[Record]>([])

    var all: [Record] { records.withLock { $0 } }

    func append(_ record: Record) {
        records.withLock { $0.append(record) }
    }

    /// A logger whose every record lands here.
    func logger() -> Logger {
        Logger(label: "sfn.serve.test") { _ in RecordingLogHandler(records: self) }
    }
}

/// A `LogHandler` that appends to `LogRecords` (a log handler is synchronous, so a `Mutex` is
/// the right tool; nothing async holds it).
struct RecordingLogHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.append(
            LogRecords.Record(
                level: event.level, message: event.message.description,
                metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }
}
