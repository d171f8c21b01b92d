public import Engine
import Synchronization

/// The engine's own Step Functions service, handed to task invokers after it exists.
///
/// An invoker is built before the service that runs it (the service takes the invoker in its
/// initialiser), yet nested executions must start state machines on that very service: the
/// reference is made first, given to the invoker, and bound once the service is made.
/// It holds the service weakly, since the service (through its engine) holds the invoker.
///
///     let services = LocalServiceReference()
///     let service = LocalStepFunctionsService(invoker: try settings.makeInvoker(projectRoot: root, services: services))
///     services.bind(service)
public final class LocalServiceReference: Sendable {
    private struct Box: Sendable {
        weak var service: LocalStepFunctionsService?
    }

    private let box = Mutex(Box())

    public init() {}

    public func bind(_ service: LocalStepFunctionsService) {
        box.withLock { $0.service = service }
    }

    /// The bound service, while it exists.
    public var service: LocalStepFunctionsService? {
        box.withLock { $0.service }
    }
}
