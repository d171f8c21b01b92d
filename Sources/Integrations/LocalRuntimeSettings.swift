public import Diagnostics
public import JSONValue
public import Workspace

/// An environment's `local:` block: how the local engine runs the Task resources of its
/// workflows, and its clock. Read after `extends` and overrides are merged:
///
///     local:
///       handlers:                                   # resource pattern → how it runs here
///         process-local: {command: [sh, handlers/process.sh]}
///         "arn:aws:lambda:*:*:function:etl-*": {command: [sh, handlers/etl.sh], env: {STAGE: local}, timeout: 30}
///         "arn:aws:states:::sns:publish": {command: "cat > /dev/null; echo {}", shell: true}
///         remote-*: {url: "http://127.0.0.1:3001"}  # a Lambda-invoke endpoint (sam local start-lambda)
///       mocks: mocks/local.json                     # Step Functions Local mock file, from the project root
///       test_case: HappyPath                        # the mock test case of executions started without one
///       clock: real                                 # real | virtual | {scale: 0.01}
///       connections:                                # HTTP tasks: headers in place of an EventBridge connection's credentials
///         "arn:aws:events:*:*:connection/payments/*": {headers: {Authorization: "Bearer local-token"}}
///
/// A handler pattern is an exact resource ARN, a Lambda function name (`process-local`,
/// `process-local:live`) or a glob (`*` any run of characters, `?` one) tried against both.
/// Exact patterns win over globs; among globs the first written wins.
public struct LocalRuntimeSettings: Sendable, Hashable {
    public var handlers: [Handler]
    /// The mock file's path, relative to the project root (or absolute).
    public var mocks: String?
    public var testCase: String?
    public var clock: Clock
    /// HTTP tasks' connections: ARN pattern → headers sent in place of its credentials.
    public var connections: [Connection]

    /// One `connections` entry.
    public struct Connection: Sendable, Hashable {
        public var pattern: String
        public var headers: [String: String]

        public init(pattern: String, headers: [String: String]) {
            self.pattern = pattern
            self.headers = headers
        }
    }

    /// One `handlers` entry.
    public struct Handler: Sendable, Hashable {
        public var pattern: String
        public var target: Target

        public init(pattern: String, target: Target) {
            self.pattern = pattern
            self.target = target
        }
    }

    public enum Target: Sendable, Hashable {
        /// A local program (working directory relative to the project root); `timeoutSeconds`
        /// bounds every run, also of states that set no `TimeoutSeconds`.
        case command(LocalCommand, timeoutSeconds: Int64?)
        /// A Lambda-invoke endpoint's base URL.
        case endpoint(url: String)
    }

    /// How the engine's time passes.
    public enum Clock: Sendable, Hashable {
        /// Wall time: a Wait of 10 s lasts 10 s.
        case real
        /// Time moves only when the engine waits, at once: Waits and backoff take no time.
        case virtual
        /// Wall time with every wait shortened by the factor (0.01: a 100 s Wait lasts 1 s).
        case scaled(Double)
    }

    public init(
        handlers: [Handler] = [], mocks: String? = nil, testCase: String? = nil, clock: Clock = .real,
        connections: [Connection] = []
    ) {
        self.connections = connections
        self.handlers = handlers
        self.mocks = mocks
        self.testCase = testCase
        self.clock = clock
    }

    /// Reads an environment's merged `local:` block; problems point into the file each value
    /// came from.
    public init(environment: ResolvedEnvironment) throws(LocalRuntimeError) {
        try self.init(parsing: environment.local, sourceMap: environment.settings.sourceMap, at: ["local"])
    }

    /// Reads a `local:` value (nil: no block, all defaults). `sourceMap` and `pointer` (where
    /// the block sits in the mapped document) locate problems; every problem is reported.
    public init(parsing value: JSON?, sourceMap: SourceMap? = nil, at pointer: JSONPointer = ["local"]) throws(LocalRuntimeError) {
        var reader = LocalSettingsReader(sourceMap: sourceMap)
        self = reader.settings(value, at: pointer)
        guard reader.problems.isEmpty else { throw LocalRuntimeError(problems: reader.problems) }
    }
}

/// Problems in a `local:` block or in the files it names, each at its JSON path and,
/// when known, its place in the environment file.
public struct LocalRuntimeError: Error, Sendable, CustomStringConvertible {
    public var problems: [Problem]

    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// `local.handlers["process-*"].command`
        public var path: String
        public var message: String
        public var location: SourceLocation?

        public init(path: String, message: String, location: SourceLocation? = nil) {
            self.path = path
            self.message = message
            self.location = location
        }

        public var description: String {
            (location.map { "\($0): " } ?? "") + "\(path): \(message)"
        }
    }

    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
