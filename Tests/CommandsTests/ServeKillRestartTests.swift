import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Issue 7's reliability test: the real `sfn serve` executable, 1,000 Standard executions
/// with Waits, SIGKILL in the middle (no shutdown code runs), a new server on the same data
/// directory, and every execution must end exactly once with the history a clean run writes.
@Suite(.serialized)
struct ServeKillRestartTests {
    static let executions = 1_000

    /// Two scaled Waits (3 s and 1 s at `--wait-time-scale 0.01`), so the kill lands while
    /// executions are waiting and while they are moving through their transitions.
    static let definition = #"""
        {"StartAt": "Begin", "States": {
          "Begin": {"Type": "Pass", "Result": "began", "ResultPath": "$.first", "Next": "Long"},
          "Long": {"Type": "Wait", "Seconds": 300, "Next": "Middle"},
          "Middle": {"Type": "Pass", "Result": "middle", "ResultPath": "$.second", "Next": "Short"},
          "Short": {"Type": "Wait", "Seconds": 100, "Next": "Done"},
          "Done": {"Type": "Succeed"}}}
        """#

    /// Event types of one clean run: any lost or repeated transition changes this list.
    static let expectedHistory = [
        "ExecutionStarted", "PassStateEntered", "PassStateExited", "WaitStateEntered", "WaitStateExited",
        "PassStateEntered", "PassStateExited", "WaitStateEntered", "WaitStateExited", "SucceedStateEntered",
        "SucceedStateExited", "ExecutionSucceeded",
    ]

    @Test(.timeLimit(.minutes(10)))
    func everyExecutionEndsExactlyOnceAfterSIGKILL() async throws {
        guard let executable = Self.sfnExecutable() else {
            print("SKIP: the sfn executable is not built next to the tests")
            return
        }
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }

        var server = try ServedProcess(executable: executable, data: data.path)
        let client = RawClient(endpoint: try await server.endpoint())
        let machine = try await client.call(
            "CreateStateMachine",
            ["name": "KillMe", "definition": Self.definition, "roleArn": "arn:aws:iam::123456789012:role/sfn"])
        let machineArn = try #require(machine["stateMachineArn"] as? String)
        var started: [String] = []
        for index in 0..<Self.executions {
            let run = try await client.call(
                "StartExecution", ["stateMachineArn": machineArn, "name": "run-\(index)", "input": #"{"index": \#(index)}"#])
            started.append(try #require(run["executionArn"] as? String))
        }
        // Mid-run: the first executions' 3 s Wait is ending, the last ones are still waiting.
        try await Task.sleep(for: .milliseconds(2_800))
        let runningAtKill = try await client.runningCount(machineArn)
        server.kill()
        #expect(runningAtKill > 0, "every execution ended before the kill: the test proves nothing")

        server = try ServedProcess(executable: executable, data: data.path)
        defer { server.kill() }
        let again = RawClient(endpoint: try await server.endpoint())
        let deadline = ContinuousClock.now + .seconds(300)
        while try await again.runningCount(machineArn) > 0 {
            try #require(ContinuousClock.now < deadline, "executions still RUNNING five minutes after the restart")
            try await Task.sleep(for: .milliseconds(200))
        }

        let listed = try await again.allExecutions(machineArn)
        #expect(listed.count == Self.executions, "ListExecutions shows \(listed.count) executions")
        #expect(Set(listed).count == listed.count, "an execution is listed twice")
        var failures: [String] = []
        for (index, arn) in started.enumerated() {
            let described = try await again.call("DescribeExecution", ["executionArn": arn])
            let status = described["status"] as? String
            let output = (described["output"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
            let expected: NSDictionary = ["index": index, "first": "began", "second": "middle"]
            if status != "SUCCEEDED" || (output as? NSDictionary) != expected {
                failures.append("run-\(index): \(status ?? "?") \(String(describing: output))")
                continue
            }
            let events = try await again.history(arn)
            let types = events.compactMap { $0["type"] as? String }
            let ids = events.compactMap { ($0["id"] as? NSNumber)?.intValue }
            if types != Self.expectedHistory || ids != Array(1...types.count) {
                failures.append("run-\(index): history \(types) ids \(ids)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) executions wrong, first: \(failures.prefix(3))")
    }

    /// `sfn` beside the test bundle (`swift build --build-tests` builds both into one directory).
    static func sfnExecutable() -> URL? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("sfn")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}

/// `sfn serve` as its own process, killed with SIGKILL (no signal handler, no clean close).
private struct ServedProcess {
    let process = Process()
    let log: URL

    init(executable: URL, data: String) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-kill-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0", "--data", data, "--wait-time-scale", "0.01"]
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// The URL from the server's "listening on" line.
    func endpoint() async throws -> String {
        for _ in 0..<1_200 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                return String(text[range])
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw ServedProcessError(message: "sfn serve did not start: \(text.suffix(2_000))")
    }

    func kill() {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }
}

private struct ServedProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// AWS JSON 1.0 requests as any SDK sends them, without an SDK.
private struct RawClient {
    let endpoint: String

    func call(_ action: String, _ body: [String: Any]) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: endpoint)!)
        request.httpMethod = "POST"
        request.setValue("application/x-amz-json-1.0", forHTTPHeaderField: "Content-Type")
        request.setValue("AWSStepFunctions.\(action)", forHTTPHeaderField: "X-Amz-Target")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw ServedProcessError(message: "\(action) answered \(object)")
        }
        return object
    }

    func runningCount(_ machineArn: String) async throws -> Int {
        var count = 0
        var token: String?
        repeat {
            var body: [String: Any] = ["stateMachineArn": machineArn, "statusFilter": "RUNNING", "maxResults": 1000]
            if let token { body["nextToken"] = token }
            let page = try await call("ListExecutions", body)
            count += (page["executions"] as? [Any])?.count ?? 0
            token = page["nextToken"] as? String
        } while token != nil
        return count
    }

    func allExecutions(_ machineArn: String) async throws -> [String] {
        var arns: [String] = []
        var token: String?
        repeat {
            var body: [String: Any] = ["stateMachineArn": machineArn, "maxResults": 1000]
            if let token { body["nextToken"] = token }
            let page = try await call("ListExecutions", body)
            arns += ((page["executions"] as? [[String: Any]]) ?? []).compactMap { $0["executionArn"] as? String }
            token = page["nextToken"] as? String
        } while token != nil
        return arns
    }

    func history(_ arn: String) async throws -> [[String: Any]] {
        var events: [[String: Any]] = []
        var token: String?
        repeat {
            var body: [String: Any] = ["executionArn": arn, "maxResults": 1000]
            if let token { body["nextToken"] = token }
            let page = try await call("GetExecutionHistory", body)
            events += (page["events"] as? [[String: Any]]) ?? []
            token = page["nextToken"] as? String
        } while token != nil
        return events
    }
}
