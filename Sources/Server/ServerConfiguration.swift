/// Where `sfn serve` listens and how much it reads, from code or from the environment.
///
/// The defaults are Step Functions Local's habits made safe: port 8083 (so SDK configurations
/// written for Step Functions Local keep working) on 127.0.0.1 (so nothing outside this machine
/// reaches an endpoint that verifies no signatures unless the user asks for it).
public struct ServerConfiguration: Hashable, Sendable {
    /// The address to bind: `127.0.0.1` unless told otherwise; `0.0.0.0` serves every interface.
    public var host: String
    /// The TCP port; `0` asks the system for any free port, which `StepFunctionsServer.run`
    /// reports once bound (tests start servers this way).
    public var port: Int
    /// The largest request body read, in bytes. Step Functions refuses requests over 1 MB; a
    /// larger body is answered with `RequestEntityTooLargeException` before it is read in full.
    public var maxRequestBodySize: Int

    /// Step Functions Local's port.
    public static let defaultPort = 8083
    /// Loopback only, unless told otherwise.
    public static let defaultHost = "127.0.0.1"
    /// Step Functions' request size quota: 1 MB.
    public static let defaultMaxRequestBodySize = 1_048_576

    /// The environment variable that overrides `host`.
    public static let hostVariable = "SFN_SERVE_HOST"
    /// The environment variable that overrides `port`.
    public static let portVariable = "SFN_SERVE_PORT"

    public init(
        host: String = ServerConfiguration.defaultHost,
        port: Int = ServerConfiguration.defaultPort,
        maxRequestBodySize: Int = ServerConfiguration.defaultMaxRequestBodySize
    ) {
        self.host = host
        self.port = port
        self.maxRequestBodySize = maxRequestBodySize
    }

    /// `base` with `SFN_SERVE_HOST` and `SFN_SERVE_PORT` applied where they are set and not
    /// empty. Flags given on the command line are applied after this, so they win.
    ///
    /// Takes the environment as a dictionary (`ProcessInfo.processInfo.environment` in the
    /// command) so tests need not change the process's own.
    public init(
        environment: [String: String], base: ServerConfiguration = ServerConfiguration()
    ) throws(ServerError) {
        self = base
        if let host = environment[Self.hostVariable], !host.isEmpty {
            self.host = try Self.validatedHost(host, source: Self.hostVariable)
        }
        if let port = environment[Self.portVariable], !port.isEmpty {
            self.port = try Self.validatedPort(port, source: Self.portVariable)
        }
    }

    /// A port number from text: `0` … `65535`, decimal digits only.
    public static func validatedPort(_ text: String, source: String) throws(ServerError) -> Int {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let port = Int(text), port <= 65_535
        else {
            throw ServerError.invalidPort(text, source: source)
        }
        return port
    }

    /// A host from text: a name or an address, without a scheme, port or spaces.
    public static func validatedHost(_ text: String, source: String) throws(ServerError) -> String {
        let forbidden: Set<Character> = [" ", "\t", "/", "@", "?", "#"]
        guard !text.isEmpty, !text.contains(where: { forbidden.contains($0) }) else {
            throw ServerError.invalidHost(text, source: source)
        }
        return text
    }
}
