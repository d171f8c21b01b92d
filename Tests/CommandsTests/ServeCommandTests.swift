import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `sfn serve` as a user starts it: a real socket on loopback, spoken to over HTTP.
@Suite struct ServeCommandTests {
    @Test func servesTheAPIOnLoopbackUntilStopped() async throws {
        let capture = CommandHarness.Capture()
        let server = Task { await CommandHarness.run(["serve", "--port", "0", "--in-memory"], capture: capture) }
        defer { server.cancel() }

        // The command reports the bound port once the socket is listening.
        var endpoint: String?
        for _ in 0..<200 where endpoint == nil {
            let text = capture.err.withLock { $0 }
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                endpoint = String(text[range])
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let url = try #require(endpoint.flatMap(URL.init(string:)), "no 'listening on' line: \(capture.err.withLock { $0 })")

        let (health, healthResponse) = try await URLSession.shared.data(from: url.appendingPathComponent("health"))
        #expect((healthResponse as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: health, as: UTF8.self).contains("ok"))

        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-amz-json-1.0", forHTTPHeaderField: "Content-Type")
        request.setValue("AWSStepFunctions.CreateStateMachine", forHTTPHeaderField: "X-Amz-Target")
        request.httpBody = Data(#"""
            {"name": "hello", "roleArn": "arn:aws:iam::123456789012:role/r",
             "definition": "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}"}
            """#.utf8)
        let (created, createdResponse) = try await URLSession.shared.data(for: request)
        #expect((createdResponse as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: created, as: UTF8.self).contains("arn:aws:states:us-east-1:123456789012:stateMachine:hello"))

        server.cancel()
        let outcome = await server.value
        #expect(outcome.exitCode == 0, "\(outcome.err)")
    }

    /// Starts `sfn serve` with `arguments` and returns its task and endpoint once it listens.
    static func start(_ arguments: [String]) async throws -> (Task<CommandHarness.Outcome, Never>, URL) {
        let capture = CommandHarness.Capture()
        let server = Task { await CommandHarness.run(["serve", "--port", "0"] + arguments, capture: capture) }
        for _ in 0..<400 {
            let text = capture.err.withLock { $0 }
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
                let url = URL(string: String(text[range]))
            {
                return (server, url)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        server.cancel()
        let outcome = await server.value
        Issue.record("no 'listening on' line: \(outcome.err)")
        throw CancellationError()
    }

    /// One AWS JSON 1.0 call; the answer's JSON object and HTTP status.
    static func call(_ url: URL, _ action: String, _ body: String) async throws -> ([String: Any], Int) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-amz-json-1.0", forHTTPHeaderField: "Content-Type")
        request.setValue("AWSStepFunctions.\(action)", forHTTPHeaderField: "X-Amz-Target")
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (object, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    @Test func aRestartedServerFinishesTheExecutionsOfTheLastOne() async throws {
        let data = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        // A 100 s Wait lasts 1 s at this scale: long enough to stop the server inside it.
        let arguments = ["--data", data.path, "--wait-time-scale", "0.01"]
        let (first, url) = try await Self.start(arguments)
        let definition = #"{\"StartAt\": \"Nap\", \"States\": {\"Nap\": {\"Type\": \"Wait\", \"Seconds\": 100, \"Next\": \"Done\"}, \"Done\": {\"Type\": \"Pass\", \"Result\": \"woke\", \"End\": true}}}"#
        let (created, status) = try await Self.call(url, "CreateStateMachine", """
            {"name": "napper", "roleArn": "arn:aws:iam::123456789012:role/r", "definition": "\(definition)"}
            """)
        #expect(status == 200, "\(created)")
        let machine = try #require(created["stateMachineArn"] as? String)
        let (started, _) = try await Self.call(url, "StartExecution", #"{"stateMachineArn": "\#(machine)", "name": "nap"}"#)
        let execution = try #require(started["executionArn"] as? String)
        first.cancel()
        let stopped = await first.value
        #expect(stopped.exitCode == 0, "\(stopped.err)")
        #expect(stopped.err.contains(data.path))

        let (second, secondURL) = try await Self.start(arguments)
        defer { second.cancel() }
        var described: [String: Any] = [:]
        for _ in 0..<300 {
            (described, _) = try await Self.call(secondURL, "DescribeExecution", #"{"executionArn": "\#(execution)"}"#)
            if described["status"] as? String != "RUNNING" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(described["status"] as? String == "SUCCEEDED", "\(described)")
        #expect(described["output"] as? String == #""woke""#)
        let (history, _) = try await Self.call(secondURL, "GetExecutionHistory", #"{"executionArn": "\#(execution)"}"#)
        let events = try #require(history["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["id"] as? Int } == Array(1...events.count))
        #expect(events.compactMap { $0["type"] as? String } == [
            "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited",
            "ExecutionSucceeded",
        ])
        // The catalog came back too.
        let (machines, _) = try await Self.call(secondURL, "ListStateMachines", "{}")
        #expect((machines["stateMachines"] as? [[String: Any]])?.count == 1)
        second.cancel()
        #expect(await second.value.exitCode == 0)
    }

    @Test func aSecondServerOnTheSameDataIsRefused() async throws {
        let data = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let (first, _) = try await Self.start(["--data", data.path])
        defer { first.cancel() }
        let outcome = await CommandHarness.run(["serve", "--port", "0", "--data", data.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("is in use by process \(getpid())"), "\(outcome.err)")
        first.cancel()
        _ = await first.value
    }

    @Test func rejectsABadPortWithOneClearLine() async {
        let outcome = await CommandHarness.run(["serve", "--port", "99999"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("99999"))
    }
}
