import NIOCore
import NIOPosix

/// Where `sfn serve` runs Swift concurrency's jobs: on SwiftNIO's event loops (the default), or
/// on Swift's own cooperative pool (`SFN_SERVE_EXECUTOR=swift`).
///
/// On the event loops, a request is read, handled by the engine and answered on the thread
/// that read it; on the cooperative pool, each request hops from the event loop to the pool
/// and back, two thread wake-ups that cost more than the engine's work for a small workflow
/// on a busy machine. Both pools have a thread per core, so blocking work (a SQLite write)
/// costs the same in either. Installing is process-wide and possible once: `sfn serve` does
/// it when it starts; a process embedding `StepFunctionsServer` decides for itself.
public enum GlobalExecutor: String, Sendable, CaseIterable {
    case eventLoops = "event-loops"
    case swift

    /// The environment variable that chooses: `event-loops` or `swift`.
    public static let variable = "SFN_SERVE_EXECUTOR"

    /// The choice in `environment`, `eventLoops` when unset or empty.
    public init(environment: [String: String]) throws(ServerError) {
        guard let text = environment[Self.variable], !text.isEmpty else {
            self = .eventLoops
            return
        }
        guard let choice = GlobalExecutor(rawValue: text) else {
            throw ServerError.invalidExecutor(text, source: Self.variable)
        }
        self = choice
    }

    /// Makes this the executor of the process; `false` when it could not be installed (the
    /// platform lacks the hook), in which case Swift's pool stays. Safe to call more than once:
    /// only the first installation happens.
    @discardableResult
    public func install() -> Bool {
        switch self {
        case .swift: return true
        case .eventLoops: return Self.eventLoopsInstalled
        }
    }

    /// Computed once per process (a `static let` is initialized exactly once), because NIO
    /// allows the installation only once.
    private static let eventLoopsInstalled: Bool =
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
