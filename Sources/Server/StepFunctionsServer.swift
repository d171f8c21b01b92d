import Hummingbird
import Logging
import ServiceLifecycle
import StepFunctionsAPI
import UnixSignals

/// Any `StepFunctionsService` as an HTTP endpoint that AWS SDKs, the AWS CLI and Terraform can
/// call: the AWS JSON 1.0 protocol on `POST /`, and `GET /health`.
///
/// The server knows nothing of what implements the API: the embedded engine, a test double, or
/// a client forwarding to AWS are served the same way. It is a `Service`, so `sfn serve` can run
/// it beside the engine's own services in one `ServiceGroup` and shut both down in order;
/// `runUntilSignalled()` is the standalone form.
///
/// ```swift
/// let server = StepFunctionsServer(service: engine, configuration: .init(port: 0)) { address in
///     print("listening on \(address)")
/// }
/// try await server.runUntilSignalled()
/// ```
public struct StepFunctionsServer<Service: StepFunctionsService>: ServiceLifecycle.Service {
    public let service: Service
    public var configuration: ServerConfiguration
    /// Receives one `debug` line per request (`warning` for a 5xx; see
    /// `RequestLoggingMiddleware`) and Hummingbird's own start and stop messages.
    public var logger: Logger
    /// Checks SigV4 signatures before dispatch; accepts anything by default, as emulators do.
    public var signatureVerifier: any SignatureVerifying
    /// Called once the socket is bound, with the port actually bound: the way to learn the port
    /// when `configuration.port` is 0.
    public var onRunning: @Sendable (ServerAddress) async -> Void

    public init(
        service: Service,
        configuration: ServerConfiguration = ServerConfiguration(),
        logger: Logger = Logger(label: "sfn.serve"),
        signatureVerifier: any SignatureVerifying = AcceptingAnySignature(),
        onRunning: @escaping @Sendable (ServerAddress) async -> Void = { _ in }
    ) {
        self.service = service
        self.configuration = configuration
        self.logger = logger
        self.signatureVerifier = signatureVerifier
        self.onRunning = onRunning
    }

    /// The routes, with request IDs, logging and AWS-shaped errors on every one. Public so a
    /// caller can serve the API in memory (HummingbirdTesting's `.router`) or mount more routes.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        // Middleware first: Hummingbird wraps only the routes added after it.
        router.add(middleware: RequestLoggingMiddleware<BasicRequestContext>(logger: logger))
        let endpoint = ActionEndpoint(
            service: service, signatureVerifier: signatureVerifier,
            maxRequestBodySize: configuration.maxRequestBodySize)
        router.post("/") { request, _ in await endpoint.respond(to: request) }
        router.get("/health") { _, _ in APIResponse.health() }
        return router
    }

    /// The Hummingbird application bound to `configuration`'s host and port.
    public func application() -> Application<RouterResponder<BasicRequestContext>> {
        let onRunning = self.onRunning
        let host = configuration.host
        return Application(
            router: router(),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: configuration.port), serverName: "sfn"),
            onServerRunning: { channel in
                await onRunning(ServerAddress(host: host, port: channel.localAddress?.port ?? 0))
            },
            logger: logger)
    }

    /// Serves until the enclosing `ServiceGroup` shuts down gracefully (in-flight requests are
    /// answered, then the socket closes) or the task is cancelled (connections close at once).
    public func run() async throws {
        try await application().run()
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight and returns; or
    /// until the task is cancelled. For `sfn serve` when nothing else runs beside the server.
    public func runUntilSignalled(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint]
    ) async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [self], gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
        try await group.run()
    }
}

/// Where a running server listens.
public struct ServerAddress: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `http://127.0.0.1:8083`: the endpoint URL to give an SDK or the AWS CLI.
    public var endpointURL: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    public var description: String { endpointURL }
}
