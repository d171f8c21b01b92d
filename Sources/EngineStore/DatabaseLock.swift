import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock`) on the sibling `<database>.lock` file, held for as
/// long as one service uses the database, so that two processes (or two services in one
/// process) never resume the same executions. The holder writes its pid into the file, so
/// the one refused can say who holds it.
final class DatabaseLock: Sendable {
    let path: String
    /// The open descriptor while held; -1 once released.
    private let descriptor: Mutex<Int32>

    /// Takes the lock, retrying for up to `patience` seconds (a server restarting on the same
    /// directory waits for the old process to let go), then gives up with the holder's pid.
    static func acquire(for databasePath: String, patience: Double = 2) throws(LocalEngineDatabaseError) -> DatabaseLock {
        let path = databasePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .unusable(path: databasePath, reason: "cannot open its lock file '\(path)': \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(patience)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                close(fd)
                throw .unusable(path: databasePath, reason: "cannot lock '\(path)': \(String(cString: strerror(error)))")
            }
            guard Date() < deadline else {
                let holder = holderPid(path)
                close(fd)
                throw .locked(path: databasePath, pid: holder)
            }
            usleep(20_000)
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        return DatabaseLock(path: path, descriptor: fd)
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    /// The pid the holder wrote, if it can be read.
    static func holderPid(_ path: String) -> Int32? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Lets go of the lock (closing the descriptor releases the flock); safe to call twice.
    func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            _ = ftruncate(fd, 0)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}
