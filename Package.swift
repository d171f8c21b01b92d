// swift-tools-version:6.1
// sfn: GitOps for AWS Step Functions, with a local workflow engine of its own.
//
// Targets follow the data flow in ../shared/DESIGN.md. Each imports only from
// layers above it: C shims → base → adapters → languages → model → stages → surfaces.
import PackageDescription

let package = Package(
    name: "sfn",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sfn", targets: ["sfn"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "JSONValue", targets: ["JSONValue"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "JSONPath", targets: ["JSONPath"]),
        .library(name: "Intrinsics", targets: ["Intrinsics"]),
        .library(name: "ASLModel", targets: ["ASLModel"]),
        .library(name: "Workspace", targets: ["Workspace"]),
        .library(name: "Validation", targets: ["Validation"]),
        .library(name: "Git", targets: ["Git"]),
        .library(name: "Revisions", targets: ["Revisions"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "StepFunctionsAPI", targets: ["StepFunctionsAPI"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "EngineStore", targets: ["EngineStore"]),
        .library(name: "StepFunctions", targets: ["StepFunctions"]),
        .library(name: "AWSClient", targets: ["AWSClient"]),
        .library(name: "Server", targets: ["Server"]),
        .library(name: "Commands", targets: ["Commands"]),
        .library(name: "Integrations", targets: ["Integrations"]),
        .library(name: "Records", targets: ["Records"]),
        .library(name: "Deployment", targets: ["Deployment"]),
    ],
    dependencies: [
        // The command-line surface: parsing, help and "did you mean" for flags. Only `Commands` imports it.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 of canonical definitions (the identity of a rendered workflow), without Foundation's CommonCrypto gap on Linux.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // HTTP/1.1 and HTTP/2 client with TLS and connection pooling, for talking to AWS and emulators (`AWSClient` only).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // `ByteBuffer` and `TimeAmount`, the types AsyncHTTPClient's API speaks (already required by it).
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // `sfn serve`'s HTTP server on SwiftNIO (routing, body limits, graceful shutdown), and its
        // testing framework that runs one test body in memory and over loopback. Only `Server` imports it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Structured request logging in `Server`; the logging API Hummingbird and SwiftNIO already use.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // HTTP field names (`X-Amz-Target`, `x-amzn-RequestId`) in `Server`; already in the graph through Hummingbird.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Graceful shutdown on SIGTERM/SIGINT for `sfn serve`, and the `Service` protocol that lets the
        // server run beside the engine in one service group; Hummingbird is built on it.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // SQLite with typed records, WAL-mode connection pools and numbered migrations: the durable store of
        // Standard executions. Only `EngineStore` imports it.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System-library shim for libyaml (pkg-config `yaml-0.1`); reached only through `YAML`.
        .systemLibrary(
            name: "CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        // System-library shim for libgit2 (pkg-config `libgit2`); reached only through `Git`.
        .systemLibrary(
            name: "CGit2", pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]),

        // Source files, 1-based locations and `Diagnostic` values, with text, JSON and GitHub renderers.
        .target(name: "Diagnostics"),
        // Ordered JSON value with exact numbers: fast parser with positions, serializers, JSON Pointer, source maps, canonical sha256.
        .target(
            name: "JSONValue",
            dependencies: ["Diagnostics", .product(name: "Crypto", package: "swift-crypto")]),

        // Reads YAML 1.2 (core schema) through libyaml into `JSON` plus a source map of every node.
        .target(name: "YAML", dependencies: ["CYAML", "JSONValue", "Diagnostics"]),
        // Opens git repositories, commits, trees and blobs through libgit2; C types never leave this module.
        .target(name: "Git", dependencies: ["CGit2"]),

        // Parses and evaluates the JSONPath dialect of Amazon States Language; pure and synchronous.
        .target(name: "JSONPath", dependencies: ["JSONValue", "Diagnostics"]),
        // Parses and evaluates ASL intrinsic functions (`States.Format(...)` …); pure and synchronous.
        .target(name: "Intrinsics", dependencies: ["JSONPath", "JSONValue", "Diagnostics", .product(name: "Crypto", package: "swift-crypto")]),

        // Decodes ASL definitions into typed models with diagnostics; performs no I/O.
        .target(name: "ASLModel", dependencies: ["JSONValue", "Diagnostics"]),

        // Reads a workflow repository (workflows, environments, templates) and renders final ASL per environment.
        .target(name: "Workspace", dependencies: ["ASLModel", "YAML", "JSONValue", "Diagnostics"]),
        // Static validation of rendered ASL: one rule per file, AWS's ValidateStateMachineDefinition codes.
        .target(
            name: "Validation",
            dependencies: ["ASLModel", "JSONPath", "Intrinsics", "JSONValue", "Diagnostics"]),
        // Workflow sources at git revisions: a commit's tree as a Workspace `SourceTree`, revision
        // metadata, and which of a workflow's sources the working tree has changed. The adapter between
        // `Git` (which knows nothing of workflows) and `Workspace` (which knows nothing of git).
        .target(name: "Revisions", dependencies: ["Git", "Workspace"]),
        // Structural diff of rendered workflows (state- and field-level, line diffs of canonical JSON)
        // and the history of a workflow's rendered definition across commits.
        .target(
            name: "Planning",
            dependencies: ["Revisions", "Git", "Workspace", "ASLModel", "JSONValue", "Diagnostics"]),

        // The AWS Step Functions API shape: Codable requests/responses with AWS's JSON names, errors, ARNs,
        // and the `StepFunctionsService` protocol every implementation conforms to. Uses Foundation for
        // `Codable`'s JSONEncoder/JSONDecoder, which SDK-compatible wire types need; no other dependency.
        .target(name: "StepFunctionsAPI", dependencies: ["JSONValue"]),
        // StepFunctionsService over HTTP: AWS JSON 1.0, SigV4, credentials, retries.
        // Crypto gives SigV4's HMAC-SHA256 and SHA-256 payload hashes.
        .target(
            name: "AWSClient",
            dependencies: [
                "StepFunctionsAPI", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),

        // Runs ValidatedWorkflows: executions, history, retries/catches, Map/Parallel, clocks, task invokers;
        // `LocalStepFunctionsService` answers the Step Functions API from it, in memory.
        .target(
            name: "Engine",
            dependencies: [
                "Validation", "ASLModel", "JSONPath", "Intrinsics", "JSONValue", "Diagnostics", "StepFunctionsAPI",
            ]),

        // The durable local engine (`LocalEngineDatabase`): Standard executions and the service's catalog (machines,
        // versions, aliases, tags) in one SQLite file through GRDB, numbered migrations, one process at a time.
        .target(
            name: "EngineStore",
            dependencies: ["Engine", "JSONValue", "StepFunctionsAPI", .product(name: "GRDB", package: "GRDB.swift")]),
        // Task integrations for the local engine: an environment's `local:` settings, local command handlers, Lambda-invoke
        // endpoints, Step Functions Local mocks and nested executions on the local service.
        // Processes run through Foundation's `Process` (see `ProcessRun`); endpoints through AsyncHTTPClient.
        .target(
            name: "Integrations",
            dependencies: [
                "Engine", "Workspace", "StepFunctionsAPI", "JSONValue", "Diagnostics",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),

        // Deployment and execution records under `.sfn/records.sqlite` (GRDB, numbered migrations): what was
        // deployed where from which commit, and every execution started through `sfn`, keyed by revision.
        .target(
            name: "Records",
            dependencies: ["JSONValue", "StepFunctionsAPI", "Git", .product(name: "GRDB", package: "GRDB.swift")]),
        // Targets (any `StepFunctionsService`: the durable local engine, an HTTP endpoint, AWS), ownership tags,
        // plan/apply, promotion and rollback.
        .target(
            name: "Deployment",
            dependencies: [
                "Records", "StepFunctionsAPI", "Workspace", "Revisions", "Planning", "Validation", "Git", "Engine",
                "EngineStore", "AWSClient", "Integrations", "JSONValue", "Diagnostics",
            ]),

        // The public facade `StepFunctionsManager`: the Swift form of the quick start, over any `StepFunctionsService`
        // (the embedded engine by default).
        .target(name: "StepFunctions", dependencies: ["Engine", "StepFunctionsAPI", "JSONValue"]),

        // `sfn serve`: any `StepFunctionsService` exposed over HTTP. AWSClient's SigV4 signer checks
        // signatures under `--verify-signatures`, so client and server share one canonicalisation.
        .target(
            name: "Server",
            dependencies: [
                "StepFunctionsAPI", "JSONValue", "AWSClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]),

        // The `sfn` subcommands: options in, one call of the core, a human or JSON view out.
        .target(
            name: "Commands",
            dependencies: [
                "Workspace", "Validation", "Planning", "Revisions", "Git", "ASLModel", "YAML", "JSONValue",
                "Diagnostics", "Engine", "EngineStore", "Integrations", "AWSClient", "StepFunctionsAPI", "Server",
                "Records", "Deployment",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The executable: one file that runs the root command.
        .executableTarget(name: "sfn", dependencies: ["Commands"]),
        // Release-build benchmark: renders and validates a generated repository (`swift run -c release sfn-benchmark`);
        // with `--log`, times `sfn log` over a generated history of 1,000 commits; with `--engine`, runs the
        // engine benchmark workflows (../shared/bench) in memory, pass-chain-100 durable on SQLite, and the straight-Swift floor;
        // with `--serve`, loads `sfn serve` over loopback beside the same calls in process.
        .executableTarget(
            name: "sfn-benchmark",
            dependencies: [
                "Commands", "Engine", "EngineStore", "StepFunctionsAPI", "ASLModel", "Workspace", "Validation", "Planning", "Revisions", "Git", "JSONValue", "Diagnostics",
                "Deployment",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `--serve`: the server, its lifecycle and logging, and an HTTP client to load it over loopback.
                "Server", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),

        // Test helpers: marked-text diagnostics assertions, golden files, in-memory source trees. Not a product.
        .target(
            name: "TestSupport",
            dependencies: ["Diagnostics", "JSONValue"]),
        .target(
            name: "MotoTestSupport",
            dependencies: ["AWSClient", "StepFunctionsAPI"]),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "TestSupport"]),
        .testTarget(name: "JSONValueTests", dependencies: ["JSONValue", "TestSupport"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "JSONValue", "TestSupport"]),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"]),
        .testTarget(name: "RevisionsTests", dependencies: ["Revisions", "Git", "Workspace", "TestSupport"]),
        .testTarget(
            name: "PlanningTests", dependencies: ["Planning", "Revisions", "Git", "Workspace", "JSONValue", "TestSupport"]),
        .testTarget(name: "JSONPathTests", dependencies: ["JSONPath", "JSONValue", "TestSupport"]),
        .testTarget(name: "IntrinsicsTests", dependencies: ["Intrinsics", "JSONValue", "TestSupport"]),
        .testTarget(name: "ASLModelTests", dependencies: ["ASLModel", "JSONValue", "TestSupport"]),
        .testTarget(
            name: "WorkspaceTests", dependencies: ["Workspace", "YAML", "JSONValue", "TestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "ValidationTests",
            dependencies: ["Validation", "ASLModel", "YAML", "JSONValue", "TestSupport"]),
        .testTarget(
            name: "StepFunctionsAPITests", dependencies: ["StepFunctionsAPI", "JSONValue"]),
        .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "StepFunctionsAPI", "MotoTestSupport"]),
        .testTarget(
            name: "EngineTests",
            dependencies: [
                "Engine", "Validation", "ASLModel", "YAML", "JSONValue", "StepFunctionsAPI", "TestSupport",
                // The example workflows rendered for `local` run on the engine (approval.yaml).
                "Workspace",
            ],
            exclude: ["conformance-failures.txt"]),
        .testTarget(
            name: "EngineStoreTests",
            dependencies: [
                "EngineStore", "Engine", "Validation", "ASLModel", "JSONValue", "StepFunctionsAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "IntegrationsTests",
            dependencies: ["Integrations", "Engine", "Validation", "Workspace", "StepFunctionsAPI", "JSONValue", "Diagnostics"]),
        .testTarget(
            name: "StepFunctionsTests", dependencies: ["StepFunctions", "StepFunctionsAPI", "Engine", "JSONValue"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "StepFunctionsAPI", "JSONValue", "AWSClient",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(
            name: "RecordsTests",
            dependencies: [
                "Records", "Git", "JSONValue", "StepFunctionsAPI", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "DeploymentTests",
            dependencies: [
                "Deployment", "Records", "StepFunctionsAPI", "Engine", "EngineStore", "AWSClient", "Workspace",
                "Revisions", "Git", "JSONValue", "TestSupport", "MotoTestSupport",
            ]),
        .testTarget(
            name: "CommandsTests", dependencies: ["Commands", "TestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
