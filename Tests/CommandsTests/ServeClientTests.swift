@testable import Commands
import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the real-client tests share: `sfn serve` started as a user starts it (the command, in
/// this process, on a free loopback port), and external clients (the AWS CLI, boto3, the
/// conformance runner) run as child processes against it with dummy credentials.
///
/// The clients are found on `PATH` when the test runs; a test whose client is missing is
/// skipped with the reason (`.ci/run` installs them).
enum ServeClientTests {
    /// The endpoint of a running `sfn serve`, and the text it wrote to stderr so far.
    struct Served: Sendable {
        let endpoint: String
        let capture: CommandHarness.Capture
    }

    /// Starts `sfn serve --port 0 <arguments>`, runs `body` with its endpoint, then stops the
    /// server (as SIGINT would: the command's task is cancelled) and checks it exited cleanly.
    static func withServer<Value: Sendable>(
        _ arguments: [String] = [], environment: [String: String] = [:],
        _ body: @Sendable (Served) async throws -> Value
    ) async throws -> Value {
        let capture = CommandHarness.Capture()
        let command = ["serve", "--port", "0"] + throwawayState + arguments
        let server = Task { await CommandHarness.run(command, capture: capture) }
        defer { server.cancel() }
        var endpoint: String?
        for _ in 0..<600 where endpoint == nil {
            let text = capture.err.withLock { $0 }
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                endpoint = String(text[range])
            } else if text.contains("error") {
                break
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let url = try #require(endpoint, "sfn serve printed no 'listening on' line: \(capture.err.withLock { $0 })")
        let value = try await body(Served(endpoint: url, capture: capture))
        server.cancel()
        let outcome = await server.value
        #expect(outcome.exitCode == 0, "sfn serve exited with \(outcome.exitCode): \(outcome.err)")
        return value
    }

    /// `--in-memory` once `sfn serve` has it (it becomes durable by default under `.sfn/serve/`),
    /// so no test leaves a database behind; nothing while memory is all it knows.
    static let throwawayState: [String] = {
        (try? SFNCommand.parseAsRoot(["serve", "--in-memory"])) == nil ? [] : ["--in-memory"]
    }()

    // MARK: - Clients

    /// Whether `python3` can import boto3 here.
    static let boto3Available: Bool = {
        (try? ClientProcess.runBlocking(["python3", "-c", "import boto3"]).status) == 0
    }()

    /// Whether the AWS CLI (`aws`) runs here.
    static let awsCLIAvailable: Bool = {
        (try? ClientProcess.runBlocking(["aws", "--version"]).status) == 0
    }()

    /// Runs a boto3 script given as text, with the endpoint as `sys.argv[1]` and `extra`
    /// arguments after it. The script prints what it checked; a failed `assert` exits non-zero.
    static func runBoto3(
        _ script: String, endpoint: String, extra: [String] = [], environment: [String: String] = [:],
        timeout: Duration = .seconds(120)
    ) async throws -> ClientProcess.Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-serve-\(UUID().uuidString).py")
        try (boto3Prelude + script).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await ClientProcess.run(
            ["python3", file.path, endpoint] + extra, environment: environment, timeout: timeout)
    }

    /// Defines `client` (retries off, short timeouts), `json` and `expect_error`, which asserts
    /// that a call raises the SDK's own exception class for an AWS error code.
    static let boto3Prelude = #"""
        import json, sys, time, threading
        import boto3
        import botocore
        from botocore.config import Config

        ENDPOINT = sys.argv[1]
        ROLE = "arn:aws:iam::123456789012:role/sfn"
        # StartSyncExecution and TestState have the host prefix "sync-" in the API model, which
        # botocore prepends to the endpoint's host (sync-127.0.0.1 resolves nowhere): users of
        # any local endpoint turn it off, as here.
        client = boto3.client(
            "stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1",
            config=Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=70, inject_host_prefix=False))

        def expect_error(code, call, *args, **kwargs):
            exception_class = getattr(client.exceptions, code)
            try:
                call(*args, **kwargs)
            except exception_class as error:
                return error.response
            raise AssertionError(f"expected {code} from {call.__name__}")

        def wait_done(arn, timeout=20):
            deadline = time.time() + timeout
            while True:
                described = client.describe_execution(executionArn=arn)
                if described["status"] != "RUNNING" or time.time() > deadline:
                    return described
                time.sleep(0.02)

        """#

    /// Runs `aws stepfunctions <arguments> --endpoint-url <endpoint> --output json`.
    static func runAWSCLI(_ arguments: [String], endpoint: String) async throws -> ClientProcess.Result {
        try await ClientProcess.run(
            ["aws", "stepfunctions"] + arguments + ["--endpoint-url", endpoint, "--output", "json"],
            timeout: .seconds(60))
    }

    // MARK: - Probes

    /// The `__type` the server answers for `action` with `body`, sent as a raw AWS JSON 1.0 request.
    static func errorType(of action: String, body: String, endpoint: String) async throws -> String? {
        var request = URLRequest(url: try #require(URL(string: endpoint)))
        request.httpMethod = "POST"
        request.setValue("application/x-amz-json-1.0", forHTTPHeaderField: "Content-Type")
        request.setValue("AWSStepFunctions.\(action)", forHTTPHeaderField: "X-Amz-Target")
        request.httpBody = Data(body.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["__type"] as? String
    }

    /// Skips the running test (with the reason) while the engine answers `action` with
    /// `UnsupportedOperation`, so the test starts asserting the day the feature lands.
    static func requireSupported(_ action: String, body: String, endpoint: String) async throws {
        if try await errorType(of: action, body: body, endpoint: endpoint) == "UnsupportedOperation" {
            try Test.cancel("the local engine answers \(action) with UnsupportedOperation (not implemented yet)")
        }
    }
}

/// A client program run as a child process, with dummy AWS credentials, no proxy for loopback,
/// no configuration files and no instance-metadata lookups, so nothing on the machine changes
/// what it does. Output goes to a file, not a pipe, so a chatty client never blocks on a full pipe.
struct ClientProcess {
    struct Result: Sendable {
        var status: Int32
        var output: String
    }

    static let environment: [String: String] = [
        "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "", "AWS_MAX_ATTEMPTS": "1",
        "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost", "PYTHONUNBUFFERED": "1",
    ]

    private static func prepare(_ arguments: [String], environment extra: [String: String]) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment
            .merging(environment) { $1 }.merging(extra) { $1 }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-client-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        return (process, output)
    }

    private static func read(_ output: URL) -> String {
        defer { try? FileManager.default.removeItem(at: output) }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    /// For availability checks before any server runs.
    static func runBlocking(_ arguments: [String]) throws -> Result {
        let (process, output) = try prepare(arguments, environment: [:])
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: read(output))
    }

    /// Runs the client without blocking a thread of the cooperative pool (the server it talks
    /// to runs in this process); terminates it after `timeout`.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: Duration
    ) async throws -> Result {
        let (process, output) = try prepare(arguments, environment: environment)
        let watchdog = Task.detached {
            try await Task.sleep(for: timeout)
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in continuation.resume(returning: process.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return Result(status: status, output: read(output))
    }
}
