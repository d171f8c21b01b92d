import Foundation
import GRDB
import Synchronization

/// Moves WAL checkpoints off the writing path. SQLite's automatic checkpoint runs inside
/// the commit that crosses 1,000 WAL pages: one transition in a few hundred paid for
/// copying the WAL into the database file and for two fsyncs. Here a PASSIVE checkpoint
/// runs every `interval` commits on a connection and thread of its own: it takes no lock
/// the writer waits for, and copies (and syncs) what was committed so far. The WAL starts
/// over from its beginning when a write begins after a checkpoint copied all of it (the
/// store falling idle); while transitions keep coming the checkpointer never quite catches
/// up, so the writer's own automatic checkpoint, raised to `hardLimitPages`, bounds the
/// file: it then copies only the few pages the last background checkpoint had not, syncs
/// and starts the WAL over — its fsyncs eight times rarer than SQLite's default.
///
/// Durability is the WAL's: a commit is in the WAL file before `write` returns, which
/// survives the process being killed (SIGKILL) with `synchronous = NORMAL`; a checkpoint
/// only moves committed pages into the database file and never decides what survives.
final class WALCheckpointer: Sendable {
    /// Commits between two background checkpoints.
    static let interval = 256
    /// The writer's own automatic checkpoint, in WAL pages (32 MiB of 4 KiB pages): the
    /// bound on the WAL's size.
    static let hardLimitPages = 8_192

    private struct State {
        var commits = 0
        var running = false
        var closed = false
    }

    private let connection: DatabaseQueue
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "sfn.engine-store.checkpoint", qos: .utility)

    /// A second connection to the (already migrated) database at `path`.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "checkpoint"
        configuration.busyMode = .timeout(SQLiteExecutionStore.busyTimeout)
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Counts a commit; every `interval` of them starts a checkpoint unless one is running.
    func committed() {
        let start = state.withLock { state -> Bool in
            state.commits += 1
            guard state.commits >= Self.interval, !state.running, !state.closed else { return false }
            state.commits = 0
            state.running = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            checkpoint()
            state.withLock { $0.running = false }
        }
    }

    /// Checkpoints now, on the caller's thread (tests, and a store being closed).
    @discardableResult
    func checkpoint() -> (walFrameCount: Int, checkpointedFrameCount: Int)? {
        // A failed checkpoint loses nothing: the frames stay in the WAL for the next one.
        try? connection.inDatabase { db in try db.checkpoint(.passive) }
    }

    /// Stops starting checkpoints and waits for one in progress.
    func close() {
        state.withLock { $0.closed = true }
        queue.sync {}
    }
}
