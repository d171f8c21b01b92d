import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `sfn serve` as a user starts it: a real socket on loopback, spoken to over HTTP.
@Suite struct ServeCommandTests {
    @Test func servesTheAPIOnLoopbackUntilStopped() async throws {
        let capture = CommandHarness.Capture()
        let server = Task { await CommandHarness.run(["serve", "--port", "0"], capture: capture) }
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

    @Test func rejectsABadPortWithOneClearLine() async {
        let outcome = await CommandHarness.run(["serve", "--port", "99999"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("99999"))
    }
}
