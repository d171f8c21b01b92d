public import Engine
import Foundation
public import StepFunctionsAPI

/// The durable local engine: a `LocalStepFunctionsService` whose state machines, versions,
/// aliases, tags and executions live in one SQLite file, reloaded when the file is opened
/// again, with the Standard executions found RUNNING resumed (unless
/// `Options.resumeExecutions` is false). `sfn serve`, `sfn run` and the local deploy target
/// open it; nothing else in the file system is touched but the file, its WAL companions
/// and the `<file>.lock` that keeps a second process out while the service lives.
///
///     let service = try await LocalEngineDatabase.open(path: ".sfn/engine.sqlite", options: .init(clock: RealClock()))
///     defer { Task { await service.close() } }
public enum LocalEngineDatabase {
    /// Opens (creating it and its missing parent directories) the database at `path`.
    /// A scaled `RealClock` in `options` continues from the latest time the file recorded.
    /// Throws `.locked` when another service holds it (after waiting up to two seconds for
    /// it to let go), `.unusable` for a file that is not an sfn engine database.
    /// Call `close()` on the service to stop it and release the file.
    public static func open(path: String, options: LocalStepFunctionsService.Options) async
        throws(LocalEngineDatabaseError) -> LocalStepFunctionsService
    {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unusable(path: path, reason: "cannot create its directory '\(directory)': \(error.localizedDescription)")
        }
        let lock = try DatabaseLock.acquire(for: path)
        let store: SQLiteExecutionStore
        do {
            store = try SQLiteExecutionStore(path: path, lock: lock)
        } catch {
            lock.release()
            // The store's message names the path too; the error says it once.
            let prefix = "cannot use '\(path)': "
            let reason = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
            throw .unusable(path: path, reason: reason)
        }
        var options = options
        if let clock = options.clock as? RealClock, clock.scale != 1 {
            // A scaled clock runs ahead of the wall; a new one continues from the file's latest
            // time, so Waits keep their deadlines and new dates follow the old ones.
            let latest = (try? store.latestRecordedTime()) ?? nil
            if let latest, latest > clock.now() { options.clock = RealClock(scale: clock.scale, startingAt: latest) }
        }
        let service = LocalStepFunctionsService(options: options, catalog: store)
        do {
            try await service.open(resumeExecutions: options.resumeExecutions)
        } catch {
            await service.close()
            throw .unusable(path: path, reason: error.message)
        }
        return service
    }

    /// A service that keeps everything in memory: the same API and behaviour, nothing kept.
    public static func inMemory(options: LocalStepFunctionsService.Options) -> LocalStepFunctionsService {
        LocalStepFunctionsService(options: options)
    }
}

/// Why a local engine database cannot be opened.
public enum LocalEngineDatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another service (in this process or another, `pid` when known) holds the file.
    case locked(path: String, pid: Int32?)
    /// The file or its directory cannot be used: not SQLite, another program's database,
    /// unreadable, or a directory that cannot be created.
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .locked(let path, let pid):
            let holder = pid.map { "process \($0)" } ?? "another process"
            return "the local engine database '\(path)' is in use by \(holder); stop it or choose another data directory"
        case .unusable(let path, let reason):
            return "cannot open the local engine database '\(path)': \(reason)"
        }
    }
}
