import Synchronization

/// Values a command built and no longer needs, kept until the process exits instead of
/// being freed when the command returns.
///
/// A plan of 500 workflows is a graph of millions of small objects (definitions, source
/// maps, rendered values): freeing it object by object takes 0.1–0.2 s after the plan has
/// been printed, time the user waits for nothing, since the process is about to end and the
/// system reclaims its memory at once. Compilers skip the same teardown for the same reason.
/// Only for values that live to the end of a one-shot command, never in a server.
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        values.withLock { $0.append(value) }
    }
}
