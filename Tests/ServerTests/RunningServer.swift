import Logging
import Server
import ServiceLifecycle
import StepFunctionsAPI

/// A `StepFunctionsServer` started the way `sfn serve` starts it (its own `run()`, port 0, in a
/// `ServiceGroup`), for tests that need the real lifecycle rather than HummingbirdTesting's.
struct RunningServer: Sendable {
    let group: ServiceGroup
    let address: ServerAddress

    /// Starts `service` on a free loopback port inside `body`'s task group, runs `body`, then
    /// shuts the server down gracefully and waits for it to stop.
    static func with<Value: Sendable>(
        _ service: ScriptedService, logger: Logger = quietLogger,
        signatureVerifier: any SignatureVerifying = AcceptingAnySignature(),
        _ body: @Sendable (RunningServer) async throws -> Value
    ) async throws -> Value {
        let (addresses, found) = AsyncStream.makeStream(of: ServerAddress.self)
        let server = StepFunctionsServer(
            service: service, configuration: ServerConfiguration(port: 0), logger: logger,
            signatureVerifier: signatureVerifier, onRunning: { address in found.yield(address) })
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [server], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = addresses.makeAsyncIterator()
            guard let address = await iterator.next() else { throw CancellationError() }
            let running = RunningServer(group: group, address: address)
            do {
                let value = try await body(running)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
