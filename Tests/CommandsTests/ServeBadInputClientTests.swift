import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Requests no SDK would send, at the real `sfn serve` (the engine behind it): each gets AWS's
/// error with its status, and the server keeps answering afterwards.
@Suite struct ServeBadInputClientTests {
    struct Answer {
        var status: Int
        var type: String?
        var message: String?
    }

    static let machine = "arn:aws:states:us-east-1:123456789012:stateMachine:Target"

    /// Sends raw bytes with the given method, target and content type.
    func send(
        _ endpoint: String, method: String = "POST", path: String = "/", target: String? = nil, body: Data = Data(),
        contentType: String? = "application/x-amz-json-1.0"
    ) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: endpoint + path)))
        request.httpMethod = method
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let target { request.setValue(target, forHTTPHeaderField: "X-Amz-Target") }
        if method == "POST" { request.httpBody = body }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return Answer(
            status: (response as? HTTPURLResponse)?.statusCode ?? 0, type: object?["__type"] as? String,
            message: object?["message"] as? String)
    }

    func action(_ endpoint: String, _ name: String, _ body: String) async throws -> Answer {
        try await send(endpoint, target: "AWSStepFunctions.\(name)", body: Data(body.utf8))
    }

    func expect(
        _ answer: Answer, _ status: Int, _ type: String, containing fragment: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(answer.status == status, "\(answer)", sourceLocation: sourceLocation)
        #expect(answer.type == type, "\(answer)", sourceLocation: sourceLocation)
        if let fragment {
            #expect(answer.message?.contains(fragment) == true, "\(answer)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyBadRequestGetsAWSsErrorAndTheServerKeepsServing() async throws {
        try await ServeClientTests.withServer { served in
            let url = served.endpoint
            let definition = #"{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}"#
            let created = try await action(
                url, "CreateStateMachine",
                #"{"name":"Target","definition":"\#(definition)","roleArn":"arn:aws:iam::123456789012:role/r"}"#)
            #expect(created.status == 200, "\(created)")

            // Malformed bodies.
            for body in ["{", "[]", "null", #"{"stateMachineArn": 5}"#, String(repeating: "[", count: 50_000)] {
                expect(try await action(url, "DescribeStateMachine", body), 400, "SerializationException")
            }
            expect(
                try await send(url, target: "AWSStepFunctions.ListStateMachines", body: Data([0x7B, 0xFF, 0xFE, 0x7D])),
                400, "SerializationException")
            expect(try await action(url, "DescribeStateMachine", "{}"), 400, "ValidationException", containing: "stateMachineArn")

            // Unknown actions, a missing target, other services' targets.
            expect(try await action(url, "LaunchRocket", "{}"), 400, "UnknownOperationException", containing: "LaunchRocket")
            expect(try await send(url, body: Data("{}".utf8)), 400, "UnknownOperationException", containing: "X-Amz-Target")
            expect(
                try await send(url, target: "DynamoDB_20120810.ListTables", body: Data("{}".utf8)), 400,
                "UnknownOperationException")

            // Sizes: a request over 1 MB, an execution input over 256 KiB.
            let huge = Data(("{\"maxResults\": 1" + String(repeating: " ", count: 1_048_577) + "}").utf8)
            expect(
                try await send(url, target: "AWSStepFunctions.ListStateMachines", body: huge), 413,
                "RequestEntityTooLargeException")
            let bigInput = "{\\\"pad\\\":\\\"" + String(repeating: "x", count: 262_144) + "\\\"}"
            expect(
                try await action(url, "StartExecution", #"{"stateMachineArn":"\#(Self.machine)","input":"\#(bigInput)"}"#),
                400, "ValidationException",
                containing: "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have size less than or equal to 262144 bytes in UTF-8 encoding")

            // ARNs that are not ARNs, or of the wrong resource, or of nothing.
            for arn in ["", "not-an-arn", "arn:aws:states:us-east-1:123456789012:activity:Target", "arn:aws:s3:::bucket"] {
                expect(try await action(url, "DescribeStateMachine", #"{"stateMachineArn":"\#(arn)"}"#), 400, "InvalidArn")
            }
            expect(try await action(url, "DescribeExecution", #"{"executionArn":"\#(Self.machine)"}"#), 400, "InvalidArn")
            expect(
                try await action(url, "DescribeStateMachine", #"{"stateMachineArn":"\#(Self.machine)Gone"}"#), 400,
                "StateMachineDoesNotExist")

            // Names with forbidden characters or lengths.
            for name in ["has space", "a/b", "semi;colon", "brace{", "tab\\t", String(repeating: "n", count: 81), ""] {
                let answer = try await action(
                    url, "CreateStateMachine",
                    #"{"name":"\#(name)","definition":"\#(definition)","roleArn":"arn:aws:iam::123456789012:role/r"}"#)
                #expect(answer.status == 400, "\(name): \(answer)")
                #expect(answer.type == "InvalidName" || answer.type == "ValidationException", "\(name): \(answer)")
            }
            expect(
                try await action(url, "StartExecution", #"{"stateMachineArn":"\#(Self.machine)","name":"why?"}"#), 400,
                "InvalidName")

            // Not the protocol: another content type, GET on /, another path.
            expect(
                try await send(
                    url, target: "AWSStepFunctions.ListStateMachines", body: Data("maxResults=1".utf8),
                    contentType: "application/x-www-form-urlencoded"),
                400, "UnknownOperationException", containing: "Content-Type")
            expect(try await send(url, method: "GET"), 405, "UnknownOperationException", containing: "GET")
            expect(
                try await send(url, path: "/2015-03-31/functions", target: "AWSStepFunctions.ListStateMachines"), 404,
                "UnknownOperationException")

            // Still serving.
            let listed = try await action(url, "ListStateMachines", "{}")
            #expect(listed.status == 200 && listed.type == nil, "\(listed)")
        }
    }
}
