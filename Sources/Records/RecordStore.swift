import Foundation
import GRDB

/// Every deployment `sfn` made and every execution it started, in one SQLite file
/// (`.sfn/records.sqlite`) through GRDB.
///
/// The file is shared by every `sfn` process of a repository: a CI job's `sfn apply` and a
/// developer's `sfn run` may write at once. It is opened in WAL mode, each write is one
/// immediate transaction, and a writer that finds the file locked waits (up to
/// `busyTimeout`) instead of failing, so concurrent writers neither corrupt nor lose records.
///
/// `Sendable`: GRDB's database writers serialise every access themselves.
public final class RecordStore: Sendable {
    /// The file's name inside `.sfn/`.
    public static let fileName = "records.sqlite"
    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 15

    let database: any DatabaseWriter
    /// The database file, or `:memory:`; named in every error.
    public let path: String
    /// Inputs and outputs longer than this many UTF-8 bytes are stored cut, marked truncated.
    public let payloadLimit: Int

    init(database: any DatabaseWriter, path: String, payloadLimit: Int) throws(RecordStoreError) {
        self.database = database
        self.path = path
        self.payloadLimit = payloadLimit
        try RecordSchema.migrate(database, path: path)
    }

    /// The default cut for stored inputs and outputs: 64 KiB, a quarter of what an execution
    /// may carry (256 KiB), enough to read a result back without letting a store grow by the
    /// full payload of every run.
    public static let defaultPayloadLimit = 64 * 1024

    /// Opens (creating when missing) `records.sqlite` in `directory`, normally the repository's
    /// `.sfn/`, which is created too. A corrupt file or another program's database throws with
    /// the path and what is wrong.
    public static func open(
        directory: String, payloadLimit: Int = defaultPayloadLimit
    ) throws(RecordStoreError) -> RecordStore {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RecordStoreError("cannot create the records directory '\(directory)': \(error.localizedDescription)")
        }
        let path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
        return try open(path: path, payloadLimit: payloadLimit)
    }

    /// Opens (creating when missing) the record store in the file at `path`.
    public static func open(path: String, payloadLimit: Int = defaultPayloadLimit) throws(RecordStoreError) -> RecordStore {
        let pool: DatabasePool
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeout)
            configuration.label = "sfn.records"
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw RecordStoreError("cannot open the record store '\(path)': \(reason(error))")
        }
        return try RecordStore(database: pool, path: path, payloadLimit: payloadLimit)
    }

    /// A store that lives as long as the value: for tests and for commands run with no
    /// repository to keep records in.
    public static func inMemory(payloadLimit: Int = defaultPayloadLimit) -> RecordStore {
        do {
            return try RecordStore(database: try DatabaseQueue(), path: ":memory:", payloadLimit: payloadLimit)
        } catch {
            // An in-memory SQLite database is made by SQLite alone, and the migrations are ours;
            // failing here is a bug in sfn, not something a user or a file can cause.
            preconditionFailure("sfn bug, please report: the in-memory record store cannot be created: \(error)")
        }
    }

    /// SQLite's words for what went wrong, without GRDB's statement dump.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: return "the file is not a SQLite database"
            case .SQLITE_CORRUPT: return "the database file is corrupt"
            case .SQLITE_BUSY: return "the database stayed locked by another process for \(Int(busyTimeout)) s"
            case .SQLITE_READONLY: return "the database is read-only"
            default: return error.message ?? "\(error.resultCode)"
            }
        }
        return "\(error)"
    }

    func write<T>(_ what: String, _ body: (Database) throws -> T) throws(RecordStoreError) -> T {
        do {
            return try database.write { db in try body(db) }
        } catch {
            throw RecordStoreError("cannot \(what) in '\(path)': \(Self.reason(error))")
        }
    }

    func read<T>(_ what: String, _ body: (Database) throws -> T) throws(RecordStoreError) -> T {
        do {
            return try database.read { db in try body(db) }
        } catch {
            throw RecordStoreError("cannot \(what) from '\(path)': \(Self.reason(error))")
        }
    }
}
